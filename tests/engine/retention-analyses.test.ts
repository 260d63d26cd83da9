import { beforeAll, describe, expect, it } from 'vitest';
import type { DataFile } from '../../src/engine/api.ts';
import { createNodeEngine, type NodeEngine } from '../../src/engine/node.ts';
import { toRows, type ColumnarTable } from '../../src/engine/types.ts';

const enc = new TextEncoder();
const file = (table: DataFile['table'], text: string): DataFile => ({
  table,
  fileName: `${table}.csv`,
  bytes: enc.encode(text.trim() + '\n'),
});
const rows = (t: ColumnarTable | undefined) => toRows(t!);

let engine: NodeEngine;
/** Replaces the whole dataset (drops tables a previous fixture loaded). */
async function load(files: DataFile[]) {
  const db = await engine.database();
  for (const t of ['transactions', 'customers', 'service_costs', 'surveys']) db.exec(`DROP TABLE IF EXISTS ${t}`);
  await engine.loadCanonicalCsv('fixture', files);
}

beforeAll(() => {
  engine = createNodeEngine();
});

describe('cohorts: monthly cohort table (hand-computed)', () => {
  // Jan cohort {a, b}: Feb a, Mar a+b. Feb cohort {c, d}: Mar c. April (e) is partial: data ends 2024-04-10.
  beforeAll(() =>
    load([
      file(
        'transactions',
        `customer_id,date,revenue,cost
a,2024-01-05,100,60
a,2024-02-10,50,30
a,2024-03-01,40,20
b,2024-01-20,200,100
b,2024-03-15,100,50
c,2024-02-03,80,40
c,2024-03-20,20,10
d,2024-02-25,60,30
e,2024-04-10,10,5`,
      ),
    ]),
  );

  it('fills the cohort grid up to the last complete month', async () => {
    const r = await engine.runAnalysis('cohorts', { period: 'month' });
    expect(
      rows(r.tables.retention).map((x) => [x.cohort, x.cohort_size, x.period_index, x.active, x.retention]),
    ).toEqual([
      ['2024-01', 2, 0, 2, 1],
      ['2024-01', 2, 1, 1, 0.5],
      ['2024-01', 2, 2, 2, 1],
      ['2024-02', 2, 0, 2, 1],
      ['2024-02', 2, 1, 1, 0.5],
    ]);
    expect(rows(r.tables.curve).map((x) => [x.period_index, x.cohort_customers, x.retention])).toEqual([
      [0, 4, 1],
      [1, 4, 0.5],
      [2, 2, 1],
    ]);
    expect(r.scalars.retention_p1).toBe(0.5);
    expect(r.charts.map((c) => c.id)).toEqual(['cohort-heatmap', 'cohort-curves', 'tenure-spend', 'repeat-revenue']);
  });

  it('keeps the partial last month when asked, counting missing activity as 0%', async () => {
    const r = await engine.runAnalysis('cohorts', { period: 'month', complete_periods_only: false });
    const cells = rows(r.tables.retention);
    expect(cells.filter((x) => x.cohort === '2024-01').map((x) => x.active)).toEqual([2, 1, 2, 0]);
    expect(cells.filter((x) => x.cohort === '2024-04').map((x) => x.retention)).toEqual([1]);
  });

  it('groups by quarter with explicit labels', async () => {
    const r = await engine.runAnalysis('cohorts', { period: 'quarter', complete_periods_only: false });
    expect(rows(r.tables.retention).map((x) => [x.cohort, x.cohort_size, x.period_index, x.active])).toEqual([
      ['2024-Q1', 4, 0, 4],
      ['2024-Q1', 4, 1, 0],
      ['2024-Q2', 1, 0, 1],
    ]);
  });
});

