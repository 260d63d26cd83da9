import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  decodeHead,
  detectEncoding,
  isValidUtf8,
  transcodeToUtf8,
  whitespaceToTabs,
} from '../../src/engine/import/encoding.ts';
import { detectFormat, looksBinary } from '../../src/engine/import/detect-format.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(path.resolve(import.meta.dirname, '../fixtures/import', name)));

async function* slicesOf(bytes: Uint8Array, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
async function collect(gen: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const p of gen) parts.push(p);
  return new TextDecoder().decode(Buffer.concat(parts));
}

describe('detectEncoding', () => {
  it.each([
    ['zh-utf8-bom.csv', 'utf-8', 'bom', 3, '客户编号,交易日期,金额,地区'],
    ['zh-gbk.csv', 'gb18030', 'scored', 0, '客户编号,交易日期,金额,地区'],
    ['zh-big5.csv', 'big5', 'scored', 0, '客戶編號,交易日期,金額,地區'],
    ['zh-utf16le.csv', 'utf-16le', 'bom', 2, '客户编号,交易日期,金额,地区'],
    ['european.csv', 'utf-8', 'utf8-valid', 0, 'Kunde;Datum;Betrag'],
  ])('%s → %s (%s)', (file, encoding, method, bomBytes, header) => {
    const bytes = fixture(file);
    const guess = detectEncoding(bytes);
    expect(guess).toMatchObject({ encoding, method, bomBytes });
    expect(guess.warning).toBeUndefined();
    expect(decodeHead(bytes, guess).split(/\r?\n/)[0]).toBe(header);
  });

  it('detects UTF-16 without a BOM from its zero bytes', () => {
    const le = new Uint8Array(Buffer.from('id,amount\r\n1,2\r\n', 'utf16le'));
    expect(detectEncoding(le)).toMatchObject({ encoding: 'utf-16le', method: 'utf16-pattern' });
    const be = le.slice();
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1]!, be[i]!];
    expect(detectEncoding(be).encoding).toBe('utf-16be');
  });

  it('warns instead of guessing silently when the bytes fit no encoding well', () => {
    // Random high bytes: valid in no encoding as meaningful text.
    const noise = new Uint8Array(400).map((_x, i) => 0x81 + ((i * 97) % 120));
    const guess = detectEncoding(noise);
    expect(guess.confidence).toBeLessThan(0.6);
    expect(guess.warning).toMatch(/uncertain/);
  });

  it('honours an override and still skips a matching BOM', () => {
    expect(detectEncoding(fixture('zh-gbk.csv'), { override: 'big5' })).toMatchObject({
      encoding: 'big5',
      method: 'override',
      bomBytes: 0,
      warning: expect.stringMatching(/looks like gb18030/),
    });
    expect(detectEncoding(fixture('zh-gbk.csv'), { override: 'gb18030' }).warning).toBeUndefined();
    expect(detectEncoding(fixture('zh-utf8-bom.csv'), { override: 'utf-8' }).bomBytes).toBe(3);
  });

  it('accepts a UTF-8 head cut inside a multi-byte character', () => {
    const bytes = new TextEncoder().encode('客户编号');
    expect(isValidUtf8(bytes.subarray(0, 4))).toBe(true); // 3 + 1 byte of the second character
    expect(isValidUtf8(new Uint8Array([0x41, 0xff, 0x41]))).toBe(false);
  });
});

describe('transcodeToUtf8', () => {
  it.each([1, 2, 3, 7, 1000])('decodes GBK sliced every %i bytes exactly like the whole file', async (size) => {
    const bytes = fixture('zh-gbk.csv');
    const text = await collect(transcodeToUtf8(slicesOf(bytes, size), 'gb18030'));
    expect(text).toBe(new TextDecoder('gb18030').decode(bytes));
  });

  it('skips the BOM, counts undecodable bytes and rewrites whitespace-aligned columns', async () => {
    const stats = { replacements: 0 };
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode(' id  date  n\r\n 00001 19970101  1\r\n'),
      0xff,
    ]);
    const text = await collect(
      transcodeToUtf8(slicesOf(bytes, 5), 'utf-8', { bomBytes: 3, whitespaceColumns: true }, stats),
    );
    expect(text).toBe('id\tdate\tn\n00001\t19970101\t1\n\ufffd\n');
    expect(stats.replacements).toBe(1);
  });

  it('stops when cancelled', async () => {
    let n = 0;
    const gen = transcodeToUtf8(slicesOf(new Uint8Array(100).fill(65), 10), 'utf-8', { isCancelled: () => ++n > 2 });
    await expect(collect(gen)).rejects.toThrow('Import cancelled.');
  });

  it('whitespaceToTabs drops blank lines and trims', () => {
    expect(whitespaceToTabs('  a   b\t c \n\n d e\n')).toBe('a\tb\tc\nd\te\n');
  });
});

describe('detectFormat', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it.each([
    ['two-sheets.xlsx', 'xlsx'],
    ['orders.parquet', 'parquet'],
    ['orders.ndjson', 'ndjson'],
    ['binary.csv', 'binary'],
    ['zh-utf16le.csv', 'csv'],
    ['zh-gbk.csv', 'csv'],
  ])('%s → %s (by content)', (file, format) => {
    const b = fixture(file);
    expect(detectFormat(file, b, b)).toBe(format);
  });
  it.each([
    ['a.json', '[{"a":1}]', 'json'],
    ['a.json', '{"a":1}\n{"a":2}', 'ndjson'],
    ['a.txt', '{"a":1}', 'ndjson'],
    ['a.csv', 'a,b\n1,2', 'csv'],
  ])('%s %j → %s', (name, text, format) => {
    expect(detectFormat(name, enc(text), enc(text))).toBe(format);
  });
  it('does not call UTF-16 text binary', () => {
    expect(looksBinary(new Uint8Array(Buffer.from('a,b\n1,2\n', 'utf16le')))).toBe(false);
  });
});
