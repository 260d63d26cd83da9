// One DuckDB connection runs one query at a time. `run` polls a long query and yields between
// polls; a query with parameters arriving meanwhile must wait its turn, not run on the connection
// in the middle of the pending one.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/engine/database.ts';
import { createNodeEngine, type NodeEngine } from '../../src/engine/node.ts';

/** Long enough to be polled many times (~0.5–2 s on a shared 2-core machine). */
const LONG = 'SELECT count(*) AS n FROM range(200000000) t(x) WHERE x % 7 = 3';

describe('Database: one query at a time', () => {
  let engine: NodeEngine;
  let db: Database;
  beforeAll(async () => {
    engine = createNodeEngine();
    db = await engine.database();
  });

  it.each<[string, (db: Database) => Promise<unknown>, unknown]>([
    ['a parameterised query', (d) => d.query('SELECT $1::INTEGER + 1 AS y', [41]), 42],
    ['a parameterless query', (d) => d.query('SELECT 42 AS y'), 42],
  ])('%s issued while a long query is polled waits for it', async (_name, second, expected) => {
    const order: string[] = [];
    const long = db.run(LONG).then((t) => (order.push('long'), Number(t.data[0]![0])));
    await new Promise((r) => setTimeout(r, 20)); // the long query is now being polled
    const next = second(db).then((t) => (order.push('next'), (t as { data: unknown[][] }).data[0]![0]));
    expect(await Promise.all([long, next])).toEqual([28571429, expected]);
    expect(order).toEqual(['long', 'next']);
  });
});