describe('old-customer value, customer equity, what-if and leaky bucket (hand-computed, yearly)', () => {
  // 2023: a 100, b 200, c 50, d 40, g 100. 2024: a 300, c 60, e 100 (new), g 300. 2025 (partial): f 10.
  beforeAll(() =>
    load([
      file(
        'transactions',
        `customer_id,date,revenue,cost
a,2023-03-01,100,50
b,2023-05-01,200,100
c,2023-06-01,50,25
d,2023-07-01,40,20
g,2023-01-10,100,50
a,2024-02-01,300,100
c,2024-04-01,60,30
e,2024-05-01,100,40
g,2024-03-01,300,150
f,2025-01-15,10,5`,
      ),
      // Cost to serve: a's falls in 2024, e's is undated (counted, as in the profitability rule), c's is after 2024.
      file(
        'service_costs',
        `customer_id,amount,date,category
a,20,2024-06-01,support
e,4,,support
c,5,2025-01-01,support`,
      ),
      file(
        'customers',
        `customer_id,segment
a,A
b,A
g,A
c,B
d,B
e,B
f,B`,
      ),
    ]),
  );

  it('spend per customer by tenure year counts only whole observed years', async () => {
    const r = await engine.runAnalysis('cohorts', { period: 'quarter', loyal_years: 2 });
    // year 1: a,b,c,d,g observed for a whole year; revenue 400+200+110+40+100 = 850, margin 250+100+55+20+50 = 475
    // year 2: only g (first bought 2023-01-10); 2024-03-01 is day 416 → revenue 300, margin 150
    expect(
      rows(r.tables.tenure).map((x) => [
        x.tenure_year,
        x.eligible,
        x.active,
        x.revenue_per_active,
        x.profit_per_active,
      ]),
    ).toEqual([
      [1, 5, 5, 170, 95],
      [2, 1, 1, 300, 150],
    ]);
    expect(r.scalars.loyal_spend_ratio).toBeCloseTo(300 / 170, 10);
    // repeat share excludes the first year of data: 2024 repeat 660, new 100; 2025 new 10
    expect(r.scalars.repeat_share).toBeCloseTo(660 / 770, 10);
    expect(rows(r.tables.repeat).map((x) => [x.year, x.new_revenue, x.repeat_revenue])).toEqual([
      ['2023', 490, 0],
      ['2024', 100, 660],
      ['2025', 10, 0],
    ]);
    // The user's own figures beside the seeds.
    expect(rows(r.tables.benchmarks)).toEqual([
      { measure: 'Spend of loyal (year 2+) vs new customers', seed: '2–4×', yours: '1.8×' },
      { measure: 'Share of sales from repeat buyers', seed: '65% (a top salesman)', yours: '86%' },
    ]);
    expect(r.findings.find((f) => f.id === 'loyal_spend_ratio')?.text).toBe(
      'Customers in tenure year 2+ spend 1.8× what they spent in their first year (the seed figure: loyal customers spend 2–4× new ones; yours is below that range).',
    );
    // The period is explicit on every cohort axis.
    const heatmap = r.charts.find((c) => c.id === 'cohort-heatmap')!;
    expect([heatmap.title, heatmap.x?.label]).toEqual([
      'Retention by quarterly acquisition cohort',
      'Quarters since acquisition →',
    ]);
    expect(r.charts.find((c) => c.id === 'cohort-curves')!.x?.label).toBe('Quarters since acquisition →');
  });

  it('customer equity by a customers column: r from 2023→2024, margin after cost to serve from 2024', async () => {
    const r = await engine.runAnalysis('customer-equity', { segment_by: 'segment', discount_rate: 0.1 });
    const seg = rows(r.tables.segments);
    const pick = (s: string) => seg.find((x) => x.segment === s)!;
    // A: 2023 {a,b,g}, kept {a,g} → r = 2/3; 2024 margin a 200 − 20 served + g 150 over 2 customers = 165
    expect([pick('A').base_prev, pick('A').retained, pick('A').customers, pick('A').margin_per_customer]).toEqual([
      3, 2, 2, 165,
    ]);
    expect(pick('A').clv).toBeCloseTo((165 * (2 / 3)) / (1.1 - 2 / 3), 8);
    // B: 2023 {c,d}, kept {c} → 0.5; 2024 c 30 + e 60 − 4 (undated) over 2 = 43; e is new; c's 2025 cost is outside
    expect([pick('B').retention, pick('B').customers, pick('B').new_customers, pick('B').margin_per_customer]).toEqual([
      0.5, 2, 1, 43,
    ]);
    expect(pick('B').equity).toBeCloseTo(2 * 43 * (0.5 / 0.6), 8);
    expect(r.scalars.equity).toBeCloseTo(2 * 165 * (2 / 3 / (1.1 - 2 / 3)) + 2 * 43 * (0.5 / 0.6), 8);
    expect([r.scalars.period_from, r.scalars.period_to]).toEqual(['2023', '2024']);
  });

  it('spend tiers follow customers by their tier in the earlier year', async () => {
    const r = await engine.runAnalysis('customer-equity', { segment_by: 'spend_tier' });
    const seg = Object.fromEntries(
      rows(r.tables.segments).map((x) => [x.segment, [x.base_prev, x.retained, x.customers, x.retention]]),
    );
    // 2023 cume_dist: d .2, c .4, a .8, g .8, b 1 → top {b}, middle {a,g}, bottom {c,d}; 2024: top {a,g}, bottom {c,e}
    expect(seg['Top 20%']).toEqual([1, 0, 2, 0]);
    expect(seg['Middle 30%']).toEqual([2, 2, 0, 0.99]);
    expect(seg['Bottom 50%']).toEqual([2, 1, 2, 0.5]);
    expect(r.notes.join(' ')).toMatch(/capped at 99%/);
  });

  it('what-if on the observed base (N = 4 in 2024, margin 440 − 24 served = 416, r = 3/5 kept from 2023)', async () => {
    const r = await engine.runAnalysis('retention-what-if', {
      uplift: 0.1,
      programme_cost: 10,
      discount_rate: 0,
      horizon: 2,
    });
    // before 416·(0.6 + 0.36) = 399.36; after 416·(0.7 + 0.49) = 495.04; cost 4·10·(1 + 0.7) = 68
    expect(r.scalars.equity_before).toBeCloseTo(399.36, 8);
    expect(r.scalars.equity_change).toBeCloseTo(495.04 - 399.36 - 68, 8);
    expect(r.scalars.acquisition_cost).toBe(50); // default 5× the retention cost
    expect(r.scalars.claim_profit_change).toBeCloseTo((416 * (0.65 + 0.65 ** 2) - 399.36) / 399.36, 8);
    expect(r.notes.join(' ')).toMatch(
      /assumed 5× the retention cost per customer\. Studies put acquiring a customer at 5–25×/,
    );
    // Segments ranked by margin saved per unit of programme cost (same uplift and cost everywhere).
    const ranked = rows(r.tables.segments);
    expect(ranked.map((x) => x.rank)).toEqual([1, 2, 3]);
    const perCost = ranked.map((x) => x.valuePerCost as number);
    expect([...perCost].sort((a, b) => b - a)).toEqual(perCost);
    expect(r.findings.map((f) => f.id)).toEqual([
      'equity_change',
      'claim',
      'break_even',
      'cost_per_kept',
      'target_first',
    ]);
  });

  it("what-if with the user's own margin, retention and acquisition cost instead of the observed ones", async () => {
    const r = await engine.runAnalysis('retention-what-if', {
      uplift: 0.05,
      programme_cost: 0,
      margin: 100,
      retention: 0.8,
      acquisition_cost: 300,
      discount_rate: 0,
      horizon: 1,
    });
    // N = 4: before 4·100·0.8 = 320, after 4·100·0.85 = 340 at no cost → +20, +6.25%; claim (+5 points) is the same
    // here
    expect([r.scalars.margin, r.scalars.retention, r.scalars.acquisition_cost]).toEqual([100, 0.8, 300]);
    expect(r.scalars.equity_change).toBeCloseTo(20, 8);
    expect(r.scalars.profit_change).toBeCloseTo(0.0625, 10);
    expect(r.scalars.claim_profit_change).toBeCloseTo(0.0625, 10);
    expect(r.scalars.roi).toBeNull();
    expect(r.scalars.break_even_uplift).toBe(0);
    // The margin slider scales the margin: 150 a customer → +30 at no cost, same relative change.
    const richer = await engine.runAnalysis('retention-what-if', {
      uplift: 0.05,
      programme_cost: 0,
      margin: 100,
      margin_change: 0.5,
      retention: 0.8,
      discount_rate: 0,
      horizon: 1,
    });
    expect(richer.scalars.margin).toBe(150);
    expect(richer.scalars.equity_change).toBeCloseTo(30, 8);
    expect(richer.scalars.profit_change).toBeCloseTo(0.0625, 10);
    expect(r.findings.find((f) => f.id === 'claim')?.text).toBe(
      "Reichheld & Sasser: 5 points more retention raise profit 25–95%. On your numbers, +5 points raise the base's lifetime profit by 6% before programme cost.",
    );
  });

  it('leaky bucket from the observed base: 4 customers, 40% churn, 1 new a year', async () => {
    const r = await engine.runAnalysis('leaky-bucket', { periods: 2, acquisition_cost: 100 });
    const customers = rows(r.tables.simulation).map((x) => x.customers as number);
    [4, 3.4, 3.04].forEach((v, k) => expect(customers[k]).toBeCloseTo(v, 10));
    // lose 1.6 a year, win 1: 0.6 more to acquire at 100 (60) or keep at 100/5 (12)
    expect(r.scalars.acquisition_spend).toBeCloseTo(60, 10);
    expect(r.scalars.retention_spend).toBeCloseTo(12, 10);
    expect(r.scalars.spend_ratio).toBeCloseTo(5, 10);
  });

  it('says plainly when there is not enough history', async () => {
    const r = await engine.runAnalysis('customer-equity', { period: 'year', segment_by: 'segment' });
    expect(r.findings.length).toBeGreaterThan(0);
    await load([file('transactions', 'customer_id,date,revenue\na,2024-01-01,1\na,2024-02-01,1')]);
    // Not even two complete months: the analyses do not apply, and say what they need.
    for (const id of ['customer-equity', 'retention-what-if', 'leaky-bucket']) {
      const short = await engine.runAnalysis(id, { period: 'year' });
      expect(short.notApplicable?.reason, id).toContain(
        'two complete years of transactions (or at least two complete months)',
      );
      expect(short.scalars).toEqual({});
    }
  });

  it('compares shorter periods when the data holds fewer than two complete ones of the period asked for, and says so', async () => {
    // 2023-12-01 … 2024-12-09, as UCI Online Retail runs: no complete year after a first one, but
    // complete quarters. Customer a buys every month; b only in Q2 2024; c once at the very end.
    const rows = ['customer_id,date,revenue'];
    for (let m = 0; m < 13; m++) rows.push(`a,${new Date(Date.UTC(2023, 11 + m, 1)).toISOString().slice(0, 10)},10`);
    rows.push('b,2024-05-15,10', 'c,2024-12-09,10');
    await load([file('transactions', rows.join('\n'))]);
    const r = await engine.runAnalysis('customer-equity', { period: 'year' });
    expect(r.notApplicable).toBeUndefined();
    expect(r.notes.join(' ')).toMatch(
      /does not hold two complete years, so retention compares the last two complete quarters \(2024-Q2 and 2024-Q3\)/,
    );
    expect([r.scalars.period_from, r.scalars.period_to]).toEqual(['2024-Q2', '2024-Q3']);
    // Q2 had a and b; a came back in Q3, b did not.
    expect(r.scalars.retention).toBeCloseTo(0.5, 12);
    const w = await engine.runAnalysis('retention-what-if', { period: 'year' });
    expect(w.notApplicable).toBeUndefined();
    expect(w.notes.join(' ')).toMatch(/compares the last two complete quarters.*Present values over 20 quarters/);
  });
});

