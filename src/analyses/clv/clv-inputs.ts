/**
 * The per-customer inputs of the CLV models (frequency, recency, T, monetary value, calibration
 * and holdout purchases; summary-query.ts defines them), read the cheapest way the context allows:
 *
 * - **from the summary** (`summary.customer_history`, docs/summary.md) when the calibration period
 *   holds every purchase day of the data (the default: it ends on the last transaction date). The
 *   table keeps each customer's distinct purchase days, first and last purchase day, their revenue
 *   and that of the days after the first, so the inputs are arithmetic on one row per customer:
 *   x = purchase days − 1, tₓ = (last − first) / unit, T = (calibration end − first) / unit,
 *   m̄ₓ = repeat revenue / x. No purchase falls after the calibration end, so the holdout is empty.
 *   Both sides sum money exactly (`purchaseMoney`), so every input is the raw SQL's, bit for bit.
 * - **from the raw SQL with `ix` joined on** when the calibration ends inside the data (a holdout
 *   check): the same statement as with only a connection, read as typed arrays;
 * - **as rows** with only a connection (tests): the raw SQL, ids included.
 *
 * In the engine customers carry `ix`, not their id: `customerIdsFor` looks up the ids of the
 * customers a result lists. Times are the same IEEE operations as in SQL (whole days divided by
 * the unit), and money the same exact sums turned into doubles, then divided as in SQL, so the
 * inputs, the fitted models and every score are identical on every path.
 */
import { toRows, type NumericTable } from '../../sql/table.ts';
import { summaryTables } from '../../model/summary/index.ts';
import { sqlDate, sqlNumber } from '../../sql/literals.ts';
import { customerIds, ixOrder, ordered } from '../segmentation/customer-ids.ts';

import type { AnalysisContext } from '../types.ts';
import type { ClvCustomer, ScoredCustomer } from './clv-model.ts';
import { buildClvSummaryQuery, buildDateRangeQuery } from './summary-query.ts';

const DAY_MS = 86_400_000;
const NAN = `CAST('NaN' AS DOUBLE)`;
const epochDays = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** First and last transaction date (lines with a customer and a revenue), `YYYY-MM-DD`; null without any. */
export async function clvDateRange(ctx: AnalysisContext): Promise<{ first: string | null; last: string | null }> {
  // summary.customers spans the same lines (customer, revenue and date present; every date).
  const sql = ctx.summary
    ? `SELECT min(first_date) AS first_date, max(last_date) AS last_date FROM ${summaryTables.customers}`
    : buildDateRangeQuery();
  const r = toRows(await ctx.db.query(sql))[0];
  const iso = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : null);
  return { first: iso(r?.first_date), last: iso(r?.last_date) };
}

/** `summary.customer_history`'s purchase columns, one row per customer with a purchase day, as DOUBLEs. */
export function buildHistoryInputsQuery(): string {
  const days = (c: string) => `CAST(date_diff('day', DATE '1970-01-01', ${c}) AS DOUBLE)`;
  return `SELECT CAST(ix AS DOUBLE) AS ix, CAST(purchase_days AS DOUBLE) AS purchase_days, ${days('first_purchase')} AS first_purchase,
  ${days('last_purchase')} AS last_purchase, purchase_revenue, repeat_revenue
FROM ${summaryTables.customerHistory} WHERE purchase_days > 0`;
}

/** The raw summary SQL with `ix` joined on, dates and unit inlined, every column a DOUBLE (NULL → NaN). */
export function buildRawInputsQuery(calibrationEnd: string, holdoutEnd: string | null, unitDays: number): string {
  const at: [string, string, string] = [sqlDate(calibrationEnd, 'calibration_end'), holdoutEnd ? sqlDate(holdoutEnd, 'holdout_end') : 'CAST(NULL AS DATE)', sqlNumber(unitDays, 'unit')];
  const cols = ['frequency', 'recency', 'T', 'monetary_value', 'calibration_revenue', 'holdout_frequency', 'holdout_revenue'];
  return `SELECT CAST(h.ix AS DOUBLE) AS ix, ${cols.map((c) => `coalesce(CAST(r."${c}" AS DOUBLE), ${NAN}) AS "${c}"`).join(', ')}
FROM (${buildClvSummaryQuery({ at })}) r JOIN ${summaryTables.customerHistory} h ON h.customer_id = r.customer_id`;
}

