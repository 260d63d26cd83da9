/**
 * `summary.customer_history`: one row per customer over the whole of `transactions` (every date),
 * built once with the rest of the customer-base summary (docs/summary.md). It holds what the
 * per-period monthly tables cannot give:
 *
 * - the customer's **purchase days** as the CLV models count them (analyses/clv/summary-query.ts):
 *   a day with at least one line of non-negative revenue, valued at the day's net revenue. BG/NBD
 *   counts distinct purchase days, which neither orders nor active months give;
 * - the first and last transaction line of any kind (tenure starts at the first) and the earliest
 *   signup date, so a period's per-customer query needs no scan of every month and no group-by of
 *   `customers` to know a customer's tenure;
 * - `ix`, the customer's position in customer_id order: a dense integer key. Analyses read
 *   per-customer results as typed arrays keyed by `ix` (strings do not cross as typed arrays) and
 *   look up the few ids they list by `ix`; sorting by `ix` is sorting by customer_id.
 *
 * A line counts when its customer_id and date are present (as in `summary.customer_months`, so the
 * same customers appear in both); a purchase day's revenue skips NULL revenue, as SQL's sum does.
 *
 * Pure: SQL text from the dataset profile, no IO.
 */
import { hasColumn, type DatasetProfile } from '../profile.ts';

/**
 * A line's revenue as the purchase-day sums add it: exactly, in `DECIMAL(38, 6)` (to the
 * millionth; a value that does not fit, or is not finite, is skipped like a NULL). Exact sums do
 * not depend on the order they are added in, so this table and the CLV summary SQL on the raw
 * lines (analyses/clv/summary-query.ts), which group the same days differently, give the same
 * doubles.
 */
export function purchaseMoney(column: string): string {
  return `TRY_CAST(${column} AS DECIMAL(38, 6))`;
}

/** The table's name (schema-qualified). */
export const customerHistoryTable = 'summary.customer_history';

/**
 * `summary.customer_history`, stored in customer_id (= `ix`) order:
 *
 * | column | meaning |
 * |---|---|
 * | ix | INTEGER, 0-based position in customer_id order |
 * | customer_id | VARCHAR |
 * | first_date, last_date | DATE, first and last transaction line |
 * | signup | DATE, earliest `customers.signup_date` (NULL without one) |
 * | purchase_days | BIGINT, days with at least one line of non-negative revenue |
 * | first_purchase, last_purchase | DATE, first and last purchase day (NULL without one) |
 * | purchase_revenue | DOUBLE, net revenue of the purchase days (NULL without one) |
 * | repeat_revenue | DOUBLE, net revenue of the purchase days after the first (0 with one, NULL without one) |
 * | first_day_revenue | DOUBLE, net revenue of the first purchase day (NULL without one) |
 *
 * Revenue is summed exactly (`purchaseMoney`) and stored as a double: `repeat_revenue`, the
 * purchase revenue less the first day's, is then exactly the sum over the later days. A day whose
 * lines all lack a usable revenue adds nothing (NULL), as SQL's sum skips NULL.
 */
export function buildCustomerHistorySql(profile: DatasetProfile): string {
  const signup = hasColumn(profile, 'customers', 'signup_date')
    ? `su AS (SELECT CAST(customer_id AS VARCHAR) AS customer_id, min(signup_date) AS signup FROM customers WHERE customer_id IS NOT NULL GROUP BY 1)`
    : `su AS (SELECT CAST(NULL AS VARCHAR) AS customer_id, CAST(NULL AS DATE) AS signup WHERE false)`;
  // Days first (one row per customer and date), then customers: a purchase day is a day whose
  // largest non-NULL revenue is ≥ 0, i.e. with a line of non-negative revenue.
  return `CREATE OR REPLACE TABLE ${customerHistoryTable} AS
WITH days AS (
  SELECT CAST(customer_id AS VARCHAR) AS customer_id, CAST(date AS DATE) AS day, sum(${purchaseMoney('revenue')}) AS revenue, coalesce(max(revenue) >= 0, false) AS purchase
  FROM transactions WHERE customer_id IS NOT NULL AND date IS NOT NULL GROUP BY 1, 2),
c AS (
  SELECT customer_id, min(day) AS first_date, max(day) AS last_date,
    count(*) FILTER (WHERE purchase) AS purchase_days,
    min(day) FILTER (WHERE purchase) AS first_purchase, max(day) FILTER (WHERE purchase) AS last_purchase,
    sum(revenue) FILTER (WHERE purchase) AS purchase_revenue, arg_min_null(revenue, day) FILTER (WHERE purchase) AS first_day_revenue
  FROM days GROUP BY customer_id),
${signup}
SELECT CAST(row_number() OVER (ORDER BY c.customer_id) - 1 AS INTEGER) AS ix, c.customer_id, c.first_date, c.last_date, su.signup,
  c.purchase_days, c.first_purchase, c.last_purchase, CAST(c.purchase_revenue AS DOUBLE) AS purchase_revenue,
  CAST(c.purchase_revenue - coalesce(c.first_day_revenue, 0) AS DOUBLE) AS repeat_revenue, CAST(c.first_day_revenue AS DOUBLE) AS first_day_revenue
FROM c LEFT JOIN su ON su.customer_id = c.customer_id
ORDER BY ix`;
}
