/**
 * SQL for the whale curve (Kaplan & Cooper 1998, "Cost & Effect", ch. 10): customers ranked by
 * profit, cumulative profit against cumulative share of customers. Statistics are computed on
 * ALL customers in SQL (window functions); only the plotted curve is downsampled.
 *
 * Each builder takes `source`: a table name or a parenthesised sub-query with at least
 * `customer_id`, `revenue` and `profit` (e.g. the output of `buildCustomerProfitQuery`).
 * Ranking ties are broken by customer_id; equal profits give the same cumulative values at
 * integer ranks whatever their order, so ties never change a statistic.
 */
import { sqlInteger, sqlNumber } from '../../sql/literals.ts';

/** Options of `buildWhaleStatsQuery`. */
export interface WhaleStatsQueryOptions {
  /** Table name or `(sub-query)` with customer_id, revenue, profit. */
  source: string;
  /** Top share of customers, as a fraction in (0, 1]: 0.2 = the top 20%. */
  topK: number;
}

// Ranking, cumulative sums and the fraction of each customer inside the top k (customers are
// treated as a continuous quantity, as when reading the curve: the top 20% of 7 customers is
// 1.4 customers, i.e. the first customer and 40% of the second).
function rankedCtes(source: string, topK: number): string {
  const k = sqlNumber(topK, 'top k');
  return `base AS (SELECT CAST(customer_id AS VARCHAR) AS customer_id, CAST(coalesce(revenue, 0) AS DOUBLE) AS revenue,
    CAST(profit AS DOUBLE) AS profit FROM ${source} WHERE profit IS NOT NULL),
tot AS (SELECT count(*) AS n, coalesce(sum(profit), 0) AS tp, coalesce(sum(revenue), 0) AS tr,
    round(count(*) * ${k}, 9) AS m FROM base),
ranked AS (SELECT b.customer_id, b.revenue, b.profit, t.n, t.tp, t.tr,
    row_number() OVER (ORDER BY b.profit DESC, b.customer_id) AS prank,
    row_number() OVER (ORDER BY b.revenue DESC, b.customer_id) AS rrank,
    sum(b.profit) OVER (ORDER BY b.profit DESC, b.customer_id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cum_profit,
    greatest(0, least(1, t.m - (row_number() OVER (ORDER BY b.profit DESC, b.customer_id) - 1))) AS pin,
    greatest(0, least(1, t.m - (row_number() OVER (ORDER BY b.revenue DESC, b.customer_id) - 1))) AS rin
  FROM base b, tot t)`;
}

/**
 * One row of whale-curve statistics over all customers:
 * customers, total_profit, total_revenue, profitable, zero_profit, loss_makers, peak_profit
 * (sum of positive profits = curve maximum, in money), total_loss (≥ 0), top_profit / top_revenue
 * (profit / revenue of the top k by profit / by revenue), rest_profit (positive profit outside the top k),
 * rest_loss (losses outside the top k, ≥ 0), all_profit_customers (customers, possibly fractional,
 * that alone earn 100% of profit; NULL when total profit ≤ 0), min_profit, max_profit, tied_customers
 * (customers sharing a non-zero profit, to a millionth, with another customer).
 * top_profit + rest_profit − rest_loss = total_profit exactly (up to rounding).
 */
export function buildWhaleStatsQuery(options: WhaleStatsQueryOptions): string {
  return `WITH ${rankedCtes(options.source, options.topK)},
agg AS (SELECT
    count(*) FILTER (WHERE profit > 0) AS profitable,
    count(*) FILTER (WHERE profit = 0) AS zero_profit,
    count(*) FILTER (WHERE profit < 0) AS loss_makers,
    coalesce(sum(profit) FILTER (WHERE profit > 0), 0) AS peak_profit,
    coalesce(-sum(profit) FILTER (WHERE profit < 0), 0) AS total_loss,
    coalesce(sum(profit * pin), 0) AS top_profit,
    coalesce(sum(revenue * rin), 0) AS top_revenue,
    coalesce(sum(greatest(profit, 0) * (1 - pin)), 0) AS rest_profit,
    coalesce(sum(greatest(-profit, 0) * (1 - pin)), 0) AS rest_loss,
    -- First customer whose running total reaches the total, interpolated within that customer.
    -- The tolerance absorbs summation-order rounding between the window and the total.
    arg_min(prank - 1 + least(1, greatest(0, (tp - (cum_profit - profit)) / profit)), prank)
      FILTER (WHERE tp > 0 AND profit > 0 AND cum_profit >= tp - 1e-9 * abs(tp)) AS all_profit_customers,
    min(profit) AS min_profit, max(profit) AS max_profit
  FROM ranked),
-- Customers whose (non-zero) profit equals another customer's to a millionth of a money unit:
-- the ties the ranking breaks by id. (Exact float equality would make the count depend on the
-- order sums were taken in; a millionth is far below any currency's smallest unit.)
ties AS (SELECT coalesce(sum(c), 0) AS tied_customers FROM (SELECT count(*) AS c FROM base WHERE round(profit, 6) <> 0 GROUP BY round(profit, 6)) WHERE c > 1)
SELECT t.n AS customers, t.tp AS total_profit, t.tr AS total_revenue, agg.*, ties.tied_customers FROM tot t, agg, ties`;
}

