import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/engine/database.ts';
import {
  cancelToken,
  importFile,
  inspectFile,
  type ImportProgress,
  type ImportSource,
} from '../../src/engine/import/index.ts';
import { fitsBytes } from '../../src/engine/import/run-sql.ts';
import { sourceSize } from '../../src/engine/import/source.ts';
import { wholeFileLimits } from '../../src/engine/import/whole-file-limits.ts';
import { createNodeEngine } from '../../src/engine/node.ts';
import { EngineError, toRows } from '../../src/engine/types.ts';

let db: Database;
beforeAll(async () => {
  db = await createNodeEngine().database();
});
const leftovers = () =>
  toRows(db.querySync("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '\\_\\_i%' ESCAPE '\\'"));

/** A generated CSV of `n` rows (~70 bytes each), built as bytes without one big string. */
function bigCsv(n: number): Uint8Array {
  const enc = new TextEncoder();
  const parts = [enc.encode('customer_id,date,revenue,note\n')];
  for (let start = 0; start < n; start += 100_000) {
    let s = '';
    for (let i = start; i < Math.min(n, start + 100_000); i++)
      s += `cust-${i % 50_000},2024-0${1 + (i % 9)}-1${i % 10},${(i % 997) + 0.5},note number ${i} padding text\n`;
    parts.push(enc.encode(s));
  }
  return Buffer.concat(parts);
}

describe('a file that does not fit in memory', () => {
  it('fails with the size that fits, leaves no tables, and the engine keeps working', async () => {
    const source: ImportSource = { name: 'huge.csv', data: bigCsv(300_000) };
    const info = await inspectFile(db, source);
    const before = String(db.querySync("SELECT current_setting('memory_limit') AS m").data[0]![0]);
    db.exec("SET memory_limit = '64MiB'");
    let err: unknown;
    try {
      await importFile(db, source, { mapping: info.suggestion.mapping });
    } catch (e) {
      err = e;
    } finally {
      // RESET restores the setting's text but (in DuckDB-WASM 1.4.3) not the buffer pool's limit.
      db.exec(`SET memory_limit = '${before}'`);
    }
    expect(err).toBeInstanceOf(EngineError);
    const e = (err as EngineError).info;
    expect(e.code).toBe('input');
    // What fits is worked out for rows as wide as this file's (~70 bytes; run-sql.ts, `fitsBytes`).
    const rowBytes = (source.data as Uint8Array).byteLength / 300_001;
    expect(e.details).toMatchObject({ file: 'huge.csv', reason: 'out_of_memory', memoryLimitBytes: 64 * 1024 * 1024 });
    const fits = (e.details as { fitsBytes: number }).fitsBytes;
    expect(Math.abs(fits - fitsBytes(64 * 1024 * 1024, rowBytes)!) / fits).toBeLessThan(0.1);
    expect(e.message).toMatch(
      /^huge\.csv: the file \(\d+ MB\) does not fit .*\(64 MB\)\. Files up to about [5-9](\.\d)? MB fit/,
    );
    expect(leftovers()).toEqual([]);
    // Usable afterwards: a small import works on the same instance.
    const small: ImportSource = { name: 'small.csv', data: bigCsv(1000) };
    const r = await importFile(db, small, { mapping: info.suggestion.mapping });
    expect([r.read, r.imported, r.rejected]).toEqual([1000, 1000, 0]);
  });
});

