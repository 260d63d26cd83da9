/**
 * Profit per customer as typed arrays, for option changes that must answer in milliseconds.
 *
 * Split in two, as the summary-first engine works (docs/summary.md):
 * - **prepared once per dataset version** (`ProfitInputs`): the per-customer columns of the
 *   summary that profit is a linear function of — revenue, recorded cost of goods, revenue
 *   without a cost, gross sales, orders, returns, recorded cost to serve — read as typed arrays;
 * - **per option change** (`profitFromInputs`): profit = revenue − cost of goods − cost to serve,
 *   with the assumed margin and the allocation rules applied, in one pass over the arrays.
 *
 * Same formula as `buildCustomerProfitQuery` (Kaplan & Cooper 1998; Peppers & Rogers): gross
 * margin = revenue − COGS, where COGS = recorded cost + revenue without a cost × (1 − margin)
 * (or revenue × (1 − margin) when margin is assumed); cost to serve = recorded amounts (less
 * categories an `event` rule reprices) + the allocation rules. Options the arrays cannot express
 * (a period other than the summary's, amortised acquisition cost) take the SQL path instead.
 */
import type { NumericTable } from '../../engine/types.ts';
import type { AnalysisContext } from '../types.ts';
import {
  buildCustomerProfitQuery,
  resolveMarginSource,
  summaryCovers,
  usesAcquisition,
  usesServiceCosts,
  DEFAULT_MARGIN_PCT,
  type CustomerProfitOptions,
} from './customer-profit.ts';
import { sqlLabel } from './sql-literals.ts';

/** Per-customer profit and its components (customer_id order), plus their totals. */
export interface ProfitBreakdown {
  revenue: Float64Array;
  cogs: Float64Array;
  grossMargin: Float64Array;
  costToServe: Float64Array;
  acquisition: Float64Array;
  profit: Float64Array;
}

/** The summary columns profit is computed from, one entry per customer in customer_id order. */
export interface ProfitInputs {
  revenue: Float64Array;
  recordedCost: Float64Array;
  revenueWithoutCost: Float64Array;
  grossSales: Float64Array;
  orders: Float64Array;
  returns: Float64Array;
  serviceCost: Float64Array;
}

/** The customer universe of the profit builder (bought something, or caused a recorded cost), in id order. */
const universe = `(SELECT customer_id FROM summary.customers UNION SELECT customer_id FROM summary.service_costs)`;

/** SQL reading `ProfitInputs` from the summary. */
export function buildProfitInputsQuery(): string {
  return `SELECT coalesce(c.revenue, 0) AS revenue, coalesce(c.recorded_cost, 0) AS recorded_cost,
  coalesce(c.revenue_without_cost, 0) AS revenue_without_cost, coalesce(c.gross_sales, 0) AS gross_sales,
  coalesce(c.orders, 0) AS orders, coalesce(c.returns, 0) AS returns, coalesce(s.amount, 0) AS service_cost
FROM ${universe} ids
LEFT JOIN summary.customers c USING (customer_id)
LEFT JOIN (SELECT customer_id, sum(amount) AS amount FROM summary.service_costs GROUP BY customer_id) s USING (customer_id)
ORDER BY ids.customer_id`;
}

/** SQL reading one cost category's amount and events per customer, aligned with `buildProfitInputsQuery`. */
export function buildCategoryInputsQuery(category: string): string {
  const label = sqlLabel(category, 'allocation category');
  return `SELECT coalesce(s.amount, 0) AS amount, coalesce(s.events, 0) AS events
FROM ${universe} ids
LEFT JOIN (SELECT customer_id, sum(amount) AS amount, sum(events) AS events FROM summary.service_costs WHERE category = ${label} GROUP BY customer_id) s USING (customer_id)
ORDER BY ids.customer_id`;
}

const col = (t: NumericTable, name: string): Float64Array => {
  const c = t.columns[name];
  if (!c) throw new Error(`missing column ${name}`);
  return c;
};

/** Whether `profitFromInputs` can compute these options (else use `buildCustomerProfitQuery`). */
export function vectorsApply(ctx: AnalysisContext, options: CustomerProfitOptions): boolean {
  return !!ctx.numeric && summaryCovers(options, ctx.summary) && !usesAcquisition(options);
}

/**
 * Profit per customer for `options`, from prepared summary arrays when they apply (milliseconds
 * per option change), otherwise by running the profit builder (from the summary when its period
 * matches, else the raw tables) and reading its columns as arrays.
 */
