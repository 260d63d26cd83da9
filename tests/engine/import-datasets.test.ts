import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/engine/database.ts';
import { importFile, inspectFile, type ImportSource } from '../../src/engine/import/index.ts';
import { createNodeEngine } from '../../src/engine/node.ts';
import { toRows } from '../../src/engine/types.ts';

const datasets = path.resolve(import.meta.dirname, '../fixtures/datasets');
const dataset = (name: string): ImportSource => ({
  name,
  data: new Uint8Array(readFileSync(path.join(datasets, name))),
});

let db: Database;
beforeAll(async () => {
  db = await createNodeEngine().database();
});
const rows = (sql: string) => toRows(db.querySync(sql));

describe('CDNOW_master.txt (whitespace-aligned, YYYYMMDD dates)', () => {
  it('imports as transactions: 69,659 rows, 23,570 customers, ids with leading zeros kept', async () => {
    const source = dataset('CDNOW_master.txt');
    const info = await inspectFile(db, source);
    expect(info.dialect).toMatchObject({ delimiter: 'whitespace', header: true });
    expect(info.columns.map((c) => c.name)).toEqual(['customer_id', 'date', 'number_of_cds', 'dollar_value']);
    expect(info.suggestion.mapping.table).toBe('transactions');
    expect(info.suggestion.mapping.columns).toMatchObject({
      customer_id: { source: 'customer_id' },
      date: { source: 'date', date: { patterns: ['%Y%m%d'] } },
      revenue: { source: 'dollar_value' },
      quantity: { source: 'number_of_cds' },
    });
    const report = await importFile(db, source, { mapping: info.suggestion.mapping });
    expect(report).toMatchObject({ read: 69659, imported: 69659, rejected: 0 });
    expect(
      rows(`SELECT count(*) AS n, count(DISTINCT customer_id) AS customers, min(date) AS first, max(date) AS last,
      round(sum(revenue), 2) AS revenue, sum(quantity) AS cds FROM transactions`),
    ).toEqual([
      {
        n: 69659,
        customers: 23570,
        first: new Date('1997-01-01'),
        last: new Date('1998-06-30'),
        revenue: 2500315.63,
        cds: 167881,
      },
    ]);
    expect(rows('SELECT customer_id, date, quantity, revenue FROM transactions LIMIT 1')).toEqual([
      { customer_id: '00001', date: new Date('1997-01-01'), quantity: 1, revenue: 11.77 },
    ]);
  });
});

describe('Telco-Customer-Churn.csv', () => {
  it('imports as customers; the 11 blank TotalCharges are reported and kept as NULL, not lost', async () => {
    const source = dataset('Telco-Customer-Churn.csv');
    const info = await inspectFile(db, source);
    expect(info.suggestion.mapping).toMatchObject({
      table: 'customers',
      columns: { customer_id: { source: 'customerID' }, plan: { source: 'Contract' } },
    });
    const report = await importFile(db, source, { mapping: info.suggestion.mapping });
    expect(report).toMatchObject({ read: 7043, imported: 7043, rejected: 0 });
    expect(report.warnings).toContainEqual({
      code: 'blanks',
      column: 'TotalCharges',
      count: 11,
      message: '11 rows have a blank TotalCharges (imported as empty).',
    });
    expect(
      rows(
        'SELECT count(*) AS n, count("TotalCharges") AS with_total, max(tenure) FILTER (WHERE "TotalCharges" IS NULL) AS tenure_of_blank FROM customers',
      ),
    ).toEqual([{ n: 7043, with_total: 7032, tenure_of_blank: 0 }]);
    // Published churn by contract (dataset README): month-to-month 42.7%, one year 11.3%, two year 2.8%.
    expect(
      rows(
        `SELECT plan, round(100 * avg(CASE WHEN "Churn" = 'Yes' THEN 1 ELSE 0 END), 1) AS churn FROM customers GROUP BY plan ORDER BY plan`,
      ),
    ).toEqual([
      { plan: 'Month-to-month', churn: 42.7 },
      { plan: 'One year', churn: 11.3 },
      { plan: 'Two year', churn: 2.8 },
    ]);
  });
});
