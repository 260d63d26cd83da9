/**
 * A saved dataset as one DuckDB database file (`exportDatabase` → `loadDatabase`), with the engine
 * locked as it will be in the app (`allowed_directories = [INTERNAL_DIR]`, no external access,
 * configuration locked): every table of `main` and `summary` comes back in a fresh engine from
 * the file's bytes alone (no write-ahead log) with the same columns, types, row counts, checksums
 * and row order; bookkeeping tables stay out; a damaged file gives a clear message; and the older
 * CSV form of a saved dataset still loads under the lock.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExportedDatabase } from '../../src/engine/api.ts';
import { emptyDatabaseFile } from '../../src/engine/empty-database.ts';
import { INTERNAL_DIR } from '../../src/engine/internal-files.ts';
import { createNodeBindings } from '../../src/engine/bindings/node.ts';
import { createNodeEngine, createSampleEngine, type NodeEngine } from '../../src/engine/node.ts';
import { EngineError, toRows } from '../../src/engine/types.ts';
import { summaryTables } from '../../src/model/summary/index.ts';

/** Every engine is locked at open (docs/security.md); this checks it, so the paths here are tested under the lock. */
async function lock(engine: NodeEngine): Promise<NodeEngine> {
  const settings = toRows(
    await engine.query(
      `SELECT name, value FROM duckdb_settings() WHERE name IN ('enable_external_access', 'allowed_directories') ORDER BY name`,
    ),
  );
  expect(settings).toEqual([
    { name: 'allowed_directories', value: `[${INTERNAL_DIR}]` },
    { name: 'enable_external_access', value: 'false' },
  ]);
  return engine;
}

const rows = async (engine: NodeEngine, sql: string) => toRows(await engine.query(sql));
const failure = <T>(p: Promise<T>) =>
  p.then(
    () => null,
    (e: unknown) => e as EngineError,
  );

/** Per table: schema, name, columns with types, row count, an order-sensitive checksum. */
async function fingerprint(engine: NodeEngine) {
  // Tables, and the views a reopened dataset keeps them behind (the test's own view aside).
  const tables = await rows(
    engine,
    `SELECT table_schema AS s, table_name AS t FROM information_schema.tables WHERE table_catalog = current_database() AND table_schema IN ('main', 'summary') AND NOT starts_with(table_name, '__') AND table_name <> 'big_spenders' ORDER BY 1, 2`,
  );
  const out: Record<string, unknown> = {};
  for (const { s, t } of tables) {
    const name = `"${String(s)}"."${String(t)}"`;
    const columns = await rows(
      engine,
      `SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = '${String(s)}' AND table_name = '${String(t)}' ORDER BY column_index`,
    );
    const [sums] = await rows(
      engine,
      `SELECT count(*) AS n, CAST(sum(hash(x)) AS VARCHAR) AS rows, CAST(sum(hash(x) * i) AS VARCHAR) AS ordered FROM (SELECT x, row_number() OVER () AS i FROM ${name} x)`,
    );
    out[`${String(s)}.${String(t)}`] = {
      columns: columns.map((c) => `${String(c.column_name)} ${String(c.data_type)}`),
      ...sums,
    };
  }
  return out;
}

let source: NodeEngine;
let saved: ExportedDatabase;
let before: Record<string, unknown>;

beforeAll(async () => {
  source = await lock(await createSampleEngine());
  // What an import leaves besides the canonical tables: a per-customer summary, a table of every
  // kind of value, bookkeeping tables (not saved) and a view (not saved: views are not data).
  await source.query(`CREATE SCHEMA IF NOT EXISTS summary;
    CREATE TABLE summary.customer_value AS SELECT customer_id, count(*) AS orders, sum(revenue) AS revenue, max(date) AS last_date FROM transactions GROUP BY customer_id ORDER BY customer_id;
    CREATE TABLE main.kinds AS SELECT * FROM (VALUES
      (1, '北京', '', DATE '2024-02-29', TIMESTAMP '2024-01-05 10:11:12', 12.345::DECIMAL(18,3), true, 3::BIGINT, 1e-7::DOUBLE),
      (2, NULL, 'says "hi", then' || chr(10) || 'leaves', NULL, NULL, NULL, NULL, NULL, NULL)) t(id, region, note, d, ts, amount, flag, big, tiny);
    CREATE TABLE __rejects_transactions AS SELECT 1 AS "row";
    CREATE TABLE summary.__staging AS SELECT 1 AS x;
    CREATE VIEW big_spenders AS SELECT * FROM summary.customer_value WHERE revenue > 1000;`);
  before = await fingerprint(source);
  saved = await source.exportDatabase();
});

