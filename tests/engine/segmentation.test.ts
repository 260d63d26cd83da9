/**
 * The five segmentation analyses against real DuckDB-WASM on a fixture small enough to compute
 * by hand (see the comments next to each expectation), plus property checks on generated data.
 *
 * Fixture, period 2024 (366 days = 366 / 30.4375 months):
 *   customer  2023 revenue     2024 purchases (revenue / cost)             service cost  2024 profit
 *   a         100 (o0)          Jan 5 100/60, Feb 5 100/60                  100            80 − 100 = −20
 *   b         300 (o01)         Mar 1 50/20                                  –              30
 *   c         –                 Jun 1 500/100                                –              400
 *   d         –                 Dec 31 10/9                                  50             1 − 50 = −49
 *   e         –                 Dec 1 1000/300                               –              700
 *   f         –                 Aug 1 20/10                                  –              10
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOptions } from '../../src/analyses/options.ts';
import { getAnalysis } from '../../src/analyses/registry.ts';
import type { AnalysisResult } from '../../src/analyses/types.ts';
import { createNodeEngine, type NodeEngine } from '../../src/engine/node.ts';
import { toRows, type Row } from '../../src/engine/types.ts';
import { tableToCsv } from '../../src/ui/notebook/csv.ts';

const enc = new TextEncoder();
const csv = (s: string) => enc.encode(s.trim() + '\n');
const M24 = 366 / 30.4375;
const M23 = 365 / 30.4375;

const transactions = `customer_id,date,revenue,cost,order_id
a,2023-03-05,100,60,o0
b,2023-06-05,300,60,o01
a,2024-01-05,100,60,o1
a,2024-02-05,100,60,o2
b,2024-03-01,50,20,o3
c,2024-06-01,500,100,o4
d,2024-12-31,10,9,o5
e,2024-12-01,1000,300,o6
f,2024-08-01,20,10,o7`;

async function run(engine: NodeEngine, id: string, raw: Record<string, unknown> = {}): Promise<AnalysisResult> {
  return engine.runAnalysis(id, raw);
}
const rows = (r: AnalysisResult, t: string): Row[] => toRows(r.tables[t]!);
const pick = (rs: Row[], keys: string[]) => rs.map((r) => keys.map((k) => r[k]));

describe('segmentation on a hand-computed fixture', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = createNodeEngine();
    await engine.loadCanonicalCsv('fixture', [
      { table: 'transactions', fileName: 'transactions.csv', bytes: csv(transactions) },
      {
        table: 'service_costs',
        fileName: 'service_costs.csv',
        bytes: csv('customer_id,amount,date\na,100,2024-03-01\nd,50,2024-12-31'),
      },
      {
        table: 'surveys',
        fileName: 'surveys.csv',
        // survey loyalty: a (5−1)/4 = 1, b intent (2−1)/4 = 0.25, c (3−1)/4 = 0.5, d intent 1, e (7−1)/9 on 1–10; f
        // none
        bytes: csv(
          'customer_id,satisfaction,scale,repurchase_intent\na,5,1-5,\nb,4,1-5,2\nc,3,1-5,\nd,1,1-5,5\ne,7,1-10,',
        ),
      },
    ]);
  });
  afterAll(() => undefined);

  it('registers the five analyses', () => {
    for (const id of ['tiers', 'rfm', 'value-loyalty', 'mvc-mgc-bz', 'migration']) expect(getAnalysis(id).id).toBe(id);
    expect(() => parseOptions(getAnalysis('tiers').options, { measure: 'margin' }, 'tiers')).toThrow(
      /invalid option measure/,
    );
  });

  it('tiers by quantiles: revenue quantiles at 1/3 and 2/3 are 40 and 300, so 2 + 2 + 2 customers', async () => {
    const r = await run(engine, 'tiers', { tier_names: ['low', 'mid', 'high'] });
    expect(pick(rows(r, 'tiers'), ['tier', 'customers', 'revenue', 'profit'])).toEqual([
      ['high', 2, 1500, 1100], // c, e
      ['mid', 2, 250, 10], // b 50/30, a 200/−20
      ['low', 2, 30, -39], // f 20/10, d 10/−49
    ]);
    const t = rows(r, 'tiers');
    expect(t.map((x) => x.lower_bound)).toEqual(
      [300 / M24, 40 / M24, null].map((v) => (v === null ? null : expect.closeTo(v, 9))),
    );
    expect(t[0]!.profit_share).toBeCloseTo(1100 / 1071, 12);
    // tenure to 2024-12-31: c from Jun 1 (213 days), e from Dec 1 (30 days)
    expect(t[0]!.avg_tenure_months).toBeCloseTo((213 + 30) / 2 / 30.4375, 9);
    expect(r.findings.map((f) => f.text)).toEqual([
      '67% of customers are mid or high and earn 98% of revenue and 104% of profit — more than all of it, because the other tiers together lose money.',
      'The low tier holds 33% of customers but only 1.7% of revenue, and loses money (−3.6% of total profit).', // 30 / 1780; −39 / 1071
    ]);
    // the chart's bars: labels of negative bars sit at zero, the x domain fits −3.6% … 104%
    const bars = rows(r, 'shares');
    expect(bars.find((b) => b.group === 'low' && b.share_of === 'profit')).toMatchObject({
      share: expect.closeTo(-39 / 1071, 12),
      label_x: 0,
    });
    expect(r.charts[0]!.x!.domain![0]).toBeLessThan(-39 / 1071);
    expect(r.charts[0]!.x!.domain![1]).toBeGreaterThan(1110 / 1071);
    expect(r.scalars).toMatchObject({
      customers: 6,
      period_start: '2024-01-01',
      period_end: '2024-12-31',
      measure: 'spend',
    });
  });

  it('tiers by user amounts per month, and by profit', async () => {
    const r = await run(engine, 'tiers', {
      tier_names: ['low', 'mid', 'high'],
      method: 'amounts',
      thresholds: [1, 50],
    });
    expect(pick(rows(r, 'tiers'), ['tier', 'customers'])).toEqual([
      ['high', 1],
      ['mid', 4],
      ['low', 1],
    ]); // e | a b c f | d (10/M24 < 1)
    const p = await run(engine, 'tiers', { tier_names: ['low', 'high'], measure: 'profit', quantiles: [0.5] });
    // profit median of −49, −20, 10, 30, 400, 700 = 20 → high: b, c, e
    expect(pick(rows(p, 'tiers'), ['tier', 'customers', 'profit'])).toEqual([
      ['high', 3, 1130],
      ['low', 3, -59],
    ]);
  });

  it('tier names: Chinese by option, or the user’s own, in the tiers and in the migration', async () => {
    const zh = await run(engine, 'tiers', { language: 'zh-Hant' });
    expect(rows(zh, 'tiers').map((t) => t.tier)).toEqual(['黑金', '鑽石', '白金', '黃金', '翡翠', '水晶']);
    expect(zh.findings[0]!.text).toMatch(/^\d+% of customers are 鑽石 or 黑金 and earn/);
    const hans = await run(engine, 'migration', { language: 'zh-Hans' });
    expect(rows(hans, 'tiers').map((t) => t.tier)).toEqual(['黑金', '钻石', '白金', '黄金', '翡翠', '水晶']);
    const own = await run(engine, 'migration', { tier_names: ['bronze', 'silver', 'gold'] });
    expect(new Set(rows(own, 'matrix').map((c) => c.from_tier))).toEqual(new Set(['new', 'bronze', 'silver', 'gold']));
  });

  it.each([
    [
      'tiers',
      { period_start: '2030-01-01', period_end: '2030-12-31' },
      'tiers: no transactions in the period 2030-01-01 to 2030-12-31; the data runs from 2023-03-05 to 2024-12-31.',
    ],
    [
      'rfm',
      { since: '2023-01-01', as_of: '2023-03-01' },
      'rfm: no transactions in the period 2023-01-01 to 2023-03-01',
    ],
    [
      'value-loyalty',
      { period_start: '2030-01-01', period_end: '2030-12-31' },
      'value-loyalty: no transactions in the period 2030-01-01 to 2030-12-31',
    ],
    [
      'mvc-mgc-bz',
      { period_start: '2030-01-01', period_end: '2030-12-31' },
      'mvc-mgc-bz: no transactions in the period 2030-01-01 to 2030-12-31',
    ],
    [
      'migration',
      { early_start: '2001-01-01', early_end: '2001-12-31' },
      'migration: no transactions in the earlier period 2001-01-01 to 2001-12-31',
    ],
    [
      'migration',
      { early_start: '2024-01-01', early_end: '2024-12-31', late_start: '2030-01-01', late_end: '2030-12-31' },
      'migration: no transactions in the later period 2030-01-01 to 2030-12-31',
    ],
  ])('%s: a period without data is a clear error (%#)', async (id, options, message) => {
    await expect(run(engine, id, options)).rejects.toThrow(message);
  });

  it('migration with its default periods on data shorter than both: not applicable, saying why (the periods a user chose stay an error, above)', async () => {
    // Data from 2023-03-05 to 2024-12-31: two default periods of 24 months would need data from 2021.
    const r = await run(engine, 'migration', { months: 24 });
    expect(r.notApplicable?.reason).toBe(
      "Migration compares the customers' tiers in two periods of 24 months; the data runs from 2023-03-05 to 2024-12-31, so there is no earlier period before 2023-01-01 to compare with. It needs transactions from at least 24 months before the last one, or shorter periods (option months).",
    );
  });

  it('RFM: percent-rank quintiles, ties share a score, segments from the map', async () => {
    const r = await run(engine, 'rfm', { time_unit: 'week' });
    // recency (days to 2024-12-31): a 330, b 305, c 213, f 152, e 30, d 0 → R 1,2,3,4,5,5
    // orders: a 3, b 2, others 1 → F: a 5, b 5 (percent rank 0.8), others 1
    expect(pick(rows(r, 'grid'), ['r_score', 'f_score', 'segment', 'customers', 'monetary'])).toEqual([
      [1, 5, "can't lose", 1, 300],
      [2, 5, 'at risk', 1, 350],
      [3, 1, 'hibernating', 1, 500],
      [4, 1, 'new', 1, 20],
      [5, 1, 'new', 2, 1010],
    ]);
    const segs = rows(r, 'segments');
    expect(pick(segs, ['segment', 'customers'])).toEqual([
      ["can't lose", 1],
      ['at risk', 1],
      ['new', 3],
      ['hibernating', 1],
    ]);
    expect(segs.find((s) => s.segment === 'new')!.avg_recency).toBeCloseTo((152 + 30 + 0) / 3 / 7, 12);
    // M by total revenue: d 10, f 20, a 300, b 350, c 500, e 1000 → 1,2,3,4,5,5
    expect(pick(rows(r, 'scores'), ['score', 'customers_m', 'monetary_from', 'monetary_to'])).toEqual([
      [1, 1, 10, 10],
      [2, 1, 20, 20],
      [3, 1, 300, 300],
      [4, 1, 350, 350],
      [5, 2, 500, 1000],
    ]);
    expect(r.findings.find((f) => f.id === 'at_risk')!.value).toBeCloseTo(650 / 2180, 12);
  });

  it('RFM with 3 bins and a user segment map, recency in months from an as-of date', async () => {
    // as of 2024-06-30, since 2024-01-01: a (Feb 5, 2 orders), b (Mar 1), c (Jun 1) only.
    // recency days 146, 121, 29 → R 1, 2, 3; orders 2, 1, 1 → F: b, c tie at 1, a 1 + ⌊3 × 2/3⌋ = 3.
    const r = await run(engine, 'rfm', {
      as_of: '2024-06-30',
      since: '2024-01-01',
      bins: 3,
      time_unit: 'month',
      segment_map: { best: { r: [4, 5], f: [1, 5] }, rest: { r: [1, 5], f: [1, 5] } },
    });
    expect(r.scalars).toMatchObject({ customers: 3, as_of: '2024-06-30' });
    expect(pick(rows(r, 'grid'), ['r_score', 'f_score', 'segment', 'customers'])).toEqual([
      [1, 3, 'rest', 1], // a: R 1 → 2 on the 1–5 scale
      [2, 1, 'best', 1], // b: R 2 → ceil(2 × 5 / 3) = 4
      [3, 1, 'best', 1], // c: R 3 → 5
    ]);
    expect(rows(r, 'segments').find((x) => x.segment === 'rest')!.avg_recency).toBeCloseTo(146 / 30.4375, 12);
  });

  it('value × loyalty: medians by default, user cut-offs, four cells', async () => {
    const r = await run(engine, 'value-loyalty');
    // value = profit (median 20); loyalty = share of months active (a 2/M24, others 1/M24; median 1/M24)
    expect(r.scalars).toMatchObject({ value_measure: 'profit', loyalty_measure: 'active_months', value_cutoff: 20 });
    expect(r.scalars.loyalty_cutoff).toBeCloseTo(1 / M24, 12);
    expect(pick(rows(r, 'cells'), ['cell', 'customers', 'value'])).toEqual([
      ['core', 3, 1130],
      ['stabilise', 0, 0],
      ['general', 3, -59],
      ['minimal', 0, 0],
    ]);
    const u = await run(engine, 'value-loyalty', { value_cutoff: 100, loyalty_cutoff: 0.1 });
    expect(pick(rows(u, 'cells'), ['cell', 'customers', 'value'])).toEqual([
      ['core', 0, 0],
      ['stabilise', 2, 1100],
      ['general', 1, -20],
      ['minimal', 3, -9],
    ]);
    expect(rows(u, 'bins').reduce((s, b) => s + Number(b.customers), 0)).toBe(6);
  });

  it('value × loyalty by repeat-purchase rate: (orders − 1) / orders in the period', async () => {
    // a 2 orders → 0.5; b, c, d, e, f one order → 0. With a 0.25 cut-off only a is loyal.
    const r = await run(engine, 'value-loyalty', { loyalty: 'repeat_rate', loyalty_cutoff: 0.25 });
    expect(r.scalars).toMatchObject({ loyalty_measure: 'repeat_rate', value_cutoff: 20, loyalty_cutoff: 0.25 });
    expect(pick(rows(r, 'cells'), ['cell', 'customers', 'value'])).toEqual([
      ['core', 0, 0],
      ['stabilise', 3, 1130],
      ['general', 1, -20],
      ['minimal', 2, -39],
    ]);
    expect(r.notes[0]).toBe('Value is profit per customer (revenue − cost − cost to serve) over the period.');
    const chart = r.charts.find((c) => c.id === 'value-loyalty')!;
    // the cut-off lines and the four quadrant labels are drawn
    expect(chart.marks.filter((m) => m.type === 'ruleX' || m.type === 'ruleY').map((m) => m.values)).toEqual([
      [20],
      [0.25],
    ]);
    expect(chart.marks.filter((m) => m.type === 'text').map((m) => m.rows![0]!.label)).toEqual([
      'core ↗',
      'stabilise ↘',
      '↖ general policies',
      '↙ no special attention',
    ]);
  });

  it('value × loyalty from surveys: rescaled to 0–1, customers without an answer left out and counted', async () => {
    const r = await run(engine, 'value-loyalty', { loyalty: 'survey' });
    // medians over a, b, c, d, e: value 30, loyalty 6/9
    expect(r.scalars).toMatchObject({ loyalty_measure: 'survey', value_cutoff: 30, customers: 5 });
    expect(r.scalars.loyalty_cutoff).toBeCloseTo(6 / 9, 12);
    expect(pick(rows(r, 'cells'), ['cell', 'customers', 'value'])).toEqual([
      ['core', 1, 700],
      ['stabilise', 2, 430],
      ['general', 2, -69],
      ['minimal', 0, 0],
    ]);
    expect(r.notes).toContain('1 active customer has no survey answer and is left out of the matrix.');
  });

  it('MVC / MGC / BZ: top 20% by profit, peers’ 90th percentile as potential, negatives', async () => {
    const r = await run(engine, 'mvc-mgc-bz');
    expect(pick(rows(r, 'summary'), ['group', 'customers', 'value', 'headroom'])).toEqual([
      ['MVC', 2, 1100, 0], // e, c (ceil(0.2 × 6) = 2)
      ['MGC', 1, 10, 540], // f grows (Aug purchase in the second half); potential = p90 of profit = 400 + 0.5 × 300 = 550
      ['BZ', 2, -69, 0], // a, d
      ['other', 1, 30, 0], // b declines (only a first-half purchase): no headroom
    ]);
    expect(pick(rows(r, 'mvc'), ['customer_id', 'value'])).toEqual([
      ['e', 700],
      ['c', 400],
    ]);
    expect(pick(rows(r, 'bz'), ['customer_id', 'value', 'service_cost'])).toEqual([
      ['d', -49, 50],
      ['a', -20, 100],
    ]);
    expect(r.findings.map((f) => f.id)).toEqual(['mvc', 'mgc', 'bz']);
  });

  it('migration 2023 → 2024 with new/gone and the early-warning list', async () => {
    const r = await run(engine, 'migration', { tier_names: ['low', 'mid', 'high'], core_tiers: 1 });
    expect(r.scalars).toMatchObject({
      early_start: '2023-01-01',
      early_end: '2023-12-31',
      late_start: '2024-01-01',
      late_end: '2024-12-31',
    });
    // 2023 thresholds (revenue 100, 300 → quantiles 166.67, 233.33 per year): a low, b high.
    // 2024: a 200/M24 ≥ 166.67/M23 → mid; b 50 → low; c, e high; d, f low.
    const nonzero = rows(r, 'matrix').filter((c) => Number(c.customers) > 0);
    expect(pick(nonzero, ['from_tier', 'to_tier', 'customers', 'early_value', 'late_value'])).toEqual([
      ['new', 'low', 2, 0, 30],
      ['new', 'high', 2, 0, 1500],
      ['low', 'mid', 1, 100, 200],
      ['high', 'low', 1, 300, 50],
    ]);
    const warn = rows(r, 'early_warning');
    expect(pick(warn, ['customer_id', 'status', 'from_tier', 'to_tier'])).toEqual([['b', 'partial', 'high', 'low']]);
    expect(warn[0]!.value_at_risk).toBeCloseTo(12 * (300 / M23 - 50 / M24), 9);
    expect(warn[0]!.change).toBeCloseTo(50 / M24 / (300 / M23) - 1, 12);
    expect(r.scalars).toMatchObject({ core_customers: 1, full_churn: 0, partial_churn: 1 });
    // a stricter drop threshold (90%) no longer flags b (−83%)
    const strict = await run(engine, 'migration', { tier_names: ['low', 'mid', 'high'], core_tiers: 1, drop: 0.9 });
    expect(strict.tables.early_warning!.rowCount).toBe(0);
    expect(strict.scalars.core_customers).toBe(1);
    // value per move: later − earlier total
    const cell = (f: string, t: string) => rows(r, 'matrix').find((c) => c.from_tier === f && c.to_tier === t)!;
    expect(cell('high', 'low').value_change).toBe(-250);
    expect(cell('new', 'high').value_change).toBe(1500);
    expect(r.charts.map((c) => c.id)).toEqual(['migration-matrix', 'migration-value']);
  });

  it('early warning: full churn ranked by value at risk, exported as CSV', async () => {
    // earlier 2023-01-01 … 2024-03-01 (426 days): a 300, b 350; thresholds at 1/3, 2/3 → a low, b high.
    // later 2024-03-02 … 2024-12-31: neither buys → both gone; core (top tier) = b, full churn.
    const E = 426 / 30.4375;
    const r = await run(engine, 'migration', {
      tier_names: ['low', 'mid', 'high'],
      core_tiers: 1,
      early_start: '2023-01-01',
      early_end: '2024-03-01',
      late_start: '2024-03-02',
    });
    expect(r.scalars).toMatchObject({
      core_customers: 1,
      full_churn: 1,
      partial_churn: 0,
      value_at_risk: expect.closeTo((12 * 350) / E, 9),
    });
    expect(r.findings[1]!.text).toBe(
      `Of 1 core customer (high), 100% stopped buying and 0% cut their spending by more than 50%: ${Math.round((12 * 350) / E).toLocaleString('en-US')} a year at risk.`,
    );
    const csv = tableToCsv(r.tables.early_warning!).split('\r\n');
    expect(csv[0]).toBe(
      'customer_id,status,from_tier,to_tier,early_monthly,late_monthly,change,last_purchase,value_at_risk',
    );
    expect(csv[1]).toMatch(/^b,full,high,gone,25\.007\d+,0,-1,2024-03-01,300\.08\d+$/); // 350 / E; 12 × 350 / E
    const both = await run(engine, 'migration', {
      tier_names: ['low', 'high'],
      quantiles: [0.1],
      core_tiers: 2,
      early_start: '2023-01-01',
      early_end: '2024-03-01',
      late_start: '2024-03-02',
    });
    expect(pick(rows(both, 'early_warning'), ['customer_id', 'status'])).toEqual([
      ['b', 'full'],
      ['a', 'full'],
    ]); // 350 before 300
  });
});

describe('segmentation without cost data or surveys', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = createNodeEngine();
    await engine.loadCanonicalCsv('nocost', [
      {
        table: 'transactions',
        fileName: 'transactions.csv',
        bytes: csv(transactions.replace(/,\d+,(o\d+)$/gm, ',,$1')),
      },
    ]);
  });

  it('value is revenue, said so; profit columns are empty; no customer is below zero; loyalty from behaviour', async () => {
    const t = await run(engine, 'tiers', { tier_names: ['low', 'mid', 'high'], measure: 'profit' });
    expect(rows(t, 'tiers').map((x) => x.profit)).toEqual([null, null, null]);
    expect(t.notes.join(' ')).toMatch(/Profit was requested but the data has no costs/);
    const vl = await run(engine, 'value-loyalty', { loyalty: 'survey' });
    expect(vl.scalars).toMatchObject({ value_measure: 'revenue', loyalty_measure: 'active_months' });
    expect(vl.notes.join(' ')).toMatch(
      /Value is revenue: the data has no costs.*No surveys: loyalty is measured from behaviour/,
    );
    const m = await run(engine, 'mvc-mgc-bz');
    expect(rows(m, 'summary').find((g) => g.group === 'BZ')!.customers).toBe(0);
    expect(m.notes.join(' ')).toMatch(/no customer can be shown below zero/);
  });
});

describe('segmentation properties on generated data', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    // 400 customers over 2022–2024, heavy-tailed spend, seeded LCG so the data never changes.
    let seed = 42;
    const rnd = () => (seed = (seed * 1664525 + 1013904223) % 2 ** 32) / 2 ** 32;
    const lines = ['customer_id,date,revenue,cost'];
    const start = Date.UTC(2022, 0, 1);
    for (let c = 0; c < 400; c++) {
      const n = 1 + Math.floor(rnd() ** 2 * 30);
      const scale = 10 / (0.05 + rnd());
      for (let i = 0; i < n; i++) {
        const day = new Date(start + Math.floor(rnd() * 1096) * 86_400_000).toISOString().slice(0, 10);
        const rev = Math.round(scale * (0.5 + rnd()) * 100) / 100;
        lines.push(`c${c},${day},${rev},${Math.round(rev * (0.4 + rnd() * 0.5) * 100) / 100}`);
      }
    }
    engine = createNodeEngine();
    await engine.loadCanonicalCsv('generated', [
      { table: 'transactions', fileName: 'transactions.csv', bytes: csv(lines.join('\n')) },
      {
        table: 'service_costs',
        fileName: 'service_costs.csv',
        bytes: csv(
          [
            'customer_id,amount,date',
            ...Array.from({ length: 120 }, (_, i) => `c${(i * 7) % 400},${(i % 9) * 40},2024-0${1 + (i % 9)}-15`),
          ].join('\n'),
        ),
      },
    ]);
  });

  it('tiers partition the active customers and every share column sums to 1', async () => {
    const active = Number(
      (
        await engine.query(
          "SELECT count(DISTINCT customer_id) FROM transactions WHERE date BETWEEN DATE '2024-01-01' AND DATE '2024-12-31'",
        )
      ).data[0]![0],
    );
    for (const measure of ['spend', 'profit', 'orders']) {
      const t = rows(await run(engine, 'tiers', { measure }), 'tiers');
      expect(t.reduce((s, r) => s + Number(r.customers), 0)).toBe(active);
      for (const k of ['customer_share', 'revenue_share', 'profit_share'])
        expect(t.reduce((s, r) => s + Number(r[k]), 0)).toBeCloseTo(1, 9);
    }
  });

  it('migration row sums equal the earlier period’s tier counts; column sums the later period’s', async () => {
    const m = await run(engine, 'migration');
    const early = rows(await run(engine, 'tiers', { period_start: '2023-01-01', period_end: '2023-12-31' }), 'tiers');
    const matrix = rows(m, 'matrix');
    for (const t of early) {
      expect(matrix.filter((c) => c.from_tier === t.tier).reduce((s, c) => s + Number(c.customers), 0)).toBe(
        t.customers,
      );
    }
    const lateActive = Number(
      (await engine.query("SELECT count(DISTINCT customer_id) FROM transactions WHERE date >= DATE '2024-01-01'"))
        .data[0]![0],
    );
    expect(matrix.filter((c) => c.to_tier !== 'gone').reduce((s, c) => s + Number(c.customers), 0)).toBe(lateActive);
    const warn = rows(m, 'early_warning');
    expect(warn.length).toBe(Number(m.scalars.full_churn) + Number(m.scalars.partial_churn));
    expect(warn.every((w) => w.from_tier === 'diamond' || w.from_tier === 'black-gold')).toBe(true);
    expect(warn.map((w) => Number(w.value_at_risk))).toEqual(
      [...warn.map((w) => Number(w.value_at_risk))].sort((a, b) => b - a),
    );
  });

  it('RFM cells, value × loyalty cells and MVC groups each partition the customers', async () => {
    const rfm = await run(engine, 'rfm');
    expect(rows(rfm, 'grid').reduce((s, c) => s + Number(c.customers), 0)).toBe(400);
    expect(rows(rfm, 'segments').reduce((s, c) => s + Number(c.customer_share), 0)).toBeCloseTo(1, 12);
    const vl = await run(engine, 'value-loyalty', { loyalty: 'tenure' });
    const cells = rows(vl, 'cells');
    expect(cells.reduce((s, c) => s + Number(c.customers), 0)).toBe(vl.scalars.customers);
    expect(cells.reduce((s, c) => s + Number(c.value_share), 0)).toBeCloseTo(1, 9);
    expect(rows(vl, 'bins').reduce((s, b) => s + Number(b.customers), 0)).toBe(vl.scalars.customers);
    const mvc = rows(await run(engine, 'mvc-mgc-bz'), 'summary');
    expect(mvc.reduce((s, g) => s + Number(g.customer_share), 0)).toBeCloseTo(1, 12);
  });
});
