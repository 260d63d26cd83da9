import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/engine/database.ts';
import {
  importFile,
  importFolder,
  inspectFile,
  previewImport,
  rejectedRows,
  rejectsToCsv,
  type ImportSource,
} from '../../src/engine/import/index.ts';
import { nodeFolder } from '../../src/engine/import/node-folder.ts';
import { createNodeEngine } from '../../src/engine/node.ts';
import { EngineError, toRows } from '../../src/engine/types.ts';

const dir = path.resolve(import.meta.dirname, '../fixtures/import');
const fixture = (name: string): ImportSource => ({ name, data: new Uint8Array(readFileSync(path.join(dir, name))) });

let db: Database;
beforeAll(async () => {
  db = await createNodeEngine().database();
});

const rows = (sql: string) => toRows(db.querySync(sql));

describe('Chinese tables in three encodings import identically', () => {
  it.each([
    ['zh-utf8-bom.csv', 'utf-8', '客户编号', 'C001,C002,C001,C003,C002', '北京'],
    ['zh-gbk.csv', 'gb18030', '客户编号', 'C001,C002,C001,C003,C002', '北京'],
    ['zh-big5.csv', 'big5', '客戶編號', 'C001,C002,C001,C003,C002', '高雄'],
    ['zh-utf16le.csv', 'utf-16le', '客户编号', 'C001,C002,C001,C003,C002', '北京'],
  ])('%s (%s)', async (file, encoding, idHeader, ids, firstRegion) => {
    const info = await inspectFile(db, fixture(file));
    expect(info.encoding?.encoding).toBe(encoding);
    expect(info.warnings).toEqual([]);
    expect(info.columns.map((c) => c.name)[0]).toBe(idHeader);
    expect(info.suggestion.mapping.table).toBe('transactions');
    expect(info.suggestion.missing).toEqual([]);
    const report = await importFile(db, fixture(file), { mapping: info.suggestion.mapping });
    expect(report).toMatchObject({ read: 5, imported: 5, rejected: 0 });
    const t = rows(
      "SELECT customer_id, strftime(date, '%Y-%m-%d') AS d, revenue, * EXCLUDE (customer_id, date, revenue) FROM transactions",
    );
    expect(t.map((r) => r.customer_id).join()).toBe(ids);
    expect(t.map((r) => r.revenue)).toEqual([1234.5, 88, 15.25, 2000, -30]);
    expect(t[0]!.d).toBe('2024-01-05');
    expect(Object.values(t[0]!)).toContain(firstRegion);
    expect(report.warnings.find((w) => w.code === 'negative_amounts')?.count).toBe(1);
  });

  it('a wrong encoding override does not pass silently, in the wizard or in the report', async () => {
    const info = await inspectFile(db, fixture('zh-gbk.csv'), { encoding: 'big5' });
    expect(info.warnings.join()).toMatch(/You chose big5, but the file looks like gb18030/);
    // The garbled headers match no role: map the first three columns by position, as a user would.
    const [id, date, amount] = info.columns.map((c) => c.name);
    const mapping = {
      table: 'transactions' as const,
      columns: { customer_id: { source: id! }, date: { source: date! }, revenue: { source: amount! } },
      extras: [],
    };
    const report = await importFile(db, fixture('zh-gbk.csv'), { mapping, encoding: 'big5' });
    expect(
      report.warnings
        .filter((w) => w.code === 'encoding')
        .map((w) => w.message)
        .join(' '),
    ).toMatch(/You chose big5, but the file looks like gb18030/);
  });
});