describe('exportDatabase', () => {
  it.each([
    ['main.customers'],
    ['main.transactions'],
    ['main.service_costs'],
    ['main.surveys'],
    ['main.kinds'],
    ['summary.customer_value'],
  ])('saves %s', (name) => {
    expect(saved.tables.map((t) => `${t.schema}.${t.table}`)).toContain(name);
  });

  it.each([['main.__rejects_transactions'], ['summary.__staging'], ['main.big_spenders']])('leaves out %s', (name) => {
    expect(saved.tables.map((t) => `${t.schema}.${t.table}`)).not.toContain(name);
  });

  it('lists each table with its row count and column types, and leaves no file behind', async () => {
    const kinds = saved.tables.find((t) => t.table === 'kinds')!;
    expect(kinds.rowCount).toBe(2);
    expect(kinds.columns.map((c) => c.type)).toEqual([
      'INTEGER',
      'VARCHAR',
      'VARCHAR',
      'DATE',
      'TIMESTAMP',
      'DECIMAL(18,3)',
      'BOOLEAN',
      'BIGINT',
      'DOUBLE',
    ]);
    expect(new TextDecoder().decode(saved.bytes.subarray(8, 12))).toBe('DUCK');
    expect((await source.database()).bindings.globFiles(`${INTERNAL_DIR}*`)).toEqual([]);
  });
});

