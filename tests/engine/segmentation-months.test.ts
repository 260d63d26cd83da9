/**
 * RFM, cohorts, migration and MVC/MGC/BZ in the engine (summary months + inputs kept per dataset
 * version) against the SQL on the raw tables (`def.run({ db, profile })`, the reference): the same
 * tables to 1e-9 relative, scalars, findings and notes, on the built-in sample and on generated
 * data, for periods that are whole months (read from the summary) and periods that cut a month
 * (read from the raw tables); option changes equal from-scratch runs and read no transactions.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sameResult } from './same-result.ts';
import { parseOptions } from '../../src/analyses/options.ts';
import { getAnalysis } from '../../src/analyses/registry.ts';
import type { AnalysisResult } from '../../src/analyses/types.ts';
import { firstK, firstKMembers, kthSmallest } from '../../src/analyses/segmentation/mvc-numerics.ts';
import { rfmScores } from '../../src/analyses/segmentation/rfm-numerics.ts';
import { createNodeEngine, createSampleEngine, type NodeEngine } from '../../src/engine/node.ts';
import { renderSampleCsv } from '../../sample-data/src/index.ts';

const enc = new TextEncoder();

async function generated(customers: number, seed: number): Promise<NodeEngine> {
  const engine = createNodeEngine();
  const files = renderSampleCsv({ customers, seed });
  await engine.loadCanonicalCsv(
    'generated',
    Object.entries(files).map(([table, text]) => ({ table, fileName: `${table}.csv`, bytes: enc.encode(text) })),
  );
  return engine;
}

/** The engine's run and the raw SQL run of the same options. */
async function bothPaths(
  engine: NodeEngine,
  id: string,
  raw: Record<string, unknown>,
): Promise<[AnalysisResult, AnalysisResult]> {
  const def = getAnalysis(id);
  const prepared = await engine.runAnalysis(id, raw);
  const sql = await def.run(
    { db: await engine.database(), profile: await engine.profile() },
    parseOptions(def.options, raw, id),
  );
  return [prepared, sql];
}

/** Records every statement the engine's database runs, whichever entry point. */
async function recorder(engine: NodeEngine): Promise<{ reads: (pattern: RegExp) => string[]; clear: () => void }> {
  const db = await engine.database();
  const seen: string[] = [];
  for (const method of ['query', 'querySync', 'numeric', 'run', 'runArrow'] as const) {
    const original = (db[method] as (...args: unknown[]) => unknown).bind(db);
    (db as unknown as Record<string, unknown>)[method] = (sql: string, ...rest: unknown[]) => {
      seen.push(sql);
      return original(sql, ...rest);
    };
  }
  return { reads: (pattern) => [...new Set(seen.filter((s) => pattern.test(s)))], clear: () => void (seen.length = 0) };
}

const TX = /\btransactions\b/i;
const MONTHS = /\bsummary\.customer_months\b/i;

type Case = [string, string, Record<string, unknown>];
const cases: Case[] = [
  ['rfm', 'defaults', {}],
  ['rfm', 'profit, 4 bins, weeks', { monetary: 'profit', bins: 4, time_unit: 'week' }],
  ['rfm', 'as of a month end, since a month start', { as_of: '2024-06-30', since: '2023-04-01', bins: 3 }],
  ['rfm', 'as of mid-month (raw tables)', { as_of: '2024-06-17', monetary: 'profit' }],
  ['rfm', 'since mid-month (raw tables)', { since: '2023-05-09', bins: 10, time_unit: 'month' }],
  ['rfm', 'custom segment map', { segment_map: { best: { r: [4, 5], f: [4, 5] }, rest: { r: [1, 5], f: [1, 5] } } }],
  ['migration', 'defaults', {}],
  [
    'migration',
    'profit, amounts, 3 core tiers, small list',
    { measure: 'profit', method: 'amounts', thresholds: [-5, 0, 5, 20, 60], core_tiers: 3, limit: 7 },
  ],
  [
    'migration',
    'orders, quartiles, drop 0.2',
    { measure: 'orders', tier_names: ['d', 'c', 'b', 'a'], quantiles: [0.25, 0.5, 0.75], drop: 0.2 },
  ],
  ['migration', '6-month periods', { months: 6, tier_names: ['low', 'high'], core_tiers: 1 }],
  [
    'migration',
    'periods cutting months (raw tables)',
    {
      early_start: '2023-02-10',
      early_end: '2023-11-20',
      late_start: '2024-01-15',
      late_end: '2024-10-31',
      measure: 'profit',
    },
  ],
  ['mvc-mgc-bz', 'defaults', {}],
  [
    'mvc-mgc-bz',
    'other shares, quantile and list length',
    { mvc_share: 0.05, growable_share: 0.4, potential_quantile: 0.75, top_n: 50 },
  ],
  [
    'mvc-mgc-bz',
    'a period cutting months, lists of one',
    { period_start: '2023-03-17', period_end: '2024-02-11', top_n: 1, mvc_share: 0.5 },
  ],
  ['cohorts', 'defaults', {}],
  ['cohorts', 'quarters, incomplete periods kept', { period: 'quarter', complete_periods_only: false }],
  ['cohorts', 'display options', { max_periods: 5, max_cohorts: 7, loyal_years: 3, margin_pct: 0.4 }],
];

