/**
 * The tier ladder and the value × loyalty matrix from prepared per-customer vectors (the engine's path: `ctx.memo` +
 * `ctx.numeric`) against the SQL on the raw tables (`def.run({ db, profile })`, the reference):
 * same tables to 1e-9 relative, same scalars, findings and notes, on the built-in sample, on
 * generated data and on data without costs; and a change of thresholds sends no SQL that reads
 * `transactions`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sameResult as sameStrict } from './same-result.ts';
import { parseOptions } from '../../src/analyses/options.ts';
import { getAnalysis } from '../../src/analyses/registry.ts';
import type { AnalysisResult } from '../../src/analyses/types.ts';
import { periodMonths } from '../../src/analyses/segmentation/periods.ts';
import { quantileCont } from '../../src/analyses/segmentation/tier-numerics.ts';
import { createNodeEngine, createSampleEngine, type NodeEngine } from '../../src/engine/node.ts';
import { renderSampleCsv } from '../../sample-data/src/index.ts';

const enc = new TextEncoder();

/** Prepared and raw paths must agree to the letter here: same column types, texts and charts. */
const sameResult = (a: AnalysisResult, b: AnalysisResult) => sameStrict(a, b, { strict: true });

/** The engine's run (prepared vectors) and the raw SQL run of the same options. */
async function bothPaths(
  engine: NodeEngine,
  raw: Record<string, unknown>,
  id = 'tiers',
): Promise<[AnalysisResult, AnalysisResult]> {
  const def = getAnalysis(id);
  const prepared = await engine.runAnalysis(id, raw);
  const sql = await def.run(
    { db: await engine.database(), profile: await engine.profile() },
    parseOptions(def.options, raw, id),
  );
  return [prepared, sql];
}

/** Option sets (a function of the data's last date where the case needs an exact period). */
type Case = [string, (last: string) => Record<string, unknown>];
const ALL = '2000-01-01';
const cases: Case[] = [
  ['defaults', () => ({})],
  ['other quantiles', () => ({ quantiles: [0.5, 0.75, 0.9, 0.95, 0.99] })],
  ['three custom names, equal shares', () => ({ tier_names: ['low', 'mid', 'high'] })],
  ['four custom names, quartiles', () => ({ tier_names: ['d', 'c', 'b', 'a'], quantiles: [0.25, 0.5, 0.75] })],
  ['amounts', () => ({ method: 'amounts', thresholds: [10, 50, 100, 200, 500] })],
  ['profit', () => ({ measure: 'profit' })],
  ['profit, amounts around zero', () => ({ measure: 'profit', method: 'amounts', thresholds: [-10, 0, 10, 50, 100] })],
  // Orders per month take few distinct values: quantiles land on ties, customers sit on thresholds.
  ['orders', () => ({ measure: 'orders' })],
  ['orders, fine quantiles', () => ({ measure: 'orders', tier_names: ['x', 'y', 'z'], quantiles: [0.3, 0.31] })],
  [
    'orders, amounts exactly on 1, 2, 3 orders (lower bounds inclusive)',
    (last) => {
      const m = periodMonths({ start: ALL, end: last });
      return {
        measure: 'orders',
        period_start: ALL,
        period_end: last,
        method: 'amounts',
        thresholds: [1 / m, 2 / m, 3 / m],
        tier_names: ['0', '1', '2', '3+'],
      };
    },
  ],
  ['zh-Hant', () => ({ language: 'zh-Hant' })],
  [
    'zh-Hans, profit, quantiles',
    () => ({ language: 'zh-Hans', measure: 'profit', quantiles: [0.2, 0.4, 0.6, 0.8, 0.99] }),
  ],
  ['all history', (last) => ({ period_start: ALL, period_end: last })],
  ['a short period', (last) => ({ period_start: last.slice(0, 8) + '01', period_end: last })],
  // Not whole months: the prepared vectors come from the raw tables, not the summary's months.
  ['a period cutting months', () => ({ period_start: '2024-03-15', period_end: '2024-11-20' })],
  [
    'profit, a period cutting months',
    () => ({ measure: 'profit', period_start: '2023-06-02', period_end: '2024-05-30' }),
  ],
];