describe('loadDatabase', () => {
  let target: NodeEngine;
  beforeAll(async () => {
    target = await lock(createNodeEngine());
    await target.query(
      'CREATE TABLE leftover AS SELECT 1 AS x; CREATE SCHEMA IF NOT EXISTS summary; CREATE TABLE summary.old AS SELECT 1 AS x',
    );
  });

  it('brings back every saved table from the file alone: same columns, types, counts, checksums and order', async () => {
    const tables = await target.loadDatabase('My shop', saved.bytes.slice(), 'dataset.duckdb');
    expect(await fingerprint(target)).toEqual(before);
    expect(tables.map((t) => t.name)).toEqual(['customers', 'kinds', 'service_costs', 'surveys', 'transactions']);
    expect((await target.status()).dataset).toBe('My shop');
  });

  it('keeps blank text, NULL and every value of every kind', async () => {
    expect(
      await rows(
        target,
        `SELECT id, region, note, strftime(d, '%Y-%m-%d') AS d, strftime(ts, '%Y-%m-%d %H:%M:%S') AS ts, amount, flag, big, tiny FROM kinds ORDER BY id`,
      ),
    ).toEqual([
      {
        id: 1,
        region: '北京',
        note: '',
        d: '2024-02-29',
        ts: '2024-01-05 10:11:12',
        amount: 12.345,
        flag: true,
        big: 3,
        tiny: 1e-7,
      },
      {
        id: 2,
        region: null,
        note: 'says "hi", then\nleaves',
        d: null,
        ts: null,
        amount: null,
        flag: null,
        big: null,
        tiny: null,
      },
    ]);
  });

  it('keeps the tables in the file behind views, which the data panel lists as tables', async () => {
    expect((await target.listTables()).map((t) => t.kind)).toEqual(['table', 'table', 'table', 'table', 'table']);
    expect(
      await rows(
        target,
        `SELECT schema_name AS s, count(*) AS n FROM duckdb_views() WHERE NOT internal GROUP BY ALL ORDER BY 1`,
      ),
    ).toEqual([
      { s: 'main', n: 5 },
      { s: 'summary', n: 1 + Object.keys(summaryTables).length },
    ]);
    const result = await target.runAnalysis('whale-curve', {});
    expect(Object.keys(result.tables).length).toBeGreaterThan(0);
  });

  const transactions = () => Number((before['main.transactions'] as { n: number }).n);
  it.each([
    [
      'INSERT',
      'INSERT INTO transactions SELECT * FROM transactions LIMIT 1',
      'SELECT count(*) AS n FROM transactions',
      () => transactions() + 1,
    ],
    [
      'UPDATE',
      `UPDATE customers SET region = 'x'`,
      `SELECT count(*) AS n FROM customers WHERE region = 'x'`,
      () => Number((before['main.customers'] as { n: number }).n),
    ],
    [
      'DELETE',
      'DELETE FROM transactions WHERE rowid < 10',
      'SELECT count(*) AS n FROM transactions',
      () => transactions() - 10,
    ],
    [
      'ALTER',
      'ALTER TABLE kinds ADD COLUMN extra INTEGER',
      `SELECT count(*) AS n FROM duckdb_columns() WHERE table_name = 'kinds'`,
      () => 10,
    ],
    [
      'DROP TABLE',
      'DROP TABLE surveys',
      `SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'surveys'`,
      () => 0,
    ],
    [
      'CREATE OR REPLACE TABLE',
      'CREATE OR REPLACE TABLE summary.customer_value AS SELECT 1 AS x',
      'SELECT count(*) AS n FROM summary.customer_value',
      () => 1,
    ],
  ])('%s on a reopened table turns the views into tables first, then runs', async (_what, write, check, want) => {
    await target.loadDatabase('My shop', saved.bytes.slice(), 'dataset.duckdb');
    await target.query(write);
    expect(await rows(target, check)).toEqual([{ n: want() }]);
    expect(await rows(target, `SELECT count(*) AS n FROM duckdb_views() WHERE NOT internal`)).toEqual([{ n: 0 }]);
    expect(await rows(target, `SELECT count(*) AS n FROM duckdb_databases() WHERE database_name = '__saved'`)).toEqual([
      { n: 0 },
    ]);
    expect((await target.profile()).tables.customers?.rowCount).toBe(
      Number((before['main.customers'] as { n: number }).n),
    );
  });

  it('a statement that only reads, or writes a temp table, leaves the views alone', async () => {
    await target.loadDatabase('My shop', saved.bytes.slice(), 'dataset.duckdb');
    await target.query('CREATE OR REPLACE TEMP TABLE cell AS SELECT count(*) AS n FROM transactions');
    const handle = await target.openResult('SELECT * FROM customers');
    expect(handle.rowCount).toBe(Number((before['main.customers'] as { n: number }).n));
    // Five saved tables of main, the test's summary table and the customer-base summary's.
    expect(await rows(target, `SELECT count(*) AS n FROM duckdb_views() WHERE NOT internal`)).toEqual([
      { n: 6 + Object.keys(summaryTables).length },
    ]);
  });

  it("a database cut off at a block boundary fails with DuckDB's message, never a hang (the app compares the size first)", async () => {
    // Reopening reads the data at once (profile, summary check), so the damage shows there or at the first query.
    const err =
      (await failure(target.loadDatabase('Cut', saved.bytes.slice(0, 3 * 4096 + 262_144), 'dataset.duckdb'))) ??
      (await failure(target.query('SELECT sum(revenue) FROM transactions')));
    expect(err!.info.message).toMatch(/Corrupt database file|could not|out of range|Error/i);
    expect(await rows(target, 'SELECT 6 * 7 AS x')).toEqual([{ x: 42 }]);
  });

  it('saving a reopened dataset again writes its tables, and clearing it lets the file go', async () => {
    await target.loadDatabase('My shop', saved.bytes.slice(), 'dataset.duckdb');
    const again = await target.exportDatabase();
    expect(again.tables.map((t) => [t.schema, t.table, t.rowCount])).toEqual(
      saved.tables.map((t) => [t.schema, t.table, t.rowCount]),
    );
    await target.loadDatabase('My shop', again.bytes, 'dataset.duckdb');
    expect(await fingerprint(target)).toEqual(before);
    await target.clearData();
    expect(await rows(target, `SELECT count(*) AS n FROM duckdb_databases() WHERE database_name = '__saved'`)).toEqual([
      { n: 0 },
    ]);
    expect((await target.database()).bindings.globFiles(`${INTERNAL_DIR}*`)).toEqual([]);
  });

  it.each([
    ['an empty file', () => new Uint8Array(0)],
    ['a CSV file', () => new TextEncoder().encode('customer_id,date\nc1,2024-01-01\n')],
    ['a database cut off inside a block', () => saved.bytes.slice(0, 20_000)],
    ['a file of the right size that is not a database', () => new Uint8Array(3 * 4096).fill(65)],
  ])('%s is refused with a clear message, and the engine keeps working', async (_what, bytes) => {
    const err = await failure(target.loadDatabase('Broken', bytes(), 'dataset.duckdb'));
    expect(err).toBeInstanceOf(EngineError);
    expect(err!.info).toMatchObject({ code: 'input', details: { file: 'dataset.duckdb' } });
    expect(err!.info.message).toMatch(
      /^dataset\.duckdb: the saved database (could not be opened|could not be read back|is damaged) .*Import the data again\./,
    );
    expect(await rows(target, 'SELECT 6 * 7 AS x')).toEqual([{ x: 42 }]);
    expect(await rows(target, `SELECT count(*) AS n FROM duckdb_databases() WHERE NOT internal`)).toEqual([{ n: 1 }]);
  });
});

describe('the older CSV form', () => {
  it('still loads under the lock', async () => {
    const [customers] = await source.exportTables(['customers']);
    const target = await lock(createNodeEngine());
    const tables = await target.loadDataset('Old', [
      { table: 'customers', fileName: 'customers.csv', data: customers!.bytes, columns: customers!.columns },
    ]);
    expect(tables.map((t) => [t.name, t.rowCount])).toEqual([['customers', customers!.rowCount]]);
  });
});

describe('emptyDatabaseFile', () => {
  it('is byte for byte what DuckDB-WASM writes for a new database file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'caw-empty-db-'));
    try {
      // Raw bindings, not the engine: the engine's DuckDB is locked to its own files at open.
      const bindings = await createNodeBindings();
      bindings.open({});
      const conn = bindings.connect();
      const file = path.join(dir, 'new.duckdb');
      conn.query(`ATTACH '${file}' AS fresh`);
      conn.query('DETACH fresh');
      expect(new Uint8Array(readFileSync(file))).toEqual(emptyDatabaseFile());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
