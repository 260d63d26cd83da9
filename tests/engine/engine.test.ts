import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine, type NodeEngine } from '../../src/engine/node.ts';

const enc = new TextEncoder();
const csv = (s: string) => enc.encode(s.trim() + '\n');

describe('engine (DuckDB-WASM in Node)', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = createNodeEngine();
    await engine.loadCanonicalCsv('fixture', [
      {
        table: 'transactions',
        fileName: 'transactions.csv',
        bytes: csv(`customer_id,date,revenue,cost
c1,2024-01-05,100.5,40
c2,2024-02-01,20,5
c1,2024-03-09,10,12`),
      },
    ]);
  });
  afterAll(() => undefined);

  it('loads canonical CSV with canonical types and typed NULLs for missing optional columns', async () => {
    const tables = await engine.listTables();
    const tx = tables.find((t) => t.name === 'transactions')!;
    expect(tx.rowCount).toBe(3);
    expect(tx.columns.slice(0, 4)).toEqual([
      { name: 'customer_id', type: 'VARCHAR' },
      { name: 'date', type: 'DATE' },
      { name: 'revenue', type: 'DOUBLE' },
      { name: 'cost', type: 'DOUBLE' },
    ]);
    expect(tx.columns.map((c) => c.name)).toContain('order_id');
    const profile = await engine.profile();
    expect(profile.tables.transactions?.populated).toEqual(['customer_id', 'date', 'revenue', 'cost']);
  });

  it('keeps the dataset profile in step with the data (it is cached between analyses)', async () => {
    const before = await engine.profile();
    expect(before.tables.transactions?.populated).not.toContain('channel');
    expect(await engine.profile()).toEqual(before);
    await engine.query('CREATE TEMP TABLE saved AS SELECT * FROM transactions');
    await engine.query(
      "INSERT INTO transactions (customer_id, date, revenue, channel) VALUES ('c9', DATE '2024-04-01', 5, 'web')",
    );
    const after = await engine.profile();
    expect(after.tables.transactions?.rowCount).toBe(4);
    expect(after.tables.transactions?.populated).toContain('channel');
    await engine.query('DELETE FROM transactions');
    await engine.query('INSERT INTO transactions SELECT * FROM saved');
    expect((await engine.profile()).tables.transactions?.populated).not.toContain('channel');
    await engine.query('ALTER TABLE transactions ADD COLUMN note VARCHAR');
    expect((await engine.profile()).tables.transactions?.columns).toContain('note');
    await engine.query('ALTER TABLE transactions DROP COLUMN note');
    // An UPDATE keeps the table's size; run from a SQL cell it still refreshes the profile.
    await engine.openResult("UPDATE transactions SET channel = 'store' WHERE customer_id = 'c2'");
    expect((await engine.profile()).tables.transactions?.populated).toContain('channel');
    await engine.openResult('UPDATE transactions SET channel = NULL');
  });

  it('returns BIGINT, DECIMAL, HUGEINT as numbers and DATE/TIMESTAMP as Dates', async () => {
    const t = await engine.query(
      "SELECT count(*) AS n, sum(revenue)::DECIMAL(18,2) AS d, sum(1::HUGEINT) AS h, min(date) AS first, TIMESTAMP '2024-01-02 03:04:05' AS ts FROM transactions",
    );
    expect(t.data.map((col) => col[0])).toEqual([
      3,
      130.5,
      3,
      new Date('2024-01-05T00:00:00Z'),
      new Date('2024-01-02T03:04:05Z'),
    ]);
    expect(t.columns.map((c) => c.kind)).toEqual(['number', 'number', 'number', 'date', 'date']);
  });

  it('binds parameters instead of splicing them into SQL', async () => {
    const evil = "'; DROP TABLE transactions; --";
    const t = await engine.query('SELECT count(*) AS n FROM transactions WHERE customer_id = $1', [evil]);
    expect(t.data[0]![0]).toBe(0);
    expect((await engine.listTables()).some((x) => x.name === 'transactions')).toBe(true);
  });

  it('keeps a large result in the engine and pages through it', async () => {
    const h = await engine.openResult('SELECT range AS i, range * 2 AS j FROM range(1000000)', [], 50);
    expect(h.rowCount).toBe(1_000_000);
    expect(h.first.rowCount).toBe(50);
    expect(h.columns.map((c) => c.type)).toEqual(['BIGINT', 'BIGINT']);
    const page = await engine.fetchRows(h.id, 999_990, 100);
    expect(page.rowCount).toBe(10);
    expect(page.data[0]![0]).toBe(999_990);
    await engine.releaseResult(h.id);
    await expect(engine.fetchRows(h.id, 0, 1)).rejects.toThrow(/no longer available/);
  });

  it('runs scripts statement by statement, splitting with DuckDB’s tokenizer', async () => {
    const h = await engine.openResult(
      "CREATE TEMP TABLE t1 AS SELECT 'a;b' AS s; -- a comment; here\nSELECT s FROM t1",
    );
    expect(h.first.data[0]).toEqual(['a;b']);
  });

  it('reports a bad query with DuckDB’s message and its SQL, and keeps working', async () => {
    await expect(engine.openResult('SELECT * FROM no_such_table')).rejects.toMatchObject({
      info: { code: 'query', sql: 'SELECT * FROM no_such_table' },
      message: expect.stringMatching(/no_such_table does not exist/),
    });
    const ok = await engine.query('SELECT 42 AS x');
    expect(ok.data[0]![0]).toBe(42);
  });

  it('cancels a long query and stays usable', async () => {
    const db = await engine.database();
    const running = db.run('SELECT count(*) FROM range(3000000000) a');
    setTimeout(() => db.cancel(), 200);
    await expect(running).rejects.toMatchObject({ info: { code: 'cancelled' } });
    expect((await engine.query('SELECT 1 AS one')).data[0]![0]).toBe(1);
  });

  it('never loads extensions (autoload and autoinstall are off)', async () => {
    const t = await engine.query(
      "SELECT current_setting('autoload_known_extensions') AS a, current_setting('autoinstall_known_extensions') AS b",
    );
    expect(t.data.map((c) => c[0])).toEqual([false, false]);
  });
});

describe('error classification', () => {
  it.each([
    ['Out of Memory Error: could not allocate block of size 256.0 KiB (16.0 MiB/16.0 MiB used)', 'query'],
    ['Catalog Error: Table with name x does not exist!', 'query'],
    ['FATAL Error: Failed: database has been invalidated because of a previous fatal error.', 'fatal'],
    ['INTERNAL Error: Attempted to access index 3 within vector of size 3', 'fatal'],
    ['RuntimeError: memory access out of bounds', 'fatal'],
  ])('%s → %s', async (message, code) => {
    const { toEngineError } = await import('../../src/engine/database.ts');
    expect(toEngineError(new Error(message)).info.code).toBe(code);
  });
});
