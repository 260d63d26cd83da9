/**
 * Per-customer inputs of the segmentation analyses read from the customer-base summary in one
 * pass, for periods made of whole months (`monthsCover`): the queries behind the first run of
 * tiers, value × loyalty, migration and MVC/MGC/BZ after a load.
 *
 * Same rows and formulas as `buildCustomerPeriodCte` on the monthly tables (customer-period-months.ts),
 * with the work those CTEs did for every caller and most callers did not need taken out:
 *
 * - one group-by of `summary.customer_months` per query, with a FILTER per period, instead of one
 *   per period plus a full join; grouped and joined on the customer's integer `ix` (carried by the
 * monthly tables), not the text id: hashing text ids was most of these queries' time; profit is computed for the
 * period's customers only (the profit
 *   universe of the whole-base builder is not needed when the result is joined onto them);
 * - the first purchase ever and the signup date (tenure) come from `summary.customer_history`,
 *   one row per customer, instead of a group-by over every month and one over `customers`;
 * - results carry `ix`, the customer's position in customer_id order, and no id: every column is
 *   a DOUBLE without NULL (NULL → NaN), so `ctx.numeric` copies whole Arrow buffers into typed
 *   arrays; ids are looked up for the customers a result lists (customer-ids.ts).
 *
 * Money is summed in another grouping than on the raw lines, so results agree with the raw path
 * to rounding (1e-9 relative in the tests). Dates are inlined as validated literals.
 */
import { summaryTables } from '../../model/summary/index.ts';
import { DEFAULT_MARGIN_PCT, resolveMarginSource, usesServiceCosts } from '../profitability/customer-profit.ts';
import { sqlDate, sqlNumber } from '../../sql/literals.ts';
import { DAYS_PER_MONTH, addDays, type Period } from './periods.ts';
import { surveyLoyaltyCte } from './survey-loyalty.ts';
import type { PeerColumn } from './mvc-mgc-bz.ts';
import type { Measure, ValueSource } from './value-source.ts';
import { roundMoneySql } from '../../sql/money.ts';

/** A DOUBLE output column, NULL as NaN (keeps `ctx.numeric` on its bulk-copy path). */
const dbl = (expr: string, name: string) => `coalesce(CAST(${expr} AS DOUBLE), CAST('NaN' AS DOUBLE)) AS ${name}`;

const monthStart = (d: string) => `${d.slice(0, 7)}-01`;
const isMonthEnd = (d: string) => addDays(d, 1).endsWith('-01');

/** The month rows of a period: `month BETWEEN <first month> AND <end>`. */
function monthsOf(p: Period): string {
  return `month BETWEEN ${sqlDate(monthStart(p.start), 'period start')} AND ${sqlDate(p.end, 'period end')}`;
}

/** A cost row counts for a period when undated or dated in one of its months. */
function costsOf(p: Period): string {
  return `(month IS NULL OR ${monthsOf(p)})`;
}

/** Cost of goods over month rows (`filter` = a FILTER clause or ''), as `buildMonthsPeriodCtes`. */
function cogsExpr(source: ValueSource, filter: string): string {
  const margin = sqlNumber(DEFAULT_MARGIN_PCT, 'marginPct');
  return resolveMarginSource({ profile: source.profile }) === 'cost'
    ? `coalesce(sum(recorded_cost)${filter}, 0) + coalesce(sum(revenue_without_cost)${filter}, 0) * (1 - ${margin})`
    : `sum(revenue)${filter} * (1 - ${margin})`;
}

/**
 * Profit of a customer of the period: revenue − cost of goods − cost to serve, NULL when the
 * customer has neither a sale (a month with revenue) nor a cost to serve in the period (outside
 * the profit universe), as the LEFT JOIN of `buildCustomerPeriodCte` gives.
 */
function profitExpr(m: string, suffix: string, cts: string): string {
  return `CASE WHEN ${m}.sales${suffix} = 0 AND ${cts} IS NULL THEN NULL
    ELSE ${roundMoneySql(`coalesce(${m}.revenue${suffix}, 0) - coalesce(${m}.cogs${suffix}, 0) - coalesce(${cts}, 0)`)} END`;
}