/** Value × loyalty option sets. */
const vlCases: Case[] = [
  ['defaults (profit × active months)', () => ({})],
  ['tenure', () => ({ loyalty: 'tenure' })],
  ['repeat rate, revenue', () => ({ loyalty: 'repeat_rate', value: 'revenue' })],
  ['survey', () => ({ loyalty: 'survey' })],
  ['cut-offs set, 10 bins', () => ({ value_cutoff: 100, loyalty_cutoff: 0.5, bins: 10 })],
  ['all history, 2 bins', (last) => ({ period_start: ALL, period_end: last, bins: 2 })],
];

const lastDate = async (engine: NodeEngine): Promise<string> => {
  const t = await engine.query('SELECT CAST(max(date) AS VARCHAR) AS d FROM transactions');
  return String(t.data[0]![0]);
};

describe.each([
  ['the built-in sample', () => createSampleEngine()],
  [
    'generated data (3000 customers, seed 11)',
    async () => {
      const engine = createNodeEngine();
      const files = renderSampleCsv({ customers: 3000, seed: 11 });
      await engine.loadCanonicalCsv(
        'generated',
        Object.entries(files).map(([table, text]) => ({ table, fileName: `${table}.csv`, bytes: enc.encode(text) })),
      );
      return engine;
    },
  ],
] as [string, () => Promise<NodeEngine>][])('tiers from prepared vectors = tiers in SQL: %s', (_label, open) => {
  let engine: NodeEngine;
  let last = '';
  beforeAll(async () => {
    engine = await open();
    last = await lastDate(engine);
  }, 120_000);

  it.each(cases)('%s', async (_case, options) => {
    const [prepared, sql] = await bothPaths(engine, options(last));
    expect(Number(prepared.scalars.customers)).toBeGreaterThan(0);
    sameResult(prepared, sql);
  });

  it.each(vlCases)('value-loyalty: %s', async (_case, options) => {
    const [prepared, sql] = await bothPaths(engine, options(last), 'value-loyalty');
    expect(Number(prepared.scalars.customers)).toBeGreaterThan(0);
    sameResult(prepared, sql);
  });

  it('an empty period fails with the same message on both paths', async () => {
    const o = { period_start: '2090-01-01', period_end: '2090-12-31' };
    const def = getAnalysis('tiers');
    const sqlError = await def
      .run({ db: await engine.database(), profile: await engine.profile() }, parseOptions(def.options, o, 'tiers'))
      .catch((e: Error) => e.message);
    await expect(engine.runAnalysis('tiers', o)).rejects.toThrow(String(sqlError));
    expect(String(sqlError)).toMatch(/^tiers: no transactions in the period 2090-01-01/);
  });
});

describe('tiers from prepared vectors = tiers in SQL: data without costs', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = createNodeEngine();
    // Ties at 100 (a, b) and a customer outside the default period (z): profit is NULL throughout.
    const tx = `customer_id,date,revenue,order_id
a,2024-01-05,100,o1
b,2024-02-05,100,o2
c,2024-03-01,50,o3
c,2024-03-09,50,o4
d,2024-12-31,10,o5
e,2024-12-01,1000,o6
z,2022-06-01,70,o7`;
    await engine.loadCanonicalCsv('fixture', [
      { table: 'transactions', fileName: 'transactions.csv', bytes: enc.encode(tx + '\n') },
    ]);
  });

  it.each([
    ['defaults', {}],
    ['profit falls back to spend', { measure: 'profit', tier_names: ['low', 'high'], quantiles: [0.5] }],
    ['orders, halves', { measure: 'orders', tier_names: ['low', 'high'] }],
    ['amounts', { method: 'amounts', thresholds: [5, 9], tier_names: ['low', 'mid', 'high'] }],
  ] as [string, Record<string, unknown>][])('%s', async (_case, options) => {
    const [prepared, sql] = await bothPaths(engine, options);
    expect(
      prepared.tables
        .tiers!.data.find((_, i) => prepared.tables.tiers!.columns[i]!.name === 'profit')!
        .every((v) => v === null),
    ).toBe(true);
    sameResult(prepared, sql);
  });

  it.each([
    ['value-loyalty defaults', {}],
    ['value-loyalty, survey falls back, 4 bins', { loyalty: 'survey', bins: 4 }],
  ] as [string, Record<string, unknown>][])('%s', async (_case, options) => {
    const [prepared, sql] = await bothPaths(engine, options, 'value-loyalty');
    sameResult(prepared, sql);
  });
});

