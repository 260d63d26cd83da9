import { describe, expect, it } from 'vitest';
import { finding } from '../../src/analyses/messages/finding.ts';
import { renderParam } from '../../src/analyses/messages/render.ts';
import { tv } from '../../src/format/typed.ts';
import type { AnalysisResult } from '../../src/analyses/types.ts';
import { fromRows, type ColumnarTable, type SqlParam } from '../../src/engine/types.ts';
import { cellId, isRequirement, parseNotebook, unmetRequirements } from '../../src/notebook/format/index.ts';
import { createRuntime, type CellState, type NotebookEffects } from '../../src/notebook/runtime/index.ts';

const table = (rows: Record<string, number | string>[]): ColumnarTable =>
  fromRows(
    rows,
    Object.keys(rows[0] ?? { x: 0 }).map((name) => ({
      name,
      type: typeof rows[0]![name] === 'number' ? 'DOUBLE' : 'VARCHAR',
      kind: typeof rows[0]![name] === 'number' ? 'number' : 'string',
    })),
  );

/** Fake effects: each sql run returns one row {table, p: first param}; every call is logged. */
function fakeEffects(
  options: {
    delay?: (table: string, params: SqlParam[]) => number;
    fail?: (table: string) => string | null;
    notApplicable?: string;
  } = {},
) {
  const log: string[] = [];
  const tables = new Map<string, ColumnarTable>();
  const effects: NotebookEffects = {
    async runSql({ table: name, sql, params }) {
      log.push(`sql ${name} ${sql} ${JSON.stringify(params)}`);
      const ms = options.delay?.(name, params) ?? 0;
      if (ms) await new Promise((r) => setTimeout(r, ms));
      const err = options.fail?.(name);
      if (err) throw new Error(err);
      const t = table([{ name, p: (params[0] as number | string | undefined) ?? 0 }]);
      tables.set(name, t);
      return { columns: t.columns, rowCount: t.rowCount, preview: t };
    },
    async runAnalysis(id, opts) {
      log.push(`analysis ${id} ${JSON.stringify(opts)}`);
      if (options.notApplicable) {
        const reason = options.notApplicable;
        return {
          tables: {},
          scalars: {},
          charts: [],
          findings: [],
          notes: [reason],
          notApplicable: { reason, needs: ['service_costs'] },
        };
      }
      const result: AnalysisResult = {
        tables: {
          curve: table([
            { x: 0, y: 0 },
            { x: 1, y: Number(opts.margin_pct) },
          ]),
        },
        scalars: { top20_share: 1.38 },
        charts: [],
        findings: [
          finding('peak', 'whale.peak', { peak: tv.percent(1.4), peak_customers: tv.percent(0.5) }, 'peak', 1.4),
        ],
        notes: [],
      };
      return result;
    },
    async registerTable(name, t) {
      log.push(`register ${name} ${t.rowCount}`);
      tables.set(name, t);
    },
    async readTable(name) {
      const t = tables.get(name);
      if (!t) throw new Error(`no table ${name}`);
      return t;
    },
  };
  return { effects, log };
}

const md = `---
title: t
---

\`\`\`input margin
type: slider
min: 0
max: 1
value: 0.3
\`\`\`

\`\`\`input region
type: select
options: [north, south]
\`\`\`

\`\`\`sql a
SELECT $margin AS m
\`\`\`

\`\`\`sql b
SELECT * FROM a
\`\`\`

\`\`\`sql c
SELECT $region AS r
\`\`\`

\`\`\`analysis whale
analysis: whale-curve
options:
  margin_pct: $margin
\`\`\`

\`\`\`sql w
SELECT * FROM whale_curve
\`\`\`

\`\`\`chart
data: whale.curve
marks:
  - { type: line, x: x, y: y }
\`\`\`

Top 20% earn {whale.top20_share:%}; peak {whale.peak}; margin {margin:.0%}; a gives {a.p}.
`;

const status = (cells: CellState[]) => Object.fromEntries(cells.map((c) => [c.id, c.status]));

