// The messy-file corpus (tests/fixtures/messy, built by make-messy.ts): every file goes through the
// real detection (`inspectFile`) and import (`importFile`) in the Node engine, and must give the
// table, column mapping, row accounting, totals and warnings its manifest says it was built for.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/engine/database.ts';
import { importFile, inspectFile, type ImportSource } from '../../src/engine/import/index.ts';
import type { ColumnMapping } from '../../src/engine/import/mapping.ts';
import { createNodeEngine } from '../../src/engine/node.ts';
import { toRows } from '../../src/engine/types.ts';

interface Expected {
  file: string;
  about: string;
  encoding?: string;
  delimiter?: string;
  table: string;
  mapping: Record<string, string | [string, string]>;
  read: number;
  imported: number;
  rejected: number;
  rejects?: Record<string, number>;
  total?: number;
  warnings?: Record<string, number>;
  dates?: [string, string];
}

const dir = path.resolve(import.meta.dirname, '../fixtures/messy');
const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Expected[];
const source = (file: string): ImportSource => ({
  name: file,
  data: new Uint8Array(readFileSync(path.join(dir, file))),
});
const measure: Record<string, string | undefined> = {
  transactions: 'revenue',
  service_costs: 'amount',
  surveys: 'satisfaction',
};
const sources = (m: ColumnMapping): string | [string, string] =>
  'multiply' in m ? [m.multiply[0].source, m.multiply[1].source] : m.source;

let db: Database;
beforeAll(async () => {
  db = await createNodeEngine().database();
});

describe('the corpus', () => {
  it('has at least 30 files covering every canonical table', () => {
    expect(manifest.length).toBeGreaterThanOrEqual(30);
    expect(new Set(manifest.map((e) => e.table))).toEqual(
      new Set(['transactions', 'customers', 'service_costs', 'surveys']),
    );
  });
});

describe.each(manifest.map((e) => [e.file, e] as const))('%s', (_file, e) => {
  it(`${e.about}: detected as ${e.table} with the expected mapping, read = imported + rejected`, async () => {
    const info = await inspectFile(db, source(e.file));
    if (e.encoding) expect(info.encoding?.encoding).toBe(e.encoding);
    if (e.delimiter) expect(info.dialect?.delimiter).toBe(e.delimiter === 'tab' ? '\t' : e.delimiter);
    expect(info.suggestion.missing).toEqual([]);
    expect(info.suggestion.mapping.table).toBe(e.table);
    expect(
      Object.fromEntries(Object.entries(info.suggestion.mapping.columns).map(([k, m]) => [k, sources(m)])),
    ).toEqual(e.mapping);

    const target = `messy_${e.table}`;
    const report = await importFile(db, source(e.file), { mapping: info.suggestion.mapping, target });
    expect({ read: report.read, imported: report.imported, rejected: report.rejected }).toEqual({
      read: e.read,
      imported: e.imported,
      rejected: e.rejected,
    });
    expect(report.read).toBe(report.imported + report.rejected);
    expect(Object.fromEntries(report.rejectGroups.map((g) => [g.reason, g.count]))).toEqual(e.rejects ?? {});
    const rows = Number(db.querySync(`SELECT count(*) FROM ${target}`).data[0]![0]);
    expect(rows).toBe(e.imported);

    const col = measure[e.table];
    if (e.total !== undefined && col) {
      const total = Number(db.querySync(`SELECT coalesce(sum(${col}), 0) FROM ${target}`).data[0]![0]);
      expect(total).toBeCloseTo(e.total, 2);
    }
    for (const [code, count] of Object.entries(e.warnings ?? {})) {
      const w = report.warnings.find((x) => x.code === code);
      expect(w, `warning ${code}`).toBeDefined();
      expect(w!.count).toBe(count);
    }
    if (!e.warnings?.duplicates) expect(report.warnings.find((w) => w.code === 'duplicates')).toBeUndefined();
    if (e.dates) {
      const [first] = toRows(
        db.querySync(
          `SELECT strftime(min(date), '%Y-%m-%d') AS lo, strftime(max(date), '%Y-%m-%d') AS hi FROM ${target}`,
        ),
      );
      expect([first!.lo, first!.hi]).toEqual(e.dates);
    }
  });
});
