/**
 * Tier migration on prepared data: each customer's totals in the earlier and later period, read
 * once per dataset version and (periods, measure) — in one pass over the summary when both periods
 * are whole months (period-summary.ts) — then thresholds, tiers, the transition counts and the
 * early-warning list computed in the worker. A change of tier method, quantiles, amounts, names,
 * core tiers, drop or list length never goes back to the tables. The same rows as migration-sql.ts.
 */
import type { Row } from '../../sql/table.ts';
import type { SqlConnection } from '../../sql/connection.ts';
import { summaryTables } from '../../model/summary/index.ts';
import type { AnalysisContext } from '../types.ts';
import { sqlDate } from '../../sql/literals.ts';
import { customerIds, ixOrder, ordered } from './customer-ids.ts';
import { buildCustomerPeriodCte } from './customer-period.ts';
import { monthsCover, readsDatedCosts } from './customer-period-months.ts';
import type { MigrationPeriods } from './migration-sql.ts';
import { buildMigrationSummaryQuery } from './period-summary.ts';
import { assignTiers } from './tier-numerics.ts';
import type { Measure, ValueSource } from './value-source.ts';
import { memoLatest } from '../memo-latest.ts';

/**
 * One entry per customer active in either period, in customer_id order (DuckDB's). NULL → NaN.
 * Read from the engine's summary, customers carry `ix` (their position in
 * `summary.customer_history`) and their ids are looked up only for the rows a result lists;
 * read with only a connection, they carry their ids.
 */
export interface MigrationBase {
  n: number;
  ids?: string[];
  ix?: Float64Array;
  /** 1 when the customer bought in the period. */
  inEarly: Uint8Array;
  inLate: Uint8Array;
  /** The measure's total in each period (revenue, profit or orders). */
  earlyTotal: Float64Array;
  lateTotal: Float64Array;
  /** Last purchase (days since 1970-01-01): in the later period, else in the earlier one. */
  lastPurchase: Float64Array;
}

/**
 * SQL of the base: the two per-customer CTEs full-joined, ordered by customer_id. Dates are the
 * placeholders (or literals) `at`: early start, early end, late start, late end.
 */
export function buildMigrationBaseQuery(
  source: ValueSource,
  measure: Measure,
  periods: MigrationPeriods,
  fromSummary: { early: boolean; late: boolean },
  at: readonly string[] = ['$1', '$2', '$3', '$4'],
): string {
  const total = measure === 'spend' ? 'revenue' : measure === 'profit' ? 'profit' : 'orders';
  const withProfit = measure === 'profit';
  return `WITH ${buildCustomerPeriodCte({ name: 'e', start: at[0]!, end: at[1]!, period: periods.early, source, withProfit, fromSummary: fromSummary.early })},
${buildCustomerPeriodCte({ name: 'l', start: at[2]!, end: at[3]!, period: periods.late, source, withProfit, fromSummary: fromSummary.late })}
SELECT coalesce(e.customer_id, l.customer_id) AS customer_id, e.customer_id IS NOT NULL AS in_early, l.customer_id IS NOT NULL AS in_late,
  CAST(e.${total} AS DOUBLE) AS early_total, CAST(l.${total} AS DOUBLE) AS late_total, coalesce(l.last_date, e.last_date) AS last_purchase
FROM e FULL JOIN l ON l.customer_id = e.customer_id
ORDER BY 1`;
}

const DAY_MS = 86_400_000;

