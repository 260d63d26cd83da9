// Engine calls run one at a time (src/engine/call-queue.ts). Two notebooks (the one being closed and
// the one being opened) or a notebook and the data preview call the engine at once; a call arriving
// while another one's query is polled must wait for it, not run on the connection in the middle of
// it (which broke the pending query inside DuckDB). `cancel` reaches the call that runs and stops
// the rest of it, and never an import.
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine, type NodeEngine } from '../../src/engine/node.ts';

/** Long enough to be polled many times (~0.5–2 s on a shared 2-core machine). */
const LONG = 'SELECT count(*) AS n FROM range(200000000) t(x) WHERE x % 7 = 3';
const later = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('engine calls one at a time', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = createNodeEngine();
    await engine.query('CREATE TABLE t AS SELECT range AS x FROM range(10)');
  });

  it.each<[string, (e: NodeEngine) => Promise<unknown>]>([
    // Its result tables are written with an Arrow insert: a direct call on the connection.
    [
      'an analysis that keeps its tables',
      (e) => e.runAnalysis('margin-multiple', {}, 'mm_').then((r) => Object.keys(r.tables).length > 0),
    ],
    ['a data preview', (e) => e.preview('t', 3).then((r) => r.rowCount === 3)],
    ['a sql cell', (e) => e.runSqlCell('cell_1', 'SELECT x FROM t WHERE x < 4', [], 10).then((r) => r.rowCount === 4)],
    [
      'a result page',
      (e) =>
        e
          .openResult('SELECT * FROM t')
          .then((h) => e.fetchRows(h.id, 5, 5))
          .then((r) => r.rowCount === 5),
    ],
  ])('%s issued while a long query is polled waits for it, and both succeed', async (_name, second) => {
    const order: string[] = [];
    const long = engine.query(LONG).then((t) => (order.push('long'), Number(t.data[0]![0])));
    await later(20); // the long query is being polled now
    const next = second(engine).then((ok) => (order.push('next'), ok));
    expect(await Promise.all([long, next])).toEqual([28571429, true]);
    expect(order).toEqual(['long', 'next']);
  });

  it('cancel stops the running call; the call queued behind it runs normally', async () => {
    const long = engine.query(LONG);
    const next = engine.query('SELECT 7 AS seven');
    await later(20);
    expect(await engine.cancel()).toBe(true);
    await expect(long).rejects.toMatchObject({ info: { code: 'cancelled' } });
    expect((await next).data[0]![0]).toBe(7);
  });

  it('a cancel with nothing running changes nothing for the next call', async () => {
    expect(await engine.cancel()).toBe(false);
    expect((await engine.query('SELECT 1 AS one')).data[0]![0]).toBe(1);
  });
});

describe('Scratch SQL errors quote the user’s statement, not the engine’s wrapper', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = createNodeEngine();
    await engine.query("CREATE TABLE people AS SELECT 1 AS id, 'Ann' AS name");
  });

  it.each([
    ['a column that does not exist', 'SELECT nosuch FROM people', 'LINE 1: SELECT nosuch FROM people'],
    ['a syntax error on the second line', 'SELECT id,\n  name FORM people', 'LINE 2:'],
    ['a bound parameter', 'SELECT nosuch + $1 FROM people', 'LINE 1: SELECT nosuch'],
  ])('%s', async (_name, sql, excerpt) => {
    const params = sql.includes('$1') ? [1] : [];
    const error = await engine.openResult(sql, params).then(
      () => null,
      (e: Error & { info: { sql?: string } }) => e,
    );
    expect(error).not.toBeNull();
    expect(error!.message).not.toMatch(/__result_|CREATE TEMP TABLE/);
    expect(error!.message).toContain(excerpt);
    expect(error!.info.sql).toBe(sql);
  });
});
