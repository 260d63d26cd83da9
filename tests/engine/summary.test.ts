/**
 * The customer-base summary (docs/summary.md) against real DuckDB-WASM: its tables on a
 * hand-computed fixture; profit from the summary equal to profit from the raw tables on generated
 * data (1e-9 relative); the typed-array whale curve equal to the SQL reference; analyses equal with
 * and without the summary; invalidation when the data changes; cached option changes equal to a
 * from-scratch run.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { close, sameResult } from './same-result.ts';
import { createNodeEngine, type NodeEngine } from '../../src/engine/node.ts';
import { SUMMARY_VERSION, buildSummaryInfoSql } from '../../src/model/summary/index.ts';
import { toRows, type Row } from '../../src/engine/types.ts';
import { buildCustomerProfitQuery, type CustomerProfitOptions } from '../../src/analyses/profitability/index.ts';
import { profitBreakdown } from '../../src/analyses/profitability/profit-vectors.ts';
import { rankProfit } from '../../src/analyses/profitability/whale-numerics.ts';
import { runWhaleCurve, whaleCurveOf } from '../../src/analyses/profitability/whale-curve-analysis.ts';
import { getAnalysis } from '../../src/analyses/registry.ts';
import { parseOptions } from '../../src/analyses/options.ts';
import type { AnalysisResult } from '../../src/analyses/types.ts';
import { buildCustomerPeriodCte } from '../../src/analyses/segmentation/customer-period.ts';
import { monthsCover, readsDatedCosts } from '../../src/analyses/segmentation/customer-period-months.ts';
import { valueSource } from '../../src/analyses/segmentation/value-source.ts';
import { renderSampleCsv } from '../../sample-data/src/index.ts';

const enc = new TextEncoder();
type Fixture = Partial<Record<'transactions' | 'customers' | 'service_costs' | 'surveys', string>>;

async function load(engine: NodeEngine, fixture: Fixture): Promise<void> {
  await engine.clearData();
  await engine.loadCanonicalCsv(
    'fixture',
    Object.entries(fixture).map(([table, text]) => ({
      table,
      fileName: `${table}.csv`,
      bytes: enc.encode(text.trim() + '\n'),
    })),
  );
}

const rows = async (engine: NodeEngine, sql: string): Promise<Row[]> => toRows(await engine.query(sql));

// Hand-computed: c1 two orders (o1, o2) and a line without cost; c2 a return; c3 a line outside
// nothing (all in range); c6 only a service cost; one line without a customer id; one service
// cost outside the transactions' period (2025) and one undated.
const fixture: Fixture = {
  transactions: `customer_id,date,revenue,cost,order_id
c1,2024-01-10,1000,600,o1
c1,2024-01-10,50,,o1
c1,2024-02-10,500,300,o2
c2,2024-01-15,400,200,o3
c2,2024-01-20,-100,-50,o3r
c3,2024-03-01,200,150,o4
,2024-03-02,70,10,o5`,
  service_costs: `customer_id,amount,date,category
c2,30,2024-02-01,support_call
c2,30,2024-03-01, support_call
c3,120,2024-03-01,
c6,40,,field_visit
c1,20,2025-01-05,support_call`,
};

describe('customer-base summary', () => {
  let engine: NodeEngine;
  beforeAll(() => {
    engine = createNodeEngine();
  });

  it('is built at load, with the hand-computed columns', async () => {
    await load(engine, fixture);
    expect(await rows(engine, 'SELECT * EXCLUDE (first_date, last_date) FROM summary.customers')).toEqual([
      {
        customer_id: 'c1',
        revenue: 1550,
        recorded_cost: 900,
        revenue_without_cost: 50,
        gross_sales: 1550,
        orders: 2,
        returns: 0,
        lines: 3,
        lines_without_cost: 1,
        service_cost: 0,
      },
      {
        customer_id: 'c2',
        revenue: 300,
        recorded_cost: 150,
        revenue_without_cost: 0,
        gross_sales: 400,
        orders: 1,
        returns: 1,
        lines: 2,
        lines_without_cost: 0,
        service_cost: 60,
      },
      {
        customer_id: 'c3',
        revenue: 200,
        recorded_cost: 150,
        revenue_without_cost: 0,
        gross_sales: 200,
        orders: 1,
        returns: 0,
        lines: 1,
        lines_without_cost: 0,
        service_cost: 120,
      },
      // Only a cost to serve: part of the profit universe all the same.
      {
        customer_id: 'c6',
        revenue: 0,
        recorded_cost: 0,
        revenue_without_cost: 0,
        gross_sales: 0,
        orders: 0,
        returns: 0,
        lines: 0,
        lines_without_cost: 0,
        service_cost: 40,
      },
    ]);
    expect(await rows(engine, 'SELECT * FROM summary.service_costs')).toEqual([
      { customer_id: 'c2', category: 'support_call', amount: 60, events: 2 },
      { customer_id: 'c3', category: 'other', amount: 120, events: 1 },
      { customer_id: 'c6', category: 'field_visit', amount: 40, events: 1 },
    ]);
    const info = (await rows(engine, 'SELECT date_from, date_to, summary_version FROM summary.info'))[0]!;
    expect([
      String((info.date_from as Date).toISOString().slice(0, 10)),
      String((info.date_to as Date).toISOString().slice(0, 10)),
      info.summary_version,
    ]).toEqual(['2024-01-10', '2024-03-02', SUMMARY_VERSION]);
  });

  it('has the hand-computed monthly tables', async () => {
    await load(engine, fixture);
    const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);
    const months = (await rows(engine, 'SELECT * FROM summary.customer_months')).map((r) => ({
      ...r,
      month: day(r.month),
      first_date: day(r.first_date),
      last_date: day(r.last_date),
    }));
    expect(months).toEqual([
      // c1: o1 is two lines on one day (one without a cost), o2 the next month.
      {
        customer_id: 'c1',
        month: '2024-01-01',
        revenue: 1050,
        recorded_cost: 600,
        revenue_without_cost: 50,
        orders: 1,
        lines: 2,
        first_date: '2024-01-10',
        last_date: '2024-01-10',
        ix: 0,
      },
      {
        customer_id: 'c1',
        month: '2024-02-01',
        revenue: 500,
        recorded_cost: 300,
        revenue_without_cost: null,
        orders: 1,
        lines: 1,
        first_date: '2024-02-10',
        last_date: '2024-02-10',
        ix: 0,
      },
      // c2: a sale and a return, two order ids in one month; the line without a customer is not counted.
      {
        customer_id: 'c2',
        month: '2024-01-01',
        revenue: 300,
        recorded_cost: 150,
        revenue_without_cost: null,
        orders: 2,
        lines: 2,
        first_date: '2024-01-15',
        last_date: '2024-01-20',
        ix: 1,
      },
      {
        customer_id: 'c3',
        month: '2024-03-01',
        revenue: 200,
        recorded_cost: 150,
        revenue_without_cost: null,
        orders: 1,
        lines: 1,
        first_date: '2024-03-01',
        last_date: '2024-03-01',
        ix: 2,
      },
    ]);
    const costs = (await rows(engine, 'SELECT * FROM summary.service_cost_months')).map((r) => ({
      ...r,
      month: day(r.month),
    }));
    expect(costs).toEqual([
      { customer_id: 'c1', month: '2025-01-01', amount: 20, events: 1, ix: 0 },
      { customer_id: 'c2', month: '2024-02-01', amount: 30, events: 1, ix: 1 },
      { customer_id: 'c2', month: '2024-03-01', amount: 30, events: 1, ix: 1 },
      { customer_id: 'c3', month: '2024-03-01', amount: 120, events: 1, ix: 2 },
      // Undated: every period counts it. c6 has no transaction, so no ix.
      { customer_id: 'c6', month: null, amount: 40, events: 1, ix: null },
    ]);
    expect(await rows(engine, 'SELECT orders_within_months FROM summary.info')).toEqual([
      { orders_within_months: true },
    ]);
    expect((await engine.status()).summary?.ordersWithinMonths).toBe(true);
  });

  it('gives the raw per-customer period aggregate from the months, undated costs and returns included', async () => {
    await load(engine, {
      transactions: fixture.transactions! + '\nu1,2024-02-14,80,,o9\nu1,2024-04-02,-20,,o10',
      service_costs: fixture.service_costs! + '\nu1,15,,support_call\nu1,5,2024-04-09,support_call',
    });
    const source = valueSource(await engine.profile());
    const period = { start: '2024-01-01', end: '2024-03-31' };
    expect(monthsCover((await engine.status()).summary, period, { datedCosts: true })).toBe(true);
    const sql = (
      fromSummary: boolean,
    ) => `WITH ${buildCustomerPeriodCte({ name: 'cur', start: `DATE '${period.start}'`, end: `DATE '${period.end}'`, period, source, fromSummary })}
SELECT customer_id, revenue, profit, service_cost, orders, active_months FROM cur ORDER BY customer_id`;
    const raw = await rows(engine, sql(false));
    expect(await rows(engine, sql(true))).toEqual(raw);
    // u1 in Q1: 80 of revenue at the assumed 35% margin, minus the undated 15 (the April cost and return are outside).
    expect(raw.find((r) => r.customer_id === 'u1')).toEqual({
      customer_id: 'u1',
      revenue: 80,
      profit: 80 * 0.35 - 15,
      service_cost: 15,
      orders: 1,
      active_months: 1,
    });
  });

  it('says when an order spans two months (monthly order counts would not add up)', async () => {
    await load(engine, {
      transactions: 'customer_id,date,revenue,order_id\na,2024-01-31,10,o1\na,2024-02-01,5,o1\nb,2024-02-03,7,o2',
    });
    expect(await rows(engine, 'SELECT customer_id, orders FROM summary.customer_months')).toEqual([
      { customer_id: 'a', orders: 1 },
      { customer_id: 'a', orders: 1 },
      { customer_id: 'b', orders: 1 },
    ]);
    expect(await rows(engine, 'SELECT orders_within_months FROM summary.info')).toEqual([
      { orders_within_months: false },
    ]);
    expect((await engine.status()).summary?.ordersWithinMonths).toBe(false);
    // RFM then reads the raw tables: customer a has one order (frequency 1), not two.
    const rfm = await engine.runAnalysis('rfm', { bins: 2 });
    const scores = rfm.tables.scores!;
    const col = (name: string) => scores.data[scores.columns.findIndex((c) => c.name === name)]!;
    expect(Math.max(...(col('frequency_to') as number[]).filter((v) => v !== null))).toBe(1);
  });

  it('skips the orders check without order ids: a purchase day lies in one month', async () => {
    await load(engine, {
      transactions: 'customer_id,date,revenue\na,2024-01-31,10\na,2024-01-31,4\na,2024-02-01,5\nb,2024-02-03,7',
    });
    expect(await rows(engine, 'SELECT customer_id, orders FROM summary.customer_months')).toEqual([
      { customer_id: 'a', orders: 1 },
      { customer_id: 'a', orders: 1 },
      { customer_id: 'b', orders: 1 },
    ]);
    expect(await rows(engine, 'SELECT orders_within_months FROM summary.info')).toEqual([
      { orders_within_months: true },
    ]);
    // No distinct count over the transactions at build.
    expect(buildSummaryInfoSql(await engine.profile())).not.toMatch(/count\(DISTINCT/i);
  });

  it("gives the raw path's profit per customer on the fixture", async () => {
    await load(engine, fixture);
    const profile = await engine.profile();
    const raw = await rows(engine, buildCustomerProfitQuery({ profile }));
    const fromSummary = await rows(engine, buildCustomerProfitQuery({ profile, fromSummary: true }));
    close(fromSummary, raw, 'profit');
    // c1: 1550 − (900 + 50 × 0.65) = 617.5; c2: 300 − 150 − 60 = 90; c3: 50 − 120; c6: −40.
    expect(raw.map((r) => r.profit)).toEqual([617.5, 90, -70, -40]);
  });

  it('is rebuilt when the data changes (import, insert, update), never served stale', async () => {
    await load(engine, fixture);
    const before = await engine.runAnalysis('whale-curve', {});
    await engine.openResult(
      `INSERT INTO transactions VALUES ('c9', DATE '2024-02-02', 1000, 100, 'o9')`.replace(
        'VALUES',
        '(customer_id, date, revenue, cost, order_id) VALUES',
      ),
    );
    const inserted = await engine.runAnalysis('whale-curve', {});
    expect(inserted.scalars.customers).toBe((before.scalars.customers as number) + 1);
    expect(await rows(engine, `SELECT revenue FROM summary.customers WHERE customer_id = 'c9'`)).toEqual([
      { revenue: 1000 },
    ]);
    expect(await rows(engine, `SELECT revenue, orders FROM summary.customer_months WHERE customer_id = 'c9'`)).toEqual([
      { revenue: 1000, orders: 1 },
    ]);
    // An UPDATE keeps every row count: the engine notices the statement itself.
    await engine.openResult(`UPDATE transactions SET revenue = 2000 WHERE customer_id = 'c9'`);
    const updated = await engine.runAnalysis('whale-curve', {});
    expect(updated.scalars.total_revenue).toBe((inserted.scalars.total_revenue as number) + 1000);
    // A new dataset replaces the summary.
    await load(engine, { transactions: 'customer_id,date,revenue\nz1,2020-01-01,10\nz2,2020-01-02,20' });
    expect(await rows(engine, 'SELECT customer_id, revenue FROM summary.customers')).toEqual([
      { customer_id: 'z1', revenue: 10 },
      { customer_id: 'z2', revenue: 20 },
    ]);
    expect(await rows(engine, 'SELECT count(*) AS n FROM summary.service_costs')).toEqual([{ n: 0 }]);
    expect(await rows(engine, 'SELECT customer_id, revenue FROM summary.customer_months')).toEqual([
      { customer_id: 'z1', revenue: 10 },
      { customer_id: 'z2', revenue: 20 },
    ]);
  });

  it('serves no stale period analysis after an import: RFM, cohorts, migration and MVC follow the new data', async () => {
    await load(engine, fixture);
    const ids = ['rfm', 'cohorts', 'migration', 'mvc-mgc-bz'] as const;
    const options = {
      migration: { months: 1, tier_names: ['low', 'high'], core_tiers: 1 },
      'mvc-mgc-bz': { period_start: '2024-01-01', period_end: '2024-03-31' },
    } as Record<string, Record<string, unknown>>;
    const before = new Map<string, AnalysisResult>();
    for (const id of ids) before.set(id, await engine.runAnalysis(id, options[id] ?? {}));
    // Import one more file: a new customer in the last month, an old one buying again.
    await engine.loadCanonicalCsv('fixture', [
      {
        table: 'transactions',
        fileName: 'transactions.csv',
        bytes: enc.encode(fixture.transactions!.trim() + '\nc7,2024-03-02,900,400,o7\nc1,2024-03-02,30,10,o8\n'),
      },
      {
        table: 'service_costs',
        fileName: 'service_costs.csv',
        bytes: enc.encode(fixture.service_costs!.trim() + '\n'),
      },
    ]);
    expect(
      await rows(engine, `SELECT count(*) AS n FROM summary.customer_months WHERE month = DATE '2024-03-01'`),
    ).toEqual([{ n: 3 }]);
    for (const id of ids) {
      const after = await engine.runAnalysis(id, options[id] ?? {});
      const def = getAnalysis(id);
      // Equal to a run on the raw tables of the new data, and different from the old result.
      sameResult(
        after,
        await def.run(
          { db: await engine.database(), profile: await engine.profile() },
          parseOptions(def.options, options[id] ?? {}, id),
        ),
      );
      expect(JSON.stringify(after.tables), id).not.toBe(JSON.stringify(before.get(id)!.tables));
    }
  });
});

describe('summary path = raw path on generated data', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = createNodeEngine();
    const files = renderSampleCsv({ customers: 3000, seed: 11 });
    await engine.loadCanonicalCsv(
      'generated',
      Object.entries(files).map(([table, text]) => ({ table, fileName: `${table}.csv`, bytes: enc.encode(text) })),
    );
  }, 120_000);

  const optionSets: [string, Partial<CustomerProfitOptions>][] = [
    ['defaults', {}],
    ['assumed margin', { marginSource: 'assumed', marginPct: 0.42 }],
    ['cost with an odd margin', { marginSource: 'cost', marginPct: 0.17 }],
    [
      'per order + per return + revenue share',
      {
        allocation: [
          { category: 'order_handling', basis: 'order', rate: 7.5 },
          { category: 'return_handling', basis: 'return', rate: 3 },
          { category: 'revenue_linked', basis: 'revenue', rate: 0.02 },
        ],
      },
    ],
    [
      'per event, replacing a recorded category',
      { allocation: [{ category: 'support_call', basis: 'event', rate: 25 }] },
    ],
  ];

  it.each(optionSets)('profit per customer: %s', async (_label, extra) => {
    const profile = await engine.profile();
    const raw = await rows(engine, buildCustomerProfitQuery({ profile, ...extra }));
    const summary = await rows(engine, buildCustomerProfitQuery({ profile, ...extra, fromSummary: true }));
    expect(raw.length).toBeGreaterThan(2500);
    close(summary, raw, 'rows');
  });

  it.each(optionSets)('typed-array profit and whale curve equal the SQL reference: %s', async (_label, extra) => {
    const db = await engine.database();
    const profile = await engine.profile();
    const summary = { dateFrom: null, dateTo: null, source: '', ordersWithinMonths: false, buildMs: 0 };
    const options = { profile, ...extra };
    const b = await profitBreakdown({ db, profile, summary: null, numeric: (sql) => db.numeric(sql) }, options);
    const fast = await profitBreakdown({ db, profile, summary, numeric: (sql) => db.numeric(sql) }, options);
    close(Array.from(fast.profit), Array.from(b.profit), 'profit');
    for (const topK of [0.2, 0.05, 0.5, 1]) {
      const sql = await runWhaleCurve(db, `(${buildCustomerProfitQuery(options)})`, topK);
      const js = whaleCurveOf(rankProfit(fast), topK);
      close(js.summary, sql.summary, `summary@${topK}`);
      close(js.curve.data, sql.curve.data, `curve@${topK}`);
    }
  });

  it('summary.customer_months equals a direct per-month query on the transactions', async () => {
    const direct = await rows(
      engine,
      `SELECT customer_id, month, revenue, recorded_cost, revenue_without_cost, orders, lines, first_date, last_date,
        CAST(dense_rank() OVER (ORDER BY customer_id) - 1 AS INTEGER) AS ix FROM (
      SELECT customer_id, CAST(date_trunc('month', date) AS DATE) AS month, sum(revenue) AS revenue,
        sum(cost) FILTER (WHERE revenue IS NOT NULL) AS recorded_cost, sum(revenue) FILTER (WHERE cost IS NULL) AS revenue_without_cost,
        count(DISTINCT coalesce(order_id, CAST(date AS VARCHAR))) AS orders, count(*) AS lines, min(date) AS first_date, max(date) AS last_date
      FROM transactions WHERE customer_id IS NOT NULL AND date IS NOT NULL GROUP BY ALL) ORDER BY customer_id, month`,
    );
    const summary = await rows(engine, 'SELECT * FROM summary.customer_months');
    expect(summary.length).toBeGreaterThan(10_000);
    close(summary, direct, 'customer_months');
    const costs = await rows(
      engine,
      `WITH buyers AS (SELECT customer_id, CAST(row_number() OVER (ORDER BY customer_id) - 1 AS INTEGER) AS ix FROM (
        SELECT DISTINCT customer_id FROM transactions WHERE customer_id IS NOT NULL AND date IS NOT NULL))
      SELECT c.*, b.ix FROM (SELECT customer_id, month, sum(amount) AS amount, count(*) AS events FROM (
      SELECT customer_id, CASE WHEN date IS NULL THEN NULL ELSE CAST(date_trunc('month', date) AS DATE) END AS month, amount FROM service_costs
      WHERE customer_id IS NOT NULL AND amount IS NOT NULL) GROUP BY ALL) c LEFT JOIN buyers b USING (customer_id) ORDER BY c.customer_id, c.month`,
    );
    close(await rows(engine, 'SELECT * FROM summary.service_cost_months'), costs, 'service_cost_months');
  });

  it.each([
    ['a year, spend', '2024-01-01', '2024-12-31', false],
    ['a year, with profit', '2023-01-01', '2023-12-31', true],
    ['all history (before the first date to after the last), spend', '2000-01-15', '2099-06-10', false],
    ['one month, with profit', '2024-02-01', '2024-02-29', true],
    ['a quarter ending on the last date, signup dates', '2024-10-01', '2024-12-31', true],
  ] as [string, string, string, boolean][])(
    'the per-customer period CTE from the months equals the raw CTE: %s',
    async (_label, start, end, withProfit) => {
      const profile = await engine.profile();
      const source = valueSource(profile);
      const summary = (await engine.status()).summary;
      const period = { start, end };
      expect(monthsCover(summary, period, { datedCosts: readsDatedCosts(source, withProfit) })).toBe(true);
      const sql = (
        fromSummary: boolean,
      ) => `WITH ${buildCustomerPeriodCte({ name: 'cur', start: `DATE '${start}'`, end: `DATE '${end}'`, period, source, withProfit, signupDates: true, fromSummary })}
SELECT * FROM cur ORDER BY customer_id`;
      const raw = await rows(engine, sql(false));
      expect(raw.length).toBeGreaterThan(100);
      if (withProfit) expect(raw.some((r) => r.profit !== null && r.service_cost !== 0)).toBe(true);
      close(await rows(engine, sql(true)), raw, 'cur');
    },
  );

  it('monthsCover: whole months only, and only when orders stay within a month', () => {
    const s = { dateFrom: '2023-01-01', dateTo: '2024-12-31', source: '', ordersWithinMonths: true, buildMs: 0 };
    const plain = { datedCosts: false };
    const dated = { datedCosts: true };
    expect(monthsCover(s, { start: '2024-01-01', end: '2024-06-30' }, dated)).toBe(true);
    expect(monthsCover(s, { start: '2024-01-02', end: '2024-06-30' }, plain)).toBe(false);
    expect(monthsCover(s, { start: '2024-01-01', end: '2024-06-29' }, plain)).toBe(false);
    expect(monthsCover(s, { start: '2024-02-01', end: '2024-02-29' }, plain)).toBe(true);
    // Outside the data's dates a cut month holds no transactions, but may hold dated service costs.
    expect(monthsCover(s, { start: '2022-12-15', end: '2025-01-20' }, plain)).toBe(true);
    expect(monthsCover(s, { start: '2022-12-15', end: '2025-01-20' }, dated)).toBe(false);
    expect(monthsCover({ ...s, ordersWithinMonths: false }, { start: '2024-01-01', end: '2024-06-30' }, plain)).toBe(
      false,
    );
    expect(monthsCover(null, { start: '2024-01-01', end: '2024-06-30' }, plain)).toBe(false);
  });

  /** Runs an analysis with the engine's full context, or on the raw tables only. */
  async function run(id: string, raw: Record<string, unknown>, withSummary: boolean): Promise<AnalysisResult> {
    if (withSummary) return engine.runAnalysis(id, raw);
    const def = getAnalysis(id);
    return def.run(
      { db: await engine.database(), profile: await engine.profile() },
      parseOptions(def.options, raw, id),
    );
  }

  it.each([
    ['whale-curve', {}],
    ['whale-curve', { margin_source: 'assumed', margin_pct: 0.3, top_k: 10 }],
    ['whale-curve', { fix_worst_pct: 30, fix_mode: 'drop', cost_per_order: 4 }],
    ['whale-curve', { fix_worst_pct: 100, fix_mode: 'break-even', cost_per_event: { support_call: 12 } }],
    ['profit-diagnostics', {}],
    ['profit-diagnostics', { revenue_cost_pct: 0.03, group_by: 'region' }],
  ] as [string, Record<string, unknown>][])(
    '%s %j: same result from the summary as from the raw tables',
    async (id, options) => {
      sameResult(await run(id, options, true), await run(id, options, false));
    },
  );

  it.each([
    [
      'retention-what-if',
      [{ uplift: 0.02 }, { uplift: 0.08, programme_cost: 12 }, { discount_rate: 0.15, horizon: 8 }],
    ],
    ['satisfaction-what-if', [{ move_share: 0.1 }, { move_share: 0.45 }, { move_share: 0.3, value_per_loyal: 250 }]],
  ] as [string, Record<string, unknown>[]][])(
    '%s: slider moves from the kept base equal runs on the raw tables',
    async (id, sweep) => {
      for (const options of sweep) sameResult(await run(id, options, true), await run(id, options, false));
    },
  );

  it('an option change served from prepared data equals a from-scratch run in a fresh engine', async () => {
    const sweep = [0.2, 0.25, 0.3, 0.35].map((m) => ({ margin_source: 'assumed', margin_pct: m, top_k: 15 }));
    const warm: AnalysisResult[] = [];
    for (const o of sweep) warm.push(await engine.runAnalysis('whale-curve', o));
    // Again, now from the result cache.
    for (const [i, o] of sweep.entries()) sameResult(await engine.runAnalysis('whale-curve', o), warm[i]!);
    const fresh = createNodeEngine();
    const files = renderSampleCsv({ customers: 3000, seed: 11 });
    await fresh.loadCanonicalCsv(
      'generated',
      Object.entries(files).map(([table, text]) => ({ table, fileName: `${table}.csv`, bytes: enc.encode(text) })),
    );
    sameResult(await fresh.runAnalysis('whale-curve', sweep[2]!), warm[2]!);
  }, 120_000);
});
