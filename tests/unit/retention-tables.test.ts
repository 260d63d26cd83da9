import { describe, expect, it } from 'vitest';
import { cohortRetention, periodLabel } from '../../src/analyses/retention/cohort-retention.ts';
import { pareto } from '../../src/analyses/retention/churn-reasons.ts';
import { customerEquity, perPeriodRate } from '../../src/analyses/retention/customer-equity.ts';
import { productsHeldExpression } from '../../src/analyses/retention/churn-flag.ts';
import { customerColumn, periodPart } from '../../src/analyses/retention/sql.ts';
import { repeatRevenue, tenureValue } from '../../src/analyses/retention/tenure-value.ts';
import { bundlingFinding } from '../../src/analyses/retention/bundling-analysis.ts';
import { lineEndLabels } from '../../src/analyses/retention/cohorts-analysis.ts';

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe('cohort table numerics', () => {
  it.each([
    ['2024-03-01', 'month', '2024-03'],
    ['2024-10-01', 'quarter', '2024-Q4'],
    ['2024-01-01', 'year', '2024'],
  ] as const)('labels %s per %s as %s', (date, unit, label) => {
    expect(periodLabel(d(date), unit)).toBe(label);
  });

  it('fills gaps with 0%, stops at the last period and weights the curve by cohort size', () => {
    const rows = [
      { cohort: d('2024-01-01'), cohort_size: 10, period_index: 0, active: 10, last_period: d('2024-07-01') },
      { cohort: d('2024-01-01'), cohort_size: 10, period_index: 2, active: 4, last_period: d('2024-07-01') },
      { cohort: d('2024-04-01'), cohort_size: 30, period_index: 0, active: 30, last_period: d('2024-07-01') },
      { cohort: d('2024-04-01'), cohort_size: 30, period_index: 1, active: 6, last_period: d('2024-07-01') },
    ];
    const { cells, curve } = cohortRetention(rows, { period: 'quarter', maxPeriods: 8, maxCohorts: 10 });
    expect(cells.map((c) => [c.cohort, c.period_index, c.retention])).toEqual([
      ['2024-Q1', 0, 1],
      ['2024-Q1', 1, 0],
      ['2024-Q1', 2, 0.4],
      ['2024-Q2', 0, 1],
      ['2024-Q2', 1, 0.2],
    ]);
    // period 1: (0 + 6) / (10 + 30); period 2: only Q1 observed
    expect(curve.map((p) => [p.period_index, p.retention])).toEqual([
      [0, 1],
      [1, 0.15],
      [2, 0.4],
    ]);
    const kept = cohortRetention(rows, { period: 'quarter', maxPeriods: 1, maxCohorts: 1 });
    expect(kept.cohortsDropped).toBe(1);
    expect(kept.cells.map((c) => c.cohort)).toEqual(['2024-Q2', '2024-Q2']);
  });
});

describe('tenure and repeat numerics', () => {
  it('pools loyal years by active customers and compares with year 1', () => {
    const t = tenureValue(
      [
        { tenure_year: 1, eligible: 10, active: 10, revenue: 1000, profit: 200 },
        { tenure_year: 2, eligible: 8, active: 4, revenue: 800, profit: 200 },
        { tenure_year: 3, eligible: 5, active: 1, revenue: 400, profit: 100 },
      ],
      2,
    );
    // loyal: (800 + 400) / (4 + 1) = 240 vs 100 in year 1
    expect(t.loyalSpendRatio).toBeCloseTo(2.4, 10);
    expect(t.loyalProfitRatio).toBeCloseTo(3, 10);
    expect(t.years[1]).toMatchObject({ active_share: 0.5, revenue_per_customer: 100 });
  });
  it('leaves the first year of data out of the overall repeat share', () => {
    const r = repeatRevenue([
      { year: 2022, new_revenue: 100, repeat_revenue: 0 },
      { year: 2023, new_revenue: 35, repeat_revenue: 65 },
    ]);
    expect(r.repeatShare).toBeCloseTo(0.65, 10);
  });
});