describe('notebook runtime', () => {
  it('runs every cell in dependency order and exposes analysis tables, scalars and findings', async () => {
    const { effects, log } = fakeEffects();
    const rt = createRuntime(parseNotebook(md), effects);
    await rt.runAll();
    expect(status(rt.cells())).toEqual({
      margin: 'ok',
      region: 'ok',
      a: 'ok',
      b: 'ok',
      c: 'ok',
      whale: 'ok',
      w: 'ok',
      'chart#1': 'ok',
      'prose#1': 'ok',
    });
    expect(log).toEqual([
      'sql a SELECT $1 AS m [0.3]',
      'sql b SELECT * FROM a []',
      'sql c SELECT $1 AS r ["north"]',
      'analysis whale-curve {"margin_pct":0.3}',
      'register whale_curve 2',
      'sql w SELECT * FROM whale_curve []',
    ]);
    expect(rt.cell(cellId('chart#1'))!.output).toMatchObject({
      kind: 'chart',
      data: {
        'whale.curve': [
          { x: 0, y: 0 },
          { x: 1, y: 0.3 },
        ],
      },
    });
    expect(rt.cell(cellId('prose#1'))!.output).toEqual({
      kind: 'prose',
      values: { 'whale.top20_share': 1.38, 'whale.peak': 1.4, margin: 0.3, 'a.p': 0.3 },
    });
    expect(rt.cell(cellId('a'))).toMatchObject({ rowCount: 1, runs: 1 });
  });

  it('re-runs only the cells downstream of a changed input', async () => {
    const { effects, log } = fakeEffects();
    const rt = createRuntime(parseNotebook(md), effects);
    await rt.runAll();
    log.length = 0;
    await rt.setInput('region', 'south');
    expect(log).toEqual(['sql c SELECT $1 AS r ["south"]']);
    expect(rt.cells().map((c) => [c.id, c.runs])).toEqual([
      ['margin', 1],
      ['region', 2],
      ['a', 1],
      ['b', 1],
      ['c', 2],
      ['whale', 1],
      ['w', 1],
      ['chart#1', 1],
      ['prose#1', 1],
    ]);
  });

  it('drops a superseded run: an older result never overwrites a newer one', async () => {
    // The run for region=north is slow; region=south is set while it is in flight.
    const { effects } = fakeEffects({ delay: (t, p) => (t === 'c' && p[0] === 'north' ? 30 : 0) });
    const rt = createRuntime(parseNotebook(md), effects);
    const seen: unknown[] = [];
    rt.subscribe((r) => {
      const out = r.cell(cellId('c'))!.output;
      if (out?.kind === 'sql') seen.push(out.preview.data[1]![0]);
    });
    const first = rt.runAll();
    await new Promise((r) => setTimeout(r, 5));
    expect(rt.cell(cellId('c'))!.status).toBe('running');
    await rt.setInput('region', 'south');
    await first;
    expect(rt.cell(cellId('c'))!.output).toMatchObject({ preview: { data: [['c'], ['south']] } });
    expect(seen).not.toContain('north');
    expect(rt.cell(cellId('c'))!.runs).toBe(1);
  });

  it('shows a failing cell’s error, blocks its dependents and keeps independent cells working', async () => {
    const { effects } = fakeEffects({ fail: (t) => (t === 'a' ? 'Binder Error: boom' : null) });
    const rt = createRuntime(parseNotebook(md), effects);
    await rt.runAll();
    expect(rt.cell(cellId('a'))).toMatchObject({ status: 'error', error: 'sql a: Binder Error: boom' });
    expect(rt.cell(cellId('b'))).toMatchObject({ status: 'blocked', error: 'waiting on a, which failed' });
    expect(rt.cell(cellId('prose#1'))).toMatchObject({ status: 'blocked', error: 'waiting on a, which failed' });
    expect(status(rt.cells())).toMatchObject({ c: 'ok', whale: 'ok', w: 'ok', 'chart#1': 'ok' });
  });

  it('shows an analysis that does not apply to the data, and the cells built on it, as not applicable (not errors)', async () => {
    const { effects, log } = fakeEffects({ notApplicable: 'No cost data in this dataset.' });
    const rt = createRuntime(parseNotebook(md), effects);
    await rt.runAll();
    expect(rt.cell(cellId('whale'))).toMatchObject({
      status: 'na',
      error: 'No cost data in this dataset.',
      needs: ['service_costs'],
    });
    for (const id of ['w', 'chart#1', 'prose#1']) {
      expect(rt.cell(cellId(id))).toMatchObject({
        status: 'na',
        error: 'whale does not apply to this data: No cost data in this dataset.',
        needs: ['service_costs'],
      });
    }
    // Never run: a dependent would only have failed on the missing tables.
    expect(log.some((l) => l.startsWith('sql w '))).toBe(false);
    expect(status(rt.cells())).toMatchObject({ a: 'ok', b: 'ok', c: 'ok' });
    expect(rt.cells().some((c) => c.status === 'error' || c.status === 'blocked')).toBe(false);
  });

  it('reports cycles and unknown names on the cell', async () => {
    const { effects } = fakeEffects();
    const nb = parseNotebook(
      [
        '```sql x\nSELECT * FROM y\n```\n',
        '```sql y\nSELECT * FROM x\n```\n',
        '```sql z\nSELECT $nope AS n\n```\n',
        '```chart\ndata: missing\nmarks:\n  - { type: dot, x: a, y: b }\n```\n',
        'Value {ghost.v}\n',
        '```sql ok\nSELECT 1 AS one\n```\n',
      ].join('\n'),
    );
    const rt = createRuntime(nb, effects);
    await rt.runAll();
    const errors = Object.fromEntries(rt.cells().map((c) => [c.id, c.error ?? c.status]));
    expect(errors).toEqual({
      x: 'sql x: circular reference: x → y → x',
      y: 'sql y: circular reference: y → x → y',
      z: 'sql z: unknown parameter $nope (inputs: none)',
      'chart#1': 'chart on line 13: unknown result "missing" (results: x, y, z, ok)',
      'prose#1': 'prose on line 19: unknown name {ghost.v} (names: x, y, z, ok)',
      ok: 'ok',
    });
  });

  it('re-runs an edited cell and its dependents only', async () => {
    const { effects, log } = fakeEffects();
    const rt = createRuntime(parseNotebook(md), effects);
    await rt.runAll();
    log.length = 0;
    await rt.setNotebook(parseNotebook(md.replace('SELECT $margin AS m', 'SELECT $margin * 2 AS m')));
    expect(log).toEqual(['sql a SELECT $1 * 2 AS m [0.3]', 'sql b SELECT * FROM a []']);
    expect(rt.cell(cellId('prose#1'))!.runs).toBe(2);
    expect(rt.cell(cellId('c'))!.runs).toBe(1);
  });

  it('fills a select from a query and binds range ends as separate parameters', async () => {
    const { effects, log } = fakeEffects();
    const nb = parseNotebook(`\`\`\`input band
type: range
min: 0
max: 100
value: [10, 20]
\`\`\`

\`\`\`sql opts
SELECT * FROM t WHERE v BETWEEN $band.from AND $band.to OR w > $band.from
\`\`\`

\`\`\`input pick
type: select
options_from: opts.name
\`\`\`

\`\`\`sql uses
SELECT $pick AS chosen
\`\`\`

From {band.from} to {band.to}: {pick}.
`);
    const rt = createRuntime(nb, effects);
    await rt.runAll();
    expect(log[0]).toBe('sql opts SELECT * FROM t WHERE v BETWEEN $1 AND $2 OR w > $1 [10,20]');
    expect(rt.cell(cellId('pick'))!.output).toEqual({
      kind: 'input',
      value: 'opts',
      options: [{ value: 'opts', label: 'opts' }],
    });
    expect(log[1]).toBe('sql uses SELECT $1 AS chosen ["opts"]');
    expect(rt.cell(cellId('prose#1'))!.output).toEqual({
      kind: 'prose',
      values: { 'band.from': 10, 'band.to': 20, pick: 'opts' },
    });
  });

  it('refuses a range used without .from/.to, and a cell with several statements', async () => {
    const { effects } = fakeEffects();
    const nb = parseNotebook(
      '```input r\ntype: range\nmin: 0\nmax: 1\n```\n\n```sql q\nSELECT $r\n```\n\n```sql two\nSELECT 1; SELECT 2\n```\n',
    );
    const rt = createRuntime(nb, effects);
    await rt.runAll();
    expect(rt.cell(cellId('q'))!.error).toBe('sql q: $r is a range: use $r.from and $r.to');
    expect(rt.cell(cellId('two'))!.error).toBe(
      'sql two: a sql cell holds one query; split the statements into separate cells',
    );
  });
});

