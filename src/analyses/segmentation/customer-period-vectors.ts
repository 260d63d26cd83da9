/**
 * The per-customer aggregate of a period (`buildCustomerPeriodCte`) read once as typed arrays and
 * kept per dataset version, so that options which only change the numerics on top of it (tier
 * thresholds, quantiles, names, the measure) recompute in the worker without rescanning the
 * transactions (issue 12 point 2; docs/summary.md, "Prepared data kept per dataset version").
 *
 * Same rows and formulas as the SQL the analyses send otherwise: the CTE is the one SQL
 * definition of revenue, profit, orders and tenure per customer; only the dates are inlined as
 * validated literals, because `ctx.numeric` runs parameterless statements.
 */
import type { AnalysisContext } from '../types.ts';
import { sqlDate } from '../../sql/literals.ts';
import { buildCustomerPeriodCte } from './customer-period.ts';
import { monthsCover, readsDatedCosts } from './customer-period-months.ts';
import { buildPeriodVectorsSummaryQuery } from './period-summary.ts';
import { dataRange, type DataRange, type Period } from './periods.ts';
import { surveyLoyaltyCte } from './survey-loyalty.ts';
import type { ValueSource } from './value-source.ts';

/** One entry per customer active in the period (in no particular order). NULL → NaN. */
export interface CustomerPeriodVectors {
  revenue: Float64Array;
  /** All NaN when the data has no costs (the CTE's profit is NULL then). */
  profit: Float64Array;
  orders: Float64Array;
  activeMonths: Float64Array;
  tenureMonths: Float64Array;
  /** The customer's survey loyalty (0–1, NaN without an answer), when the spec asks for it. */
  surveyLoyalty?: Float64Array;
}

/** Inputs that decide the per-customer rows: the period and two facts of the data. */
export interface CustomerPeriodSpec {
  period: Period;
  source: ValueSource;
  signupDates: boolean;
  /** Add survey loyalty per customer (`surveyLoyaltyCte`): read in the same query, so rows stay aligned. */
  survey?: boolean;
  /** Read the summary's monthly tables (only where `monthsCover` holds; same rows). */
  fromSummary?: boolean;
}

/** SQL of the per-customer columns, dates inlined (validated) for `ctx.numeric`. */
export function buildCustomerPeriodVectorsQuery(s: CustomerPeriodSpec): string {
  const start = sqlDate(s.period.start, 'period start');
  const end = sqlDate(s.period.end, 'period end');
  // Profit is computed whenever the data has costs (the CTE's default), as the SQL tier summary
  // does: every output table reports profit whatever the measure.
  const cte = buildCustomerPeriodCte({
    name: 'cur',
    start,
    end,
    period: s.period,
    source: s.source,
    signupDates: s.signupDates,
    fromSummary: s.fromSummary,
  });
  const cols = 'cur.revenue, cur.profit, cur.orders, cur.active_months, cur.tenure_months';
  if (!s.survey) return `WITH ${cte}\nSELECT ${cols} FROM cur`;
  return `WITH ${cte}, ${surveyLoyaltyCte()}\nSELECT ${cols}, sv.loyalty AS survey_loyalty FROM cur LEFT JOIN sv ON sv.customer_id = cur.customer_id`;
}

/** Most periods kept at once: a period sweep must not hold every period's arrays in memory. */
const KEEP_PERIODS = 2;

/** Reads the vectors for a spec (no memo). */
async function readVectors(ctx: AnalysisContext, s: CustomerPeriodSpec): Promise<CustomerPeriodVectors> {
  if (!ctx.numeric) throw new Error('customer-period vectors need ctx.numeric');
  // Profit is always computed when the data has costs (see buildCustomerPeriodVectorsQuery).
  // Whole months: one pass over the summary (period-summary.ts); otherwise the raw tables.
  const fromSummary = monthsCover(ctx.summary, s.period, { datedCosts: readsDatedCosts(s.source, true) });
  const t = await ctx.numeric(fromSummary ? buildPeriodVectorsSummaryQuery(s) : buildCustomerPeriodVectorsQuery(s));
  const col = (name: string): Float64Array => {
    const c = t.columns[name];
    if (!c) throw new Error(`missing column ${name}`);
    return c;
  };
  const v: CustomerPeriodVectors = {
    revenue: col('revenue'),
    profit: col('profit'),
    orders: col('orders'),
    activeMonths: col('active_months'),
    tenureMonths: col('tenure_months'),
  };
  if (s.survey) v.surveyLoyalty = col('survey_loyalty');
  return v;
}

/**
 * The vectors for a period, kept per dataset version (the last `KEEP_PERIODS` periods). Callers
 * must not write into the arrays: they are shared by every later run on the same data.
 * Requires `ctx.memo` and `ctx.numeric` (see `vectorsAvailable`).
 */
export async function loadCustomerPeriod(ctx: AnalysisContext, s: CustomerPeriodSpec): Promise<CustomerPeriodVectors> {
  if (!ctx.memo) return readVectors(ctx, s);
  // The source and signup flag come from the profile, fixed within a dataset version; they are in
  // the key all the same, so the key alone says what the arrays hold.
  const key = JSON.stringify([
    s.period.start,
    s.period.end,
    s.source.profit,
    s.source.cost,
    s.source.serviceCosts,
    s.signupDates,
    !!s.survey,
  ]);
  const kept = await ctx.memo('customer-period-vectors', async () => new Map<string, Promise<CustomerPeriodVectors>>());
  let p = kept.get(key);
  if (p) {
    // Most recently used last.
    kept.delete(key);
    kept.set(key, p);
    return p;
  }
  p = readVectors(ctx, s);
  kept.set(key, p);
  p.catch(() => kept.delete(key));
  while (kept.size > KEEP_PERIODS) kept.delete(kept.keys().next().value!);
  return p;
}

/** Whether the prepared path applies: the engine's context (tests may pass only db and profile). */
export function vectorsAvailable(ctx: AnalysisContext): boolean {
  return !!ctx.memo && !!ctx.numeric;
}

/** The dataset's date range, kept per dataset version when the context can (it scans transactions). */
export async function keptDataRange(ctx: AnalysisContext): Promise<DataRange> {
  const read = () => dataRange(ctx.db, !!ctx.summary);
  return ctx.memo ? { ...(await ctx.memo('segmentation-data-range', read)) } : read();
}
