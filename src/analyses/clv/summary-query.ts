/**
 * The per-customer summary the CLV models need, computed in SQL from `transactions`.
 *
 * - A purchase occasion is a calendar day with at least one line of non-negative revenue: several
 *   lines or orders on one day count once (as in Fader, Hardie & Lee 2005, whose CDNOW data combine
 *   same-day orders), a $0 line counts (CDNOW has such purchases and counts them), and a day of
 *   returns or credits only (all lines negative) is not a purchase. Its value is the day's net revenue.
 * - frequency x = purchase occasions in the calibration period after the first one (repeat purchases).
 * - recency tₓ = time from the first to the last purchase occasion in the calibration period.
 * - T = time from the first purchase occasion to the end of the calibration period (inclusive).
 * - monetary_value = average net revenue of the repeat occasions (the first purchase is left out:
 *   it often differs from later ones — Fader & Hardie 2013's construction for Gamma-Gamma).
 * - holdout_frequency / holdout_revenue = occasions and revenue after the calibration end, up to the
 *   holdout end (0 when there is no holdout).
 * Times are day differences divided by the unit's length (see `time-units.ts`). Customers whose
 * first purchase comes after the calibration end are not in the summary.
 *
 * Money is summed exactly, in `DECIMAL(38, 6)` (`purchaseMoney`: each line's revenue to the
 * millionth), and turned into a double once at the end: a sum then does not depend on the order
 * the lines or days are added in, so the summary's `customer_history` (which adds the same days in
 * another grouping) gives these very numbers, bit for bit, and the fitted models are the same on
 * both paths.
 *
 * Parameters: $1 calibration end (DATE), $2 holdout end (DATE or NULL), $3 days per time unit.
 */

import { purchaseMoney } from '../../model/summary/index.ts';

/** Options of `buildClvSummaryQuery`. */
export interface ClvSummaryQueryOptions {
  /** Name of the transactions table (default `transactions`; an identifier, validated). */
  table?: string;
  /**
   * SQL expressions in place of the parameters $1, $2, $3 (validated literals, for a statement
   * that runs without parameters, e.g. `ctx.numeric`); default the parameters themselves.
   */
  at?: readonly [string, string, string];
}

/** Builds the summary SQL; bind `[calibrationEnd, holdoutEnd | null, unitDays]` (or pass them as `at`). */
export function buildClvSummaryQuery(options: ClvSummaryQueryOptions = {}): string {
  const table = options.table ?? 'transactions';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(table)) throw new Error(`invalid table name: ${JSON.stringify(table)}`);
  const sql = `WITH days AS (
  SELECT CAST(customer_id AS VARCHAR) AS customer_id, CAST(date AS DATE) AS day, sum(${purchaseMoney('revenue')}) AS revenue
  FROM ${table}
  WHERE customer_id IS NOT NULL AND date IS NOT NULL AND revenue IS NOT NULL
    AND CAST(date AS DATE) <= greatest(CAST($1 AS DATE), coalesce(CAST($2 AS DATE), CAST($1 AS DATE)))
  GROUP BY 1, 2
  HAVING count(*) FILTER (WHERE revenue >= 0) > 0
), marked AS (
  SELECT *, min(day) OVER (PARTITION BY customer_id) AS first_day FROM days
)
SELECT customer_id,
  CAST(count(*) FILTER (WHERE day <= CAST($1 AS DATE)) - 1 AS INTEGER) AS frequency,
  date_diff('day', first_day, max(day) FILTER (WHERE day <= CAST($1 AS DATE))) / CAST($3 AS DOUBLE) AS recency,
  date_diff('day', first_day, CAST($1 AS DATE)) / CAST($3 AS DOUBLE) AS "T",
  coalesce(CAST(sum(revenue) FILTER (WHERE day > first_day AND day <= CAST($1 AS DATE)) AS DOUBLE)
    / count(*) FILTER (WHERE day > first_day AND day <= CAST($1 AS DATE)), 0) AS monetary_value,
  CAST(sum(revenue) FILTER (WHERE day <= CAST($1 AS DATE)) AS DOUBLE) AS calibration_revenue,
  CAST(count(*) FILTER (WHERE day > CAST($1 AS DATE) AND day <= CAST($2 AS DATE)) AS INTEGER) AS holdout_frequency,
  coalesce(CAST(sum(revenue) FILTER (WHERE day > CAST($1 AS DATE) AND day <= CAST($2 AS DATE)) AS DOUBLE), 0) AS holdout_revenue,
  first_day
FROM marked
WHERE first_day <= CAST($1 AS DATE)
GROUP BY customer_id, first_day
ORDER BY customer_id`;
  if (!options.at) return sql;
  const [cal, holdout, unit] = options.at;
  return sql
    .replace(/\$1/g, () => cal)
    .replace(/\$2/g, () => holdout)
    .replace(/\$3/g, () => unit);
}

/** SQL for the first and last transaction dates (to default the calibration end). */
export function buildDateRangeQuery(): string {
  return `SELECT min(CAST(date AS DATE)) AS first_date, max(CAST(date AS DATE)) AS last_date FROM transactions WHERE customer_id IS NOT NULL AND revenue IS NOT NULL`;
}