describe('notebook runtime: edits that change the graph', () => {
  it('reports an unknown name when a used cell is deleted, and recovers when it is back', async () => {
    const { effects } = fakeEffects();
    const full =
      '```sql a\nSELECT 1 AS x\n```\n\n```sql b\nSELECT * FROM a\n```\n\n```chart\ndata: a\nmarks:\n  - { type: dot, x: x, y: x }\n```\n';
    const rt = createRuntime(parseNotebook(full), effects);
    await rt.runAll();
    await rt.setNotebook(parseNotebook(full.replace('```sql a\nSELECT 1 AS x\n```\n\n', '')));
    expect(rt.cells().map((c) => [c.id, c.status, c.error])).toEqual([
      ['b', 'ok', undefined],
      ['chart#1', 'error', 'chart on line 5: unknown result "a" (results: b)'],
    ]);
    await rt.setNotebook(parseNotebook(full));
    expect(rt.cells().map((c) => c.status)).toEqual(['ok', 'ok', 'ok']);
  });
});

describe('notebook runtime: values restored from the browser', () => {
  it('starts from the values the user left (valid ones only) and runs with them', async () => {
    const { effects, log } = fakeEffects();
    const rt = createRuntime(parseNotebook(md), effects);
    // margin 2 is outside the slider's [0, 1]: the file's value stays; region is restored.
    expect(rt.restoreInputs({ margin: 2, region: 'south', gone: 1 })).toEqual(['region']);
    expect(log).toEqual([]);
    await rt.runAll();
    expect(log).toContain('sql c SELECT $1 AS r ["south"]');
    expect(log).toContain('sql a SELECT $1 AS m [0.3]');
    expect(rt.inputValue('region')).toBe('south');
    expect(rt.restoreInputs({ margin: 0.75 })).toEqual(['margin']);
    expect(rt.inputValue('margin')).toBe(0.75);
  });
});

