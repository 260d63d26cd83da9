/**
 * Grading customers into tiers, in SQL. A customer's tier is the number of thresholds their
 * value reaches (`value ≥ threshold`, lower bounds inclusive), so tiers always partition the
 * customers. Thresholds are either user-entered amounts or quantiles of the value, computed by
 * `buildTierThresholdQuery` and then bound as parameters (never spliced into SQL text).
 */
import type { SqlConnection } from '../../sql/connection.ts';
import { buildCustomerPeriodCte, measureExpr } from './customer-period.ts';
import { num } from './format.ts';
import { noDataMessage, periodMonths, type DataRange, type Period } from './periods.ts';
import type { Measure, ValueSource } from './value-source.ts';

/** How tier thresholds are chosen. */
export type TierMethod = 'quantiles' | 'amounts';

/** Inputs shared by the tier queries. */
export interface TierSqlParams {
  source: ValueSource;
  measure: Measure;
  signupDates?: boolean;
}

/**
 * Thresholds as quantiles of the measure across customers active in the period
 * (`quantile_cont`, linear interpolation). Parameters: $1 start, $2 end, $3 months, $4… probabilities.
 * Returns one row: `customers`, then `t1…tk`.
 */
export function buildTierThresholdQuery(p: TierSqlParams, period: Period, quantiles: number): string {
  const cols = Array.from({ length: quantiles }, (_, i) => `quantile_cont(value, $${i + 4}::DOUBLE) AS t${i + 1}`);
  return `WITH ${buildCustomerPeriodCte({ name: 'cur', start: '$1', end: '$2', period, source: p.source, withProfit: p.measure === 'profit' })},
scored AS (SELECT ${measureExpr(p.measure, '$3')} AS value FROM cur)
SELECT count(*) AS customers${cols.length ? ', ' + cols.join(', ') : ''} FROM scored`;
}

/** `CASE` expression giving the tier index (0 = lowest) of `value` against thresholds bound at `$first…`. */
export function tierCaseExpr(value: string, first: number, thresholds: number): string {
  if (thresholds === 0) return '0';
  const whens: string[] = [];
  for (let k = thresholds; k >= 1; k--) whens.push(`WHEN ${value} >= $${first + k - 1}::DOUBLE THEN ${k}`);
  return `CASE ${whens.join(' ')} ELSE 0 END`;
}

/** Computes or checks the thresholds for a period; throws a clear message when the period has no customers. */
export async function resolveThresholds(
  db: SqlConnection,
  p: TierSqlParams & { method: TierMethod; quantiles: readonly number[]; amounts: readonly number[] },
  period: Period,
  range: DataRange,
  analysis: string,
  label = 'period',
): Promise<number[]> {
  const t = await db.query(buildTierThresholdQuery(p, period, p.method === 'quantiles' ? p.quantiles.length : 0), [
    period.start,
    period.end,
    periodMonths(period),
    ...(p.method === 'quantiles' ? p.quantiles : []),
  ]);
  if (num(t.data[0]?.[0]) === 0) throw new Error(noDataMessage(analysis, period, range, label));
  if (p.method === 'amounts') return [...p.amounts];
  return t.data.slice(1).map((c) => num(c[0]));
}