/** Options of `buildWhaleCurveQuery`. */
export interface WhaleCurveQueryOptions {
  /** Table name or `(sub-query)` with customer_id, revenue, profit. */
  source: string;
  /** Most points to keep from the regular grid (default 990; `keepRanks` and the ends come on top). */
  maxPoints?: number;
  /** Ranks (1-based) that must appear exactly: the peak, the 100% crossing, the top-k boundary. */
  keepRanks?: readonly number[];
}

/**
 * The plotted curve, downsampled: rank 0 (the origin), every `step`-th rank with
 * step = ⌈n / maxPoints⌉, the last rank and `keepRanks`. Columns: rank, customer_share,
 * cum_profit (money), profit_share (cum_profit / total; NULL when total ≤ 0), cum_revenue
 * (top `rank` customers by REVENUE: the Pareto curve on the same x grid), revenue_share, profit
 * (the marginal customer's profit). Ordered by rank.
 */
export function buildWhaleCurveQuery(options: WhaleCurveQueryOptions): string {
  const maxPoints = sqlInteger(options.maxPoints ?? 990, 'maxPoints');
  const keep = (options.keepRanks ?? []).filter((r) => r > 0).map((r) => sqlInteger(r, 'rank'));
  const keepSql = keep.length ? ` OR r.prank IN (${keep.join(', ')})` : '';
  return `WITH ${rankedCtes(options.source, 1)},
rev AS (SELECT rrank, sum(revenue) OVER (ORDER BY revenue DESC, customer_id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cum_revenue FROM ranked),
pts AS (SELECT r.prank AS rank, r.n, r.tp, r.tr, r.cum_profit, v.cum_revenue, r.profit
  FROM ranked r JOIN rev v ON v.rrank = r.prank
  WHERE r.prank % greatest(1, CAST(ceil(r.n / ${maxPoints}) AS BIGINT)) = 0 OR r.prank = r.n${keepSql}
  UNION ALL SELECT 0, n, tp, tr, 0, 0, NULL FROM tot WHERE n > 0)
SELECT rank, rank / n AS customer_share, cum_profit,
  CASE WHEN tp > 0 THEN cum_profit / tp END AS profit_share,
  cum_revenue, CASE WHEN tr > 0 THEN cum_revenue / tr END AS revenue_share, profit
FROM pts ORDER BY rank`;
}

/** Options of `buildFixWorstQuery`. */
export interface FixWorstQueryOptions {
  /** Table name or `(sub-query)` with customer_id, revenue, profit. */
  source: string;
  /** Share of loss-makers to fix, worst first, as a fraction in [0, 1]: ⌈share × loss-makers⌉ customers. */
  share: number;
  /** `break-even`: their profit becomes 0 (repriced or served cheaper); `drop`: they leave the base, revenue and all. */
  mode: 'break-even' | 'drop';
}

/** What-if relation: the same customers with the worst loss-makers fixed. Columns customer_id, revenue, profit. */
export function buildFixWorstQuery(options: FixWorstQueryOptions): string {
  const share = sqlNumber(options.share, 'fix share');
  const inner = `SELECT customer_id, revenue, profit,
      profit < 0 AND row_number() OVER (ORDER BY profit, customer_id)
        <= ceil(round(${share} * sum(CASE WHEN profit < 0 THEN 1 ELSE 0 END) OVER (), 9)) AS fixed
    FROM ${options.source} WHERE profit IS NOT NULL`;
  if (options.mode === 'drop') return `(SELECT customer_id, revenue, profit FROM (${inner}) WHERE NOT fixed)`;
  if (options.mode === 'break-even') {
    return `(SELECT customer_id, revenue, CASE WHEN fixed THEN 0 ELSE profit END AS profit FROM (${inner}))`;
  }
  throw new Error(`invalid fix mode: ${JSON.stringify(options.mode)} (expected break-even or drop)`);
}