/**
 * The cost-to-serve CTE `c` over the periods (one column `cts<suffix>` each) by customer `ix`, or
 * null without service costs. Only customers with a transaction have an ix, and only they are
 * joined onto.
 */
function costCte(source: ValueSource, periods: readonly { p: Period; suffix: string }[]): string | null {
  if (!usesServiceCosts(source.profile)) return null;
  const one = periods.length === 1;
  const cols = periods.map(
    ({ p, suffix }) => `sum(amount)${one ? '' : ` FILTER (WHERE ${costsOf(p)})`} AS cts${suffix}`,
  );
  const where = periods.map(({ p }) => costsOf(p)).join(' OR ');
  return `c AS (SELECT ix, ${cols.join(', ')} FROM ${summaryTables.serviceCostMonths} WHERE ix IS NOT NULL AND (${where}) GROUP BY ix)`;
}

/** Month-row aggregates per period: revenue, sales (months with revenue), cogs, orders, active months. */
function monthAggregates(source: ValueSource, p: Period, suffix: string, filtered: boolean, profit: boolean): string[] {
  const f = filtered ? ` FILTER (WHERE ${monthsOf(p)})` : '';
  const cols = [`sum(revenue)${f} AS revenue${suffix}`, `count(*)${f} AS active${suffix}`];
  if (profit) cols.push(`count(revenue)${f} AS sales${suffix}`, `${cogsExpr(source, f)} AS cogs${suffix}`);
  return cols;
}

/** The range of month rows a set of periods reads. */
function scanRange(periods: readonly Period[]): string {
  const from = periods.map((p) => monthStart(p.start)).sort()[0]!;
  const to = periods
    .map((p) => p.end)
    .sort()
    .at(-1)!;
  return `month BETWEEN ${sqlDate(from, 'period start')} AND ${sqlDate(to, 'period end')}`;
}

/** Inputs of `buildPeriodVectorsSummaryQuery`. */
export interface PeriodVectorsSummarySpec {
  period: Period;
  source: ValueSource;
  signupDates: boolean;
  survey?: boolean;
}

/**
 * The per-customer vectors of a whole-month period (customer-period-vectors.ts) from the summary:
 * revenue, profit (NaN without cost data), orders, active_months, tenure_months and, with
 * `survey`, survey_loyalty; one row per customer with a transaction in the period.
 */
export function buildPeriodVectorsSummaryQuery(s: PeriodVectorsSummarySpec): string {
  const profit = s.source.profit;
  const end = sqlDate(s.period.end, 'period end');
  const m = `m AS (SELECT ix, ${[...monthAggregates(s.source, s.period, '', false, profit), 'sum(orders) AS orders'].join(', ')}
  FROM ${summaryTables.customerMonths} WHERE ${monthsOf(s.period)} GROUP BY ix)`;
  const c = profit ? costCte(s.source, [{ p: s.period, suffix: '' }]) : null;
  const since = s.signupDates ? 'least(coalesce(h.signup, h.first_date), h.first_date)' : 'h.first_date';
  const ctes = [m, ...(c ? [c] : []), ...(s.survey ? [surveyLoyaltyCte()] : [])];
  const cols = [
    dbl('m.revenue', 'revenue'),
    dbl(profit ? profitExpr('m', '', c ? 'c.cts' : 'CAST(NULL AS DOUBLE)') : 'NULL', 'profit'),
    dbl('m.orders', 'orders'),
    dbl('m.active', 'active_months'),
    dbl(`date_diff('day', ${since}, ${end}) / ${DAYS_PER_MONTH}`, 'tenure_months'),
    ...(s.survey ? [dbl('sv.loyalty', 'survey_loyalty')] : []),
  ];
  return `WITH ${ctes.join(',\n')}
SELECT ${cols.join(', ')}
FROM m JOIN ${summaryTables.customerHistory} h ON h.ix = m.ix
${c ? 'LEFT JOIN c ON c.ix = m.ix' : ''}
${s.survey ? 'LEFT JOIN sv ON sv.customer_id = h.customer_id' : ''}`;
}

