/**
 * Profitability analyses against real DuckDB-WASM: per-customer profit components, whale-curve
 * statistics and edge cases on hand-computed fixtures, the what-if, the diagnostics, and a
 * hidden-truth property test where every customer's true profit is known by construction.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine, type NodeEngine } from '../../src/engine/node.ts';
import { toRows, type ColumnarTable, type Row } from '../../src/engine/types.ts';
import { buildCostLinesQuery, buildCustomerProfitQuery } from '../../src/analyses/profitability/index.ts';

const enc = new TextEncoder();
type Fixture = Partial<Record<'transactions' | 'customers' | 'service_costs', string>>;

/** Drops every canonical table, then loads the fixture (so one fixture never leaks into the next). */
async function load(engine: NodeEngine, fixture: Fixture): Promise<void> {
  for (const t of ['transactions', 'customers', 'service_costs', 'surveys'])
    await engine.query(`DROP TABLE IF EXISTS ${t}`);
  await engine.loadCanonicalCsv(
    'fixture',
    Object.entries(fixture).map(([table, text]) => ({
      table,
      fileName: `${table}.csv`,
      bytes: enc.encode(text.trim() + '\n'),
    })),
  );
}

/** One transaction per customer with revenue − cost = the given profit. */
function profits(p: Record<string, number>): Fixture {
  const lines = Object.entries(p).map(
    ([id, x]) => `${id},2024-01-01,${Math.max(x, 0) + 100},${Math.max(x, 0) + 100 - x}`,
  );
  return { transactions: `customer_id,date,revenue,cost\n${lines.join('\n')}` };
}

const column = (t: ColumnarTable | undefined, name: string) => {
  const i = t!.columns.findIndex((c) => c.name === name);
  return t!.data[i]!;
};

// c1..c4 buy; c5 bought only before the period; c6 only causes a cost. Hand-computed profits
// for 2024 (no allocation): c1 600, c2 150 − 60 = 90, c3 50 − 120 = −70, c4 20 − 50 = −30, c6 −40. Total 550.
const main: Fixture = {
  transactions: `customer_id,date,revenue,cost,order_id
c1,2024-01-10,1000,600,o1
c1,2024-02-10,500,300,o2
c2,2024-01-15,400,200,o3
c2,2024-01-20,-100,-50,o3r
c3,2024-03-01,200,150,o4
c4,2024-03-05,100,80,o5
c5,2023-12-31,999,0,o0`,
  service_costs: `customer_id,amount,date,category
c2,30,2024-02-01,support_call
c2,30,2024-03-01,support_call
c3,120,2024-04-01,bad_debt
c4,50,,dispute
c6,40,2024-05-01,field_visit
c1,20,2025-01-05,support_call`,
  customers: `customer_id,signup_date,acquisition_cost,region
c1,2023-01-01,730.5,North
c3,2024-02-01,,South`,
};
const period = { from: '2024-01-01', to: '2024-12-31' };