export async function profitBreakdown(ctx: AnalysisContext, options: CustomerProfitOptions): Promise<ProfitBreakdown> {
  const numeric = ctx.numeric ?? (async (sql: string) => toNumeric(await ctx.db.query(sql)));
  if (vectorsApply(ctx, options)) {
    const memo = ctx.memo ?? (<T>(_k: string, build: () => Promise<T>) => build());
    const inputs = await memo('profit-inputs', async () => {
      const t = await numeric(buildProfitInputsQuery());
      return {
        revenue: col(t, 'revenue'),
        recordedCost: col(t, 'recorded_cost'),
        revenueWithoutCost: col(t, 'revenue_without_cost'),
        grossSales: col(t, 'gross_sales'),
        orders: col(t, 'orders'),
        returns: col(t, 'returns'),
        serviceCost: col(t, 'service_cost'),
      } satisfies ProfitInputs;
    });
    const categories: Record<string, { amount: Float64Array; events: Float64Array }> = {};
    if (usesServiceCosts(options.profile)) {
      for (const rule of options.allocation ?? []) {
        if (rule.basis !== 'event' || categories[rule.category]) continue;
        categories[rule.category] = await memo(`profit-category:${rule.category}`, async () => {
          const t = await numeric(buildCategoryInputsQuery(rule.category));
          return { amount: col(t, 'amount'), events: col(t, 'events') };
        });
      }
    }
    return profitFromInputs(inputs, categories, options);
  }
  const fromSummary = summaryCovers(options, ctx.summary);
  const t = await numeric(
    `SELECT revenue, cogs, gross_margin, cost_to_serve, acquisition_amortised, profit FROM (${buildCustomerProfitQuery({ ...options, fromSummary })})`,
  );
  return {
    revenue: col(t, 'revenue'),
    cogs: col(t, 'cogs'),
    grossMargin: col(t, 'gross_margin'),
    costToServe: col(t, 'cost_to_serve'),
    acquisition: col(t, 'acquisition_amortised'),
    profit: col(t, 'profit'),
  };
}

/**
 * Profit per customer from prepared inputs (pure). `categories` holds, for each category an
 * `event` rule names, the recorded amount and number of events per customer.
 */
export function profitFromInputs(
  inputs: ProfitInputs,
  categories: Record<string, { amount: Float64Array; events: Float64Array }>,
  options: CustomerProfitOptions,
): ProfitBreakdown {
  const n = inputs.revenue.length;
  const margin = options.marginPct ?? DEFAULT_MARGIN_PCT;
  if (!Number.isFinite(margin)) throw new Error(`invalid marginPct: ${String(margin)}`);
  const fromCost = resolveMarginSource(options) === 'cost';
  const rules = options.allocation ?? [];
  const svc = usesServiceCosts(options.profile);
  const out: ProfitBreakdown = {
    revenue: inputs.revenue,
    cogs: new Float64Array(n),
    grossMargin: new Float64Array(n),
    costToServe: new Float64Array(n),
    acquisition: new Float64Array(n),
    profit: new Float64Array(n),
  };
  const cts = out.costToServe;
  if (svc) cts.set(inputs.serviceCost);
  const replaced = new Set<string>();
  for (const rule of rules) {
    if (!Number.isFinite(rule.rate)) throw new Error(`invalid allocation rate for ${rule.category}: ${String(rule.rate)}`);
    switch (rule.basis) {
      case 'order':
        for (let i = 0; i < n; i++) cts[i]! += inputs.orders[i]! * rule.rate;
        break;
      case 'return':
        for (let i = 0; i < n; i++) cts[i]! += inputs.returns[i]! * rule.rate;
        break;
      case 'revenue':
        for (let i = 0; i < n; i++) cts[i]! += inputs.grossSales[i]! * rule.rate;
        break;
      case 'event': {
        const c = categories[rule.category];
        if (!svc || !c) break;
        // The rule replaces the recorded amounts of its category (once, however many rules name it).
        if (!replaced.has(rule.category)) for (let i = 0; i < n; i++) cts[i]! -= c.amount[i]!;
        replaced.add(rule.category);
        for (let i = 0; i < n; i++) cts[i]! += c.events[i]! * rule.rate;
        break;
      }
      default:
        throw new Error(`invalid allocation basis: ${JSON.stringify((rule as { basis: unknown }).basis)}`);
    }
  }
  for (let i = 0; i < n; i++) {
    const revenue = inputs.revenue[i]!;
    const cogs = fromCost ? inputs.recordedCost[i]! + inputs.revenueWithoutCost[i]! * (1 - margin) : revenue * (1 - margin);
    out.cogs[i] = cogs;
    out.grossMargin[i] = revenue - cogs;
    out.profit[i] = revenue - cogs - cts[i]!;
  }
  return out;
}

/** Fallback for contexts without typed-array reads (tests over a bare connection). */
function toNumeric(t: { columns: { name: string }[]; rowCount: number; data: unknown[][] }): NumericTable {
  const columns: Record<string, Float64Array> = {};
  t.columns.forEach((c, i) => {
    columns[c.name] = Float64Array.from(t.data[i]!, (v) => (v === null || v === undefined ? NaN : Number(v)));
  });
  return { rowCount: t.rowCount, columns };
}
