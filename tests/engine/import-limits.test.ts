import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/engine/database.ts';
import { cancelToken, importFile, inspectFile, type ImportProgress, type ImportSource } from '../../src/engine/import/index.ts';
import { createNodeEngine } from '../../src/engine/node.ts';
import { EngineError, toRows } from '../../src/engine/types.ts';

let db: Database;
beforeAll(async () => {
  db = await createNodeEngine().database();
});
const leftovers = () => toRows(db.querySync("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '\\_\\_i%' ESCAPE '\\'"));

/** A generated CSV of `n` rows (~70 bytes each), built as bytes without one big string. */
function bigCsv(n: number): Uint8Array {
  const enc = new TextEncoder();
  const parts = [enc.encode('customer_id,date,revenue,note\n')];
  for (let start = 0; start < n; start += 100_000) {
    let s = '';
    for (let i = start; i < Math.min(n, start + 100_000); i++) s += `cust-${i % 50_000},2024-0${1 + (i % 9)}-1${i % 10},${(i % 997) + 0.5},note number ${i} padding text\n`;
    parts.push(enc.encode(s));
  }
  return Buffer.concat(parts);
}

describe('a file that does not fit in memory', () => {
  it('fails with the size that fits, leaves no tables, and the engine keeps working', async () => {
    const source: ImportSource = { name: 'huge.csv', data: bigCsv(300_000) };
    const info = await inspectFile(db, source);
    const before = String(db.querySync("SELECT current_setting('memory_limit') AS m").data[0]![0]);
    db.exec("SET memory_limit = '16MiB'");
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
    expect(e.details).toMatchObject({ file: 'huge.csv', reason: 'out_of_memory', memoryLimitBytes: 16 * 1024 * 1024, fitsBytes: 8 * 1024 * 1024 });
    expect(e.message).toMatch(/^huge\.csv: the file \(\d+ MB\) does not fit .*\(16 MB\)\. Files up to about 8 MB fit/);
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
  const big: ImportSource = { name: 'big-gbk.csv', data: Buffer.concat([header, ...Array.from({ length: 40_000 }, () => body)]) };

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
    expect((err as EngineError).info).toMatchObject({ code: 'cancelled', details: { file: 'big-gbk.csv', reason: 'cancelled' } });
    expect(leftovers()).toEqual([]);
    expect(toRows(db.querySync("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'cancelled_import'"))).toEqual([{ n: 0 }]);
  });
});
