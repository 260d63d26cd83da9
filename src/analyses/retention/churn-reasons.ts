/**
 * Churn reasons: a Pareto of stated reasons (or complaint categories) by the number of customers
 * lost and by the value they took with them — Juran's "vital few": a handful of root causes
 * usually explain most of the loss, and those are the ones to fix first.
 */
import type { Row } from '../../sql/table.ts';
import { lostCustomersTable } from '../../model/summary/index.ts';
import { churnExpression, type ChurnSource } from './churn-flag.ts';
import { quoteIdent } from '../../sql/quote.ts';

/** Where a lost customer's value comes from. */
export type LostValueSource = { kind: 'column'; column: string } | { kind: 'revenue_12m' } | { kind: 'none' };

/**
 * SQL: `reason`, `customers`, `lost_value` over churned customers (churn flag set, or a reason
 * given). Value is a customers column, or revenue in the 365 days up to the churn date (up to the
 * last purchase when no churn date is recorded). No parameters.
 */
export function buildChurnReasonsQuery(o: {
  churn: ChurnSource;
  reasonColumn: string;
  value: LostValueSource;
}): string {
  const reason = `c.${quoteIdent(o.reasonColumn)}`;
  const value =
    o.value.kind === 'column'
      ? `TRY_CAST(c.${quoteIdent(o.value.column)} AS DOUBLE)`
      : o.value.kind === 'revenue_12m'
        ? 'v.value'
        : 'CAST(NULL AS DOUBLE)';
  const join =
    o.value.kind === 'revenue_12m'
      ? `LEFT JOIN (
  SELECT t.customer_id, sum(t.revenue) AS value
  FROM transactions t
  JOIN (SELECT customer_id, max(date) AS last_date FROM transactions GROUP BY customer_id) m USING (customer_id)
  JOIN customers cc USING (customer_id)
  WHERE t.date <= coalesce(cc.churn_date, m.last_date) AND t.date > coalesce(cc.churn_date, m.last_date) - 365
  GROUP BY t.customer_id
) v USING (customer_id)`
      : '';
  return `SELECT coalesce(nullif(trim(CAST(${reason} AS VARCHAR)), ''), '(not stated)') AS reason,
  count(*) AS customers, coalesce(sum(${value}), 0) AS lost_value
FROM customers c ${join}
WHERE c.customer_id IS NOT NULL AND (${churnExpression(o.churn)} OR nullif(trim(CAST(${reason} AS VARCHAR)), '') IS NOT NULL)
GROUP BY ALL`;
}

/**
 * The same rows as `buildChurnReasonsQuery` with the default options (reason column
 * `churn_reason`, churn from `churn_date`, value = revenue in the 12 months before leaving), read
 * from the customer-base summary's `summary.lost_customers`: no scan of `customers` or
 * `transactions`.
 */
export function buildSummaryChurnReasonsQuery(): string {
  return `SELECT reason, count(*) AS customers, coalesce(sum(revenue_12m), 0) AS lost_value
FROM ${lostCustomersTable}
GROUP BY ALL`;
}

/** One bar of a Pareto. */
export interface ParetoRow {
  reason: string;
  customers: number;
  lost_value: number;
  /** Share of the measure the Pareto is sorted by. */
  share: number;
  cumulative_share: number;
  rank: number;
}

/** Sorts reasons by `by` (descending, ties by name) and adds shares and cumulative shares. Pure. */
export function pareto(rows: readonly Row[], by: 'customers' | 'lost_value'): ParetoRow[] {
  const items = rows.map((r) => ({
    reason: String(r.reason),
    customers: Number(r.customers),
    lost_value: Number(r.lost_value ?? 0),
  }));
  items.sort((a, b) => b[by] - a[by] || a.reason.localeCompare(b.reason));
  const total = items.reduce((s, x) => s + x[by], 0);
  let cum = 0;
  return items.map((x, k) => {
    cum += x[by];
    return { ...x, share: total ? x[by] / total : 0, cumulative_share: total ? cum / total : 0, rank: k + 1 };
  });
}
