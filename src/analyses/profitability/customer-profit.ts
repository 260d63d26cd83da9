/**
 * Profit per customer: the one formula every profitability view (and the segmentation,
 * satisfaction and retention helpers) builds on.
 *
 *   profit = gross margin − cost to serve − amortised acquisition cost
 *   gross margin = revenue − cost of goods (COGS)
 *   cost to serve = Σ over categories (recorded `service_costs` and/or allocation rules)
 *
 * After Kaplan & Cooper (1998), "Cost & Effect", ch. 10 (customer profitability and the whale
 * curve), and Peppers & Rogers' "below-zero customers": value is profit after the cost to serve,
 * not revenue. See docs/analyses/profitability.md.
 *
 * Cost to serve is kept in LONG form (customer_id, category, amount) by `buildCostLinesQuery`,
 * because categories are data (whatever the `service_costs.category` column holds) and SQL cannot
 * name columns after data without a first pass. The per-customer query carries the total
 * `cost_to_serve`; join the long form for a per-category view.
 */
import { hasColumn, hasTable, type DatasetProfile } from '../../model/profile.ts';
import { DEFAULT_MARGIN_PCT } from '../option-groups.ts';
import { sqlDate, sqlLabel, sqlNumber } from '../../sql/literals.ts';
import { roundMoneySql } from '../../sql/money.ts';

/**
 * A cost-to-serve allocation rule: charges `rate` per unit of `basis` to every customer, under
 * the cost category `category`.
 */
export interface AllocationRule {
  /** Cost category the charge is booked under (e.g. `order_handling`, `support_call`). */
  category: string;
  /**
   * What the rate applies to:
   * - `order`: per order with positive revenue (distinct `order_id`; distinct purchase dates when there is no order
   * id);
   * - `return`: per transaction line with negative revenue (a return or credit);
   * - `event`: per recorded `service_costs` row whose category equals `category`; REPLACES the recorded
   *   amounts of that category (a what-if on, say, the cost of a support call);
   * - `revenue`: a fraction of positive revenue (payment fees, a bad-debt provision): `rate` 0.02 = 2%.
   */
  basis: 'order' | 'return' | 'event' | 'revenue';
  /** Money per unit of basis (or a fraction of revenue for `revenue`). Must be finite. */
  rate: number;
}

/** Options of `buildCustomerProfitQuery`. */
export interface CustomerProfitOptions {
  /** First day of the analysis period, inclusive (`YYYY-MM-DD`). Default: first transaction date. */
  from?: string;
  /** Last day of the analysis period, inclusive (`YYYY-MM-DD`). Default: last transaction date. */
  to?: string;
  /**
   * Where gross margin comes from. `cost`: revenue − `transactions.cost` (lines without a cost fall
   * back to the assumed margin); `assumed`: revenue × `marginPct`; `auto` (default): `cost` when the
   * profile shows a populated cost column, else `assumed`.
   */
  marginSource?: 'auto' | 'cost' | 'assumed';
  /** Assumed gross margin as a fraction of revenue (0.35 = 35%), used when there is no cost. Default 0.35. */
  marginPct?: number;
  /** Cost-to-serve allocation rules, applied on top of (or, for `event`, instead of) recorded service costs. */
  allocation?: readonly AllocationRule[];
  /** Amortise `customers.acquisition_cost` straight-line over this many years (from `signup_date`). Omit or 0: none. */
  acquisitionYears?: number;
  /** What data exists; decides which tables are read. */
  profile: DatasetProfile;
  /**
   * Read the customer-base summary (`summary.customers`, `summary.service_costs`; docs/summary.md)
   * instead of the raw tables. Only valid for the summary's own period: leave `from`/`to` unset
   * or equal to it (see `summaryCovers`). Same numbers, one pass less over the transactions.
   */
  fromSummary?: boolean;
}