describe.each([
  ['the built-in sample', () => createSampleEngine()],
  ['generated data (3000 customers, seed 11)', () => generated(3000, 11)],
] as [string, () => Promise<NodeEngine>][])('engine path = raw SQL: %s', (_label, open) => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = await open();
  }, 120_000);

  it.each(cases)('%s: %s', async (id, _case, options) => {
    const [prepared, sql] = await bothPaths(engine, id, options);
    expect(Object.keys(prepared.tables).length).toBeGreaterThan(0);
    sameResult(prepared, sql, { strict: true });
  });
});

describe('option changes read no transactions and equal from-scratch runs', () => {
  it('rfm: bins, segment map and time unit recompute from the kept inputs; a month-cutting as_of reads the raw tables', async () => {
    const engine = await createSampleEngine();
    const rec = await recorder(engine);
    await engine.runAnalysis('rfm', {});
    expect(rec.reads(TX), 'the whole-month default reads no transactions').toEqual([]);
    expect(rec.reads(MONTHS).length, 'it reads the monthly summary').toBeGreaterThan(0);
    rec.clear();
    const sweep = [
      { bins: 4 },
      { bins: 3, time_unit: 'week' },
      { bins: 7, segment_map: { a: { r: [3, 5], f: [1, 5] } } },
    ];
    const warm: AnalysisResult[] = [];
    for (const o of sweep) warm.push(await engine.runAnalysis('rfm', o));
    expect(rec.reads(TX)).toEqual([]);
    expect(rec.reads(MONTHS)).toEqual([]);
    const fresh = await createSampleEngine();
    for (const [i, o] of sweep.entries()) sameResult(await fresh.runAnalysis('rfm', o), warm[i]!, { strict: true });
    rec.clear();
    await engine.runAnalysis('rfm', { as_of: '2024-06-17' });
    expect(rec.reads(TX).length, 'an as_of inside a month reads the raw tables once').toBe(1);
  }, 120_000);

  it('cohorts: display options recompute from kept rows; the retention grid reads the summary, not transactions', async () => {
    const engine = await createSampleEngine();
    const rec = await recorder(engine);
    await engine.runAnalysis('cohorts', {});
    expect(rec.reads(/date_trunc\('month', month\)/), 'the retention grid reads the monthly summary').toHaveLength(1);
    expect(
      rec.reads(TX).some((sql) => /period_start/.test(sql)),
      'the retention grid reads no transactions',
    ).toBe(false);
    rec.clear();
    const sweep = [{ max_periods: 6 }, { max_cohorts: 5, loyal_years: 3 }, { max_periods: 24, max_cohorts: 2 }];
    const warm: AnalysisResult[] = [];
    for (const o of sweep) warm.push(await engine.runAnalysis('cohorts', o));
    expect(rec.reads(TX)).toEqual([]);
    expect(rec.reads(MONTHS)).toEqual([]);
    const fresh = await createSampleEngine();
    for (const [i, o] of sweep.entries()) sameResult(await fresh.runAnalysis('cohorts', o), warm[i]!, { strict: true });
  }, 120_000);

  it('migration: thresholds, names, core tiers, drop and list length recompute from the kept base', async () => {
    const engine = await createSampleEngine();
    const rec = await recorder(engine);
    await engine.runAnalysis('migration', {});
    expect(rec.reads(TX), 'whole-month default periods read no transactions').toEqual([]);
    rec.clear();
    const sweep = [
      { quantiles: [0.5, 0.75, 0.9, 0.95, 0.99] },
      { method: 'amounts', thresholds: [10, 50, 100, 200, 500], core_tiers: 3 },
      { tier_names: ['low', 'mid', 'high'], drop: 0.3, limit: 10 },
      { language: 'zh-Hant', drop: 0.9 },
    ];
    const warm: AnalysisResult[] = [];
    for (const o of sweep) warm.push(await engine.runAnalysis('migration', o));
    expect(rec.reads(TX)).toEqual([]);
    expect(rec.reads(MONTHS)).toEqual([]);
    const fresh = await createSampleEngine();
    for (const [i, o] of sweep.entries())
      sameResult(await fresh.runAnalysis('migration', o), warm[i]!, { strict: true });
  }, 120_000);

  it('mvc-mgc-bz: shares, potential quantile and list length recompute from the kept base', async () => {
    const engine = await createSampleEngine();
    const rec = await recorder(engine);
    await engine.runAnalysis('mvc-mgc-bz', {});
    rec.clear();
    const sweep = [
      { mvc_share: 0.1 },
      { growable_share: 0.05, potential_quantile: 0.5 },
      { top_n: 3, mvc_share: 0.3, potential_quantile: 0.99 },
    ];
    const warm: AnalysisResult[] = [];
    for (const o of sweep) warm.push(await engine.runAnalysis('mvc-mgc-bz', o));
    expect(rec.reads(TX)).toEqual([]);
    const fresh = await createSampleEngine();
    for (const [i, o] of sweep.entries())
      sameResult(await fresh.runAnalysis('mvc-mgc-bz', o), warm[i]!, { strict: true });
  }, 120_000);
});

