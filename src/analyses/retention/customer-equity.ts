/**
 * Customer equity from the data: per segment, the observed period-to-period retention, the margin
 * per customer and the number of customers, turned into CLV with the margin multiple
 * (Gupta & Lehmann 2003; see `margin-multiple.ts`) and summed into customer equity
 * (Blattberg & Deighton 1996, "Manage marketing by the customer equity test", HBR 74(4)).
 *
 * The two periods are the last two COMPLETE calendar periods of the data: retention is the share
 * of customers active in the earlier one who are active again in the later one; margin per
 * customer and the count come from the later one.
 */
import type { Row } from '../../sql/table.ts';
import type { DatasetProfile } from '../../model/profile.ts';
import { hasTable } from '../../model/profile.ts';
import { customerLifetimeValue } from './margin-multiple.ts';
import { quoteIdent } from '../../sql/quote.ts';
import { customerColumn, marginExpression, periodPart, type PeriodUnit } from './sql.ts';

/** How customers are grouped: spend tiers of the period, or a column of `customers`. */
export type SegmentBy = { kind: 'spend_tier' } | { kind: 'column'; column: string };

/** Parses the `segment_by` option: `spend_tier` or the name of a customers column. */
export function parseSegmentBy(profile: DatasetProfile, value: string): SegmentBy {
  if (value === 'spend_tier') return { kind: 'spend_tier' };
  return { kind: 'column', column: customerColumn(profile, value, 'segment_by') };
}

const months: Record<PeriodUnit, number> = { month: 1, quarter: 3, year: 12 };

/**
 * SQL: the last two complete periods — `p_prev`, `p_last` (DATE, period starts) and `p_end`
 * (the last day of `p_last`); NULLs when the data has no complete period. No parameters.
 */
export function buildEquityPeriodsQuery(period: PeriodUnit): string {
  const p = periodPart(period);
  return `WITH b AS (SELECT CAST(date_trunc(${p}, max(date) + 1) AS DATE) AS end_excl, min(date) AS first_date FROM transactions WHERE date IS NOT NULL)
SELECT CAST(end_excl - INTERVAL ${months[period] * 2} MONTH AS DATE) AS p_prev,
  CAST(end_excl - INTERVAL ${months[period]} MONTH AS DATE) AS p_last,
  CAST(end_excl - 1 AS DATE) AS p_end,
  first_date
FROM b`;
}

/**
 * SQL: one row per segment with `base_prev` (customers active in the earlier period, by their
 * segment then), `retained` (of those, active in the later one), `customers` (active in the later
 * period), `new_customers` (first purchase in the later period), `revenue` and `margin` of the
 * later period. Margin is profit after cost to serve by the shared rule of
 * `../profitability/customer-profit.ts` (gross margin from cost, else revenue × the assumed margin,
 * minus the period's service costs, undated ones included).
 * `$1` = p_prev, `$2` = p_last, `$3` = p_end (YYYY-MM-DD: the periods are [$1, $2) and [$2, $3]),
 * `$4` = the assumed margin fraction.
 *
 * One pass over the two periods' transactions gives each customer's spend in both (a date range,
 * not `date_trunc` per row, so DuckDB can skip row groups outside it); the two sides are then
 * stacked and counted. The what-if reruns this on every slider move, so it is kept lean.
 */
export function buildSegmentEquityQuery(o: {
  profile: DatasetProfile;
  period: PeriodUnit;
  segmentBy: SegmentBy;
}): string {
  periodPart(o.period);
  // Spend tiers: cume_dist over each period's customers ranked by spend (top 20% / next 30% / rest).
  const tier = (side: 'prev' | 'last') =>
    `CASE WHEN NOT in_${side} THEN NULL
          WHEN cume_dist() OVER (PARTITION BY in_${side} ORDER BY rev_${side}) > 0.8 THEN 'Top 20%'
          WHEN cume_dist() OVER (PARTITION BY in_${side} ORDER BY rev_${side}) > 0.5 THEN 'Middle 30%'
          ELSE 'Bottom 50%' END`;
  const column = o.segmentBy.kind === 'column' ? o.segmentBy.column : null;
  const attr = column
    ? `LEFT JOIN (SELECT customer_id, any_value(${quoteIdent(column)}) AS segment FROM customers GROUP BY customer_id) attr USING (customer_id)`
    : '';
  const segPrev = column ? `coalesce(CAST(attr.segment AS VARCHAR), '(none)')` : tier('prev');
  const segLast = column ? `coalesce(CAST(attr.segment AS VARCHAR), '(none)')` : tier('last');
  const withCosts = hasTable(o.profile, 'service_costs');
  const svc = withCosts
    ? `svc AS (SELECT customer_id, sum(amount) AS cost_to_serve FROM service_costs
  WHERE customer_id IS NOT NULL AND amount IS NOT NULL AND (date IS NULL OR date BETWEEN CAST($2 AS DATE) AND CAST($3 AS DATE))
  GROUP BY customer_id),`
    : '';
  return `WITH cust AS (
  SELECT customer_id,
    sum(revenue) FILTER (WHERE date < CAST($2 AS DATE)) AS rev_prev,
    sum(revenue) FILTER (WHERE date >= CAST($2 AS DATE)) AS rev_last,
    sum(${marginExpression(o.profile, '$4')}) FILTER (WHERE date >= CAST($2 AS DATE)) AS margin_last,
    count(*) FILTER (WHERE date < CAST($2 AS DATE)) > 0 AS in_prev,
    count(*) FILTER (WHERE date >= CAST($2 AS DATE)) > 0 AS in_last
  FROM transactions
  WHERE customer_id IS NOT NULL AND revenue IS NOT NULL AND date >= CAST($1 AS DATE) AND date <= CAST($3 AS DATE)
  GROUP BY customer_id
),
earlier AS (SELECT DISTINCT customer_id FROM transactions WHERE customer_id IS NOT NULL AND date < CAST($2 AS DATE)),
${svc}
seg AS (SELECT cust.*, ${segPrev} AS seg_prev, ${segLast} AS seg_last FROM cust ${attr}),
sides AS (
  SELECT seg_prev AS segment, true AS prev, in_last, false AS is_new, 0.0 AS revenue, 0.0 AS margin FROM seg WHERE in_prev
  UNION ALL
  SELECT s.seg_last, false, true, e.customer_id IS NULL, s.rev_last, s.margin_last${withCosts ? ' - coalesce(c.cost_to_serve, 0)' : ''}
  FROM seg s LEFT JOIN earlier e USING (customer_id)${withCosts ? ' LEFT JOIN svc c USING (customer_id)' : ''} WHERE s.in_last
)
SELECT segment,
  count(*) FILTER (WHERE prev) AS base_prev,
  count(*) FILTER (WHERE prev AND in_last) AS retained,
  count(*) FILTER (WHERE NOT prev) AS customers,
  count(*) FILTER (WHERE NOT prev AND is_new) AS new_customers,
  coalesce(sum(revenue) FILTER (WHERE NOT prev), 0) AS revenue,
  coalesce(sum(margin) FILTER (WHERE NOT prev), 0) AS margin
FROM sides
GROUP BY segment ORDER BY segment`;
}