describe('notebook runtime: results saved by an earlier run', () => {
  it('shows them before anything runs, keeps them on screen while the cells re-run, then replaces them', async () => {
    const first = fakeEffects();
    const before = createRuntime(parseNotebook(md), first.effects);
    await before.runAll();
    const saved = structuredClone(before.cells());

    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { effects, log } = fakeEffects({ delay: () => 0 });
    const slow: NotebookEffects = {
      ...effects,
      runSql: async (args) => {
        await gate;
        return effects.runSql(args);
      },
    };
    const rt = createRuntime(parseNotebook(md), slow);
    expect(rt.restore(saved)).toBe(saved.length);
    // Shown as they were, marked restored, before any engine call.
    expect(log).toEqual([]);
    expect(rt.cells().every((c) => c.status === 'ok' && c.restored === true)).toBe(true);
    expect(rt.cell(cellId('chart#1'))!.output).toEqual(before.cell(cellId('chart#1'))!.output);
    // The run still happens; while a cell waits or runs it keeps the restored output.
    const run = rt.runAll();
    await new Promise((r) => setTimeout(r, 0));
    const waiting = rt.cell(cellId('b'))!;
    expect(waiting.status).toBe('queued');
    expect(waiting.restored).toBe(true);
    expect(waiting.output).toEqual(before.cell(cellId('b'))!.output);
    release();
    await run;
    expect(rt.cells().every((c) => c.status === 'ok' && c.restored === undefined && c.runs === 1)).toBe(true);
    expect(log.filter((l) => l.startsWith('sql ')).length).toBe(4);
  });

  it('takes a saved state only for an untouched cell of the same kind, and nothing once a run started', async () => {
    const { effects } = fakeEffects();
    const saved = structuredClone(
      await (async () => {
        const rt = createRuntime(parseNotebook(md), fakeEffects().effects);
        await rt.runAll();
        return rt.cells();
      })(),
    );
    const rt = createRuntime(parseNotebook(md), effects);
    const wrongKind = saved.map((s) => (s.id === cellId('a') ? { ...s, kind: 'chart' as const } : s));
    const failed = wrongKind.map((s) => (s.id === cellId('b') ? { ...s, status: 'error' as const } : s));
    expect(rt.restore(failed)).toBe(saved.length - 2);
    expect(rt.cell(cellId('a'))!.status).toBe('idle');
    expect(rt.cell(cellId('b'))!.status).toBe('idle');
    const run = rt.runAll();
    expect(rt.restore(saved)).toBe(0);
    await run;
  });
});

