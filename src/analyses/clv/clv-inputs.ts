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
import { columnsOf, sortedHistories, type ClvColumns } from './clv-model.ts';
import type { Histories } from './bgnbd.ts';
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
  const at: [string, string, string] = [
    sqlDate(calibrationEnd, 'calibration_end'),
    holdoutEnd ? sqlDate(holdoutEnd, 'holdout_end') : 'CAST(NULL AS DATE)',
    sqlNumber(unitDays, 'unit'),
  ];
  const cols = [
    'frequency',
    'recency',
    'T',
    'monetary_value',
    'calibration_revenue',
    'holdout_frequency',
    'holdout_revenue',
  ];
  return `SELECT CAST(h.ix AS DOUBLE) AS ix, ${cols.map((c) => `coalesce(CAST(r."${c}" AS DOUBLE), ${NAN}) AS "${c}"`).join(', ')}
FROM (${buildClvSummaryQuery({ at })}) r JOIN ${summaryTables.customerHistory} h ON h.customer_id = r.customer_id`;
}

/**
 * The distinct (x, tₓ, T) histories of `buildHistoryInputsQuery`'s customers with their counts,
 * computed by DuckDB: the same values as `inputsFromHistory` (whole days as DOUBLEs, divided by
 * the unit, IEEE arithmetic on both sides), sorted by (x, tₓ, T) as `sortedHistories` sorts them.
 */
export function buildHistoryGroupsQuery(calibrationEnd: string, unitDays: number): string {
  const unit = `CAST(${sqlNumber(unitDays, 'unit')} AS DOUBLE)`;
  const cal = sqlDate(calibrationEnd, 'calibration_end');
  return `SELECT frequency, recency, "T", CAST(count(*) AS DOUBLE) AS weight FROM (
  SELECT CAST(purchase_days - 1 AS DOUBLE) AS frequency,
    CAST(date_diff('day', first_purchase, last_purchase) AS DOUBLE) / ${unit} AS recency,
    CAST(date_diff('day', first_purchase, ${cal}) AS DOUBLE) / ${unit} AS "T"
  FROM ${summaryTables.customerHistory} WHERE purchase_days > 0
) GROUP BY ALL ORDER BY ALL`;
}

/** Histories from a `… GROUP BY ALL ORDER BY ALL` result (frequency, recency, T, weight). */
function historiesOf(t: NumericTable): Histories {
  const col = (name: string) => {
    const c = t.columns[name];
    if (!c) throw new Error(`missing column ${name}`);
    return c;
  };
  return { frequency: col('frequency'), recency: col('recency'), T: col('T'), weight: col('weight') };
}

/** Customers from `buildHistoryInputsQuery`'s columns, in customer_id order; null when a purchase day falls after the calibration end. */
export function inputsFromHistory(t: NumericTable, calibrationEnd: string, unitDays: number): ClvColumns | null {
  const order = ixOrder(t.columns.ix ?? new Float64Array(0));
  const ix = ordered(t, 'ix', order);
  const daysN = ordered(t, 'purchase_days', order);
  const first = ordered(t, 'first_purchase', order);
  const last = ordered(t, 'last_purchase', order);
  const revenue = ordered(t, 'purchase_revenue', order);
  const repeat = ordered(t, 'repeat_revenue', order);
  const cal = epochDays(calibrationEnd);
  for (let i = 0; i < last.length; i++) if (!(last[i]! <= cal)) return null;
  const n = order.length;
  const frequency = new Float64Array(n);
  const recency = new Float64Array(n);
  const T = new Float64Array(n);
  const monetary = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = daysN[i]! - 1;
    frequency[i] = x;
    // date_diff in whole days over the unit's length: the same division as the SQL.
    recency[i] = (last[i]! - first[i]!) / unitDays;
    T[i] = (cal - first[i]!) / unitDays;
    // As the SQL's coalesce(sum / count, 0): no later day with a revenue → 0.
    monetary[i] = x > 0 && !Number.isNaN(repeat[i]!) ? repeat[i]! / x : 0;
  }
  return {
    n,
    ix,
    ids: null,
    frequency,
    recency,
    T,
    monetary_value: monetary,
    calibration_revenue: revenue,
    holdout_frequency: new Float64Array(n),
    holdout_revenue: new Float64Array(n),
  };
}

