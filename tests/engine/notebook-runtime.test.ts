import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine, type NodeEngine } from '../../src/engine/node.ts';
import { cellId, parseNotebook } from '../../src/notebook/format/index.ts';
import { createRuntime, engineEffects } from '../../src/notebook/runtime/index.ts';

const enc = new TextEncoder();
const csv = (s: string) => enc.encode(s.trim() + '\n');

const evil = "'; DROP TABLE transactions; --";

const md = `---
title: Engine test
---

\`\`\`input who
type: text
value: "${evil.replace(/"/g, '\\"')}"
\`\`\`

\`\`\`input since
type: date
value: 2024-02-01
\`\`\`

\`\`\`input margin
type: slider
min: 0
max: 1
value: 0.4
\`\`\`

\`\`\`sql matched
SELECT count(*) AS n, $who AS echoed FROM transactions WHERE customer_id = $who OR customer_id = '$who'
\`\`\`

\`\`\`sql recent
SELECT customer_id, sum(revenue) AS revenue FROM transactions WHERE date >= $since GROUP BY 1 ORDER BY 1
\`\`\`

\`\`\`analysis whale
analysis: whale-curve
options:
  margin_source: assumed
  margin_pct: $margin
\`\`\`

\`\`\`sql whale_rows
SELECT count(*) AS n FROM whale_curve
\`\`\`

Top share {whale.top_share:%}.
`;