describe('other formats', () => {
  it('XLSX: lists both sheets and imports the chosen one', async () => {
    const first = await inspectFile(db, fixture('two-sheets.xlsx'));
    expect(first).toMatchObject({ format: 'xlsx', sheets: ['Orders', 'Customers'], sheet: 'Orders' });
    expect(first.suggestion.mapping.table).toBe('transactions');
    const r1 = await importFile(db, fixture('two-sheets.xlsx'), { mapping: first.suggestion.mapping });
    expect(r1).toMatchObject({ read: 3, imported: 3, rejected: 0, sheet: 'Orders' });
    expect(rows("SELECT customer_id, strftime(date, '%Y-%m-%d') AS d, revenue FROM transactions")).toEqual([
      { customer_id: 'c1', d: '2024-01-05', revenue: 10.5 },
      { customer_id: 'c2', d: '2024-01-06', revenue: 20 },
      { customer_id: 'c1', d: '2024-02-01', revenue: 5.25 },
    ]);
    const second = await inspectFile(db, fixture('two-sheets.xlsx'), { sheet: 'Customers' });
    expect(second.suggestion.mapping).toMatchObject({
      table: 'customers',
      columns: { customer_id: { source: '客户编号' }, region: { source: '地区' }, plan: { source: '等级' } },
    });
    const r2 = await importFile(db, fixture('two-sheets.xlsx'), {
      sheet: 'Customers',
      mapping: second.suggestion.mapping,
    });
    expect(r2).toMatchObject({ read: 2, imported: 2, canonicalTable: 'customers' });
    expect(rows('SELECT customer_id, region, plan FROM customers')).toEqual([
      { customer_id: 'c1', region: '北京', plan: 'gold' },
      { customer_id: 'c2', region: '上海', plan: 'jade' },
    ]);
  });

  it('Parquet through hyparquet and Arrow IPC', async () => {
    const info = await inspectFile(db, fixture('orders.parquet'));
    expect(info.format).toBe('parquet');
    const r = await importFile(db, fixture('orders.parquet'), { mapping: info.suggestion.mapping });
    expect(r).toMatchObject({ read: 4, imported: 4, rejected: 0 });
    expect(
      rows("SELECT customer_id, strftime(date, '%Y-%m-%d') AS d, revenue, quantity FROM transactions ORDER BY d")[3],
    ).toEqual({ customer_id: 'c3', d: '2024-02-03', revenue: 7, quantity: 3 });
  });

  it('reads Parquet and XLSX from a Blob (a browser File) through byte-range slices', async () => {
    const blob: ImportSource = {
      name: 'orders.parquet',
      data: new Blob([fixture('orders.parquet').data as Uint8Array<ArrayBuffer>]),
    };
    const info = await inspectFile(db, blob);
    expect(await importFile(db, blob, { mapping: info.suggestion.mapping })).toMatchObject({ read: 4, imported: 4 });
    const book: ImportSource = {
      name: 'two-sheets.xlsx',
      data: new Blob([fixture('two-sheets.xlsx').data as Uint8Array<ArrayBuffer>]),
    };
    expect((await inspectFile(db, book)).sheets).toEqual(['Orders', 'Customers']);
  });

  it('NDJSON with a key missing on some lines', async () => {
    const info = await inspectFile(db, fixture('orders.ndjson'));
    expect(info.format).toBe('ndjson');
    const r = await importFile(db, fixture('orders.ndjson'), { mapping: info.suggestion.mapping });
    expect(r).toMatchObject({ read: 3, imported: 3 });
    expect(rows('SELECT order_id, channel, revenue FROM transactions')).toEqual([
      { order_id: 'A1', channel: null, revenue: 10.5 },
      { order_id: 'A2', channel: null, revenue: 20 },
      { order_id: 'A3', channel: 'web', revenue: 5.25 },
    ]);
  });

  it('European CSV: semicolons, decimal comma, day-first dates, euro sign', async () => {
    const info = await inspectFile(db, fixture('european.csv'));
    expect(info.dialect).toMatchObject({ delimiter: ';', decimal: ',' });
    const mapping = {
      table: 'transactions' as const,
      columns: {
        customer_id: { source: 'Kunde' },
        date: { source: 'Datum', date: info.columns[1]!.profile.date! },
        revenue: { source: 'Betrag', number: info.columns[2]!.profile.number! },
      },
      extras: [],
    };
    const r = await importFile(db, fixture('european.csv'), { mapping });
    expect(r).toMatchObject({ read: 3, imported: 3 });
    expect(rows("SELECT strftime(date, '%Y-%m-%d') AS d, revenue FROM transactions")).toEqual([
      { d: '2024-01-05', revenue: 1234.5 },
      { d: '2024-01-13', revenue: 88 },
      { d: '2024-02-02', revenue: -15.25 },
    ]);
  });
});

