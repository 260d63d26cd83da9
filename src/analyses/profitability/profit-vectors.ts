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
import type { NumericTable } from '../../sql/table.ts';
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
import { sqlLabel } from '../../sql/literals.ts';
import { roundMoney } from '../../sql/money.ts';

/** Per-customer revenue and profit (customer_id order), and the totals of every component. */
export interface ProfitBreakdown {
  revenue: Float64Array;
  profit: Float64Array;
  totals: ProfitTotals;
}

/** Sums over all customers of the profit builder's columns. */
export interface ProfitTotals {
  revenue: number;
  cogs: number;
  grossMargin: number;
  costToServe: number;
  acquisition: number;
  profit: number;
}

const total = (a: Float64Array): number => {
  let t = 0;
  for (let i = 0; i < a.length; i++) t += a[i]!;
  return t;
};

/** The summary columns profit is computed from, one entry per customer in customer_id order. */
export interface ProfitInputs {
  revenue: Float64Array;
  recordedCost: Float64Array;
  revenueWithoutCost: Float64Array;
  serviceCost: Float64Array;
}

/** The columns only allocation rules read (per order, per return, per unit of gross sales). */
export interface AllocationInputs {
  grossSales: Float64Array;
  orders: Float64Array;
  returns: Float64Array;
}

/** SQL reading `ProfitInputs` from the summary: a plain scan, in the stored customer_id order. */
export function buildProfitInputsQuery(): string {
  return `SELECT revenue, recorded_cost, revenue_without_cost, service_cost FROM summary.customers`;
}

/**
 * SQL reading `AllocationInputs`, aligned with `buildProfitInputsQuery`. Read only when a rule
 * needs them: with the default options (no allocation rule) a first run reads four columns of a
 * million customers instead of seven.
 */
export function buildAllocationInputsQuery(): string {
  return `SELECT gross_sales, orders, returns FROM summary.customers`;
}

/** SQL reading one cost category's amount and events per customer, aligned with `buildProfitInputsQuery`. */
export function buildCategoryInputsQuery(category: string): string {
  const label = sqlLabel(category, 'allocation category');
  return `SELECT coalesce(s.amount, 0) AS amount, coalesce(s.events, 0) AS events
FROM summary.customers c
LEFT JOIN (SELECT customer_id, sum(amount) AS amount, sum(events) AS events FROM summary.service_costs WHERE category = ${label} GROUP BY customer_id) s USING (customer_id)
ORDER BY c.customer_id`;
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
export async function profitBreakdown(
  ctx: AnalysisContext,
  options: CustomerProfitOptions,
  into?: Float64Array,
): Promise<ProfitBreakdown> {
  const numeric = ctx.numeric ?? (async (sql: string) => toNumeric(await ctx.db.query(sql)));
  if (vectorsApply(ctx, options)) {
    const memo = ctx.memo ?? (<T>(_k: string, build: () => Promise<T>) => build());
    const inputs = await memo('profit-inputs', async () => {
      const t = await numeric(buildProfitInputsQuery());
      return {
        revenue: col(t, 'revenue'),
        recordedCost: col(t, 'recorded_cost'),
        revenueWithoutCost: col(t, 'revenue_without_cost'),
        serviceCost: col(t, 'service_cost'),
      } satisfies ProfitInputs;
    });
    const rules = options.allocation ?? [];
    const allocation = rules.some((r) => r.basis === 'order' || r.basis === 'return' || r.basis === 'revenue')
      ? await memo('profit-allocation-inputs', async () => {
          const t = await numeric(buildAllocationInputsQuery());
          return {
            grossSales: col(t, 'gross_sales'),
            orders: col(t, 'orders'),
            returns: col(t, 'returns'),
          } satisfies AllocationInputs;
        })
      : undefined;
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
    return profitFromInputs(inputs, categories, options, into, allocation);
  }
  const fromSummary = summaryCovers(options, ctx.summary);
  const t = await numeric(
    `SELECT revenue, cogs, gross_margin, cost_to_serve, acquisition_amortised, profit FROM (${buildCustomerProfitQuery({ ...options, fromSummary })})`,
  );
  return {
    revenue: col(t, 'revenue'),
    profit: col(t, 'profit'),
    totals: {
      revenue: total(col(t, 'revenue')),
      cogs: total(col(t, 'cogs')),
      grossMargin: total(col(t, 'gross_margin')),
      costToServe: total(col(t, 'cost_to_serve')),
      acquisition: total(col(t, 'acquisition_amortised')),
      profit: total(col(t, 'profit')),
    },
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
  /** An array of the right length to write profit into (recycled from an earlier call), or none. */
  into?: Float64Array,
  /** Orders, returns and gross sales per customer: required when a rule allocates by one of them. */
  allocation?: AllocationInputs,
): ProfitBreakdown {
  const n = inputs.revenue.length;
  const margin = options.marginPct ?? DEFAULT_MARGIN_PCT;
  if (!Number.isFinite(margin)) throw new Error(`invalid marginPct: ${String(margin)}`);
  const fromCost = resolveMarginSource(options) === 'cost';
  const rules = options.allocation ?? [];
  const svc = usesServiceCosts(options.profile);
  // Cost to serve starts from the recorded amounts; allocation rules add to it in place.
  const cts = into?.length === n ? into : new Float64Array(n);
  if (svc) cts.set(inputs.serviceCost);
  else cts.fill(0);
  const replaced = new Set<string>();
  for (const rule of rules) {
    if (!Number.isFinite(rule.rate))
      throw new Error(`invalid allocation rate for ${rule.category}: ${String(rule.rate)}`);
    switch (rule.basis) {
      case 'order':
        {
          const v = needAllocation(allocation).orders;
          for (let i = 0; i < n; i++) cts[i]! += v[i]! * rule.rate;
        }
        break;
      case 'return':
        {
          const v = needAllocation(allocation).returns;
          for (let i = 0; i < n; i++) cts[i]! += v[i]! * rule.rate;
        }
        break;
      case 'revenue':
        {
          const v = needAllocation(allocation).grossSales;
          for (let i = 0; i < n; i++) cts[i]! += v[i]! * rule.rate;
        }
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
  // Profit goes into the cost-to-serve array, which is not needed afterwards.
  const profit = cts;
  const totals: ProfitTotals = { revenue: 0, cogs: 0, grossMargin: 0, costToServe: 0, acquisition: 0, profit: 0 };
  const keep = 1 - margin;
  for (let i = 0; i < n; i++) {
    const revenue = inputs.revenue[i]!;
    const cogs = fromCost ? inputs.recordedCost[i]! + inputs.revenueWithoutCost[i]! * keep : revenue * keep;
    const serve = cts[i]!;
    const p = roundMoney(revenue - cogs - serve);
    totals.revenue += revenue;
    totals.cogs += cogs;
    totals.grossMargin += revenue - cogs;
    totals.costToServe += serve;
    totals.profit += p;
    profit[i] = p;
  }
  return { revenue: inputs.revenue, profit, totals };
}

function needAllocation(a: AllocationInputs | undefined): AllocationInputs {
  if (!a) throw new Error('an allocation rule by order, return or revenue needs the allocation inputs');
  return a;
}

/** Fallback for contexts without typed-array reads (tests over a bare connection). */
function toNumeric(t: { columns: { name: string }[]; rowCount: number; data: unknown[][] }): NumericTable {
  const columns: Record<string, Float64Array> = {};
  t.columns.forEach((c, i) => {
    columns[c.name] = Float64Array.from(t.data[i]!, (v) => (v === null || v === undefined ? NaN : Number(v)));
  });
  return { rowCount: t.rowCount, columns };
}