describe('profitability on DuckDB-WASM', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = createNodeEngine();
  });

  describe('customer profit (the shared formula)', () => {
    beforeAll(async () => load(engine, main));

    it('computes every component per customer, in the period only', async () => {
      const profile = await engine.profile();
      const rows = toRows(await engine.query(buildCustomerProfitQuery({ ...period, profile })));
      expect(
        rows.map((r) => [
          r.customer_id,
          r.revenue,
          r.cogs,
          r.gross_margin,
          r.orders,
          r.returns,
          r.cost_to_serve,
          r.acquisition_amortised,
          r.profit,
        ]),
      ).toEqual([
        ['c1', 1500, 900, 600, 2, 0, 0, 0, 600],
        ['c2', 300, 150, 150, 1, 1, 60, 0, 90],
        ['c3', 200, 150, 50, 1, 0, 120, 0, -70],
        ['c4', 100, 80, 20, 1, 0, 50, 0, -30],
        ['c6', 0, 0, 0, 0, 0, 40, 0, -40],
      ]);
    });

    it.each([
      // [label, options, expected profit by customer]
      [
        'cost per order',
        { allocation: [{ category: 'order_handling', basis: 'order' as const, rate: 10 }] },
        [580, 80, -80, -40, -40],
      ],
      [
        'cost per return',
        { allocation: [{ category: 'returns', basis: 'return' as const, rate: 5 }] },
        [600, 85, -70, -30, -40],
      ],
      [
        'per support call, replacing recorded amounts',
        { allocation: [{ category: 'support_call', basis: 'event' as const, rate: 25 }] },
        [600, 100, -70, -30, -40],
      ],
      [
        'share of revenue',
        { allocation: [{ category: 'fees', basis: 'revenue' as const, rate: 0.02 }] },
        [570, 82, -74, -32, -40],
      ],
      ['assumed 50% margin', { marginSource: 'assumed' as const, marginPct: 0.5 }, [750, 90, -20, 0, -40]],
      // c1: 730.5 over 2 years from 2023-01-01 = 365.25/year; 2024 has 366 days inside the window → 366.
      ['acquisition over 2 years', { acquisitionYears: 2 }, [234, 90, -70, -30, -40]],
    ])('applies %s', async (_label, extra, expected) => {
      const profile = await engine.profile();
      const rows = toRows(await engine.query(buildCustomerProfitQuery({ ...period, profile, ...extra })));
      rows.forEach((r, i) => expect(r.profit).toBeCloseTo(expected[i]!, 9));
    });

    it('cost lines in long form sum to cost_to_serve', async () => {
      const profile = await engine.profile();
      const opts = {
        ...period,
        profile,
        allocation: [{ category: 'order_handling', basis: 'order' as const, rate: 10 }],
      };
      const lines = toRows(await engine.query(buildCostLinesQuery(opts)));
      expect(lines.filter((l) => l.customer_id === 'c2').map((l) => [l.category, l.amount])).toEqual([
        ['order_handling', 10],
        ['support_call', 60],
      ]);
      const total = lines.reduce((s, l) => s + Number(l.amount), 0);
      const cts = toRows(await engine.query(buildCustomerProfitQuery(opts))).reduce(
        (s, r) => s + Number(r.cost_to_serve),
        0,
      );
      expect(total).toBeCloseTo(cts, 9);
    });
  });

  describe('whale curve', () => {
    beforeAll(async () => load(engine, main));

    it('reports peak, top-k share, loss-makers and the P + Q − R decomposition exactly', async () => {
      const r = await engine.runAnalysis('whale-curve', period);
      const s = r.scalars;
      expect(s.customers).toBe(5);
      expect(s.total_profit).toBe(550);
      expect(s.peak_share).toBeCloseTo(690 / 550, 12);
      expect(s.peak_customer_share).toBeCloseTo(0.4, 12);
      expect(s.top_share).toBeCloseTo(600 / 550, 12);
      expect(s.top_revenue_share).toBeCloseTo(1500 / 2100, 12);
      expect(s.loss_makers).toBe(3);
      expect(s.loss_maker_share).toBeCloseTo(0.6, 12);
      expect(s.total_loss).toBe(140);
      expect(s.loss_share).toBeCloseTo(140 / 550, 12);
      expect(s.rest_share).toBeCloseTo(90 / 550, 12);
      expect(s.loss_outside_top_share).toBeCloseTo(140 / 550, 12);
      expect(Number(s.top_share) + Number(s.rest_share) - Number(s.loss_outside_top_share)).toBeCloseTo(1, 12);
      expect(s.all_profit_customer_share).toBeCloseTo(550 / 600 / 5, 12);
      expect(r.findings[0]!.text).toBe('The top 20% of customers bring 71% of revenue but 109% of profit.');
      // Every component in total: revenue 2,100, COGS 1,280, margin 820, cost to serve 270, profit 550.
      expect(toRows(r.tables.totals!)).toEqual([
        { revenue: 2100, cogs: 1280, gross_margin: 820, cost_to_serve: 270, acquisition_amortised: 0, profit: 550 },
      ]);
      expect(r.notes).toContain(
        'Gross margin is revenue minus the recorded cost of goods (every transaction line has a cost).',
      );
      expect(r.notes.join(' ')).not.toMatch(/assumed|share their profit/);
      expect(r.findings.find((f) => f.id === 'peak')!.text).toMatch(
        /^Profit peaks at 125% of the total after the most profitable 40% of customers/,
      );
    });

    it('returns the whole curve for a small base, origin to end, and the revenue Pareto beside it', async () => {
      const r = await engine.runAnalysis('whale-curve', period);
      const c = r.tables.curve;
      expect(column(c, 'customer_share')).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
      // Ranked by profit: c1 600, c2 90, c4 −30, c6 −40, c3 −70.
      expect(column(c, 'cum_profit')).toEqual([0, 600, 690, 660, 620, 550]);
      expect(column(c, 'cum_revenue')).toEqual([0, 1500, 1800, 2000, 2100, 2100]);
    });

    it('takes any k', async () => {
      const r = await engine.runAnalysis('whale-curve', { ...period, top_k: 50 });
      // m = 2.5 customers: 600 + 90 + half of the third (c4, −30) = 675.
      expect(r.scalars.top_share).toBeCloseTo(675 / 550, 12);
      expect(r.scalars.top_revenue_share).toBeCloseTo((1500 + 300 + 100) / 2100, 12);
    });

    it.each([
      ['break-even', { fix_worst_pct: 50, fix_mode: 'break-even' }, 2, 660, 660, 690 / 660],
      ['drop', { fix_worst_pct: 100, fix_mode: 'drop' }, 3, 690, 690, 1],
    ])(
      'what-if: fix the worst loss-makers (%s) moves total profit and the curve',
      async (_m, opts, fixed, after, scalarAfter, peakAfter) => {
        const r = await engine.runAnalysis('whale-curve', { ...period, ...opts });
        // Loss-makers worst first: c3 −70, c6 −40, c4 −30; 50% of 3 → ⌈1.5⌉ = 2 customers.
        expect(r.scalars.fixed_customers).toBe(fixed);
        expect(r.scalars.total_profit_before).toBe(550);
        expect(r.scalars.total_profit_after).toBe(after);
        expect(r.scalars.after_total_profit).toBe(scalarAfter);
        expect(r.scalars.peak_share_after).toBeCloseTo(peakAfter, 12);
        const w = toRows(r.tables.curve_whatif!);
        expect(w.length).toBeGreaterThan(1);
        // On today's scale the what-if curve ends at the new total over today's 550, at its customers over today's 5.
        expect(w[w.length - 1]!.base_profit_share).toBeCloseTo(after / 550, 12);
        expect(w[w.length - 1]!.base_customer_share).toBeCloseTo(opts.fix_mode === 'drop' ? 2 / 5 : 1, 12);
        expect(r.charts[0]!.marks.some((m) => m.data === 'curve_whatif')).toBe(true);
        expect(r.findings.find((f) => f.id === 'what_if')!.text).toMatch(
          new RegExp(`lifts total profit from 550 to ${after}`),
        );
      },
    );
  });

  describe('edge cases', () => {
    it('total profit ≤ 0: curve in money, shares null, said in notes', async () => {
      await load(engine, profits({ a: 10, b: -30 }));
      const r = await engine.runAnalysis('whale-curve', {});
      expect(r.scalars.curve_mode).toBe('money');
      expect(r.scalars.total_profit).toBe(-20);
      expect(r.scalars.peak_share).toBeNull();
      expect(r.scalars.top_share).toBeNull();
      expect(r.scalars.peak_profit).toBe(10);
      expect(column(r.tables.curve, 'cum_profit')).toEqual([0, 10, -20]);
      expect(column(r.tables.curve, 'profit_share')).toEqual([null, null, null]);
      expect(r.notes.join(' ')).toMatch(/drawn in money/);
      expect(r.charts[0]!.y!.tickFormat).toBe(',.0f');
      expect(r.findings[0]!.text).toMatch(/loses money: total profit is −20/);
    });

    it('ties: equal profits give the same statistics whatever their order', async () => {
      await load(engine, profits({ z: 50, x: 50, y: 50, w: -30 }));
      const r = await engine.runAnalysis('whale-curve', {});
      // m = 0.8 customers → 0.8 × 50 = 40 of 120.
      expect(r.scalars.top_share).toBeCloseTo(40 / 120, 12);
      expect(r.scalars.peak_share).toBeCloseTo(150 / 120, 12);
      expect(column(r.tables.curve, 'cum_profit')).toEqual([0, 50, 100, 150, 120]);
      expect(r.scalars.all_profit_customer_share).toBeCloseTo((2 + 20 / 50) / 4, 12);
      expect(r.notes.join(' ')).toMatch(
        /3 customers share their profit with another customer\. Tied customers are ranked by customer id/,
      );
    });

    it('a single customer', async () => {
      await load(engine, profits({ only: 100 }));
      const r = await engine.runAnalysis('whale-curve', {});
      expect(r.scalars.customers).toBe(1);
      expect(r.scalars.peak_share).toBe(1);
      expect(r.scalars.top_share).toBeCloseTo(0.2, 12);
      expect(column(r.tables.curve, 'rank')).toEqual([0, 1]);
      expect(r.findings.map((f) => f.id)).toContain('single');
    });

    it('all customers profitable: no hump, no loss-makers', async () => {
      await load(engine, profits({ a: 60, b: 30, c: 10 }));
      const r = await engine.runAnalysis('whale-curve', { fix_worst_pct: 10 });
      expect(r.scalars.peak_share).toBe(1);
      expect(r.scalars.loss_makers).toBe(0);
      expect(r.scalars.total_loss).toBe(0);
      expect(r.scalars.top_share).toBeCloseTo((60 * 0.6) / 100, 12);
      expect(r.findings.find((f) => f.id === 'peak')!.text).toMatch(/Every customer is profitable/);
      expect(r.notes.join(' ')).toMatch(/no loss-making customer to fix/);
      // Nothing fixed: the what-if figures exist and say so.
      expect(r.scalars).toMatchObject({
        fixed_customers: 0,
        total_profit_before: 100,
        total_profit_after: 100,
        peak_share_after: 1,
      });
    });

    it('no cost data: margin assumed, said plainly', async () => {
      await load(engine, { transactions: 'customer_id,date,revenue\na,2024-01-01,100\nb,2024-01-02,300' });
      const r = await engine.runAnalysis('whale-curve', { margin_pct: 0.25 });
      expect(r.scalars.total_profit).toBe(100);
      expect(r.notes.join(' ')).toMatch(/no cost-of-goods data, so gross margin is assumed to be 25% of revenue/);
      expect(r.notes.join(' ')).toMatch(/no cost-to-serve data/);
    });
  });

  it('some lines without a cost: counted in the note and priced at the assumed margin', async () => {
    await load(engine, {
      transactions:
        'customer_id,date,revenue,cost\na,2024-01-01,100,60\na,2024-01-02,200,\nb,2024-01-03,100,70\nb,2024-01-04,100,50',
    });
    const r = await engine.runAnalysis('whale-curve', { margin_pct: 0.25 });
    // a: 40 + 200 × 25% = 90; b: 30 + 50 = 80.
    expect(r.scalars.total_profit).toBeCloseTo(170, 9);
    expect(r.notes.join(' ')).toMatch(
      /except for 1 of 4 transaction lines \(25%\) that have no cost: those use the assumed 25% margin/,
    );
  });

  it('downsamples a large curve to ≤ 1,000 points keeping the exact peak and end', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 5003; i++) lines.push(`k${i},2024-01-01,100,${100 - ((i * 7919) % 201) + 60}`);
    await load(engine, { transactions: `customer_id,date,revenue,cost\n${lines.join('\n')}` });
    const r = await engine.runAnalysis('whale-curve', {});
    const c = toRows(r.tables.curve!);
    expect(c.length).toBeLessThanOrEqual(1000);
    expect(c[0]).toMatchObject({ rank: 0, cum_profit: 0 });
    expect(c[c.length - 1]).toMatchObject({ rank: 5003, customer_share: 1 });
    expect(c[c.length - 1]!.profit_share).toBeCloseTo(1, 12);
    const peak = Math.max(...c.map((p) => Number(p.profit_share)));
    expect(peak).toBe(r.scalars.peak_share);
    expect(c.find((p) => p.profit_share === peak)!.customer_share).toBe(r.scalars.peak_customer_share);
  });

  it('hidden truth: a generated base with known per-customer profit reproduces the peak exactly', async () => {
    for (const seed of [1, 7, 42]) {
      const rand = mulberry32(seed);
      const truth = new Map<string, number>();
      const tx: string[] = [];
      const svc: string[] = [];
      for (let i = 0; i < 400; i++) {
        const id = `h${seed}-${i}`;
        let profit = 0;
        const orders = 1 + Math.floor(rand() * 5);
        for (let o = 0; o < orders; o++) {
          // Whole cents so every sum is exact in doubles, whatever the summation order.
          const revenue = Math.round(rand() * rand() * 200000) / 100;
          const cost = Math.round(revenue * (40 + rand() * 40)) / 100;
          tx.push(`${id},2024-0${1 + o}-15,${revenue},${cost}`);
          profit += Math.round(revenue * 100) - Math.round(cost * 100);
        }
        if (rand() < 0.4) {
          const amount = Math.round(rand() * 60000) / 100;
          svc.push(`${id},${amount},2024-03-01,${rand() < 0.5 ? 'support_call' : 'bad_debt'}`);
          profit -= Math.round(amount * 100);
        }
        truth.set(id, profit / 100);
      }
      await load(engine, {
        transactions: `customer_id,date,revenue,cost\n${tx.join('\n')}`,
        service_costs: `customer_id,amount,date,category\n${svc.join('\n')}`,
      });
      const r = await engine.runAnalysis('whale-curve', {});
      const values = [...truth.values()];
      const total = values.reduce((a, b) => a + b, 0);
      const positive = values.filter((v) => v > 0);
      expect(r.scalars.peak_profit).toBeCloseTo(
        positive.reduce((a, b) => a + b, 0),
        6,
      );
      expect(r.scalars.peak_share).toBeCloseTo(positive.reduce((a, b) => a + b, 0) / total, 9);
      expect(r.scalars.peak_customer_share).toBe(positive.length / values.length);
      const sorted = [...values].sort((a, b) => b - a);
      const m = 0.2 * values.length;
      expect(r.scalars.top_share).toBeCloseTo(sorted.slice(0, m).reduce((a, b) => a + b, 0) / total, 9);
    }
  });

  describe('diagnostics', () => {
    beforeAll(async () => load(engine, main));

    it('waterfall from gross margin to net profit by cost category', async () => {
      const r = await engine.runAnalysis('profit-diagnostics', period);
      const w = toRows(r.tables.waterfall!);
      expect(w.map((b) => [b.label, b.amount, b.start, b.end])).toEqual([
        ['Gross margin', 820, 0, 820],
        ['Bad debt', -120, 820, 700],
        ['Support call', -60, 700, 640],
        ['Dispute', -50, 640, 590],
        ['Field visit', -40, 590, 550],
        ['Net profit', 550, 0, 550],
      ]);
      expect(r.charts[0]!.x!.domain).toEqual(w.map((b) => b.label));
    });

    it('cost categories that make loss-makers, top loss-makers, tiers and an attribute', async () => {
      const r = await engine.runAnalysis('profit-diagnostics', { ...period, group_by: 'region', tiers: 5, top_n: 2 });
      const d = Object.fromEntries(toRows(r.tables.cost_drivers!).map((x) => [x.category, x]));
      // Loss-makers (c3, c4, c6) carry 210 of cost: bad debt 120, dispute 50, field visit 40; everyone 270.
      expect(d.bad_debt!.share_loss_makers).toBeCloseTo(120 / 210, 12);
      expect(d.bad_debt!.share_all).toBeCloseTo(120 / 270, 12);
      expect(d.support_call!.cost_loss_makers).toBe(0);
      expect(d.bad_debt!.lift).toBeCloseTo(120 / 3 / (120 / 5), 12);
      expect(toRows(r.tables.top_loss_makers!).map((x) => [x.customer_id, x.profit])).toEqual([
        ['c3', -70],
        ['c6', -40],
      ]);
      expect(toRows(r.tables.by_tier!).map((x) => [x.tier, x.customers, x.profit])).toEqual([
        [1, 1, 600],
        [2, 1, 90],
        [3, 1, -70],
        [4, 1, -30],
        [5, 1, -40],
      ]);
      const byRegion = toRows(r.tables.by_attribute!).map((x: Row) => [x.group, x.customers, x.profit]);
      expect(byRegion).toEqual([
        ['North', 1, 600],
        ['(none)', 3, 20],
        ['South', 1, -70],
      ]);
      expect(r.findings.find((f) => f.id === 'cost_driver')!.text).toMatch(/mostly bad debt/);
    });

    it('per customer: every component and one column per cost category, adding up to cost to serve and profit', async () => {
      const r = await engine.runAnalysis('profit-diagnostics', { ...period, per_customer: true });
      const t = r.tables.customer_profit!;
      expect(t.columns.map((c) => c.name)).toEqual([
        'customer_id',
        'name',
        'revenue',
        'cogs',
        'gross_margin',
        'cost_to_serve',
        'acquisition_amortised',
        'profit',
        'cost_bad_debt',
        'cost_dispute',
        'cost_field_visit',
        'cost_support_call',
      ]);
      expect(
        toRows(t).map((x) => [
          x.customer_id,
          x.gross_margin,
          x.cost_to_serve,
          x.profit,
          x.cost_bad_debt,
          x.cost_dispute,
          x.cost_field_visit,
          x.cost_support_call,
        ]),
      ).toEqual([
        ['c1', 600, 0, 600, 0, 0, 0, 0],
        ['c2', 150, 60, 90, 0, 0, 0, 60],
        ['c4', 20, 50, -30, 0, 50, 0, 0],
        ['c6', 0, 40, -40, 0, 0, 40, 0],
        ['c3', 50, 120, -70, 120, 0, 0, 0],
      ]);
      for (const x of toRows(t)) {
        expect(
          Number(x.cost_bad_debt) + Number(x.cost_dispute) + Number(x.cost_field_visit) + Number(x.cost_support_call),
        ).toBe(x.cost_to_serve);
        expect(Number(x.gross_margin) - Number(x.cost_to_serve) - Number(x.acquisition_amortised)).toBe(x.profit);
      }
      // Off by default: one row per customer is large on a big base.
      expect((await engine.runAnalysis('profit-diagnostics', period)).tables.customer_profit).toBeUndefined();
    });

    it('leaves out a breakdown by a column the customers table lacks, and says which columns it has', async () => {
      const r = await engine.runAnalysis('profit-diagnostics', { group_by: 'nope' });
      expect(r.tables.by_attribute).toBeUndefined();
      expect(r.notes.join(' ')).toMatch(
        /The customers table has no column "nope" \(it has customer_id, .*\), so profit is not broken down by it/,
      );
      expect(r.findings.length).toBeGreaterThan(0);
    });
  });
});

/** Small seeded PRNG (Tommy Ettinger's mulberry32) so the generated bases are reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
