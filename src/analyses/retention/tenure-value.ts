/**
 * Old-customer value: revenue and profit per customer by tenure year, and the share of revenue
 * that comes from repeat purchases. Reichheld (1996, *The Loyalty Effect*) and Reichheld & Sasser
 * (1990) report that customers spend more the longer they stay (loyal customers 2–4× new ones)
 * and that repeat buyers carry most sales (65% of a top salesman's sales).
 */
import type { Row } from '../../sql/table.ts';
import type { DatasetProfile } from '../../model/profile.ts';
import { hasColumn, hasTable } from '../../model/profile.ts';
import { marginExpression } from './sql.ts';

/**
 * SQL: one row per tenure year (1 = the first 365.25 days from a customer's first purchase) with
 * `eligible` (customers whose whole tenure year k lies inside the data, so a partial year never
 * looks like lower spend), `active` (eligible customers who bought in it), `revenue`, `profit`
 * (margin minus dated cost to serve). `$1` = assumed margin fraction.
 */
export function buildTenureValueQuery(profile: DatasetProfile): string {
  const withCosts = hasTable(profile, 'service_costs') && hasColumn(profile, 'service_costs', 'date');
  const svc = withCosts
    ? `UNION ALL SELECT customer_id, date, 0, 0, amount, false FROM service_costs WHERE customer_id IS NOT NULL AND date IS NOT NULL AND amount IS NOT NULL`
    : '';
  return `WITH tx AS (
  SELECT customer_id, date, revenue, ${marginExpression(profile, '$1')} AS margin
  FROM transactions WHERE customer_id IS NOT NULL AND date IS NOT NULL AND revenue IS NOT NULL
),
first AS (SELECT customer_id, min(date) AS first_date FROM tx GROUP BY customer_id),
cust AS (
  SELECT customer_id, first_date, CAST(floor(date_diff('day', first_date, (SELECT max(date) FROM tx) + 1) / 365.25) AS INTEGER) AS full_years
  FROM first
),
lines AS (
  SELECT customer_id, date, revenue, margin, 0 AS cost_to_serve, true AS purchase FROM tx
  ${svc}
),
yr AS (
  SELECT l.customer_id, CAST(floor(date_diff('day', c.first_date, l.date) / 365.25) AS INTEGER) + 1 AS tenure_year,
    sum(l.revenue) AS revenue, sum(l.margin) - sum(l.cost_to_serve) AS profit, bool_or(l.purchase) AS bought
  FROM lines l JOIN cust c USING (customer_id)
  WHERE l.date >= c.first_date
  GROUP BY ALL
)
SELECT y.tenure_year,
  (SELECT count(*) FROM cust WHERE full_years >= y.tenure_year) AS eligible,
  count(*) FILTER (WHERE y.bought) AS active,
  sum(y.revenue) AS revenue, sum(y.profit) AS profit
FROM yr y JOIN cust c USING (customer_id)
WHERE c.full_years >= y.tenure_year
GROUP BY y.tenure_year ORDER BY y.tenure_year`;
}

/** One tenure year. */
export interface TenureYear {
  tenure_year: number;
  eligible: number;
  active: number;
  /** active / eligible: still buying in year k, of those observed for k whole years. */
  active_share: number;
  revenue_per_active: number;
  profit_per_active: number;
  /** revenue / eligible: what an acquired customer brings in year k, churn included. */
  revenue_per_customer: number;
}

/** Tenure table plus the loyal-vs-new spend ratio. Pure. */
export function tenureValue(
  rows: readonly Row[],
  loyalYears: number,
): { years: TenureYear[]; loyalSpendRatio: number | null; loyalProfitRatio: number | null } {
  const years: TenureYear[] = rows.map((r) => {
    const eligible = Number(r.eligible);
    const active = Number(r.active);
    const revenue = Number(r.revenue ?? 0);
    const profit = Number(r.profit ?? 0);
    return {
      tenure_year: Number(r.tenure_year),
      eligible,
      active,
      active_share: eligible > 0 ? active / eligible : 0,
      revenue_per_active: active > 0 ? revenue / active : 0,
      profit_per_active: active > 0 ? profit / active : 0,
      revenue_per_customer: eligible > 0 ? revenue / eligible : 0,
    };
  });
  const first = years.find((y) => y.tenure_year === 1);
  const loyal = years.filter((y) => y.tenure_year >= loyalYears);
  const pooled = (f: (y: TenureYear) => number) => {
    const active = loyal.reduce((s, y) => s + y.active, 0);
    return active > 0 ? loyal.reduce((s, y) => s + f(y) * y.active, 0) / active : null;
  };
  const loyalRevenue = pooled((y) => y.revenue_per_active);
  const loyalProfit = pooled((y) => y.profit_per_active);
  return {
    years,
    loyalSpendRatio:
      first && first.revenue_per_active > 0 && loyalRevenue !== null ? loyalRevenue / first.revenue_per_active : null,
    loyalProfitRatio:
      first && first.profit_per_active > 0 && loyalProfit !== null ? loyalProfit / first.profit_per_active : null,
  };
}

/**
 * SQL: revenue per calendar year split into `new_revenue` (a customer's first purchase day) and
 * `repeat_revenue` (every later purchase). No parameters.
 */
export function buildRepeatRevenueQuery(): string {
  return `WITH tx AS (
  SELECT customer_id, date, revenue FROM transactions WHERE customer_id IS NOT NULL AND date IS NOT NULL AND revenue IS NOT NULL
),
first AS (SELECT customer_id, min(date) AS first_date FROM tx GROUP BY customer_id)
SELECT year(t.date) AS year,
  coalesce(sum(t.revenue) FILTER (WHERE t.date = f.first_date), 0) AS new_revenue,
  coalesce(sum(t.revenue) FILTER (WHERE t.date > f.first_date), 0) AS repeat_revenue
FROM tx t JOIN first f USING (customer_id)
GROUP BY ALL ORDER BY year`;
}

/** One year of new vs repeat revenue. */
export interface RepeatYear {
  year: string;
  new_revenue: number;
  repeat_revenue: number;
  repeat_share: number;
}

/**
 * Repeat share by year, and overall excluding the first year of data: there every customer looks
 * new because the data holds no earlier purchases (left censoring). Pure.
 */
export function repeatRevenue(rows: readonly Row[]): { years: RepeatYear[]; repeatShare: number | null } {
  const years = rows.map((r) => {
    const n = Number(r.new_revenue);
    const rep = Number(r.repeat_revenue);
    return {
      year: String(r.year),
      new_revenue: n,
      repeat_revenue: rep,
      repeat_share: n + rep > 0 ? rep / (n + rep) : 0,
    };
  });
  const later = years.length > 1 ? years.slice(1) : years;
  const total = later.reduce((s, y) => s + y.new_revenue + y.repeat_revenue, 0);
  return { years, repeatShare: total > 0 ? later.reduce((s, y) => s + y.repeat_revenue, 0) / total : null };
}
