/**
 * The per-customer aggregate every segmentation analysis starts from, as SQL common table
 * expressions: one row per customer active in a period, with revenue, profit, orders, active
 * months and tenure. Dates bind as parameters; the CTE names their positions (`$n`) so callers
 * can place it inside larger queries.
 */
import { buildCustomerProfitQuery } from '../profitability/customer-profit.ts';
import { buildMonthsPeriodCtes } from './customer-period-months.ts';
import { DAYS_PER_MONTH, type Period } from './periods.ts';
import type { ValueSource } from './value-source.ts';

/** Inputs of `buildCustomerPeriodCte`. */
export interface CustomerPeriodSql {
  /** Name of the CTE to create, e.g. `cur`. */
  name: string;
  /** Parameter placeholder of the period's first day, e.g. `$1`. */
  start: string;
  /** Parameter placeholder of the period's last day, e.g. `$2`. */
  end: string;
  /**
   * The same period as values: the profit sub-query (profitability's `buildCustomerProfitQuery`)
   * takes its dates as validated literals, the rest of the CTE binds `start`/`end`.
   */
  period: Period;
  source: ValueSource;
  /**
   * Compute profit (default true when the data has costs). Pass false when the caller does not
   * use profit: the profit sub-query is the costliest part of the plan.
   */
  withProfit?: boolean;
  /** Whether `customers.signup_date` is populated (tenure then starts at the earlier of signup and first purchase). */
  signupDates?: boolean;
  /**
   * Read the summary's monthly tables instead of `transactions` (same columns and numbers). Only
   * when `monthsCover` says the period is whole months of the summary; there is no `<name>_tx` then.
   */
  fromSummary?: boolean;
}

/**
 * CTEs `<name>_tx`, `<name>_agg`, `<name>_first`, `<name>_profit` (with cost data) and `<name>`
 * with columns: customer_id, revenue, profit (NULL without cost data), service_cost, orders,
 * active_months, first_date, last_date, tenure_months (from first-ever purchase, or signup, to
 * the period end). Only customers with a transaction in the period appear.
 *
 * Profit per customer comes from the profitability area's `buildCustomerProfitQuery` (gross
 * margin − cost to serve; one formula for the whole workbench). Orders count distinct order_id,
 * or distinct purchase days when order ids are missing.
 */
export function buildCustomerPeriodCte(p: CustomerPeriodSql): string {
  const { name, start, end, source } = p;
  const profit = source.profit && (p.withProfit ?? true);
  const profitCte = profit
    ? `${name}_profit AS (${buildCustomerProfitQuery({ from: p.period.start, to: p.period.end, profile: source.profile })}),\n`
    : '';
  const signup = p.signupDates
    ? `LEFT JOIN (SELECT customer_id, min(signup_date) AS signup FROM customers GROUP BY customer_id) su ON su.customer_id = a.customer_id`
    : '';
  const since = p.signupDates ? 'least(coalesce(su.signup, f.first_ever), f.first_ever)' : 'f.first_ever';
  const head = p.fromSummary
    ? `${buildMonthsPeriodCtes({ name, start, end, source, profit })},\n`
    : `${rawCtes(name, start, end, profitCte)},\n`;
  return `${head}${name} AS (
  SELECT a.customer_id, a.revenue, ${profit ? 'pr.profit' : 'CAST(NULL AS DOUBLE)'} AS profit,
    ${profit ? 'coalesce(pr.cost_to_serve, 0)' : '0.0'} AS service_cost,
    a.orders, a.active_months, a.first_date, a.last_date,
    date_diff('day', ${since}, ${end}::DATE) / ${DAYS_PER_MONTH} AS tenure_months
  FROM ${name}_agg a JOIN ${name}_first f ON f.customer_id = a.customer_id
  ${profit ? `LEFT JOIN ${name}_profit pr ON pr.customer_id = a.customer_id` : ''}
  ${signup}
)`;
}

/** The raw-table CTEs `<name>_tx`, `<name>_profit`, `<name>_agg`, `<name>_first`. */
function rawCtes(name: string, start: string, end: string, profitCte: string): string {
  return `${name}_tx AS (
  SELECT customer_id, date, revenue, coalesce(order_id, CAST(date AS VARCHAR)) AS order_key
  FROM transactions WHERE customer_id IS NOT NULL AND date BETWEEN ${start}::DATE AND ${end}::DATE
),
${profitCte}${name}_agg AS (
  SELECT customer_id, sum(revenue) AS revenue, count(DISTINCT order_key) AS orders,
    count(DISTINCT date_trunc('month', date)) AS active_months, min(date) AS first_date, max(date) AS last_date
  FROM ${name}_tx GROUP BY customer_id
),
${name}_first AS (
  SELECT customer_id, min(date) AS first_ever FROM transactions
  WHERE customer_id IS NOT NULL AND date <= ${end}::DATE GROUP BY customer_id
)`;
}

/** SQL expression of a measure's per-month value on a customer-period CTE row (`months` = a placeholder). */
export function measureExpr(measure: 'spend' | 'profit' | 'orders', months: string): string {
  const col = measure === 'spend' ? 'revenue' : measure === 'profit' ? 'profit' : 'orders';
  return `(${col} / ${months}::DOUBLE)`;
}