describe('progress and cancellation', () => {
  const gbk = readFileSync(path.resolve(import.meta.dirname, '../fixtures/import/zh-gbk.csv'));
  const header = gbk.subarray(0, gbk.indexOf(0x0a) + 1);
  const body = gbk.subarray(header.length);
  // ~6 MB of GBK text: transcoded in two 4 MB slices.
  const big: ImportSource = {
    name: 'big-gbk.csv',
    data: Buffer.concat([header, ...Array.from({ length: 40_000 }, () => body)]),
  };

  it('reports rising progress through the phases and ends at 1', async () => {
    const info = await inspectFile(db, big);
    expect(info.encoding?.encoding).toBe('gb18030');
    const seen: ImportProgress[] = [];
    const r = await importFile(db, big, { mapping: info.suggestion.mapping, onProgress: (p) => seen.push(p) });
    expect(r.read).toBe(200_000);
    expect(r.imported).toBe(200_000);
    expect(seen.map((p) => p.phase)).toEqual(expect.arrayContaining(['reading', 'mapping', 'validating', 'done']));
    expect(seen.filter((p) => p.phase === 'reading').length).toBeGreaterThan(2);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.fraction).toBeGreaterThanOrEqual(seen[i - 1]!.fraction);
    expect(seen.at(-1)).toEqual({ phase: 'done', fraction: 1 });
  });

  it('stops between slices when cancelled, with code "cancelled" and no tables left behind', async () => {
    const info = await inspectFile(db, big);
    const { token, cancel } = cancelToken();
    const err = await importFile(db, big, {
      mapping: info.suggestion.mapping,
      target: 'cancelled_import',
      token,
      onProgress: (p) => {
        if (p.phase === 'reading' && p.fraction > 0) cancel();
      },
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect((err as EngineError).info).toMatchObject({
      code: 'cancelled',
      details: { file: 'big-gbk.csv', reason: 'cancelled' },
    });
    expect(leftovers()).toEqual([]);
    expect(
      toRows(db.querySync("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'cancelled_import'")),
    ).toEqual([{ n: 0 }]);
  });
});

describe('XLSX, Parquet and JSON too large to convert in memory', () => {
  /**
   * A stand-in for a browser `File` of `size` bytes that never allocates them: `head` comes first,
   * spaces after; reads past `readable` bytes fail like a JS heap that cannot hold them.
   */
  function fakeFile(size: number, head: Uint8Array, readable = Infinity): Blob {
    return {
      size,
      slice: (start = 0, end = size) => ({
        arrayBuffer: async () => {
          if (end > readable && start > 0) throw new RangeError('Array buffer allocation failed');
          const out = new Uint8Array(Math.max(0, Math.min(end, size) - start)).fill(0x20);
          out.set(head.subarray(start, Math.min(head.length, end)));
          return out.buffer;
        },
      }),
    } as unknown as Blob;
  }
  const ascii = (s: string) => new TextEncoder().encode(s);
  const GB = 1024 ** 3;

  it.each([
    [
      'book.xlsx',
      ascii('PK\u0003\u0004'),
      /^book\.xlsx: the file \(3 GB\) is too large to convert: XLSX files are read whole into memory, up to about 100 MB\. Save or export it as CSV/,
    ],
    [
      'orders.parquet',
      ascii('PAR1'),
      /^orders\.parquet: the file \(3 GB\) is too large to convert: Parquet files .* up to about 250 MB\./,
    ],
    [
      'orders.json',
      ascii('[{"customer_id": "c1"}'),
      /^orders\.json: the file \(3 GB\) is too large to convert: JSON files .* up to about 400 MB\./,
    ],
    [
      'orders.ndjson',
      ascii('{"customer_id": "c1"}\n'),
      /^orders\.ndjson: the file \(3 GB\) is too large .* NDJSON files/,
    ],
  ])('%s of 3 GB is refused up front with what fits, before anything is read whole', async (name, head, message) => {
    const err = await inspectFile(db, { name, data: fakeFile(3 * GB, head) }).then(
      () => null,
      (e: unknown) => e as EngineError,
    );
    expect(err).toBeInstanceOf(EngineError);
    expect(err!.info).toMatchObject({ code: 'input', details: { file: name, reason: 'too_big', fileBytes: 3 * GB } });
    expect(err!.info.message).toMatch(message);
    expect(leftovers()).toEqual([]);
  });

  it('a JS allocation failure while converting gives the same message, not a crash', async () => {
    // 10 MB: under the limit, but the reader cannot allocate the footer it asks for.
    const err = await inspectFile(db, {
      name: 'odd.parquet',
      data: fakeFile(10 * 1024 ** 2, ascii('PAR1'), 2 << 20),
    }).then(
      () => null,
      (e: unknown) => e as EngineError,
    );
    expect(err!.info).toMatchObject({ code: 'input', details: { file: 'odd.parquet', reason: 'too_big' } });
    expect(err!.info.message).toMatch(/^odd\.parquet: the file \(10 MB\) is too large to convert/);
    expect(toRows(db.querySync('SELECT 42 AS x'))).toEqual([{ x: 42 }]);
  });

  it('gzip JSON is measured as it is decompressed', async () => {
    const saved = wholeFileLimits.ndjson;
    wholeFileLimits.ndjson = 64 * 1024;
    try {
      const lines = Array.from({ length: 5000 }, (_x, i) =>
        JSON.stringify({ customer_id: `c${i}`, date: '2024-01-05', revenue: i }),
      ).join('\n');
      const source: ImportSource = { name: 'orders.ndjson.gz', data: new Uint8Array(gzipSync(lines)) };
      expect(sourceSize(source)).toBeLessThan(64 * 1024);
      const err = await inspectFile(db, source).then(
        () => null,
        (e: unknown) => e as EngineError,
      );
      expect(err!.info).toMatchObject({ details: { reason: 'too_big' } });
      expect(err!.info.message).toMatch(
        /^orders\.ndjson\.gz: the file \(more than 64 KB once decompressed\) is too large to convert/,
      );
    } finally {
      wholeFileLimits.ndjson = saved;
    }
  });
});