/** Whether a period (unset ends = the data's own) is exactly the summary's period. */
export function summaryCovers(
  options: Pick<CustomerProfitOptions, 'from' | 'to'>,
  summary: { dateFrom: string | null; dateTo: string | null } | null | undefined,
): boolean {
  if (!summary) return false;
  return (
    (options.from === undefined || options.from === summary.dateFrom) &&
    (options.to === undefined || options.to === summary.dateTo)
  );
}

/** Default assumed gross margin when no cost data exists (declared with the shared `margin_pct` option). */
export { DEFAULT_MARGIN_PCT };

/** Which margin source `options` resolve to for this profile. */
export function resolveMarginSource(
  options: Pick<CustomerProfitOptions, 'marginSource' | 'profile'>,
): 'cost' | 'assumed' {
  const source = options.marginSource ?? 'auto';
  if (source !== 'auto') return source;
  return hasColumn(options.profile, 'transactions', 'cost') ? 'cost' : 'assumed';
}

/** True when the options read recorded cost-to-serve rows. */
export function usesServiceCosts(profile: DatasetProfile): boolean {
  return hasTable(profile, 'service_costs');
}

/** True when acquisition cost is amortised (years set and the data has acquisition costs). */
export function usesAcquisition(options: Pick<CustomerProfitOptions, 'acquisitionYears' | 'profile'>): boolean {
  return (options.acquisitionYears ?? 0) > 0 && hasColumn(options.profile, 'customers', 'acquisition_cost');
}

/**
 * The common CTEs: period, in-period transactions, per-customer sales, cost lines (long form),
 * cost to serve and acquisition. Shared by both public builders so they always agree.
 */
