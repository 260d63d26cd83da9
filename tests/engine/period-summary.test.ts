/**
 * The one-pass per-customer queries of the segmentation analyses' summary path
 * (src/analyses/segmentation/period-summary.ts) against the per-customer CTEs on the raw tables,
 * customer by customer (numbers to 1e-9 relative, flags and dates exactly), on generated data, on
 * data without costs and on data without a segment; and the engine's first runs: whole-month
 * periods read no `transactions` (MVC reads only the month holding its middle day).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { close as closeNumbers } from './same-result.ts';
import { buildMigrationBaseQuery } from '../../src/analyses/segmentation/migration-numerics.ts';
import { buildMvcBaseQuery, peerColumn } from '../../src/analyses/segmentation/mvc-mgc-bz.ts';
import {
  buildMigrationSummaryQuery,
  buildMvcSummaryQuery,
  buildPeerLabelsQuery,
} from '../../src/analyses/segmentation/period-summary.ts';
import { addDays, periodDays, type Period } from '../../src/analyses/segmentation/periods.ts';
import { valueSource, type Measure } from '../../src/analyses/segmentation/value-source.ts';
import { createNodeEngine, type NodeEngine } from '../../src/engine/node.ts';
import { toRows, type Row } from '../../src/engine/types.ts';
import { renderSampleCsv } from '../../sample-data/src/index.ts';

const enc = new TextEncoder();
const epochDay = (v: unknown) => (v instanceof Date ? v.getTime() / 86_400_000 : NaN);
const num = (v: unknown) => (v === null || v === undefined ? NaN : Number(v));
/** Equal to 1e-9 relative, NaN (the raw NULL) only with NaN. */
function close(a: unknown, b: number, path: string): void {
  if (Number.isNaN(b)) return void expect(Number.isNaN(a as number), `${path}: ${String(a)} is not NaN`).toBe(true);
  closeNumbers(a, b, path);
}

async function generated(files: Record<string, string>): Promise<NodeEngine> {
  const engine = createNodeEngine();
  await engine.loadCanonicalCsv(
    'generated',
    Object.entries(files).map(([table, text]) => ({ table, fileName: `${table}.csv`, bytes: enc.encode(text) })),
  );
  return engine;
}

/** A summary query's rows keyed by customer id (its `ix` mapped back through summary.customer_history). */
async function byId(engine: NodeEngine, sql: string): Promise<Map<string, Row>> {
  const rows = toRows(
    await engine.query(`SELECT h.customer_id, q.* FROM (${sql}) q JOIN summary.customer_history h ON h.ix = q.ix`),
  );
  return new Map(rows.map((r) => [String(r.customer_id), r]));
}

/** Drops a column from a CSV text (for data without costs). */
function dropColumn(csv: string, name: string): string {
  const lines = csv.trimEnd().split('\n');
  const i = lines[0]!.split(',').indexOf(name);
  return (
    lines
      .map((l) =>
        l
          .split(',')
          .filter((_, k) => k !== i)
          .join(','),
      )
      .join('\n') + '\n'
  );
}

const full = renderSampleCsv({ customers: 3000, seed: 11 });
const datasets: [string, () => Record<string, string>][] = [
  ['generated data (3000 customers, seed 11)', () => full],
  [
    'no costs at all, no segment',
    () => ({
      transactions: dropColumn(full.transactions, 'cost'),
      customers: dropColumn(full.customers, 'segment'),
    }),
  ],
  [
    'transaction costs only, region peers',
    () => ({ transactions: full.transactions, customers: dropColumn(full.customers, 'segment') }),
  ],
];