describe('notebook runtime on DuckDB-WASM', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = createNodeEngine();
    await engine.loadCanonicalCsv('fixture', [
      {
        table: 'transactions',
        fileName: 'transactions.csv',
        bytes: csv(`customer_id,date,revenue,cost
c1,2024-01-05,100,40
c2,2024-02-01,20,5
c1,2024-03-09,10,12
c3,2024-03-10,300,100`),
      },
    ]);
  });

  it('binds a parameter holding SQL as a value: it matches nothing and drops nothing', async () => {
    const rt = createRuntime(parseNotebook(md), engineEffects(engine));
    await rt.runAll();
    const matched = rt.cell(cellId('matched'))!;
    expect(matched).toMatchObject({ status: 'ok', rowCount: 1 });
    expect(matched.output).toMatchObject({ kind: 'sql', preview: { data: [[0], [evil]] } });
    const count = await engine.query('SELECT count(*) AS n FROM transactions');
    expect(count.data[0]![0]).toBe(4);
  });

  it('materialises sql cells as temp tables with DuckDB types, binding dates', async () => {
    const rt = createRuntime(parseNotebook(md), engineEffects(engine));
    await rt.runAll();
    const recent = rt.cell(cellId('recent'))!;
    expect(recent.output).toMatchObject({
      kind: 'sql',
      columns: [
        { name: 'customer_id', type: 'VARCHAR' },
        { name: 'revenue', type: 'DOUBLE' },
      ],
      rowCount: 3,
      preview: {
        data: [
          ['c1', 'c2', 'c3'],
          [10, 20, 300],
        ],
      },
    });
    expect((await engine.query('SELECT sum(revenue) AS s FROM recent')).data[0]![0]).toBe(330);
    await rt.setInput('since', '2024-03-10');
    expect(rt.cell(cellId('recent'))!.rowCount).toBe(1);
  });

  it('runs an analysis with $-bound options and registers its tables for SQL', async () => {
    const rt = createRuntime(parseNotebook(md), engineEffects(engine));
    await rt.runAll();
    const whale = rt.cell(cellId('whale'))!;
    expect(whale.error).toBeUndefined();
    expect(whale.output?.kind).toBe('analysis');
    if (whale.output?.kind !== 'analysis') return;
    expect(whale.output.tables.curve).toBe('whale_curve');
    const curveRows = whale.output.result.tables.curve!.rowCount;
    expect(rt.cell(cellId('whale_rows'))!.output).toMatchObject({ preview: { data: [[curveRows]] } });
    expect(rt.cell(cellId('prose#1'))!.output).toEqual({
      kind: 'prose',
      values: { 'whale.top_share': whale.output.result.scalars.top_share },
    });
  });

  it('keeps notebook data in the engine: one engine call per sql cell, analysis tables kept where they were computed', async () => {
    const calls: string[] = [];
    const counted = new Proxy(engine, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          calls.push(String(prop));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const rt = createRuntime(parseNotebook(md), engineEffects(counted));
    await rt.runAll();
    expect(rt.cells().every((c) => c.status === 'ok')).toBe(true);
    // Three sql cells, one analysis: no INSERT of analysis rows, no extra query per sql cell.
    expect(calls.filter((c) => c === 'runSqlCell')).toHaveLength(3);
    expect(calls.filter((c) => c === 'runAnalysis')).toHaveLength(1);
    expect(calls.filter((c) => c === 'query')).toEqual([]);
    // The analysis's tables are there for SQL all the same.
    expect((await engine.query('SELECT count(*) AS n FROM whale_totals')).data[0]![0]).toBe(1);
  });

  it("reports a sql cell's error against the user's own line", async () => {
    const rt = createRuntime(
      parseNotebook('```sql broken\nSELECT 1\nFROM no_such_table\n```\n'),
      engineEffects(engine),
    );
    await rt.runAll();
    const cell = rt.cell(cellId('broken'))!;
    expect(cell.status).toBe('error');
    expect(cell.error).toMatch(/no_such_table/);
    expect(cell.error).toMatch(/LINE 2:/);
  });

  it('fills a select from a query, binds its choice, and keeps the choice while the query still offers it', async () => {
    const nb = parseNotebook(`\`\`\`input floor
type: number
value: 0
\`\`\`

\`\`\`sql buyers
SELECT customer_id FROM transactions WHERE revenue > $floor GROUP BY 1 ORDER BY 1
\`\`\`

\`\`\`input who
type: select
options_from: buyers.customer_id
\`\`\`

\`\`\`sql spent
SELECT sum(revenue) AS revenue FROM transactions WHERE customer_id = $who
\`\`\`

{who} spent {spent.revenue}.
`);
    const rt = createRuntime(nb, engineEffects(engine));
    await rt.runAll();
    expect(rt.cell(cellId('who'))!.output).toEqual({
      kind: 'input',
      value: 'c1',
      options: [
        { value: 'c1', label: 'c1' },
        { value: 'c2', label: 'c2' },
        { value: 'c3', label: 'c3' },
      ],
    });
    expect(rt.cell(cellId('prose#1'))!.output).toEqual({ kind: 'prose', values: { who: 'c1', 'spent.revenue': 110 } });
    await rt.setInput('who', 'c3');
    expect(rt.cell(cellId('prose#1'))!.output).toEqual({ kind: 'prose', values: { who: 'c3', 'spent.revenue': 300 } });
    // Still offered after the floor rises: kept. No longer offered: the first option.
    await rt.setInput('floor', 50);
    expect(rt.inputValue('who')).toBe('c3');
    await rt.setInput('floor', 300);
    expect(rt.cell(cellId('who'))!.output).toEqual({ kind: 'input', value: null, options: [] });
    await rt.setInput('floor', 99);
    expect(rt.cell(cellId('who'))!.output).toMatchObject({ value: 'c1', options: [{ value: 'c1' }, { value: 'c3' }] });
  });

  it('reports a DuckDB error on the cell with the cell’s own SQL and keeps going', async () => {
    const rt = createRuntime(
      parseNotebook('```sql bad\nSELECT nope FROM transactions\n```\n\n```sql good\nSELECT 1 AS one\n```\n'),
      engineEffects(engine),
    );
    await rt.runAll();
    expect(rt.cell(cellId('bad'))).toMatchObject({
      status: 'error',
      sql: 'SELECT nope FROM transactions',
      error: expect.stringMatching(/^sql bad: Binder Error: Referenced column "nope" not found/),
    });
    expect(rt.cell(cellId('good'))!.status).toBe('ok');
  });

  it('drops the temp table of a deleted sql cell, so SQL that still uses it fails instead of reading stale rows', async () => {
    const full = '```sql gone\nSELECT 1 AS x\n```\n\n```sql user\nSELECT * FROM gone\n```\n';
    const rt = createRuntime(parseNotebook(full), engineEffects(engine));
    await rt.runAll();
    expect(rt.cell(cellId('user'))!.status).toBe('ok');
    await rt.setNotebook(parseNotebook(full.replace('```sql gone\nSELECT 1 AS x\n```\n\n', '')));
    expect(rt.cell(cellId('user'))).toMatchObject({
      status: 'error',
      error: expect.stringMatching(/^sql user: Catalog Error: Table with name gone does not exist/),
    });
  });
});