describe('bundling with churn from churn_date and products from transaction categories (hand-computed)', () => {
  // Categories bought: a 1, b 2, c 3, d 1 (food twice), e 1, f none. Churned (churn_date set): a, d, e.
  beforeAll(() =>
    load([
      file(
        'transactions',
        `customer_id,date,revenue,category
a,2024-01-01,10,food
b,2024-01-01,10,food
b,2024-01-02,10,home
c,2024-01-01,10,food
c,2024-01-02,10,home
c,2024-01-03,10,toys
d,2024-01-01,10,food
d,2024-01-05,10,food
e,2024-01-01,10,home`,
      ),
      file(
        'customers',
        `customer_id,plan,churn_date
a,monthly,2024-03-01
b,monthly,
c,annual,
d,annual,2024-05-01
e,monthly,2024-02-01
f,annual,`,
      ),
    ]),
  );

  it('churn by products held and by contract', async () => {
    const r = await engine.runAnalysis('bundling', {});
    expect(rows(r.tables.by_products).map((x) => [x.group, x.customers, x.churned])).toEqual([
      ['0', 1, 0],
      ['1', 3, 3],
      ['2', 1, 0],
      ['3', 1, 0],
    ]);
    expect(rows(r.tables.by_contract).map((x) => [x.group, x.customers, x.churned])).toEqual([
      ['monthly', 3, 2],
      ['annual', 3, 1],
    ]);
    expect(r.scalars.overall_churn).toBe(0.5);
    expect(r.scalars.churn_monthly).toBeCloseTo(2 / 3, 10);
    expect(r.findings.find((f) => f.id === 'contract_effect')?.text).toBe(
      'Monthly customers churn at 66.7%, annual at 33.3%: 2× the rate.',
    );
    expect(r.notes.join(' ')).toMatch(/distinct product categories/);
  });

  it('says so when there is no churn flag to read', async () => {
    const r = await engine.runAnalysis('bundling', { churn_column: 'plan' });
    // "monthly"/"annual" are not yes-values: nobody reads as churned.
    expect(r.scalars.overall_churn).toBe(0);
    await expect(engine.runAnalysis('bundling', { churn_column: 'left' })).rejects.toThrow(
      /churn_column: the customers table has no column "left"/,
    );
  });
});