describe('row accounting and rejected rows', () => {
  it('lists every rejected row with its row, column and reason, and exports them as CSV', async () => {
    const info = await inspectFile(db, fixture('bad-values.csv'));
    const r = await importFile(db, fixture('bad-values.csv'), { mapping: info.suggestion.mapping });
    expect(r.read).toBe(5);
    expect(r.imported + r.rejected).toBe(r.read);
    expect(r.imported).toBe(2);
    const rejected = rejectedRows(db, r);
    expect(toRows(rejected)).toEqual([
      { row: 2, column: 'date', reason: 'unparseable date for date', kind: 'error', value: 'not a date' },
      { row: 3, column: 'revenue', reason: 'non-numeric value for revenue', kind: 'error', value: 'ten' },
      { row: 4, column: 'customer_id', reason: 'missing customer id', kind: 'error', value: null },
    ]);
    expect(rejectsToCsv(rejected).split('\r\n')[1]).toBe('2,date,unparseable date for date,error,not a date');
    expect(r.warnings.find((w) => w.code === 'future_dates')?.count).toBe(1);
  });

  it('previews typed rows and rejects from the head with the same SQL, leaving no tables', async () => {
    const info = await inspectFile(db, fixture('bad-values.csv'));
    const p = await previewImport(db, fixture('bad-values.csv'), info.suggestion.mapping, { limit: 2 });
    expect([p.read, p.rejected]).toEqual([5, 3]);
    expect(toRows(p.rows).map((r) => [r.customer_id, r.revenue])).toEqual([
      ['c1', 10],
      ['c5', 50],
    ]);
    expect(toRows(p.rejects).map((r) => r.row)).toEqual([2, 3]);
    expect(
      rows("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE '\\_\\_preview%' ESCAPE '\\'"),
    ).toEqual([{ n: 0 }]);
  });
});

