/**
 * Profit diagnostics straight from the customer-base summary (docs/summary.md), for the options
 * the summary holds: the summary's period, no allocation rule and no amortised acquisition cost
 * (the defaults). Then every customer's profit is a column formula over `summary.customers`, the
 * cost lines are `summary.service_costs` as stored, and no temp table is written:
 *
 * - totals, loss-makers and the spend tiers come from the whale curve's prepared arrays (the
 *   summary's profit inputs and the revenue ranking, kept per dataset version and shared with it):
 *   the tiers are DuckDB's `ntile` over `ORDER BY revenue DESC, customer_id`, reproduced in the
 *   worker instead of sorting every customer in SQL;
 * - one SQL pass over `summary.service_costs` gives each cost category's total and loss-makers'
 *   share (the waterfall's cost bars and the cost-driver table);
 * - the worst loss-makers are a top-n over the summary, their names looked up for those rows only.
 *
 * Same formulas as `buildCustomerProfitQuery`'s summary path, so results equal the SQL path's up
 * to summation order (tests/engine/summary.test.ts holds them to 1e-9).
 */
import { fromRows, toRows, type ColumnarTable, type Row } from '../../engine/types.ts';
import type { AnalysisContext } from '../types.ts';
import { DEFAULT_MARGIN_PCT, resolveMarginSource, usesServiceCosts, type CustomerProfitOptions } from './customer-profit.ts';
import type { DiagnosticsSources } from './diagnostics-query.ts';
import type { WaterfallBar } from './diagnostics.ts';
import { waterfall } from './diagnostics.ts';
import { profitFromInputs, profitInputs, vectorsApply, type ProfitInputs } from './profit-vectors.ts';
import { sqlNumber } from './sql-literals.ts';
import { rankRevenue, type RevenueRank } from './whale-numerics.ts';

/** Whether the diagnostics can run from the summary alone for these (resolved) options. */
export function diagnosticsFromSummary(ctx: AnalysisContext, options: CustomerProfitOptions): boolean {
  return vectorsApply(ctx, options) && (options.allocation ?? []).length === 0;
}

/**
 * The per-customer profit table of `buildCustomerProfitQuery` (same columns, same formulas) as a
 * subquery over `summary.customers`, for options where `diagnosticsFromSummary` holds.
 */
export function summaryProfitSource(options: CustomerProfitOptions): string {
  const margin = sqlNumber(options.marginPct ?? DEFAULT_MARGIN_PCT, 'marginPct');
  const cogs = resolveMarginSource(options) === 'cost' ? `recorded_cost + revenue_without_cost * (1 - ${margin})` : `revenue * (1 - ${margin})`;
  const serve = usesServiceCosts(options.profile) ? 'service_cost' : 'CAST(0 AS DOUBLE)';
  return `(SELECT customer_id, revenue, cogs, revenue - cogs AS gross_margin, orders, returns, cost_to_serve,
  CAST(0 AS DOUBLE) AS acquisition_amortised, revenue - cogs - cost_to_serve AS profit
FROM (SELECT customer_id, revenue, ${cogs} AS cogs, orders, returns, ${serve} AS cost_to_serve FROM summary.customers))`;
}

/** The tables the SQL builders of `diagnostics-query.ts` read, as summary sources. */
export function summarySources(options: CustomerProfitOptions): DiagnosticsSources {
  return { profit: summaryProfitSource(options), costLines: 'summary.service_costs' };
}

/**
 * Each cost category's total over every customer and over loss-makers, with the cost-driver
 * columns of `buildCostDriversQuery` (same names, same order), from the summary in one pass.
 */
export function buildSummaryCostDriversQuery(options: CustomerProfitOptions): string {
  return `WITH loss AS MATERIALIZED (SELECT customer_id FROM ${summaryProfitSource(options)} WHERE profit < 0),
n AS (SELECT (SELECT count(*) FROM summary.customers) AS n_all, (SELECT count(*) FROM loss) AS n_loss),
c AS (SELECT l.category, sum(l.amount) AS cost_all, coalesce(sum(l.amount) FILTER (WHERE m.customer_id IS NOT NULL), 0) AS cost_loss_makers
  FROM summary.service_costs l LEFT JOIN loss m ON m.customer_id = l.customer_id GROUP BY l.category)
SELECT c.category, c.cost_all, c.cost_loss_makers,
  c.cost_all / nullif(sum(c.cost_all) OVER (), 0) AS share_all,
  c.cost_loss_makers / nullif(sum(c.cost_loss_makers) OVER (), 0) AS share_loss_makers,
  c.cost_all / nullif(n.n_all, 0) AS per_customer_all,
  c.cost_loss_makers / nullif(n.n_loss, 0) AS per_loss_maker,
  (c.cost_loss_makers / nullif(n.n_loss, 0)) / nullif(c.cost_all / nullif(n.n_all, 0), 0) AS lift
FROM c, n ORDER BY c.cost_loss_makers DESC, c.category`;
}

/** Per-customer components in customer_id order (the profit builder's columns, as arrays). */
export interface CustomerComponents {
  revenue: Float64Array;
  grossMargin: Float64Array;
  costToServe: Float64Array;
  profit: Float64Array;
}