describe('equity numerics', () => {
  it('values each segment with its own retention and margin', () => {
    const { segments, total } = customerEquity(
      [{ segment: 'A', base_prev: 10, retained: 8, customers: 9, new_customers: 1, revenue: 900, margin: 450 }],
      { discountRate: 0.1, horizon: Infinity },
    );
    expect(segments[0]!.clv).toBeCloseTo(50 * 2.6666667, 4);
    expect(segments[0]!.equity).toBeCloseTo(9 * 50 * (0.8 / 0.3), 8);
    expect(total.customers).toBe(9);
  });
  it('converts an annual rate to a quarter', () => {
    expect(perPeriodRate(0.21, 'quarter')).toBeCloseTo(1.21 ** 0.25 - 1, 12);
    expect(perPeriodRate(0.1, 'year')).toBeCloseTo(0.1, 12);
  });
});

describe('churn reasons Pareto', () => {
  it('sorts by the measure, ties by name, with cumulative shares', () => {
    const p = pareto(
      [
        { reason: 'b', customers: 1, lost_value: 9 },
        { reason: 'a', customers: 1, lost_value: 1 },
        { reason: 'c', customers: 2, lost_value: 0 },
      ],
      'customers',
    );
    expect(p.map((x) => [x.reason, x.share, x.cumulative_share])).toEqual([
      ['c', 0.5, 0.5],
      ['a', 0.25, 0.75],
      ['b', 0.25, 1],
    ]);
    expect(
      pareto(
        [
          { reason: 'b', customers: 1, lost_value: 9 },
          { reason: 'a', customers: 1, lost_value: 1 },
        ],
        'lost_value',
      )[0]!.reason,
    ).toBe('b');
  });
});

describe('SQL safety', () => {
  it('accepts only whitelisted period keywords', () => {
    expect(periodPart('month')).toBe("'month'");
    expect(() => periodPart("month'); DROP TABLE customers; --")).toThrow(/invalid period/);
  });
  it('resolves user-named columns against the profile and quotes them', () => {
    const profile = {
      tables: { customers: { rowCount: 1, columns: ['customer_id', 'Churn', 'Odd "name"'], populated: [] } },
    };
    expect(customerColumn(profile, 'churn', 'churn_column')).toBe('Churn');
    expect(() => customerColumn(profile, 'nope', 'churn_column')).toThrow(
      /no column "nope" \(columns: customer_id, Churn/,
    );
    expect(productsHeldExpression(['Odd "name"'])).toContain('c."Odd ""name"""');
  });
});

describe('chart and finding helpers', () => {
  const g = (group: string, churn_rate: number) => ({
    group,
    customers: 100,
    churned: Math.round(churn_rate * 100),
    churn_rate,
  });
  it.each([
    [
      'falls throughout',
      [g('1', 0.4), g('2', 0.2), g('3', 0.1)],
      'Customers holding 1 product churn at 40.0%; those holding 3 products at 10.0%.',
    ],
    [
      'peaks first (Telco)',
      [g('1', 0.1), g('3', 0.45), g('9', 0.05)],
      'Churn peaks among customers holding 3 products (45.0%) and falls to 5.0% for those holding 9 products; customers holding 1 product churn at 10.0%.',
    ],
    [
      'rises throughout',
      [g('1', 0.1), g('2', 0.3)],
      'Customers holding 1 product churn at 10.0%; those holding 2 products at 30.0%.',
    ],
  ])('bundling finding when churn %s', (_name, groups, text) => {
    expect(bundlingFinding(groups)?.text).toBe(text);
  });
  it('no bundling finding from a single group', () => {
    expect(bundlingFinding([g('2', 0.3)])).toBeNull();
  });

  it('labels each cohort line at its end, and cohorts cut at the same period once', () => {
    const cell = (cohort: string, period_index: number, retention: number) => ({
      cohort,
      cohort_start: d('2024-01-01'),
      cohort_size: 10,
      period_index,
      active: 0,
      retention,
    });
    const cells = [
      cell('2024-01', 0, 1),
      cell('2024-01', 1, 0.4),
      cell('2024-02', 0, 1),
      cell('2024-02', 1, 0.2),
      cell('2024-03', 0, 1),
    ];
    expect(lineEndLabels(cells)).toEqual([
      { cohort: '2024-01 – 2024-02', period_index: 1, retention: expect.closeTo(0.3, 10) },
      { cohort: '2024-03', period_index: 0, retention: 1 },
    ]);
  });
});