function profitCtes(options: CustomerProfitOptions): string[] {
  const { profile } = options;
  const margin = sqlNumber(options.marginPct ?? DEFAULT_MARGIN_PCT, 'marginPct');
  const from = options.from ? sqlDate(options.from, 'from') : 'NULL::DATE';
  const to = options.to ? sqlDate(options.to, 'to') : 'NULL::DATE';
  const cogs =
    resolveMarginSource(options) === 'cost' ? `coalesce(cost, revenue * (1 - ${margin}))` : `revenue * (1 - ${margin})`;
  const orderKey = hasColumn(profile, 'transactions', 'order_id') ? 'order_id' : 'CAST(date AS VARCHAR)';
  const rules = options.allocation ?? [];
  const replaced = rules.filter((r) => r.basis === 'event').map((r) => sqlLabel(r.category, 'allocation category'));

  const ctes = options.fromSummary
    ? summarySalesCtes(options, margin)
    : [
        `period AS (SELECT coalesce(${from}, min(date)) AS date_from, coalesce(${to}, max(date)) AS date_to FROM transactions)`,
        `tx AS (SELECT t.customer_id, t.revenue, t.cost, t.date, ${orderKey} AS order_key FROM transactions t, period p
      WHERE t.customer_id IS NOT NULL AND t.revenue IS NOT NULL AND t.date BETWEEN p.date_from AND p.date_to)`,
        `sales AS (SELECT customer_id, sum(revenue) AS revenue, sum(${cogs}) AS cogs,
      count(DISTINCT order_key) FILTER (WHERE revenue > 0) AS orders,
      count(*) FILTER (WHERE revenue < 0) AS returns,
      coalesce(sum(revenue) FILTER (WHERE revenue > 0), 0) AS gross_sales
      FROM tx GROUP BY customer_id)`,
      ];
  const lines: string[] = [];
  if (usesServiceCosts(profile) && options.fromSummary) {
    // Already summed per (customer, category) over the period, with the same filters as below.
    ctes.push(`svc AS (SELECT customer_id, category, amount, events FROM summary.service_costs)`);
    const keep = replaced.length ? `WHERE category NOT IN (${replaced.join(', ')})` : '';
    lines.push(`SELECT customer_id, category, amount FROM svc ${keep}`);
  } else if (usesServiceCosts(profile)) {
    // Undated cost rows are kept (a cost with no date is still a cost); dated ones must fall in the period.
    ctes.push(`svc AS (SELECT s.customer_id, coalesce(nullif(trim(s.category), ''), 'other') AS category, s.amount
      FROM service_costs s, period p
      WHERE s.customer_id IS NOT NULL AND s.amount IS NOT NULL AND (s.date IS NULL OR s.date BETWEEN p.date_from AND p.date_to))`);
    const keep = replaced.length ? `WHERE category NOT IN (${replaced.join(', ')})` : '';
    lines.push(`SELECT customer_id, category, sum(amount) AS amount FROM svc ${keep} GROUP BY customer_id, category`);
  }
  for (const rule of rules) {
    const label = sqlLabel(rule.category, 'allocation category');
    const rate = sqlNumber(rule.rate, `allocation rate for ${rule.category}`);
    switch (rule.basis) {
      case 'order':
        lines.push(`SELECT customer_id, ${label} AS category, orders * ${rate} AS amount FROM sales`);
        break;
      case 'return':
        lines.push(`SELECT customer_id, ${label} AS category, returns * ${rate} AS amount FROM sales`);
        break;
      case 'revenue':
        lines.push(`SELECT customer_id, ${label} AS category, gross_sales * ${rate} AS amount FROM sales`);
        break;
      case 'event':
        if (usesServiceCosts(profile)) {
          const events = options.fromSummary ? 'sum(events)' : 'count(*)';
          lines.push(
            `SELECT customer_id, ${label} AS category, ${events} * ${rate} AS amount FROM svc WHERE category = ${label} GROUP BY customer_id`,
          );
        }
        break;
      default:
        throw new Error(`invalid allocation basis: ${JSON.stringify(rule.basis)}`);
    }
  }
  const empty = `SELECT CAST(NULL AS VARCHAR) AS customer_id, CAST(NULL AS VARCHAR) AS category, CAST(NULL AS DOUBLE) AS amount WHERE false`;
  ctes.push(`cost_lines AS (SELECT customer_id, category, CAST(sum(amount) AS DOUBLE) AS amount FROM (${[empty, ...lines].join('\n      UNION ALL ')})
      GROUP BY customer_id, category)`);
  ctes.push(`cts AS (SELECT customer_id, sum(amount) AS cost_to_serve FROM cost_lines GROUP BY customer_id)`);

  if (usesAcquisition(options)) {
    const days = sqlNumber((options.acquisitionYears ?? 0) * 365.25, 'acquisitionYears');
    // Straight-line amortisation: the period's share of the acquisition cost is the overlap (in days) of the
    // period with [start, start + N years), over N years. A missing signup date starts the clock at the period start.
    ctes.push(`acq AS (SELECT customer_id, sum(acquisition_cost * greatest(0, date_diff('day',
        greatest(p.date_from, coalesce(c.signup_date, p.date_from)),
        least(p.date_to + 1, coalesce(c.signup_date, p.date_from) + CAST(round(${days}) AS INTEGER)))) / ${days}) AS acquisition_amortised
      FROM customers c, period p WHERE c.customer_id IS NOT NULL AND c.acquisition_cost IS NOT NULL GROUP BY customer_id)`);
  } else {
    ctes.push(
      `acq AS (SELECT CAST(NULL AS VARCHAR) AS customer_id, CAST(0 AS DOUBLE) AS acquisition_amortised WHERE false)`,
    );
  }
  // The customer universe is everyone active in the period: a customer with service costs but no
  // purchases is exactly the kind of loss-maker the whale curve is about.
  ctes.push(`ids AS (SELECT customer_id FROM sales UNION SELECT customer_id FROM cts)`);
  return ctes;
}

