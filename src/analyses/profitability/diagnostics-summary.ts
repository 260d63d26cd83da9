/**
 * Profit diagnostics straight from the customer-base summary (docs/summary.md), for the options
 * the summary holds: the summary's period, no allocation rule and no amortised acquisition cost
 * (the defaults). Then every customer's profit is a column formula over `summary.customers`, the
 * cost lines are `summary.service_costs` as stored, and nothing is written, sorted or joined by key:
 *
 * - one pass over `summary.customers`, row by row with `summary.customer_ranks`, gives the spend
 *   tiers (DuckDB's `ntile` over `ORDER BY revenue DESC, customer_id`, from the stored rank), and
 *   with them the totals and the number of loss-makers;
 * - one pass over `summary.service_costs`, row by row with `summary.service_cost_owners` (each
 *   line's customer's profit inputs), gives each cost category's total and loss-makers' share:
 *   the waterfall's cost bars and the cost-driver table;
 * - the worst loss-makers are a top-n over the summary, their names looked up for those ids only.
 *
 * Same formulas as `buildCustomerProfitQuery`'s summary path, so results equal the temp-table
 * path's up to summation order (tests/engine/summary.test.ts holds them to 1e-9).
 */
import { toRows, type ColumnarTable } from '../../sql/table.ts';
import { diagnosticsTables } from '../../model/summary/index.ts';
import type { AnalysisContext } from '../types.ts';
import {
  DEFAULT_MARGIN_PCT,
  resolveMarginSource,
  summaryCovers,
  usesAcquisition,
  usesServiceCosts,
  type CustomerProfitOptions,
} from './customer-profit.ts';
import type { DiagnosticsSources } from './diagnostics-query.ts';
import { waterfall, type WaterfallBar } from './diagnostics.ts';
import { sqlInteger, sqlNumber } from '../../sql/literals.ts';
import { roundMoneySql } from '../../sql/money.ts';

/** Whether the diagnostics can run from the summary alone for these (resolved) options. */
export function diagnosticsFromSummary(ctx: AnalysisContext, options: CustomerProfitOptions): boolean {
  return summaryCovers(options, ctx.summary) && !usesAcquisition(options) && (options.allocation ?? []).length === 0;
}

/** Cost of goods and cost to serve over columns of `summary.customers` (prefixed by `at`). */
function components(options: CustomerProfitOptions, at = ''): { cogs: string; serve: string } {
  const margin = sqlNumber(options.marginPct ?? DEFAULT_MARGIN_PCT, 'marginPct');
  return {
    cogs:
      resolveMarginSource(options) === 'cost'
        ? `${at}recorded_cost + ${at}revenue_without_cost * (1 - ${margin})`
        : `${at}revenue * (1 - ${margin})`,
    serve: usesServiceCosts(options.profile) ? `${at}service_cost` : 'CAST(0 AS DOUBLE)',
  };
}

/**
 * The per-customer profit table of `buildCustomerProfitQuery` (same columns, same formulas) as a
 * subquery over `summary.customers`, for options where `diagnosticsFromSummary` holds. With
 * `ranked`, also each customer's `revenue_rank`.
 */
export function summaryProfitSource(options: CustomerProfitOptions, ranked = false): string {
  const { cogs, serve } = components(options);
  const from = ranked
    ? `(SELECT c.*, r.revenue_rank FROM summary.customers c POSITIONAL JOIN (SELECT revenue_rank FROM ${diagnosticsTables.customerRanks}) r)`
    : 'summary.customers';
  const rank = ranked ? ', revenue_rank' : '';
  return `(SELECT customer_id, revenue, cogs, revenue - cogs AS gross_margin, orders, returns, cost_to_serve,
  CAST(0 AS DOUBLE) AS acquisition_amortised, ${roundMoneySql('revenue - cogs - cost_to_serve')} AS profit${rank}
FROM (SELECT customer_id, revenue, ${cogs} AS cogs, orders, returns, ${serve} AS cost_to_serve${rank} FROM ${from}))`;
}

/** The tables the SQL builders of `diagnostics-query.ts` read, as summary sources. */
export function summarySources(options: CustomerProfitOptions): DiagnosticsSources {
  return { profit: summaryProfitSource(options), costLines: 'summary.service_costs' };
}

/**
 * Profit by spend tier, the rows and columns of `buildProfitByTierQuery` plus `loss_makers`
 * (a count, for the totals): tier k of `tiers` is DuckDB's NTILE over the revenue ranking, worked
 * out from the stored rank (the first n mod k tiers take one customer more), so nothing is sorted.
 */