/**
 * The base of migration (migration-numerics.ts) for two whole-month periods from the summary: per
 * customer active in either, `ix`, `in_periods` (1 = earlier, 2 = later, 3 = both), the measure's
 * total in each (revenue, profit or orders; NaN outside the period) and the last purchase as days
 * since 1970-01-01 (in the later period, else in the earlier one).
 */
export function buildMigrationSummaryQuery(
  source: ValueSource,
  measure: Measure,
  periods: { early: Period; late: Period },
): string {
  const ps = [
    { p: periods.early, suffix: '_e' },
    { p: periods.late, suffix: '_l' },
  ];
  const profit = measure === 'profit' && source.profit;
  const cols = ps.flatMap(({ p, suffix }) => {
    const f = ` FILTER (WHERE ${monthsOf(p)})`;
    return [
      ...monthAggregates(source, p, suffix, true, profit),
      ...(measure === 'orders' ? [`sum(orders)${f} AS orders${suffix}`] : []),
      `max(last_date)${f} AS last${suffix}`,
    ];
  });
  const m = `m AS (SELECT ix, ${cols.join(', ')} FROM ${summaryTables.customerMonths} WHERE ${scanRange([periods.early, periods.late])}
  GROUP BY ix HAVING count(*) FILTER (WHERE ${monthsOf(periods.early)}) + count(*) FILTER (WHERE ${monthsOf(periods.late)}) > 0)`;
  const c = profit ? costCte(source, ps) : null;
  const total = (suffix: string) =>
    measure === 'spend'
      ? `m.revenue${suffix}`
      : measure === 'orders'
        ? `m.orders${suffix}`
        : profit
          ? profitExpr('m', suffix, c ? `c.cts${suffix}` : 'CAST(NULL AS DOUBLE)')
          : 'NULL';
  const inside = (suffix: string, v: string) => `CASE WHEN m.active${suffix} > 0 THEN ${v} END`;
  return `WITH ${[m, ...(c ? [c] : [])].join(',\n')}
SELECT ${dbl('m.ix', 'ix')}, ${dbl('(m.active_e > 0)::INTEGER + 2 * (m.active_l > 0)::INTEGER', 'in_periods')},
  ${dbl(inside('_e', total('_e')), 'early_total')}, ${dbl(inside('_l', total('_l')), 'late_total')},
  ${dbl(`date_diff('day', DATE '1970-01-01', coalesce(m.last_l, m.last_e))`, 'last_purchase')}
FROM m
${c ? 'LEFT JOIN c ON c.ix = m.ix' : ''}`;
}

/**
 * The base of MVC/MGC/BZ (mvc-numerics.ts) for a whole-month period from the summary: per customer
 * active in it, `ix`, value (profit, else revenue), revenue, service_cost, `peer` (a position in
 * `peerLabels`) and the spend of the period's two halves, split after the day `mid`.
 *
 * The halves: months before `mid`'s month count for the first half, months after it for the
 * second; when `mid` is not its month's last day, that one month is read from `transactions`
 * (its lines up to `mid`, and after it). `peerColumn` is `customers.segment`, `customers.region`
 * or null (everyone's peer is code 0, `all`); `buildPeerLabelsQuery` names the codes.
 */