describe('quantileCont = DuckDB quantile_cont, to the bit', () => {
  const m = 366 / 30.4375;
  it.each([
    ['ties, one ulp above (n 12, q 0.97)', Array.from({ length: 12 }, () => 6 / m), 0.97],
    ['ties, one ulp below (n 4, q 0.1)', [6 / m, 6 / m, 6 / m, 6 / m], 0.1],
    ['spread values', [0.1, 7.25, 3, 1e6, -42.5, 3, 3, 19.125, 0.3], 0.65],
    ['two values', [1 / 3, 2 / 3], 0.4],
  ] as [string, number[], number][])('%s', async (_label, values, q) => {
    const engine = createNodeEngine();
    const t = await engine.query(
      `SELECT quantile_cont(x, ${q}::DOUBLE) AS q FROM (VALUES ${values.map((v) => `(${v}::DOUBLE)`).join(', ')}) t(x)`,
    );
    expect(quantileCont(Float64Array.from(values).sort(), q)).toBe(t.data[0]![0]);
  });
});

describe('a change of tier options reads no transactions', () => {
  it('recomputes thresholds, names, quantiles and measure from the kept vectors; a new period reads once', async () => {
    const engine = await createSampleEngine();
    const db = await engine.database();
    const seen: string[] = [];
    // Record every statement the engine's database runs, whichever entry point.
    for (const method of ['query', 'querySync', 'numeric', 'run', 'runArrow'] as const) {
      const original = (db[method] as (...args: unknown[]) => unknown).bind(db);
      (db as unknown as Record<string, unknown>)[method] = (sql: string, ...rest: unknown[]) => {
        seen.push(sql);
        return original(sql, ...rest);
      };
    }
    // Distinct statements: one entry point may call another (`numeric` → `runArrow`).
    const readsTransactions = () => [...new Set(seen.filter((s) => /\btransactions\b/i.test(s)))];
    const readsMonths = () => [...new Set(seen.filter((s) => /\bsummary\.customer_months\b/i.test(s)))];
    await engine.runAnalysis('tiers', {});
    // The default period is whole months of the sample: the summary's, not the raw lines.
    expect(readsMonths().length, 'the first run reads the data').toBeGreaterThan(0);
    expect(readsTransactions()).toEqual([]);
    seen.length = 0;
    for (const o of [
      { quantiles: [0.5, 0.75, 0.9, 0.95, 0.99] },
      { method: 'amounts', thresholds: [10, 50, 100, 200, 500] },
      { method: 'amounts', thresholds: [20, 40, 80, 160, 320], language: 'zh-Hant' },
      { tier_names: ['low', 'mid', 'high'] },
      { measure: 'profit' },
      { measure: 'orders', tier_names: ['low', 'high'] },
    ]) {
      const r = await engine.runAnalysis('tiers', o);
      expect(Number(r.scalars.customers)).toBeGreaterThan(0);
    }
    expect(readsTransactions()).toEqual([]);
    // Value × loyalty shares the period's vectors: none of its option changes reads the data either.
    for (const o of [
      {},
      { loyalty: 'tenure' },
      { loyalty: 'repeat_rate', value: 'revenue', bins: 12 },
      { value_cutoff: 50, loyalty_cutoff: 0.3 },
    ]) {
      await engine.runAnalysis('value-loyalty', o);
    }
    expect(readsTransactions()).toEqual([]);
    const last = await lastDate(engine);
    seen.length = 0;
    // Whole months of the summary: the new period's vectors come from the monthly table.
    await engine.runAnalysis('tiers', { period_start: ALL, period_end: last });
    expect(readsMonths().length, 'a new whole-month period reads its vectors from the summary').toBe(1);
    expect(readsTransactions()).toEqual([]);
    // A period that cuts a month reads the raw tables.
    seen.length = 0;
    await engine.runAnalysis('tiers', { period_start: '2024-03-15', period_end: last });
    expect(readsTransactions().length, 'a period cutting a month reads the transactions').toBe(1);
    expect(readsMonths()).toEqual([]);
  });
});