describe('bad input gives a clear error naming the file and leaves the engine usable', () => {
  it.each([
    ['empty.csv', 'empty_file', /empty/],
    ['header-only.csv', 'no_rows', /no data rows/],
    ['binary.csv', 'binary_file', /not text/],
    ['truncated.xlsx', 'unreadable_xlsx', /truncated or damaged/],
    ['ragged.csv', 'ragged_rows', /line 4.*4 fields where the header has 3/],
  ])('%s → %s', async (file, reason, message) => {
    const err = await inspectFile(db, fixture(file)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(EngineError);
    const info = (err as EngineError).info;
    expect(info.code).toBe('input');
    expect(info.details).toMatchObject({ file, reason });
    expect(info.message.startsWith(file)).toBe(true);
    expect(info.message).toMatch(message);
    expect(String(info.details?.fix)).not.toBe('');
    expect(rows("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE '\\_\\_i%' ESCAPE '\\'")[0]!.n).toBe(
      0,
    ); // no __inspect/__import leftovers
    expect(rows('SELECT 42 AS x')).toEqual([{ x: 42 }]);
  });

  it('a mapping that does not fit the file names the missing column', async () => {
    const info = await inspectFile(db, fixture('orders.ndjson'));
    await expect(importFile(db, fixture('european.csv'), { mapping: info.suggestion.mapping })).rejects.toThrow(
      /customer_id is mapped to customer_id, which is not a column of the file/,
    );
  });
});

describe('importFolder', () => {
  it('loads each file as a table named after its stem and maps by mapping.yaml', async () => {
    const files: Record<string, ImportSource> = {
      'orders.ndjson': fixture('orders.ndjson'),
      'shop.csv': fixture('zh-gbk.csv'),
      'mapping.yaml': {
        name: 'mapping.yaml',
        data: new TextEncoder().encode(
          'files:\n  shop.csv:\n    table: transactions\n    columns:\n      customer_id: 客户编号\n      date: 交易日期\n      revenue: 金额\n    rules:\n      missingCustomerId: drop\n',
        ),
      },
    };
    const report = await importFolder(db, { list: async () => Object.keys(files), open: async (n) => files[n]! });
    expect(report.tables).toEqual([
      { file: 'shop.csv', table: 'shop', rows: 5 },
      { file: 'orders.ndjson', table: 'orders', rows: 3 },
    ]);
    // shop.csv is listed in mapping.yaml, so it goes first and wins transactions; orders.ndjson
    // would map automatically onto transactions too, and is skipped with a reason, not merged.
    expect(report.imports.map((r) => [r.fileName, r.table, r.read, r.imported])).toEqual([
      ['shop.csv', 'transactions', 5, 5],
    ]);
    expect(report.skipped).toEqual([
      {
        file: 'orders.ndjson',
        reason: 'transactions was already imported from another file; list this file in mapping.yaml to choose',
      },
    ]);
    expect(rows('SELECT round(sum(revenue), 2) AS s FROM transactions')).toEqual([{ s: 3307.75 }]);
    expect(rows('SELECT sum(金额) AS s FROM shop')).toEqual([{ s: 3307.75 }]);
  });

  it('reads a folder from disk: good files become tables, bad files are reported and do not stop the rest', async () => {
    const report = await importFolder(db, nodeFolder(dir));
    expect(report.failed.map((f) => [f.file, f.error.details?.reason])).toEqual([
      ['binary.csv', 'binary_file'],
      ['empty.csv', 'empty_file'],
      ['header-only.csv', 'no_rows'],
      ['ragged.csv', 'ragged_rows'],
      ['truncated.xlsx', 'unreadable_xlsx'],
    ]);
    expect(report.tables.map((t) => `${t.table}:${t.rows}`)).toEqual([
      'bad-values:5',
      'european:3',
      'orders:3',
      'orders_parquet:4',
      'two-sheets:3',
      'zh-big5:5',
      'zh-gbk:5',
      'zh-utf16le:5',
      'zh-utf8-bom:5',
    ]);
    // bad-values.csv comes first alphabetically and claims transactions; the rest are skipped with a reason.
    expect(report.imports.map((r) => [r.fileName, r.table, r.read, r.imported, r.rejected])).toEqual([
      ['bad-values.csv', 'transactions', 5, 2, 3],
    ]);
    expect(report.skipped.length).toBe(8);
    expect(rows('SELECT "客戶編號" AS id, "金額" AS amount FROM "zh-big5" LIMIT 1')).toEqual([
      { id: 'C001', amount: 1234.5 },
    ]);
  });
});

describe('a file named after a canonical table goes to that table', () => {
  const enc = new TextEncoder();
  const costs = 'customer_id,amount,date,category\nC1,12.5,2024-01-03,support_call\nC2,40,2024-02-01,bad_debt\n';
  it.each([
    ['service_costs.csv', 'service_costs'],
    ['Service Costs.csv', 'service_costs'],
    // Without the name, the categories (support calls, bad debt) say these are costs to serve.
    ['export.csv', 'service_costs'],
  ])('%s → %s', async (name, table) => {
    const info = await inspectFile(db, { name, data: enc.encode(costs) });
    expect(info.suggestion.mapping.table).toBe(table);
  });
  it('the same headers with product categories are purchases (transactions)', async () => {
    const sales = 'customer_id,amount,date,category\nC1,12.5,2024-01-03,Books\nC2,40,2024-02-01,Garden\n';
    const info = await inspectFile(db, { name: 'export.csv', data: enc.encode(sales) });
    expect(info.suggestion.mapping.table).toBe('transactions');
  });
  it('but not when the file cannot fill that table', async () => {
    const info = await inspectFile(db, { name: 'surveys.csv', data: enc.encode(costs) });
    expect(info.suggestion.mapping.table).not.toBe('surveys');
  });
});
