/**
 * SQL for tier migration between two periods. Both periods are graded with the same thresholds
 * (from the earlier period, or the user's amounts), so a customer who spends less moves down even
 * when everyone spends less; measures are per month so periods of different lengths compare.
 * Parameters: $1 early start, $2 early end, $3 early months, $4 late start, $5 late end,
 * $6 late months, $7… thresholds (k of them).
 */
import { buildCustomerPeriodCte, measureExpr } from './customer-period.ts';
import type { Period } from './periods.ts';
import { tierCaseExpr, type TierSqlParams } from './tier-assign.ts';

/** The earlier and later period. */
export interface MigrationPeriods {
  early: Period;
  late: Period;
}

function base(p: TierSqlParams, periods: MigrationPeriods, k: number): string {
  const total = p.measure === 'spend' ? 'revenue' : p.measure === 'profit' ? 'profit' : 'orders';
  return `${buildCustomerPeriodCte({ name: 'e', start: '$1', end: '$2', period: periods.early, source: p.source, withProfit: p.measure === 'profit' })},
${buildCustomerPeriodCte({ name: 'l', start: '$4', end: '$5', period: periods.late, source: p.source, withProfit: p.measure === 'profit' })},
es AS (SELECT customer_id, ${measureExpr(p.measure, '$3')} AS monthly, ${total} AS total, last_date FROM e),
ls AS (SELECT customer_id, ${measureExpr(p.measure, '$6')} AS monthly, ${total} AS total, last_date FROM l),
j AS (SELECT coalesce(es.customer_id, ls.customer_id) AS customer_id,
  CASE WHEN es.customer_id IS NULL THEN NULL ELSE ${tierCaseExpr('es.monthly', 7, k)} END AS from_tier,
  CASE WHEN ls.customer_id IS NULL THEN NULL ELSE ${tierCaseExpr('ls.monthly', 7, k)} END AS to_tier,
  es.monthly AS early_monthly, ls.monthly AS late_monthly, es.total AS early_total, ls.total AS late_total,
  coalesce(ls.last_date, es.last_date) AS last_purchase
  FROM es FULL JOIN ls ON ls.customer_id = es.customer_id)`;
}

/** Transition counts and value: one row per (from_tier, to_tier); NULL from = new, NULL to = gone. */
export function buildMigrationMatrixQuery(p: TierSqlParams, periods: MigrationPeriods, thresholds: number): string {
  return `WITH ${base(p, periods, thresholds)}
SELECT from_tier, to_tier, count(*) AS customers, sum(early_total) AS early_value, sum(late_total) AS late_value
FROM j GROUP BY from_tier, to_tier ORDER BY from_tier NULLS FIRST, to_tier NULLS FIRST`;
}

/**
 * Early warning: customers in the top (core) tiers of the earlier period who stopped buying
 * (full churn) or whose monthly value fell by more than `drop` against their own earlier
 * baseline (partial churn), ranked by annualised value at risk = 12 × (early − late monthly).
 * Extra parameters: $(k+7) lowest core tier index, $(k+8) drop (0–1), $(k+9) list limit.
 * Every row carries the totals over all flagged customers (window sums before the limit).
 */
export function buildEarlyWarningQuery(p: TierSqlParams, periods: MigrationPeriods, thresholds: number): string {
  const k = thresholds;
  return `WITH ${base(p, periods, k)},
w AS (SELECT *, CASE WHEN to_tier IS NULL THEN 'full' ELSE 'partial' END AS status,
  12 * (early_monthly - coalesce(late_monthly, 0)) AS value_at_risk
  FROM j WHERE from_tier >= $${k + 7}::INTEGER AND (to_tier IS NULL OR late_monthly < (1 - $${k + 8}::DOUBLE) * early_monthly)),
c AS (SELECT count(*) AS core_customers FROM j WHERE from_tier >= $${k + 7}::INTEGER)
SELECT customer_id, status, from_tier, to_tier, early_monthly, coalesce(late_monthly, 0) AS late_monthly,
  CASE WHEN early_monthly = 0 THEN NULL ELSE coalesce(late_monthly, 0) / early_monthly - 1 END AS change,
  last_purchase, value_at_risk,
  count(*) FILTER (WHERE status = 'full') OVER () AS full_count, count(*) FILTER (WHERE status = 'partial') OVER () AS partial_count,
  sum(value_at_risk) OVER () AS total_at_risk, c.core_customers
FROM w, c
ORDER BY value_at_risk DESC, customer_id
LIMIT $${k + 9}::INTEGER`;
}

/** Count of core customers in the earlier period (when nobody is flagged the warning query returns no rows). */
export function buildCoreCountQuery(p: TierSqlParams, periods: MigrationPeriods, thresholds: number): string {
  return `WITH ${base(p, periods, thresholds)}
SELECT count(*) AS core_customers FROM j WHERE from_tier >= $${thresholds + 7}::INTEGER`;
}