/** One segment's equity. */
export interface SegmentEquity {
  segment: string;
  base_prev: number;
  retained: number;
  /** retained / base_prev. */
  retention: number;
  customers: number;
  new_customers: number;
  revenue: number;
  /** Margin (profit after cost to serve) per customer per period. */
  margin_per_customer: number;
  /** Margin multiple for this retention and discount rate. */
  multiple: number;
  clv: number;
  equity: number;
  /** Share of total equity. */
  equity_share: number;
}

/** Options of `customerEquity`. */
export interface CustomerEquityOptions {
  /** Discount rate per period (convert an annual rate with `perPeriodRate`). */
  discountRate: number;
  /** Margins counted (Infinity = the perpetuity). */
  horizon: number;
  /** Retention is capped here: at 100% the perpetuity has no finite value. */
  maxRetention?: number;
}

/** Per-period rate equivalent to an annual rate: (1 + i)^(months/12) − 1. */
export function perPeriodRate(annual: number, period: PeriodUnit): number {
  return (1 + annual) ** (months[period] / 12) - 1;
}

/**
 * CLV and equity per segment, plus a total row (pooled retention and margin). Each customer's
 * value counts margins from the next period on (the current one is already earned). Pure.
 */
export function customerEquity(
  rows: readonly Row[],
  o: CustomerEquityOptions,
): { segments: SegmentEquity[]; total: SegmentEquity; capped: string[] } {
  const cap = o.maxRetention ?? 0.99;
  const capped: string[] = [];
  const make = (
    segment: string,
    r: {
      base_prev: number;
      retained: number;
      customers: number;
      new_customers: number;
      revenue: number;
      margin: number;
    },
  ): SegmentEquity => {
    let retention = r.base_prev > 0 ? r.retained / r.base_prev : 0;
    if (retention > cap) {
      capped.push(segment);
      retention = cap;
    }
    const m = r.customers > 0 ? r.margin / r.customers : 0;
    const multiple = customerLifetimeValue({ margin: 1, retention, discountRate: o.discountRate, horizon: o.horizon });
    return {
      segment,
      base_prev: r.base_prev,
      retained: r.retained,
      retention,
      customers: r.customers,
      new_customers: r.new_customers,
      revenue: r.revenue,
      margin_per_customer: m,
      multiple,
      clv: m * multiple,
      equity: r.customers * m * multiple,
      equity_share: 0,
    };
  };
  const parsed = rows.map((x) => ({
    segment: String(x.segment),
    base_prev: Number(x.base_prev),
    retained: Number(x.retained),
    customers: Number(x.customers),
    new_customers: Number(x.new_customers),
    revenue: Number(x.revenue ?? 0),
    margin: Number(x.margin ?? 0),
  }));
  const segments = parsed.map((x) => make(x.segment, x));
  const sum = (k: keyof (typeof parsed)[number]) => parsed.reduce((s, x) => s + (x[k] as number), 0);
  const total = make('All customers', {
    base_prev: sum('base_prev'),
    retained: sum('retained'),
    customers: sum('customers'),
    new_customers: sum('new_customers'),
    revenue: sum('revenue'),
    margin: sum('margin'),
  });
  const totalEquity = segments.reduce((s, x) => s + x.equity, 0);
  for (const s of segments) s.equity_share = totalEquity !== 0 ? s.equity / totalEquity : 0;
  total.equity_share = 1;
  return { segments, total, capped };
}

/** Columns of a `SegmentEquity` table. */
export const segmentEquityColumns = {
  segment: 'string',
  base_prev: 'number',
  retained: 'number',
  retention: 'number',
  customers: 'number',
  new_customers: 'number',
  revenue: 'number',
  margin_per_customer: 'number',
  multiple: 'number',
  clv: 'number',
  equity: 'number',
  equity_share: 'number',
} as const;