/**
 * The period and per-customer sales CTEs read from the summary: `period` is the summary's own,
 * and cost of goods is the recorded cost plus the assumed margin's cost on revenue without one
 * (the same sum as the raw path's `coalesce(cost, revenue × (1 − margin))`, regrouped).
 */
function summarySalesCtes(options: CustomerProfitOptions, margin: string): string[] {
  const cogs =
    resolveMarginSource(options) === 'cost'
      ? `recorded_cost + revenue_without_cost * (1 - ${margin})`
      : `revenue * (1 - ${margin})`;
  return [
    `period AS (SELECT date_from, date_to FROM summary.info)`,
    `sales AS (SELECT customer_id, revenue, ${cogs} AS cogs, orders, returns, gross_sales, lines, lines_without_cost FROM summary.customers WHERE lines > 0)`,
  ];
}

/**
 * SQL returning one row per customer active in the period (bought something or caused a cost):
 *
 * | column | meaning |
 * |---|---|
 * | customer_id | VARCHAR |
 * | revenue | net revenue (returns subtracted) |
 * | cogs | cost of goods sold (recorded, or revenue × (1 − marginPct)) |
 * | gross_margin | revenue − cogs |
 * | orders, returns | counts used by the allocation rules |
 * | cost_to_serve | sum of the customer's cost lines (see `buildCostLinesQuery`) |
 * | acquisition_amortised | the period's share of acquisition cost (0 when not amortised) |
 * | profit | gross_margin − cost_to_serve − acquisition_amortised |
 *
 * Ordered by customer_id. Pure: reads only `transactions`, and `service_costs` / `customers` when
 * the profile says they hold data. All DOUBLE columns except the counts (BIGINT).
 */
export function buildCustomerProfitQuery(options: CustomerProfitOptions): string {
  return `WITH ${profitCtes(options).join(',\n')}
SELECT ids.customer_id,
  coalesce(s.revenue, 0) AS revenue,
  coalesce(s.cogs, 0) AS cogs,
  coalesce(s.revenue, 0) - coalesce(s.cogs, 0) AS gross_margin,
  coalesce(s.orders, 0) AS orders,
  coalesce(s.returns, 0) AS returns,
  coalesce(c.cost_to_serve, 0) AS cost_to_serve,
  coalesce(a.acquisition_amortised, 0) AS acquisition_amortised,
  ${roundMoneySql('coalesce(s.revenue, 0) - coalesce(s.cogs, 0) - coalesce(c.cost_to_serve, 0) - coalesce(a.acquisition_amortised, 0)')} AS profit
FROM ids
LEFT JOIN sales s USING (customer_id)
LEFT JOIN cts c USING (customer_id)
LEFT JOIN acq a USING (customer_id)
ORDER BY ids.customer_id`;
}

/**
 * SQL returning the cost to serve in long form: one row per (customer_id, category) with its
 * `amount` for the period, recorded and allocated alike. Sums per customer to `cost_to_serve`
 * of `buildCustomerProfitQuery` with the same options.
 */
export function buildCostLinesQuery(options: CustomerProfitOptions): string {
  return `WITH ${profitCtes(options).join(',\n')}
SELECT customer_id, category, amount FROM cost_lines ORDER BY customer_id, category`;
}

/**
 * SQL returning one row: `lines` (in-period transaction lines of known customers) and
 * `lines_without_cost` (those with no recorded cost, which fall back to the assumed margin when
 * margin comes from the cost column). Lets the notes say how much of the margin is assumed.
 */
export function buildMarginCoverageQuery(options: CustomerProfitOptions): string {
  if (options.fromSummary) {
    return `SELECT coalesce(sum(lines), 0) AS lines, coalesce(sum(lines_without_cost), 0) AS lines_without_cost FROM summary.customers`;
  }
  return `WITH ${profitCtes(options).join(',\n')}
SELECT count(*) AS lines, count(*) FILTER (WHERE cost IS NULL) AS lines_without_cost FROM tx`;
}