export function buildMvcSummaryQuery(source: ValueSource, peerColumn: PeerColumn, period: Period, mid: string): string {
  const profit = source.profit;
  const midMonth = sqlDate(monthStart(mid), 'middle day');
  const split = !isMonthEnd(mid);
  const [h1, h2] = split
    ? [`month < ${midMonth}`, `month > ${midMonth}`]
    : [`month <= ${midMonth}`, `month > ${midMonth}`];
  const m = `m AS (SELECT ix, ${[...monthAggregates(source, period, '', false, profit), `sum(revenue) FILTER (WHERE ${h1}) AS h1`, `sum(revenue) FILTER (WHERE ${h2}) AS h2`].join(', ')}
  FROM ${summaryTables.customerMonths} WHERE ${monthsOf(period)} GROUP BY ix)`;
  // That month's lines within the period (the period may start or end inside it only where no line falls).
  const from = [monthStart(mid), period.start].sort().at(-1)!;
  const to = [addDays(monthStart(addDays(monthStart(mid), 31)), -1), period.end].sort()[0]!;
  const p = split
    ? `p AS (SELECT CAST(customer_id AS VARCHAR) AS customer_id, sum(revenue) FILTER (WHERE date <= ${sqlDate(mid, 'middle day')}) AS h1,
    sum(revenue) FILTER (WHERE date > ${sqlDate(mid, 'middle day')}) AS h2
  FROM transactions WHERE customer_id IS NOT NULL AND date BETWEEN ${sqlDate(from, 'period start')} AND ${sqlDate(to, 'period end')} GROUP BY 1)`
    : null;
  const c = profit ? costCte(source, [{ p: period, suffix: '' }]) : null;
  const peers = peerColumn
    ? `peers AS (SELECT customer_id, coalesce(any_value(${peerColumn}), '(none)') AS peer FROM customers GROUP BY customer_id),
${peerCodesCte(peerColumn)}`
    : null;
  // Rounded to the micro-unit as in the raw path (mvc-mgc-bz.ts): whether the second half fell
  // below the first must not depend on the order the lines were added in.
  const half = (h: string) =>
    roundMoneySql(split ? `coalesce(m.${h}, 0) + coalesce(p.${h}, 0)` : `coalesce(m.${h}, 0)`);
  const value = profit ? profitExpr('m', '', c ? 'c.cts' : 'CAST(NULL AS DOUBLE)') : 'm.revenue';
  return `WITH ${[m, ...(p ? [p] : []), ...(c ? [c] : []), ...(peers ? [peers] : [])].join(',\n')}
SELECT ${dbl('h.ix', 'ix')}, ${dbl(value, 'value')}, ${dbl('m.revenue', 'revenue')}, ${dbl(c ? 'coalesce(c.cts, 0)' : '0', 'service_cost')},
  ${dbl(peers ? 'codes.code' : '0', 'peer')}, ${dbl(half('h1'), 'first_half')}, ${dbl(half('h2'), 'second_half')}
FROM m JOIN ${summaryTables.customerHistory} h ON h.ix = m.ix
${p ? 'LEFT JOIN p ON p.customer_id = h.customer_id' : ''}
${c ? 'LEFT JOIN c ON c.ix = m.ix' : ''}
${peers ? `LEFT JOIN peers ON peers.customer_id = h.customer_id LEFT JOIN codes ON codes.peer = coalesce(peers.peer, '(none)')` : ''}`;
}

/** Every value a customer's peer can take (`any_value` of the column, else `(none)`), distinct. */
function peerLabelsSql(peerColumn: 'segment' | 'region'): string {
  return `SELECT DISTINCT coalesce(${peerColumn}, '(none)') AS peer FROM customers UNION SELECT '(none)'`;
}

/**
 * `codes (peer, code)`: a number for every peer value (code k = the k-th label of
 * `buildPeerLabelsQuery`). Codes and labels are both numbered in `ORDER BY peer`, so no user value
 * is ever written into SQL text. Without a peer column everyone's peer is `all`.
 */
export function peerCodesCte(peerColumn: PeerColumn): string {
  return peerColumn
    ? `codes AS (SELECT peer, row_number() OVER (ORDER BY peer) - 1 AS code FROM (${peerLabelsSql(peerColumn)}))`
    : `codes AS (SELECT 'all' AS peer, 0 AS code)`;
}

/** The peer labels in the order of `peerCodesCte`'s codes: one column `peer`. */
export function buildPeerLabelsQuery(peerColumn: PeerColumn): string {
  return peerColumn ? `SELECT peer FROM (${peerLabelsSql(peerColumn)}) ORDER BY peer` : `SELECT 'all' AS peer`;
}