/** The base with only a connection: the raw per-customer CTEs, ids and values as JavaScript values. */
async function readBaseRows(
  db: SqlConnection,
  ctx: AnalysisContext,
  source: ValueSource,
  measure: Measure,
  periods: MigrationPeriods,
): Promise<MigrationBase> {
  const datedCosts = readsDatedCosts(source, measure === 'profit');
  const fromSummary = {
    early: monthsCover(ctx.summary, periods.early, { datedCosts }),
    late: monthsCover(ctx.summary, periods.late, { datedCosts }),
  };
  const t = await db.query(buildMigrationBaseQuery(source, measure, periods, fromSummary), [
    periods.early.start,
    periods.early.end,
    periods.late.start,
    periods.late.end,
  ]);
  const col = (name: string): unknown[] => {
    const i = t.columns.findIndex((c) => c.name === name);
    if (i < 0) throw new Error(`missing column ${name}`);
    return t.data[i]!;
  };
  const numbers = (name: string) =>
    Float64Array.from(col(name), (v) => (v === null || v === undefined ? NaN : Number(v)));
  const ids = col('customer_id').map(String);
  return {
    n: ids.length,
    ids,
    inEarly: Uint8Array.from(col('in_early'), (v) => (v ? 1 : 0)),
    inLate: Uint8Array.from(col('in_late'), (v) => (v ? 1 : 0)),
    earlyTotal: numbers('early_total'),
    lateTotal: numbers('late_total'),
    lastPurchase: Float64Array.from(col('last_purchase'), (v) => (v instanceof Date ? v.getTime() / DAY_MS : NaN)),
  };
}

/**
 * The SQL of the engine's read: one pass over the summary when both periods are whole months;
 * otherwise the per-customer CTEs (raw for a period that cuts a month) with `ix` joined on. Every
 * column a DOUBLE (see period-summary.ts).
 */
export function buildMigrationNumericQuery(
  ctx: Pick<AnalysisContext, 'summary'>,
  source: ValueSource,
  measure: Measure,
  periods: MigrationPeriods,
): string {
  const datedCosts = readsDatedCosts(source, measure === 'profit');
  const fromSummary = {
    early: monthsCover(ctx.summary, periods.early, { datedCosts }),
    late: monthsCover(ctx.summary, periods.late, { datedCosts }),
  };
  if (fromSummary.early && fromSummary.late) return buildMigrationSummaryQuery(source, measure, periods);
  const at = [periods.early.start, periods.early.end, periods.late.start, periods.late.end].map((d) =>
    sqlDate(d, 'period date'),
  );
  const nan = `CAST('NaN' AS DOUBLE)`;
  return `SELECT CAST(h.ix AS DOUBLE) AS ix, CAST(b.in_early::INTEGER + 2 * b.in_late::INTEGER AS DOUBLE) AS in_periods,
  coalesce(b.early_total, ${nan}) AS early_total, coalesce(b.late_total, ${nan}) AS late_total,
  coalesce(CAST(date_diff('day', DATE '1970-01-01', b.last_purchase) AS DOUBLE), ${nan}) AS last_purchase
FROM (${buildMigrationBaseQuery(source, measure, periods, fromSummary, at)}) b JOIN ${summaryTables.customerHistory} h ON h.customer_id = b.customer_id`;
}

async function readBase(
  ctx: AnalysisContext,
  source: ValueSource,
  measure: Measure,
  periods: MigrationPeriods,
): Promise<MigrationBase> {
  if (!ctx.numeric || !ctx.summary) return readBaseRows(ctx.db, ctx, source, measure, periods);
  const t = await ctx.numeric(buildMigrationNumericQuery(ctx, source, measure, periods));
  const order = ixOrder(t.columns.ix ?? new Float64Array(0));
  const inPeriods = ordered(t, 'in_periods', order);
  const inEarly = new Uint8Array(order.length);
  const inLate = new Uint8Array(order.length);
  for (let i = 0; i < order.length; i++) {
    inEarly[i] = inPeriods[i]! & 1;
    inLate[i] = (inPeriods[i]! & 2) >> 1;
  }
  return {
    n: order.length,
    ix: ordered(t, 'ix', order),
    inEarly,
    inLate,
    earlyTotal: ordered(t, 'early_total', order),
    lateTotal: ordered(t, 'late_total', order),
    lastPurchase: ordered(t, 'last_purchase', order),
  };
}

