/**
 * The per-customer aggregate of a period read from the summary's monthly tables
 * (`summary.customer_months`, `summary.service_cost_months`; docs/summary.md) instead of
 * `transactions`, and the rule for when that gives the very same rows.
 *
 * A period made of whole calendar months is the union of its months, and every column of the
 * per-customer CTE is a sum, count, min or max over lines, so it is the sum (min, max) of the
 * months' values: revenue, orders (when no order spans two months), active months (the number of
 * monthly rows), first and last dates, first-ever purchase, cost of goods and recorded cost to
 * serve. Money is summed in another order, so it agrees to rounding (tests hold it to 1e-9).
 */
import type { SummaryState } from '../../model/summary/index.ts';
import { summaryTables } from '../../model/summary/index.ts';
import { DEFAULT_MARGIN_PCT, resolveMarginSource, usesServiceCosts } from '../profitability/customer-profit.ts';
import { sqlNumber } from '../../sql/literals.ts';
import { addDays, type Period } from './periods.ts';
import type { ValueSource } from './value-source.ts';
import { roundMoneySql } from '../../sql/money.ts';

/** Inputs of `buildMonthsPeriodCtes` (the names of `buildCustomerPeriodCte`). */
export interface MonthsPeriodSql {
  name: string;
  /** Placeholders (or literals) of the period's first and last day. */
  start: string;
  end: string;
  source: ValueSource;
  /** Whether `<name>_profit` is wanted. */
  profit: boolean;
}

const isMonthStart = (d: string): boolean => d.endsWith('-01');
const isMonthEnd = (d: string): boolean => isMonthStart(addDays(d, 1));

/**
 * Whether the monthly tables give exactly the rows of the raw per-customer CTE for `period`:
 *
 * - the summary is current and every order lies in one month (`ordersWithinMonths`);
 * - the period starts on the first of a month, or on/before the data's first date; and ends on
 *   the last of a month, or on/after the data's last date (no transaction falls in the part of a
 *   month outside the period);
 * - with profit and service costs, both ends are month boundaries: dated costs can fall outside
 *   the transactions' dates, so only whole months cut them exactly.
 */
export function monthsCover(
  summary: SummaryState | null | undefined,
  period: Period,
  o: { datedCosts: boolean },
): boolean {
  if (!summary || !summary.ordersWithinMonths || !summary.dateFrom || !summary.dateTo) return false;
  const startOk = isMonthStart(period.start) || (!o.datedCosts && period.start <= summary.dateFrom);
  const endOk = isMonthEnd(period.end) || (!o.datedCosts && period.end >= summary.dateTo);
  return startOk && endOk;
}

/** Whether profit for a period reads dated service costs (see `monthsCover`). */
export function readsDatedCosts(source: ValueSource, profit: boolean): boolean {
  return profit && source.profit && source.serviceCosts;
}

/**
 * CTEs `<name>_m` (the period's monthly rows), `<name>_profit` (with `profit`), `<name>_agg` and
 * `<name>_first`: the same columns as the raw CTEs of `buildCustomerPeriodCte`.
 *
 * Profit follows `buildCustomerProfitQuery` with its defaults (margin from the cost column, else
 * 35% assumed; recorded cost to serve, undated rows always counted; no acquisition cost): one row
 * per customer with sales or cost to serve in the period, profit = revenue − cost of goods − cost
 * to serve, where cost of goods = recorded cost + revenue without cost × (1 − margin).
 */
export function buildMonthsPeriodCtes(p: MonthsPeriodSql): string {
  const { name, start, end, source } = p;
  const monthFrom = `CAST(date_trunc('month', ${start}::DATE) AS DATE)`;
  const ctes = [
    `${name}_m AS (SELECT * FROM ${summaryTables.customerMonths} WHERE month BETWEEN ${monthFrom} AND ${end}::DATE)`,
  ];
  if (p.profit) {
    const margin = sqlNumber(DEFAULT_MARGIN_PCT, 'marginPct');
    const cogs =
      resolveMarginSource({ profile: source.profile }) === 'cost'
        ? `coalesce(sum(recorded_cost), 0) + coalesce(sum(revenue_without_cost), 0) * (1 - ${margin})`
        : `sum(revenue) * (1 - ${margin})`;
    const cts = usesServiceCosts(source.profile)
      ? `SELECT customer_id, sum(amount) AS cost_to_serve FROM ${summaryTables.serviceCostMonths}
    WHERE month IS NULL OR month BETWEEN ${monthFrom} AND ${end}::DATE GROUP BY customer_id`
      : `SELECT CAST(NULL AS VARCHAR) AS customer_id, CAST(NULL AS DOUBLE) AS cost_to_serve WHERE false`;
    ctes.push(
      `${name}_sales AS (SELECT customer_id, sum(revenue) AS revenue, ${cogs} AS cogs FROM ${name}_m WHERE revenue IS NOT NULL GROUP BY customer_id)`,
    );
    ctes.push(`${name}_cts AS (${cts})`);
    ctes.push(`${name}_profit AS (SELECT ids.customer_id, coalesce(c.cost_to_serve, 0) AS cost_to_serve,
    ${roundMoneySql('coalesce(s.revenue, 0) - coalesce(s.cogs, 0) - coalesce(c.cost_to_serve, 0)')} AS profit
  FROM (SELECT customer_id FROM ${name}_sales UNION SELECT customer_id FROM ${name}_cts) ids
  LEFT JOIN ${name}_sales s ON s.customer_id = ids.customer_id LEFT JOIN ${name}_cts c ON c.customer_id = ids.customer_id)`);
  }
  ctes.push(`${name}_agg AS (
  SELECT customer_id, sum(revenue) AS revenue, CAST(sum(orders) AS BIGINT) AS orders, count(*) AS active_months,
    min(first_date) AS first_date, max(last_date) AS last_date
  FROM ${name}_m GROUP BY customer_id
)`);
  ctes.push(`${name}_first AS (
  SELECT customer_id, min(first_date) AS first_ever FROM ${summaryTables.customerMonths}
  WHERE first_date <= ${end}::DATE GROUP BY customer_id
)`);
  return ctes.join(',\n');
}
