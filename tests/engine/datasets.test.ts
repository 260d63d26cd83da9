/**
 * The engine side of saved datasets, through `EngineApi` as the browser worker exposes it: an
 * import staged beside the active data and swapped in (`commitImport`) or thrown away
 * (`discardImport`), tables written out (`exportTables`) and read back (`loadDataset`) with their
 * types, blank text kept apart from NULL, and the rejected rows exported with the dataset.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExportedTable } from '../../src/engine/api.ts';
import { createNodeEngine, type NodeEngine } from '../../src/engine/node.ts';
import { EngineError, toRows } from '../../src/engine/types.ts';
import { INTERNAL_DIR } from '../../src/engine/internal-files.ts';
import type { ImportSource } from '../../src/engine/import/index.ts';

const fixture = (name: string): ImportSource => ({
  name,
  data: new Uint8Array(readFileSync(path.resolve(import.meta.dirname, '../fixtures/import', name))),
});

let engine: NodeEngine;
beforeAll(async () => {
  engine = createNodeEngine();
  await engine.init();
});
const rows = async (sql: string) => toRows(await engine.query(sql));
const allTables = async () =>
  (await rows(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1`)).map(
    (r) => r.t,
  );
const failure = <T>(p: Promise<T>) =>
  p.then(
    () => null,
    (e: unknown) => e as EngineError,
  );

/** The "active data" before an import: a transactions table and a view on it. */
async function activeData() {
  await engine.clearData();
  await engine.query(
    `CREATE TABLE transactions AS SELECT 'old' AS customer_id, DATE '2020-01-01' AS date, 1.0 AS revenue`,
  );
  await engine.query(`CREATE VIEW old_view AS SELECT * FROM transactions`);
}

/** Imports bad-values.csv (5 read: 2 imported, 3 rejected) under the staging name the wizard uses. */
async function stageBadValues() {
  const info = await engine.inspectImport(fixture('bad-values.csv'));
  return engine.importFile(fixture('bad-values.csv'), {
    mapping: info.suggestion.mapping,
    target: '__import_transactions',
    jobId: 'j1',
  });
}

describe('commitImport / discardImport', () => {
  it('stages an import beside the active data, then swaps it in: old tables and views dropped, rejects kept', async () => {
    await activeData();
    const report = await stageBadValues();
    expect(report).toMatchObject({
      table: '__import_transactions',
      canonicalTable: 'transactions',
      read: 5,
      imported: 2,
      rejected: 3,
      rejectsTable: '__rejects___import_transactions',
    });
    // Meanwhile the active data is untouched and usable.
    expect(await rows('SELECT customer_id FROM old_view')).toEqual([{ customer_id: 'old' }]);
    const tables = await engine.commitImport([{ from: report.table, to: 'transactions' }]);
    expect(tables.map((t) => [t.name, t.rowCount])).toEqual([['transactions', 2]]);
    expect(await allTables()).toEqual(['__rejects___import_transactions', 'transactions']);
    expect(await rows('SELECT customer_id, revenue FROM transactions ORDER BY customer_id')).toEqual([
      { customer_id: 'c1', revenue: 10 },
      { customer_id: 'c5', revenue: 50 },
    ]);
    expect((await engine.status()).dataset).toBeNull();
    const csv = await engine.rejectsCsv(report.rejectsTable);
    expect(csv.split('\r\n')).toEqual([
      'row,column,reason,kind,value',
      '2,date,unparseable date for date,error,not a date',
      '3,revenue,non-numeric value for revenue,error,ten',
      '4,customer_id,missing customer id,error,',
      '',
    ]);
  });

  it('discards a staged import: the staged tables go, the active data stays as it was', async () => {
    await activeData();
    const report = await stageBadValues();
    await engine.discardImport([report.table]);
    expect(await allTables()).toEqual(['__rejects___import_transactions', 'old_view', 'transactions']);
    expect(await rows('SELECT customer_id FROM old_view')).toEqual([{ customer_id: 'old' }]);
  });

  it('refuses to export anything but a rejects table as rejected rows', async () => {
    const err = await failure(engine.rejectsCsv('transactions'));
    expect(err).toBeInstanceOf(EngineError);
    expect(err!.info.code).toBe('input');
    expect(await engine.cancelImport('no-such-job')).toBe(false);
  });
});