describe('churn reasons (hand-computed Pareto)', () => {
  beforeAll(() =>
    load([
      file(
        'transactions',
        `customer_id,date,revenue
a,2023-05-01,1000
a,2024-01-01,100
b,2024-07-01,50
c,2024-05-01,500
d,2024-01-01,999
e,2024-07-01,20`,
      ),
      file(
        'customers',
        `customer_id,churn_date,churn_reason
a,2024-06-30,Price
b,2024-07-31,Price
c,2024-05-31,Service
d,,
e,2024-08-01,`,
      ),
    ]),
  );

  it('ranks reasons by customers and by value lost in the last 12 months', async () => {
    const r = await engine.runAnalysis('churn-reasons', {});
    expect(rows(r.tables.by_customers).map((x) => [x.reason, x.customers, x.cumulative_share])).toEqual([
      ['Price', 2, 0.5],
      ['(not stated)', 1, 0.75],
      ['Service', 1, 1],
    ]);
    // a's 2023-05-01 purchase is more than 365 days before leaving: only 100 counts
    expect(rows(r.tables.by_value).map((x) => [x.reason, x.lost_value])).toEqual([
      ['Service', 500],
      ['Price', 150],
      ['(not stated)', 20],
    ]);
    expect(r.scalars.top_reason).toBe('Price');
  });

  it('notes when there is no reason column', async () => {
    const r = await engine.runAnalysis('churn-reasons', { reason_column: 'complaint' });
    expect(r.charts).toEqual([]);
    expect(r.notes[0]).toMatch(/No churn reasons/);
  });
});