describe('numerics = DuckDB on small tables', () => {
  const arrays: [string, number[]][] = [
    ['ties and a NULL', [3, 1, 3, NaN, 2, 2, 2, 7]],
    ['one value', [5]],
    ['all tied', [4, 4, 4, 4]],
    ['spread, two NULLs', [0.5, -1, NaN, 9, 12.25, NaN, 0.5, 3, 100, -7]],
  ];
  let engine: NodeEngine;
  beforeAll(() => {
    engine = createNodeEngine();
  });
  it.each(arrays)('rfmScores = least(bins, 1 + floor(bins × percent_rank)): %s', async (_label, values) => {
    const rows = values.map((v, i) => `(${i}, ${Number.isNaN(v) ? 'NULL' : v}::DOUBLE)`).join(', ');
    for (const bins of [2, 3, 5, 10]) {
      for (const desc of [false, true]) {
        const t = await engine.query(
          `SELECT least(${bins}, 1 + floor(${bins} * percent_rank() OVER (ORDER BY x${desc ? ' DESC' : ''})))::INTEGER AS s FROM (VALUES ${rows}) t(i, x) ORDER BY i`,
        );
        expect(
          Array.from(rfmScores(Float64Array.from(values), bins, desc)),
          `bins ${bins}${desc ? ' desc' : ''}`,
        ).toEqual(t.data[0]);
      }
    }
  });
  it.each(arrays)('firstK = ORDER BY key NULLS LAST, position, first k: %s', (_label, values) => {
    const idx = values.map((_, i) => i);
    const sorted = [...idx].sort((a, b) => {
      const x = values[a]!;
      const y = values[b]!;
      if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? a - b : 1) : -1;
      return x - y || a - b;
    });
    for (let k = 0; k <= values.length + 1; k++)
      expect(
        firstK(idx, (i) => values[i]!, k),
        `k ${k}`,
      ).toEqual(sorted.slice(0, k));
  });
  it('kthSmallest = the k-th of a typed-array sort (NaN last), on random values with many ties', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(rnd() * 60);
      const values = Float64Array.from({ length: n }, () =>
        rnd() < 0.1 ? NaN : Math.floor(rnd() * (trial % 5 === 0 ? 3 : 40)) - 5,
      );
      const sorted = values.slice().sort();
      for (let k = 1; k <= n + 1; k++)
        expect(kthSmallest(values, k), `trial ${trial} k ${k}`).toBe(k <= n ? sorted[k - 1] : NaN);
    }
  });
  it.each([...arrays, ['signed zeros (tied, as x − y has it)', [0, -0, 1, -0, 0, NaN, -0]]] as [string, number[]][])(
    'firstKMembers = the members of firstK, in idx order: %s',
    (_label, values) => {
      // A shuffled subset of positions, so "idx order" is not position order.
      const idx = values
        .map((_, i) => i)
        .filter((i) => i % 3 !== 1)
        .reverse();
      const keys = Float64Array.from(idx, (i) => values[i]!);
      for (let k = 0; k <= idx.length + 1; k++) {
        const members = new Set(firstK(idx, (i) => values[i]!, k));
        expect(firstKMembers(idx, keys, k), `k ${k}`).toEqual(idx.filter((i) => members.has(i)));
      }
    },
  );
});
