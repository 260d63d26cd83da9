import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/engine/database.ts';
import { analyseSource } from '../../src/engine/import/analyse-source.ts';
import {
  defaultRules,
  inspectFile,
  mapStaged,
  rejectedRows,
  type ImportMapping,
  type ImportSource,
} from '../../src/engine/import/index.ts';
import { stageSource } from '../../src/engine/import/stage-source.ts';
import { createNodeEngine } from '../../src/engine/node.ts';
import { toRows } from '../../src/engine/types.ts';

// UCI Online Retail (gzip CSV read by DuckDB natively). Expected counts computed independently with
// Python's csv module over the same file: 541,909 lines; 135,080 without CustomerID; 9,288
// cancellations (8,905 of them with a CustomerID, all with negative quantities); 397,924 rows with a
// customer and no cancellation, revenue 8,911,407.90 from 4,339 customers.
const source: ImportSource = {
  name: 'online_retail.csv.gz',
  data: new Uint8Array(readFileSync(path.resolve(import.meta.dirname, '../fixtures/datasets/online_retail.csv.gz'))),
};

let db: Database;
let mapping: ImportMapping;
beforeAll(async () => {
  db = await createNodeEngine().database();
  const info = await inspectFile(db, source);
  mapping = info.suggestion.mapping;
  // Stage once, map twice with different rules (staging the 23 MB file is the slow part).
  await stageSource(db, source, await analyseSource(source), 'retail_staging');
});
const rows = (sql: string) => toRows(db.querySync(sql));

describe('online_retail.csv.gz', () => {
  it('suggests transactions with revenue = Quantity × UnitPrice', () => {
    expect(mapping.table).toBe('transactions');
    expect(mapping.columns.revenue).toMatchObject({ multiply: [{ source: 'Quantity' }, { source: 'UnitPrice' }] });
    expect(mapping.columns).toMatchObject({
      customer_id: { source: 'CustomerID' },
      order_id: { source: 'InvoiceNo' },
      date: { source: 'InvoiceDate' },
    });
  });

  it('rules "drop rows without customer id" + "exclude cancellations": every row accounted for', async () => {
    const r = await mapStaged(
      db,
      'retail_staging',
      mapping,
      { ...defaultRules, missingCustomerId: 'drop', cancellations: 'exclude' },
      'transactions',
    );
    expect(r.read).toBe(541909);
    expect(r.imported + r.rejected).toBe(r.read);
    expect(r.imported).toBe(397924);
    expect(r.rejectGroups).toEqual([
      {
        reason: 'missing customer id (dropped by rule)',
        column: 'CustomerID',
        kind: 'rule',
        count: 135080,
        firstRow: 623,
      },
      { reason: 'cancellation (excluded by rule)', column: 'InvoiceNo', kind: 'rule', count: 8905, firstRow: 142 },
    ]);
    expect(
      rows(
        'SELECT round(sum(revenue), 2) AS revenue, count(DISTINCT customer_id) AS customers, min(quantity) >= 0 AS no_returns FROM transactions',
      ),
    ).toEqual([{ revenue: 8911407.9, customers: 4339, no_returns: true }]);
    // Duplicates among the imported rows only (5,268 in the whole file; the dropped rows are not "kept").
    expect(r.warnings.find((w) => w.code === 'duplicates')?.count).toBe(5192);
    expect(toRows(rejectedRows(db, r, 0, 1))).toEqual([
      { row: 142, column: 'InvoiceNo', reason: 'cancellation (excluded by rule)', kind: 'rule', value: 'C536379' },
    ]);
  });

  it('rules "reject missing ids" + "keep cancellations" + "negative quantities are returns": reported as warnings', async () => {
    const r = await mapStaged(
      db,
      'retail_staging',
      mapping,
      { ...defaultRules, missingCustomerId: 'reject', cancellations: 'keep', negativeQuantity: 'return' },
      'transactions',
    );
    expect([r.read, r.imported, r.rejected]).toEqual([541909, 406829, 135080]);
    expect(r.rejectGroups).toEqual([
      { reason: 'missing customer id', column: 'CustomerID', kind: 'error', count: 135080, firstRow: 623 },
    ]);
    expect(Object.fromEntries(r.warnings.filter((w) => w.code !== 'blanks').map((w) => [w.code, w.count]))).toEqual({
      duplicates: 5225, // among the rows with a customer id (the rejected ones are not kept)
      negative_amounts: 8905,
      returns: 8905,
      cancellations: 8905,
    });
    expect(rows('SELECT round(sum(revenue), 2) AS revenue FROM transactions')).toEqual([{ revenue: 8300065.81 }]);
  });
});