/** The base of two periods and a measure, kept per dataset version (the last one). */
export async function loadMigrationBase(
  ctx: AnalysisContext,
  source: ValueSource,
  measure: Measure,
  periods: MigrationPeriods,
): Promise<MigrationBase> {
  // One base at a time: each holds every customer's ids and totals.
  return memoLatest(ctx, 'migration-base', JSON.stringify([periods.early, periods.late, measure]), () =>
    readBase(ctx, source, measure, periods),
  );
}

/** Per-customer monthly values (`measureExpr`: total / months, one division) and tiers (−1 = not in the period). */
export interface MigrationGrades {
  earlyMonthly: Float64Array;
  lateMonthly: Float64Array;
  from: Int16Array;
  to: Int16Array;
}

/** The earlier period's monthly values of its customers, for quantile thresholds. */
export function earlyValues(b: MigrationBase, earlyMonths: number): Float64Array {
  const out = new Float64Array(b.n);
  let m = 0;
  for (let i = 0; i < b.n; i++) if (b.inEarly[i]) out[m++] = b.earlyTotal[i]! / earlyMonths;
  return out.slice(0, m);
}

/** Grades both periods with the same thresholds (`tierCaseExpr`; NULL value → tier 0). */
export function gradeMigration(
  b: MigrationBase,
  thresholds: readonly number[],
  earlyMonths: number,
  lateMonths: number,
): MigrationGrades {
  const n = b.n;
  const earlyMonthly = new Float64Array(n);
  const lateMonthly = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    earlyMonthly[i] = b.inEarly[i] ? b.earlyTotal[i]! / earlyMonths : NaN;
    lateMonthly[i] = b.inLate[i] ? b.lateTotal[i]! / lateMonths : NaN;
  }
  const et = assignTiers(earlyMonthly, thresholds);
  const lt = assignTiers(lateMonthly, thresholds);
  const from = new Int16Array(n);
  const to = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    from[i] = b.inEarly[i] ? et[i]! : -1;
    to[i] = b.inLate[i] ? lt[i]! : -1;
  }
  return { earlyMonthly, lateMonthly, from, to };
}

/** The rows of `buildMigrationMatrixQuery`: (from_tier, to_tier, customers, early_value, late_value); NULL tier = new / gone. */
export function migrationMatrixRows(b: MigrationBase, g: MigrationGrades): Row[] {
  const cells = new Map<
    number,
    { from: number; to: number; customers: number; early: number; earlyN: number; late: number; lateN: number }
  >();
  for (let i = 0; i < b.n; i++) {
    const key = (g.from[i]! + 1) * 65536 + (g.to[i]! + 1);
    let c = cells.get(key);
    if (!c)
      cells.set(key, (c = { from: g.from[i]!, to: g.to[i]!, customers: 0, early: 0, earlyN: 0, late: 0, lateN: 0 }));
    c.customers += 1;
    const e = b.inEarly[i] ? b.earlyTotal[i]! : NaN;
    const l = b.inLate[i] ? b.lateTotal[i]! : NaN;
    if (!Number.isNaN(e)) {
      c.early += e;
      c.earlyN += 1;
    }
    if (!Number.isNaN(l)) {
      c.late += l;
      c.lateN += 1;
    }
  }
  return [...cells.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([, c]) => ({
      from_tier: c.from < 0 ? null : c.from,
      to_tier: c.to < 0 ? null : c.to,
      customers: c.customers,
      early_value: c.earlyN ? c.early : null,
      late_value: c.lateN ? c.late : null,
    }));
}

/** Customers in the core tiers of the earlier period (`buildCoreCountQuery`). */
export function coreCount(g: MigrationGrades, coreMin: number): number {
  let n = 0;
  for (let i = 0; i < g.from.length; i++) if (g.from[i]! >= 0 && g.from[i]! >= coreMin) n++;
  return n;
}

