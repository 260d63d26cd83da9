/**
 * SQL for the profit diagnostics, over the temp tables of `withProfitTables`: `profit`
 * (one row per customer, `buildCustomerProfitQuery` columns) and `costLines` (long form).
 */
import { quoteLiteral } from '../../sql/quote.ts';
import { sqlIdent, sqlInteger } from '../../sql/literals.ts';

/** Table names the diagnostics read. */
export interface DiagnosticsSources {
  /** Per-customer profit table. */
  profit: string;
  /** Cost lines (customer_id, category, amount) table. */
  costLines: string;
}

/**
 * Waterfall steps from gross margin to net profit: `ord` (0 gross margin, 1 cost categories,
 * 2 acquisition, 3 net profit), `label`, signed `amount` (costs negative). Costs ordered largest first.
 */
export function buildWaterfallQuery(s: DiagnosticsSources): string {
  return `SELECT ord, label, amount FROM (
  SELECT 0 AS ord, 'Gross margin' AS label, coalesce(sum(gross_margin), 0) AS amount FROM ${s.profit}
  UNION ALL SELECT 1, category, -sum(amount) FROM ${s.costLines} WHERE customer_id IN (SELECT customer_id FROM ${s.profit}) GROUP BY category
  UNION ALL SELECT 2, 'acquisition', -sum(acquisition_amortised) FROM ${s.profit} HAVING sum(acquisition_amortised) <> 0
  UNION ALL SELECT 3, 'Net profit', coalesce(sum(profit), 0) FROM ${s.profit})
ORDER BY ord, amount, label`;
}

/**
 * Cost categories: what everyone spends vs what loss-makers spend. Columns: category, cost_all,
 * cost_loss_makers, share_all (category share of all cost to serve), share_loss_makers (share of
 * loss-makers' cost to serve), per_customer_all, per_loss_maker, lift (per_loss_maker / per_customer_all).
 */
export function buildCostDriversQuery(s: DiagnosticsSources): string {
  return `WITH n AS (SELECT count(*) AS n_all, count(*) FILTER (WHERE profit < 0) AS n_loss FROM ${s.profit}),
c AS (SELECT l.category, sum(l.amount) AS cost_all, coalesce(sum(l.amount) FILTER (WHERE p.profit < 0), 0) AS cost_loss_makers
  FROM ${s.costLines} l JOIN ${s.profit} p USING (customer_id) GROUP BY l.category)
SELECT c.category, c.cost_all, c.cost_loss_makers,
  c.cost_all / nullif(sum(c.cost_all) OVER (), 0) AS share_all,
  c.cost_loss_makers / nullif(sum(c.cost_loss_makers) OVER (), 0) AS share_loss_makers,
  c.cost_all / nullif(n.n_all, 0) AS per_customer_all,
  c.cost_loss_makers / nullif(n.n_loss, 0) AS per_loss_maker,
  (c.cost_loss_makers / nullif(n.n_loss, 0)) / nullif(c.cost_all / nullif(n.n_all, 0), 0) AS lift
FROM c, n ORDER BY c.cost_loss_makers DESC, c.category`;
}

/** The `limit` worst loss-makers with every profit component (names: `buildCustomerNamesQuery`). */
export function buildTopLossMakersQuery(s: DiagnosticsSources, limit: number): string {
  return `SELECT customer_id, revenue, gross_margin, cost_to_serve, acquisition_amortised, profit
FROM ${s.profit} WHERE profit < 0 ORDER BY profit, customer_id LIMIT ${sqlInteger(limit, 'top_n')}`;
}

/**
 * `customer_id`, `name` of the given customers (`any_value` over their customers rows). The ids
 * are constants, so DuckDB filters the scan itself instead of reading every customer's name.
 */
export function buildCustomerNamesQuery(ids: readonly string[]): string {
  const list = ids.length ? ids.map(quoteLiteral).join(', ') : 'NULL';
  return `SELECT customer_id, any_value(name) AS name FROM customers WHERE customer_id IN (${list}) GROUP BY customer_id`;
}

/**
 * Every customer with every profit component: customer_id (and `name` when `withName`), revenue,
 * cogs, gross_margin, cost_to_serve, acquisition_amortised, profit, then one `cost_<category>`
 * column per cost-to-serve category (NULL where the customer has none of it). Ranked as on the
 * whale curve: most profitable first. Categories are data, so DuckDB's PIVOT names the columns;
 * no category value is written into the SQL text.
 */
export function buildCustomerComponentsQuery(s: DiagnosticsSources, withName: boolean): string {
  const name = withName
    ? `, (SELECT any_value(c.name) FROM customers c WHERE c.customer_id = p.customer_id) AS name`
    : '';
  return `WITH pv AS (PIVOT (SELECT customer_id, 'cost_' || category AS cost_category, amount FROM ${s.costLines})
  ON cost_category USING sum(amount) GROUP BY customer_id)
SELECT p.customer_id${name}, p.revenue, p.cogs, p.gross_margin, p.cost_to_serve, p.acquisition_amortised, p.profit,
  pv.* EXCLUDE (customer_id)
FROM ${s.profit} p LEFT JOIN pv USING (customer_id)
ORDER BY p.profit DESC, p.customer_id`;
}

const groupAggregates = `count(*) AS customers, sum(revenue) AS revenue, sum(gross_margin) AS gross_margin,
  sum(cost_to_serve) AS cost_to_serve, sum(acquisition_amortised) AS acquisition_amortised, sum(profit) AS profit,
  count(*) FILTER (WHERE profit < 0) / count(*) AS loss_maker_share`;

/**
 * Profit by spend tier: `tiers` equal-count groups by revenue (tier 1 = highest spenders), with
 * `profit_share` of total profit. Quantile tiers, as the tiering default in docs/analyses/segmentation.md.
 */
export function buildProfitByTierQuery(s: DiagnosticsSources, tiers: number): string {
  return `WITH t AS (SELECT *, ntile(${sqlInteger(tiers, 'tiers')}) OVER (ORDER BY revenue DESC, customer_id) AS tier FROM ${s.profit})
SELECT tier, ${groupAggregates}, sum(profit) / nullif(sum(sum(profit)) OVER (), 0) AS profit_share
FROM t GROUP BY tier ORDER BY tier`;
}

/** Profit by a customers-table attribute (e.g. region, segment, or a tier column). Missing values group as '(none)'. */
export function buildProfitByAttributeQuery(s: DiagnosticsSources, column: string): string {
  const col = sqlIdent(column, 'group_by column');
  return `WITH a AS (SELECT customer_id, any_value(CAST(${col} AS VARCHAR)) AS value FROM customers GROUP BY customer_id),
t AS (SELECT p.*, coalesce(a.value, '(none)') AS "group" FROM ${s.profit} p LEFT JOIN a USING (customer_id))
SELECT "group", ${groupAggregates}, sum(profit) / nullif(sum(sum(profit)) OVER (), 0) AS profit_share
FROM t GROUP BY "group" ORDER BY profit DESC, "group"`;
}
