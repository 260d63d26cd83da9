/**
 * Retention by acquisition cohort: of the customers who first bought in period P, the share who
 * bought again in period P + k. Acquisition = the period of a customer's first transaction.
 * "Active" means at least one transaction in the period (a purchase or a return).
 */
import type { Row } from '../../sql/table.ts';
import { summaryTables } from '../../model/summary/index.ts';
import { periodPart, type PeriodUnit } from './sql.ts';

/** Options of `buildCohortRetentionQuery`. */
export interface CohortQueryOptions {
  /** Calendar period cohorts and activity are counted in. */
  period: PeriodUnit;
  /** Drop the last period when the data ends before it does (a partial period looks like churn). */
  completePeriodsOnly: boolean;
  /**
   * Read the summary's monthly table (`summary.customer_months`, docs/summary.md) instead of
   * `transactions`: the same rows for any period unit, since months, quarters and years are unions
   * of whole months and the table holds exactly the lines counted here (customer and date present).
   */
  fromSummary?: boolean;
}

/**
 * SQL: one row per (cohort, period_index) with activity: `cohort` (DATE, period start),
 * `cohort_size`, `period_index` (0 = acquisition period), `active`, and `last_period` (the last
 * period counted). No parameters.
 */
export function buildCohortRetentionQuery(o: CohortQueryOptions): string {
  const p = periodPart(o.period);
  // A period is complete when the day after the last transaction starts a new one. The cut-off
  // is a period start, so a month is before it exactly when its dates are.
  const last = o.fromSummary ? `(SELECT date_to FROM ${summaryTables.info})` : '(SELECT max(date) FROM transactions)';
  const day = o.fromSummary ? 'month' : 'date';
  const cutoff = o.completePeriodsOnly ? `AND ${day} < CAST(date_trunc(${p}, ${last} + 1) AS DATE)` : '';
  const from = o.fromSummary
    ? `${summaryTables.customerMonths} WHERE true`
    : 'transactions WHERE customer_id IS NOT NULL AND date IS NOT NULL';
  return `WITH tx AS (
  SELECT customer_id, CAST(date_trunc(${p}, ${day}) AS DATE) AS period_start
  FROM ${from} ${cutoff}
  GROUP BY ALL
),
first AS (SELECT customer_id, min(period_start) AS cohort FROM tx GROUP BY customer_id),
sizes AS (SELECT cohort, count(*) AS cohort_size FROM first GROUP BY cohort),
act AS (
  SELECT f.cohort, date_diff(${p}, f.cohort, t.period_start) AS period_index, count(*) AS active
  FROM tx t JOIN first f USING (customer_id) GROUP BY ALL
)
SELECT s.cohort, s.cohort_size, a.period_index, a.active, (SELECT max(period_start) FROM tx) AS last_period
FROM sizes s JOIN act a USING (cohort)
ORDER BY s.cohort, a.period_index`;
}

/** One cell of the cohort table (long form, ready for a heatmap). */
export interface CohortCell {
  /** Cohort label: `2024-03` (month), `2024-Q1` (quarter), `2024` (year). */
  cohort: string;
  cohort_start: Date;
  cohort_size: number;
  /** Periods since acquisition (0 = the acquisition period itself, always 100%). */
  period_index: number;
  active: number;
  retention: number;
}

/** One point of the size-weighted average retention curve. */
export interface CurvePoint {
  period_index: number;
  /** Customers in cohorts observed this many periods after acquisition. */
  cohort_customers: number;
  active: number;
  retention: number;
}

/** Label of a period starting at `d` (UTC). */
export function periodLabel(d: Date, unit: PeriodUnit): string {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  if (unit === 'year') return String(y);
  if (unit === 'quarter') return `${y}-Q${Math.floor(m / 3) + 1}`;
  return `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Whole periods from `a` to `b` (both period starts). */
function periodsBetween(a: Date, b: Date, unit: PeriodUnit): number {
  const months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
  return unit === 'month' ? months : unit === 'quarter' ? Math.floor(months / 3) : Math.floor(months / 12);
}

/**
 * Fills the cohort grid (periods with no activity become 0%, up to the last observed period),
 * keeps the `maxCohorts` most recent cohorts and the first `maxPeriods` + 1 period indexes, and
 * averages the curve weighting each cohort by its size. Pure.
 */
export function cohortRetention(
  rows: readonly Row[],
  o: { period: PeriodUnit; maxPeriods: number; maxCohorts: number },
): { cells: CohortCell[]; curve: CurvePoint[]; cohortsDropped: number } {
  const byCohort = new Map<number, { start: Date; size: number; active: Map<number, number> }>();
  let last: Date | null = null;
  for (const r of rows) {
    const start = r.cohort as Date;
    const key = start.getTime();
    let c = byCohort.get(key);
    if (!c) byCohort.set(key, (c = { start, size: Number(r.cohort_size), active: new Map() }));
    c.active.set(Number(r.period_index), Number(r.active));
    last = r.last_period as Date;
  }
  const cohorts = [...byCohort.values()].sort((a, b) => a.start.getTime() - b.start.getTime());
  const kept = cohorts.slice(Math.max(0, cohorts.length - o.maxCohorts));
  const cells: CohortCell[] = [];
  const sums = new Map<number, { size: number; active: number }>();
  for (const c of kept) {
    const observed = last ? Math.min(o.maxPeriods, periodsBetween(c.start, last, o.period)) : 0;
    for (let k = 0; k <= observed; k++) {
      const active = c.active.get(k) ?? 0;
      cells.push({
        cohort: periodLabel(c.start, o.period),
        cohort_start: c.start,
        cohort_size: c.size,
        period_index: k,
        active,
        retention: c.size > 0 ? active / c.size : 0,
      });
      const s = sums.get(k) ?? { size: 0, active: 0 };
      s.size += c.size;
      s.active += active;
      sums.set(k, s);
    }
  }
  const curve = [...sums.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([k, s]) => ({
      period_index: k,
      cohort_customers: s.size,
      active: s.active,
      retention: s.size > 0 ? s.active / s.size : 0,
    }));
  return { cells, curve, cohortsDropped: cohorts.length - kept.length };
}