const nullable = (x: number): number | null => (Number.isNaN(x) ? null : x);

/** The flagged core customers of the early-warning list and their totals (`flagEarlyWarning`). */
export interface EarlyWarningFlags {
  /** The listed customers (base positions), ranked by value at risk, at most `limit`. */
  listed: number[];
  risk: Float64Array;
  full: number;
  partial: number;
  total: number;
  totalN: number;
  core: number;
}

/**
 * The customers of `buildEarlyWarningQuery`: flagged core customers ranked by value at risk (NULLs
 * last, ties in customer_id order: the base's order plus a stable sort), at most `limit`, with the
 * totals over all flagged customers.
 */
export function flagEarlyWarning(
  b: MigrationBase,
  g: MigrationGrades,
  coreMin: number,
  drop: number,
  limit: number,
): EarlyWarningFlags {
  const flagged: number[] = [];
  const risk = new Float64Array(b.n);
  let full = 0;
  let partial = 0;
  let total = 0;
  let totalN = 0;
  for (let i = 0; i < b.n; i++) {
    if (!(g.from[i]! >= 0 && g.from[i]! >= coreMin)) continue;
    const e = g.earlyMonthly[i]!;
    const l = g.lateMonthly[i]!;
    const gone = g.to[i]! < 0;
    if (!(gone || l < (1 - drop) * e)) continue;
    flagged.push(i);
    risk[i] = 12 * (e - (Number.isNaN(l) ? 0 : l));
    if (gone) full++;
    else partial++;
    if (!Number.isNaN(risk[i]!)) {
      total += risk[i]!;
      totalN++;
    }
  }
  // Array.prototype.sort is stable, so equal values keep the base's customer_id order.
  flagged.sort((x, y) => {
    const a = risk[x]!;
    const c = risk[y]!;
    if (Number.isNaN(a) || Number.isNaN(c)) return Number.isNaN(a) ? (Number.isNaN(c) ? 0 : 1) : -1;
    return c - a;
  });
  return { listed: flagged.slice(0, limit), risk, full, partial, total, totalN, core: coreCount(g, coreMin) };
}

/** The ids of the listed customers: from the base, or looked up by `ix` (customer-ids.ts). */
export async function listedIds(
  ctx: AnalysisContext,
  b: MigrationBase,
  listed: readonly number[],
): Promise<(i: number) => string> {
  if (b.ids) {
    const ids = b.ids;
    return (i) => ids[i]!;
  }
  const ix = b.ix!;
  const byIx = await customerIds(
    ctx,
    listed.map((i) => ix[i]!),
  );
  return (i) => byIx.get(ix[i]!)!;
}

/** The rows of `buildEarlyWarningQuery` for flagged customers, each carrying the totals over all flagged customers. */
export function earlyWarningRows(
  b: MigrationBase,
  g: MigrationGrades,
  f: EarlyWarningFlags,
  idOf: (i: number) => string,
): Row[] {
  return f.listed.map((i) => {
    const e = g.earlyMonthly[i]!;
    const l = Number.isNaN(g.lateMonthly[i]!) ? 0 : g.lateMonthly[i]!;
    const last = b.lastPurchase[i]!;
    return {
      customer_id: idOf(i),
      status: g.to[i]! < 0 ? 'full' : 'partial',
      from_tier: g.from[i]!,
      to_tier: g.to[i]! < 0 ? null : g.to[i]!,
      early_monthly: nullable(e),
      late_monthly: l,
      change: e === 0 ? null : nullable(l / e - 1),
      last_purchase: Number.isNaN(last) ? null : new Date(last * DAY_MS),
      value_at_risk: nullable(f.risk[i]!),
      full_count: f.full,
      partial_count: f.partial,
      total_at_risk: f.totalN ? f.total : null,
      core_customers: f.core,
    };
  });
}