/** Customers from `buildRawInputsQuery`'s columns, in customer_id order. */
export function inputsFromRaw(t: NumericTable): ClvColumns {
  const order = ixOrder(t.columns.ix ?? new Float64Array(0));
  const col = (name: string) => ordered(t, name, order);
  return {
    n: order.length,
    ix: col('ix'),
    ids: null,
    frequency: col('frequency'),
    recency: col('recency'),
    T: col('T'),
    monetary_value: col('monetary_value'),
    calibration_revenue: col('calibration_revenue'),
    holdout_frequency: col('holdout_frequency'),
    holdout_revenue: col('holdout_revenue'),
  };
}

/** Where the inputs came from (for tests and notes). */
export type ClvInputsPath = 'summary' | 'raw+ix' | 'raw';

/** The model's inputs: per-customer columns and the distinct histories BG/NBD is fitted on. */
export interface ClvInputs {
  columns: ClvColumns;
  histories: Histories;
  path: ClvInputsPath;
}

let nextInputsTable = 0;

/** The model's inputs for a calibration end (and holdout end), customers in customer_id order. */
export async function readClvInputs(
  ctx: AnalysisContext,
  calibrationEnd: string,
  holdoutEnd: string | null,
  unitDays: number,
): Promise<ClvInputs> {
  if (ctx.numeric && ctx.summary) {
    const fromHistory = inputsFromHistory(await ctx.numeric(buildHistoryInputsQuery()), calibrationEnd, unitDays);
    if (fromHistory)
      return {
        columns: fromHistory,
        histories: historiesOf(await ctx.numeric(buildHistoryGroupsQuery(calibrationEnd, unitDays))),
        path: 'summary',
      };
    // The raw summary runs once, into a temp table both reads use (it is the costly part).
    const name = `__clv_inputs_${++nextInputsTable}`;
    await ctx.db.query(
      `CREATE OR REPLACE TEMP TABLE ${name} AS ${buildRawInputsQuery(calibrationEnd, holdoutEnd, unitDays)}`,
    );
    try {
      const columns = inputsFromRaw(await ctx.numeric(`SELECT * FROM ${name}`));
      const histories = historiesOf(
        await ctx.numeric(
          `SELECT frequency, recency, "T", CAST(count(*) AS DOUBLE) AS weight FROM ${name} GROUP BY ALL ORDER BY ALL`,
        ),
      );
      return { columns, histories, path: 'raw+ix' };
    } finally {
      await ctx.db.query(`DROP TABLE IF EXISTS ${name}`);
    }
  }
  const rows = toRows(await ctx.db.query(buildClvSummaryQuery(), [calibrationEnd, holdoutEnd, unitDays]));
  const columns = columnsOf(
    rows.map((r) => ({
      customer_id: String(r.customer_id),
      frequency: Number(r.frequency),
      recency: Number(r.recency),
      T: Number(r.T),
      monetary_value: Number(r.monetary_value),
      calibration_revenue: Number(r.calibration_revenue),
      holdout_frequency: Number(r.holdout_frequency),
      holdout_revenue: Number(r.holdout_revenue),
    })),
  );
  return { columns, histories: sortedHistories(columns), path: 'raw' };
}

/** The ids of the given rows: looked up by `ix` for customers read from the summary, else taken from the columns. */
export async function customerIdsFor(
  ctx: AnalysisContext,
  columns: ClvColumns,
  rows: readonly number[],
): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (columns.ids) {
    for (const i of rows) out.set(i, columns.ids[i]!);
    return out;
  }
  const ix = columns.ix;
  if (!ix) throw new Error('clv-bgnbd: customers have neither ids nor summary positions');
  const ids = await customerIds(
    ctx,
    rows.map((i) => ix[i]!),
  );
  for (const i of rows) out.set(i, ids.get(ix[i]!)!);
  return out;
}

/**
 * The whole per-customer table (`scores`) over columns staged in the engine: ids joined back from
 * `summary.customer_history` by `ix`, largest expected value first.
 */
export function buildScoresTableQuery(stage: string, withHoldout: boolean): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/.test(stage))
    throw new Error(`invalid staged table name: ${JSON.stringify(stage)}`);
  return `SELECT h.customer_id, CAST(s.frequency AS INTEGER) AS frequency, s.recency, s."T", s.monetary_value, s.calibration_revenue,${withHoldout ? ' CAST(s.holdout_frequency AS INTEGER) AS holdout_frequency, s.holdout_revenue,' : ''}
  s.p_alive, s.expected_purchases, s.expected_value_per_purchase, s.expected_value
FROM ${stage} s JOIN ${summaryTables.customerHistory} h ON h.ix = CAST(s.ix AS BIGINT)
ORDER BY s.expected_value DESC, h.customer_id`;
}