/** Customers from `buildHistoryInputsQuery`'s columns, in customer_id order; null when a purchase day falls after the calibration end. */
export function inputsFromHistory(t: NumericTable, calibrationEnd: string, unitDays: number): ClvCustomer[] | null {
  const order = ixOrder(t.columns.ix ?? new Float64Array(0));
  const ix = ordered(t, 'ix', order);
  const daysN = ordered(t, 'purchase_days', order);
  const first = ordered(t, 'first_purchase', order);
  const last = ordered(t, 'last_purchase', order);
  const revenue = ordered(t, 'purchase_revenue', order);
  const repeat = ordered(t, 'repeat_revenue', order);
  const cal = epochDays(calibrationEnd);
  for (let i = 0; i < last.length; i++) if (!(last[i]! <= cal)) return null;
  const out: ClvCustomer[] = new Array(order.length);
  for (let i = 0; i < order.length; i++) {
    const x = daysN[i]! - 1;
    out[i] = {
      customer_id: '',
      frequency: x,
      // date_diff in whole days over the unit's length: the same division as the SQL.
      recency: (last[i]! - first[i]!) / unitDays,
      T: (cal - first[i]!) / unitDays,
      // As the SQL's coalesce(sum / count, 0): no later day with a revenue → 0.
      monetary_value: x > 0 && !Number.isNaN(repeat[i]!) ? repeat[i]! / x : 0,
      calibration_revenue: revenue[i]!,
      holdout_frequency: 0,
      holdout_revenue: 0,
      ix: ix[i]!,
    };
  }
  return out;
}

/** Customers from `buildRawInputsQuery`'s columns, in customer_id order. */
export function inputsFromRaw(t: NumericTable): ClvCustomer[] {
  const order = ixOrder(t.columns.ix ?? new Float64Array(0));
  const col = (name: string) => ordered(t, name, order);
  const [ix, f, r, T, m, cr, hf, hr] = ['ix', 'frequency', 'recency', 'T', 'monetary_value', 'calibration_revenue', 'holdout_frequency', 'holdout_revenue'].map(col) as Float64Array[];
  return Array.from({ length: order.length }, (_, i): ClvCustomer => ({
    customer_id: '', frequency: f![i]!, recency: r![i]!, T: T![i]!, monetary_value: m![i]!, calibration_revenue: cr![i]!,
    holdout_frequency: hf![i]!, holdout_revenue: hr![i]!, ix: ix![i]!,
  }));
}

/** Where the inputs came from (for tests and notes). */
export type ClvInputsPath = 'summary' | 'raw+ix' | 'raw';

/** The model's inputs for a calibration end (and holdout end), in customer_id order. */
export async function readClvInputs(ctx: AnalysisContext, calibrationEnd: string, holdoutEnd: string | null, unitDays: number): Promise<{ customers: ClvCustomer[]; path: ClvInputsPath }> {
  if (ctx.numeric && ctx.summary) {
    const fromHistory = inputsFromHistory(await ctx.numeric(buildHistoryInputsQuery()), calibrationEnd, unitDays);
    if (fromHistory) return { customers: fromHistory, path: 'summary' };
    return { customers: inputsFromRaw(await ctx.numeric(buildRawInputsQuery(calibrationEnd, holdoutEnd, unitDays))), path: 'raw+ix' };
  }
  const rows = toRows(await ctx.db.query(buildClvSummaryQuery(), [calibrationEnd, holdoutEnd, unitDays]));
  return {
    path: 'raw',
    customers: rows.map((r) => ({
      customer_id: String(r.customer_id),
      frequency: Number(r.frequency),
      recency: Number(r.recency),
      T: Number(r.T),
      monetary_value: Number(r.monetary_value),
      calibration_revenue: Number(r.calibration_revenue),
      holdout_frequency: Number(r.holdout_frequency),
      holdout_revenue: Number(r.holdout_revenue),
    })),
  };
}

/** Fills in `customer_id` of the given scored customers read by `ix` (a no-op for customers read with their ids). */
export async function customerIdsFor(ctx: AnalysisContext, customers: readonly ScoredCustomer[]): Promise<void> {
  const pending = customers.filter((c) => c.ix !== undefined);
  if (!pending.length) return;
  const ids = await customerIds(ctx, pending.map((c) => c.ix!));
  for (const c of pending) c.customer_id = ids.get(c.ix!)!;
}
