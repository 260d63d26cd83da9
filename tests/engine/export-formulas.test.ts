/**
 * Formula cells planted in an imported file come back out neutralised: the rejected rows of a real
 * import, downloaded straight from the engine (`rejectsCsv`) and from the copy saved with the
 * dataset (DuckDB's COPY via `exportTables`, rewritten on download by `neutraliseCsv`), carry every
 * planted formula with a leading `'`, while the numbers of the imported rows stay numbers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { neutraliseCsv, parseCsv } from '../../src/engine/csv-rewrite.ts';
import { createNodeEngine, type NodeEngine } from '../../src/engine/node.ts';
import type { ImportMapping, ImportReport } from '../../src/engine/import/index.ts';
import { formulaCells } from '../fixtures/formula-cells.ts';

let engine: NodeEngine;
let report: ImportReport;
const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

beforeAll(async () => {
  engine = createNodeEngine();
  // Mostly numbers, so the revenue column is detected as numeric and each formula is a rejected value.
  const numbers = Array.from({ length: 60 }, (_, i) => `n${i},2024-01-05,${i % 2 ? '-12.5' : '40'}`);
  const lines = [
    'customer_id,date,revenue',
    ...numbers,
    ...formulaCells.map((f, i) => `c${i + 2},2024-01-05,${quote(f)}`),
  ];
  const source = { name: 'planted.csv', data: new TextEncoder().encode(lines.join('\n') + '\n') };
  // The mapping is given: this test is about what comes out, not about detection.
  const mapping = {
    table: 'transactions',
    columns: {
      customer_id: { source: 'customer_id' },
      date: { source: 'date', date: { patterns: ['%Y-%m-%d'], ambiguous: false, hasTime: false } },
      revenue: { source: 'revenue', number: { decimal: '.', thousands: '', currency: null } },
    },
    extras: [],
  } as unknown as ImportMapping;
  report = await engine.importFile(source, { mapping, target: 'transactions' });
});

/** The `value` cells of a rejects CSV that hold one of the planted formulas, and how many are neutralised. */
function tally(csv: string): { planted: number; neutralised: number } {
  const [header, ...rows] = parseCsv(csv);
  const value = header!.indexOf('value');
  const cells = rows
    .map((r) => r[value] ?? '')
    .filter((c) => formulaCells.some((f) => c === f || c === `'${f}` || c.trim() === f.trim() || c === `'${f.trim()}`));
  return { planted: cells.length, neutralised: cells.filter((c) => c.startsWith("'")).length };
}

describe('planted formulas in rejected rows', () => {
  it('every planted formula is rejected (revenue is not a number) and the number rows are imported', () => {
    expect(report.imported).toBe(60);
    expect(report.rejected).toBe(formulaCells.length);
  });

  it.each<[string, () => Promise<string>]>([
    ['downloaded from the engine (rejectsCsv)', () => engine.rejectsCsv(report.rejectsTable)],
    [
      'downloaded from the saved copy (exportTables → neutraliseCsv)',
      async () => neutraliseCsv(new TextDecoder().decode((await engine.exportTables([report.rejectsTable]))[0]!.bytes)),
    ],
  ])('%s: all neutralised', async (_name, download) => {
    const { planted, neutralised } = tally(await download());
    expect(planted).toBe(formulaCells.length);
    expect(neutralised).toBe(planted);
  });
});