export function buildSummaryTierQuery(options: CustomerProfitOptions, tiers: number): string {
  const k = sqlInteger(tiers, 'tiers');
  return `WITH n AS (SELECT count(*) AS n FROM summary.customers),
g AS (SELECT n, least(${k}, n) AS tiles, n // nullif(least(${k}, n), 0) AS size FROM n),
h AS (SELECT *, n - tiles * size AS large, (n - tiles * size) * (size + 1) AS small FROM g),
t AS (SELECT p.*, CASE WHEN p.revenue_rank - 1 < h.small THEN 1 + (p.revenue_rank - 1) // (h.size + 1)
    ELSE 1 + h.large + (p.revenue_rank - 1 - h.small) // h.size END AS tier
  FROM ${summaryProfitSource(options, true)} p, h)
SELECT tier, count(*) AS customers, sum(revenue) AS revenue, sum(gross_margin) AS gross_margin,
  sum(cost_to_serve) AS cost_to_serve, sum(acquisition_amortised) AS acquisition_amortised, sum(profit) AS profit,
  count(*) FILTER (WHERE profit < 0) / count(*) AS loss_maker_share, sum(profit) / nullif(sum(sum(profit)) OVER (), 0) AS profit_share,
  count(*) FILTER (WHERE profit < 0) AS loss_makers
FROM t GROUP BY tier ORDER BY tier`;
}

/**
 * The cost-driver table of `buildCostDriversQuery` (same columns, formulas and order) from the
 * summary in one pass: each line knows its customer's profit (`summary.service_cost_owners`).
 * `customers` and `lossMakers` are the counts over every customer (from the tier query).
 */
export function buildSummaryCostDriversQuery(
  options: CustomerProfitOptions,
  customers: number,
  lossMakers: number,
): string {
  const { cogs, serve } = components(options, 'o.');
  return `WITH c AS (SELECT s.category, sum(s.amount) AS cost_all,
    coalesce(sum(s.amount) FILTER (WHERE o.revenue - (${cogs}) - ${serve} < 0), 0) AS cost_loss_makers
  FROM summary.service_costs s POSITIONAL JOIN ${diagnosticsTables.serviceCostOwners} o GROUP BY s.category),
n AS (SELECT ${sqlInteger(customers, 'customers')} AS n_all, ${sqlInteger(lossMakers, 'loss makers')} AS n_loss)
SELECT c.category, c.cost_all, c.cost_loss_makers,
  c.cost_all / nullif(sum(c.cost_all) OVER (), 0) AS share_all,
  c.cost_loss_makers / nullif(sum(c.cost_loss_makers) OVER (), 0) AS share_loss_makers,
  c.cost_all / nullif(n.n_all, 0) AS per_customer_all,
  c.cost_loss_makers / nullif(n.n_loss, 0) AS per_loss_maker,
  (c.cost_loss_makers / nullif(n.n_loss, 0)) / nullif(c.cost_all / nullif(n.n_all, 0), 0) AS lift
FROM c, n ORDER BY c.cost_loss_makers DESC, c.category`;
}

/** What the diagnostics read off the data before building their result. */
export interface DiagnosticsParts {
  bars: WaterfallBar[];
  drivers: ColumnarTable;
  nLoss: number;
  byTier: ColumnarTable;
}

/** Waterfall, cost drivers, loss-maker count and tiers from the summary (see the file comment). */
export async function summaryDiagnostics(
  ctx: AnalysisContext,
  options: CustomerProfitOptions,
  tiers: number,
): Promise<DiagnosticsParts> {
  const tierTable = await ctx.db.query(buildSummaryTierQuery(options, tiers));
  const tierRows = toRows(tierTable);
  const total = (k: string) => tierRows.reduce((s, r) => s + Number(r[k] ?? 0), 0);
  // The count is for the totals only: the by-tier table has the SQL builder's columns.
  const keep = tierTable.columns.map((c, i) => [c, i] as const).filter(([c]) => c.name !== 'loss_makers');
  const byTier: ColumnarTable = {
    ...tierTable,
    columns: keep.map(([c]) => c),
    data: keep.map(([, i]) => tierTable.data[i]!),
  };
  const nLoss = total('loss_makers');
  const drivers = await ctx.db.query(buildSummaryCostDriversQuery(options, total('customers'), nLoss));
  // The waterfall's rows as `buildWaterfallQuery` orders them: gross margin, costs (largest first), net profit.
  const costs = toRows(drivers)
    .map((r) => ({ ord: 1, label: String(r.category), amount: -Number(r.cost_all) }))
    .sort((a, b) => a.amount - b.amount || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const bars = waterfall([
    { ord: 0, label: 'Gross margin', amount: total('gross_margin') },
    ...costs,
    { ord: 3, label: 'Net profit', amount: total('profit') },
  ]);
  return { bars, drivers, nLoss, byTier };
}