describe.each(datasets)('one pass over the summary = per-customer CTEs on the raw tables: %s', (_label, files) => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = await generated(files());
  }, 120_000);

  const migrationCases: [string, Period, Period][] = [
    ['the default years', { start: '2023-01-01', end: '2023-12-31' }, { start: '2024-01-01', end: '2024-12-31' }],
    [
      'a gap between the periods',
      { start: '2023-02-01', end: '2023-05-31' },
      { start: '2024-03-01', end: '2024-08-31' },
    ],
    ['overlapping periods', { start: '2023-06-01', end: '2024-06-30' }, { start: '2024-01-01', end: '2024-12-31' }],
    ['the later period first', { start: '2024-07-01', end: '2024-12-31' }, { start: '2023-01-01', end: '2023-06-30' }],
  ];
  it.each(
    migrationCases.flatMap(([label, early, late]) =>
      (['spend', 'profit', 'orders'] as Measure[]).map((m) => [`${label}, ${m}`, early, late, m] as const),
    ),
  )('migration base: %s', async (_case, early, late, measure) => {
    const source = valueSource(await engine.profile());
    const got = await byId(engine, buildMigrationSummaryQuery(source, measure, { early, late }));
    const at = [early.start, early.end, late.start, late.end].map((d) => `DATE '${d}'`);
    const raw = toRows(
      await engine.query(buildMigrationBaseQuery(source, measure, { early, late }, { early: false, late: false }, at)),
    );
    expect(got.size).toBe(raw.length);
    for (const r of raw) {
      const g = got.get(String(r.customer_id))!;
      const id = String(r.customer_id);
      expect(g, id).toBeDefined();
      expect(g.in_periods, id).toBe((r.in_early ? 1 : 0) + (r.in_late ? 2 : 0));
      close(g.early_total, num(r.early_total), `${id} early`);
      close(g.late_total, num(r.late_total), `${id} late`);
      expect(g.last_purchase, id).toBe(epochDay(r.last_purchase));
    }
  });

  const mvcCases: [string, Period][] = [
    [
      'the default year (middle day July 1st: that month is read from transactions)',
      { start: '2024-01-01', end: '2024-12-31' },
    ],
    ['two months, middle day on a month end', { start: '2023-12-01', end: '2024-01-31' }],
    ['one month', { start: '2024-02-01', end: '2024-02-29' }],
    ['all history', { start: '2023-01-01', end: '2024-12-31' }],
  ];
  it.each(mvcCases)('MVC base: %s', async (_case, period) => {
    const profile = await engine.profile();
    const source = valueSource(profile);
    const peer = peerColumn(profile);
    const mid = addDays(period.start, Math.floor(periodDays(period) / 2) - 1);
    const labels = toRows(await engine.query(buildPeerLabelsQuery(peer))).map((r) => String(r.peer));
    const got = await byId(engine, buildMvcSummaryQuery(source, peer, period, mid));
    const raw = toRows(await engine.query(buildMvcBaseQuery(source, peer, period), [period.start, period.end, mid]));
    expect(got.size).toBe(raw.length);
    for (const r of raw) {
      const id = String(r.customer_id);
      const g = got.get(id)!;
      expect(g, id).toBeDefined();
      expect(labels[Number(g.peer)], id).toBe(r.peer);
      for (const k of ['value', 'revenue', 'service_cost', 'first_half', 'second_half'])
        close(g[k], num(r[k]), `${id} ${k}`);
    }
  });
});

/** Records every statement the engine's database runs, whichever entry point. */
async function recorder(engine: NodeEngine): Promise<{ seen: string[] }> {
  const db = await engine.database();
  const seen: string[] = [];
  for (const method of ['query', 'querySync', 'numeric', 'run', 'runArrow'] as const) {
    const original = (db[method] as (...args: unknown[]) => unknown).bind(db);
    (db as unknown as Record<string, unknown>)[method] = (sql: string, ...rest: unknown[]) => {
      seen.push(sql);
      return original(sql, ...rest);
    };
  }
  return { seen };
}

describe('first runs after a load read the summary', () => {
  it('tiers, value × loyalty, migration and CLV read no transactions; MVC only the month of its middle day', async () => {
    const engine = await generated(full);
    const r = await recorder(engine);
    const tx = /\btransactions\b/i;
    for (const id of ['tiers', 'value-loyalty', 'migration', 'clv-bgnbd']) {
      r.seen.length = 0;
      await engine.runAnalysis(id, {});
      expect(
        r.seen.filter((s) => tx.test(s)),
        id,
      ).toEqual([]);
    }
    r.seen.length = 0;
    const mvc = await engine.runAnalysis('mvc-mgc-bz', {});
    expect(String(mvc.notes.find((n) => n.includes('halves split after')))).toMatch(/after 2024-07-01/);
    // (numeric() runs its statement through runArrow(): both record it.)
    const reads = [...new Set(r.seen.filter((s) => tx.test(s)))];
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatch(/date BETWEEN DATE '2024-07-01' AND DATE '2024-07-31'/);
  }, 120_000);
});