describe('a notebook whose front matter requires data the loaded data lacks', () => {
  const nb = `---
title: Telco
dataset: telco
requires: [customers, customers.tenure, customers.Churn]
---

Plain prose runs.

\`\`\`sql by_tenure
SELECT tenure FROM customers
\`\`\`

The first band is {by_tenure.p}.

\`\`\`input k
type: slider
min: 0
max: 1
\`\`\`
`;
  const run = async (columns: Record<string, string[]>) => {
    const { effects, log } = fakeEffects();
    const rt = createRuntime(parseNotebook(nb), { ...effects, dataColumns: async () => columns });
    await rt.runAll();
    return { states: rt.cells(), log };
  };

  it('marks its queries not applicable, naming what is missing, and runs nothing against the data', async () => {
    const { states, log } = await run({
      customers: ['customer_id', 'churn_date'],
      transactions: ['customer_id', 'date', 'revenue'],
    });
    const sql = states.find((s) => s.kind === 'sql')!;
    expect(sql.status).toBe('na');
    expect(sql.error).toBe(
      'This notebook needs `customers.tenure`, `customers.Churn`, which the loaded data does not have (it is written for the telco data). Import data that has them with the import wizard (Data → Import).',
    );
    expect(sql.needs).toEqual(['customers']);
    // The same explanation, for a reader of 简体 (the cell shows it in the UI language).
    expect(renderParam(sql.errorRef!, { locale: 'zh-Hans' })).toBe(
      '本笔记本需要 `customers.tenure`, `customers.Churn`，当前载入的数据中没有（共缺 2 项；它是为 telco 数据编写的）。请用导入向导（数据 → 导入）导入包含这些内容的数据。',
    );
    // A cell built on it says so in the reader's language too.
    const chart = states.filter((s) => s.status === 'na')[1]!;
    expect(renderParam(chart.errorRef!, { locale: 'zh-Hant' })).toMatch(/不適用於目前資料：本筆記本需要/);
    expect(log.filter((l) => l.startsWith('sql'))).toEqual([]);
    // What depends on it does not apply either; prose without references and inputs still run.
    expect(states.map((s) => s.status)).toEqual(['ok', 'na', 'na', 'ok']);
  });

  it('names a missing table once, not once per column of it', async () => {
    const { states } = await run({ transactions: ['customer_id'] });
    expect(states.find((s) => s.kind === 'sql')!.error).toMatch(/^This notebook needs `customers`, which/);
  });

  it('runs as usual when the data has every column (names compare without case)', async () => {
    const { states } = await run({ customers: ['customer_id', 'TENURE', 'churn'] });
    expect(states.map((s) => s.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
  });
});

describe('unmetRequirements', () => {
  it.each([
    [['customers'], { customers: ['a'] }, []],
    [['customers'], {}, ['customers']],
    [['customers.tenure', 'customers.Churn'], {}, ['customers']],
    [['transactions', 'customers.tenure'], { transactions: [], customers: ['Tenure'] }, []],
    [['surveys.nps'], { surveys: ['satisfaction'] }, ['surveys.nps']],
  ])('%j on %j → %j', (requires, tables, expected) => {
    expect(unmetRequirements(requires, tables as Record<string, string[]>)).toEqual(expected);
  });

  it.each([
    ['customers', true],
    ['customers.tenure', true],
    ['customers.', false],
    ['orders', false],
    ['orders.id', false],
    [3, false],
  ])('isRequirement(%j) = %s', (v, ok) => {
    expect(isRequirement(v)).toBe(ok);
  });
});