/** The components from the summary's profit inputs, with the profit builder's arithmetic. */
export function componentsFromInputs(inputs: ProfitInputs, options: CustomerProfitOptions): CustomerComponents {
  const n = inputs.revenue.length;
  const margin = options.marginPct ?? DEFAULT_MARGIN_PCT;
  const keep = 1 - margin;
  const fromCost = resolveMarginSource(options) === 'cost';
  const svc = usesServiceCosts(options.profile);
  const grossMargin = new Float64Array(n);
  const costToServe = svc ? inputs.serviceCost : new Float64Array(n);
  // Profit is the shared formula (`profitFromInputs`), so it is the whale curve's to the bit.
  const { profit } = profitFromInputs(inputs, {}, options);
  for (let i = 0; i < n; i++) {
    const revenue = inputs.revenue[i]!;
    grossMargin[i] = revenue - (fromCost ? inputs.recordedCost[i]! + inputs.revenueWithoutCost[i]! * keep : revenue * keep);
  }
  return { revenue: inputs.revenue, grossMargin, costToServe, profit };
}

/** DuckDB's NTILE(k) of the row at 0-based position `i` of `n` rows. */
export function ntile(i: number, n: number, k: number): number {
  const tiles = Math.min(k, n);
  const size = Math.floor(n / tiles);
  const large = n - tiles * size;
  const small = large * (size + 1);
  return i < small ? 1 + Math.floor(i / (size + 1)) : 1 + large + Math.floor((i - small) / size);
}

/** Columns of the by-tier table, as the SQL builder types them once read (`buildProfitByTierQuery`). */
const tierColumns = ['tier', 'customers', 'revenue', 'gross_margin', 'cost_to_serve', 'acquisition_amortised', 'profit', 'loss_maker_share', 'profit_share']
  .map((name) => ({ name, type: 'DOUBLE', kind: 'number' as const }));

/**
 * Profit by spend tier: `tiers` equal-count groups of the revenue ranking (tier 1 = highest
 * spenders, ties by customer_id), summed in rank order as the SQL does. Same rows and columns as
 * `buildProfitByTierQuery`.
 */
export function tierTable(c: CustomerComponents, byRevenue: Uint32Array, tiers: number): ColumnarTable {
  const n = byRevenue.length;
  const rows: Row[] = [];
  for (let r = 0; r < n; r++) {
    const t = ntile(r, n, tiers);
    let row = rows[t - 1];
    if (!row) rows.push((row = { tier: t, customers: 0, revenue: 0, gross_margin: 0, cost_to_serve: 0, acquisition_amortised: 0, profit: 0, loss: 0 }));
    const i = byRevenue[r]!;
    (row.customers as number) += 1;
    (row.revenue as number) += c.revenue[i]!;
    (row.gross_margin as number) += c.grossMargin[i]!;
    (row.cost_to_serve as number) += c.costToServe[i]!;
    (row.profit as number) += c.profit[i]!;
    if (c.profit[i]! < 0) (row.loss as number) += 1;
  }
  let total = 0;
  for (const row of rows) total += row.profit as number;
  for (const row of rows) {
    row.loss_maker_share = (row.loss as number) / (row.customers as number);
    row.profit_share = total === 0 ? null : (row.profit as number) / total;
  }
  return fromRows(rows, tierColumns);
}

/** What the diagnostics read off the data before building their result. */
export interface DiagnosticsParts {
  bars: WaterfallBar[];
  drivers: ColumnarTable;
  nLoss: number;
  byTier: ColumnarTable;
}

/** Waterfall, cost drivers, loss-maker count and tiers from the summary (see the file comment). */
export async function summaryDiagnostics(ctx: AnalysisContext, options: CustomerProfitOptions, tiers: number): Promise<DiagnosticsParts> {
  const inputs = await profitInputs(ctx);
  const c = componentsFromInputs(inputs, options);
  // The revenue ranking depends on the data only; the whale curve keeps the same one under this key.
  const rank = ctx.memo ? await ctx.memo<RevenueRank>('revenue-rank', async () => rankRevenue(inputs.revenue)) : rankRevenue(inputs.revenue);
  let grossMargin = 0;
  let net = 0;
  let nLoss = 0;
  for (let i = 0; i < c.profit.length; i++) {
    grossMargin += c.grossMargin[i]!;
    net += c.profit[i]!;
    if (c.profit[i]! < 0) nLoss++;
  }
  const drivers = await ctx.db.query(buildSummaryCostDriversQuery(options));
  // The waterfall's rows as `buildWaterfallQuery` orders them: gross margin, costs (largest first), net profit.
  const costs = toRows(drivers)
    .map((r) => ({ ord: 1, label: String(r.category), amount: -Number(r.cost_all) }))
    .sort((a, b) => a.amount - b.amount || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const bars = waterfall([{ ord: 0, label: 'Gross margin', amount: grossMargin }, ...costs, { ord: 3, label: 'Net profit', amount: net }]);
  return { bars, drivers, nLoss, byTier: tierTable(c, rank.byRevenue, tiers) };
}