describe('exportTables / loadDataset', () => {
  let exported: ExportedTable[];

  it('writes tables as CSV with their column types and row counts', async () => {
    await engine.clearData();
    await engine.query(
      `CREATE TABLE customers (customer_id VARCHAR, region VARCHAR, signup_date DATE, balance DOUBLE, active BOOLEAN, visits INTEGER)`,
    );
    await engine.query(`INSERT INTO customers VALUES
      ('c1', '北京', DATE '2024-01-05', 1234.5, true, 3),
      ('c2', '', DATE '2024-02-29', -0.25, false, NULL),
      ('c3', NULL, NULL, NULL, NULL, 7),
      ('c4', 'says "hi", then
leaves', DATE '1999-12-31', 1e-7, true, 0)`);
    await engine.query(
      `CREATE TABLE __rejects_customers AS SELECT 4 AS "row", 'date' AS "column", 'unparseable date for date' AS reason, 'error' AS kind, '31/02' AS "value"`,
    );
    exported = await engine.exportTables(['customers', '__rejects_customers']);
    expect(exported.map((t) => [t.table, t.rowCount])).toEqual([
      ['customers', 4],
      ['__rejects_customers', 1],
    ]);
    expect(exported[0]!.columns).toEqual([
      { name: 'customer_id', type: 'VARCHAR' },
      { name: 'region', type: 'VARCHAR' },
      { name: 'signup_date', type: 'DATE' },
      { name: 'balance', type: 'DOUBLE' },
      { name: 'active', type: 'BOOLEAN' },
      { name: 'visits', type: 'INTEGER' },
    ]);
    const text = new TextDecoder().decode(exported[0]!.bytes);
    expect(text.split('\n')[0]).toBe('customer_id,region,signup_date,balance,active,visits');
    expect(text).toContain('c2,"",2024-02-29');
    // Nothing is left in the engine's file system.
    expect((await engine.database()).bindings.globFiles(`${INTERNAL_DIR}export-*`).length).toBe(0);
  });

  it('reads them back with the same types and values: blank text stays blank, NULL stays NULL', async () => {
    await engine.query('CREATE TABLE leftover AS SELECT 1 AS x');
    const files = exported
      .filter((t) => t.table === 'customers')
      .map((t) => ({ table: t.table, fileName: `${t.table}.csv`, data: t.bytes, columns: t.columns }));
    const tables = await engine.loadDataset('My shop', files);
    expect(tables.map((t) => [t.name, t.rowCount])).toEqual([['customers', 4]]);
    expect((await engine.status()).dataset).toBe('My shop');
    expect(await allTables()).toEqual(['customers']);
    const back = await rows(
      `SELECT customer_id, region, region IS NULL AS region_null, strftime(signup_date, '%Y-%m-%d') AS d, balance, active, visits FROM customers ORDER BY customer_id`,
    );
    expect(back).toEqual([
      {
        customer_id: 'c1',
        region: '北京',
        region_null: false,
        d: '2024-01-05',
        balance: 1234.5,
        active: true,
        visits: 3,
      },
      {
        customer_id: 'c2',
        region: '',
        region_null: false,
        d: '2024-02-29',
        balance: -0.25,
        active: false,
        visits: null,
      },
      { customer_id: 'c3', region: null, region_null: true, d: null, balance: null, active: null, visits: 7 },
      {
        customer_id: 'c4',
        region: 'says "hi", then\nleaves',
        region_null: false,
        d: '1999-12-31',
        balance: 1e-7,
        active: true,
        visits: 0,
      },
    ]);
    expect(
      (
        await rows(
          `SELECT column_name AS c, data_type AS t FROM information_schema.columns WHERE table_name = 'customers' ORDER BY ordinal_position`,
        )
      ).map((r) => r.t),
    ).toEqual(exported[0]!.columns.map((c) => c.type));
  });

  it('a saved file that no longer fits its types names the file, and the engine keeps working', async () => {
    const broken = {
      table: 'customers',
      fileName: 'customers.csv',
      data: new TextEncoder().encode('customer_id,visits\nc1,many\n'),
      columns: [
        { name: 'customer_id', type: 'VARCHAR' },
        { name: 'visits', type: 'INTEGER' },
      ],
    };
    const err = await failure(engine.loadDataset('Broken', [broken]));
    expect(err).toBeInstanceOf(EngineError);
    expect(err!.info).toMatchObject({ code: 'input', details: { file: 'customers.csv' } });
    expect(err!.info.message).toMatch(
      /^customers\.csv: the saved table could not be read back .*Import the file again\./,
    );
    expect(await rows('SELECT 6 * 7 AS x')).toEqual([{ x: 42 }]);
  });

  it('exporting a table that does not exist is an input error', async () => {
    const err = await failure(engine.exportTables(['nope']));
    expect(err!.info).toMatchObject({ code: 'input', message: 'table nope does not exist' });
  });
});
