/**
 * SQL of the customer-asset scorecard: per customer and quarter, from the summary's monthly tables
 * (`summary.customer_months`, `summary.service_cost_months`; docs/summary.md), or from the same
 * definitions over the raw tables when there is no current summary (tests that pass only `db`).
 * Pure: SQL text, no IO.
 */
import { buildCustomerMonthsSql, buildServiceCostMonthsSql, monthTables } from '../../model/summary/index.ts';
import type { DatasetProfile } from '../../model/profile.ts';
import { hasColumn } from '../../model/profile.ts';
import { sqlDate, sqlNumber } from '../../sql/literals.ts';
import type { Quarter } from './quarters.ts';

/** The monthly tables as CTE bodies: the summary's tables, or their definitions over the raw tables. */
function monthSources(profile: DatasetProfile, fromSummary: boolean): { cm: string; sc: string } {
  if (fromSummary)
    return { cm: `SELECT * FROM ${monthTables.customerMonths}`, sc: `SELECT * FROM ${monthTables.serviceCostMonths}` };
  const body = (sql: string) => sql.replace(/^CREATE OR REPLACE TABLE \S+ AS\n/, '');
  const cm = body(buildCustomerMonthsSql(profile));
  const scSql = buildServiceCostMonthsSql(profile);
  const sc = scSql.includes(' AS\n')
    ? body(scSql)
    : 'SELECT CAST(NULL AS VARCHAR) AS customer_id, CAST(NULL AS DATE) AS month, CAST(NULL AS DOUBLE) AS amount, 0 AS events WHERE false';
  return { cm, sc };
}

/**
 * One row per (quarter, customer) for every customer in the profit universe of quarter `qi`
 * (a transaction line in it, or a cost to serve: dated in it, or undated, which every period
 * counts — the whale curve's universe) or active in the quarter before. Columns (numbers only):
 *
 * | column | meaning |
 * |---|---|
 * | qi | index into `quarters` (0 = the quarter before the first one scored) |
 * | in_q | 1 when the customer is in quarter qi's profit universe |
 * | active | 1 with a transaction line in qi |
 * | returning | 1 when active and the customer's first purchase month is before qi |
 * | revenue, profit | of qi: revenue − cost of goods (recorded, else revenue × (1 − margin)) − cost to serve |
 * | prev_active | 1 with a transaction line in the quarter before |
 * | prev_core | 1 when among the top 20% by profit of the quarter before (ties by customer id) |
 * | prev_revenue, prev_profit | of the quarter before |
 *
 * `quarters` holds the quarter before the first scored one, then the scored ones, consecutive.
 */
export function buildScorecardCustomerQuery(
  profile: DatasetProfile,
  quarters: readonly Quarter[],
  marginPct: number,
  fromSummary: boolean,
): string {
  const { cm, sc } = monthSources(profile, fromSummary);
  const qs = quarters.map((q, i) => `(${i}, ${sqlDate(q.start)})`).join(', ');
  const first = sqlDate(quarters[0]!.start);
  const end = sqlDate(quarters.at(-1)!.end);
  const m = sqlNumber(marginPct, 'margin');
  return `WITH cm AS (${cm}),
sc AS (${sc}),
qs(qi, q) AS (VALUES ${qs}),
tq AS (SELECT customer_id, CAST(date_trunc('quarter', month) AS DATE) AS q, sum(revenue) AS revenue,
    sum(coalesce(recorded_cost, 0) + coalesce(revenue_without_cost, 0) * (1 - ${m})) AS cogs
  FROM cm WHERE month >= ${first} AND month < ${end} GROUP BY ALL),
sq AS (SELECT customer_id, CAST(date_trunc('quarter', month) AS DATE) AS q, amount FROM sc WHERE month >= ${first} AND month < ${end}
  UNION ALL SELECT sc.customer_id, qs.q, sc.amount FROM sc, qs WHERE sc.month IS NULL),
sv AS (SELECT customer_id, q, sum(amount) AS amount FROM sq GROUP BY ALL),
firsts AS (SELECT customer_id, min(month) AS first_month FROM cm GROUP BY ALL),
u AS (SELECT coalesce(tq.customer_id, sv.customer_id) AS customer_id, coalesce(tq.q, sv.q) AS q,
    tq.customer_id IS NOT NULL AS active, coalesce(tq.revenue, 0) AS revenue,
    coalesce(tq.revenue, 0) - coalesce(tq.cogs, 0) - coalesce(sv.amount, 0) AS profit
  FROM tq FULL JOIN sv ON tq.customer_id = sv.customer_id AND tq.q = sv.q),
ranked AS (SELECT u.*, qs.qi, row_number() OVER (PARTITION BY qs.qi ORDER BY profit DESC, customer_id) AS rn,
    count(*) OVER (PARTITION BY qs.qi) AS n
  FROM u JOIN qs USING (q)),
cur AS (SELECT * FROM ranked WHERE qi > 0),
prev AS (SELECT customer_id, qi + 1 AS qi, active, revenue, profit, rn <= greatest(1, round(0.2 * n)) AS core FROM ranked)
SELECT coalesce(cur.qi, prev.qi)::DOUBLE AS qi,
  (cur.customer_id IS NOT NULL)::INTEGER::DOUBLE AS in_q,
  coalesce(cur.active, false)::INTEGER::DOUBLE AS active,
  coalesce(cur.active AND f.first_month < (SELECT q FROM qs WHERE qs.qi = cur.qi), false)::INTEGER::DOUBLE AS returning,
  coalesce(cur.revenue, 0)::DOUBLE AS revenue, coalesce(cur.profit, 0)::DOUBLE AS profit,
  coalesce(prev.active, false)::INTEGER::DOUBLE AS prev_active, coalesce(prev.core, false)::INTEGER::DOUBLE AS prev_core,
  coalesce(prev.revenue, 0)::DOUBLE AS prev_revenue, coalesce(prev.profit, 0)::DOUBLE AS prev_profit
FROM cur FULL JOIN (SELECT * FROM prev WHERE qi < ${quarters.length}) prev ON cur.customer_id = prev.customer_id AND cur.qi = prev.qi
LEFT JOIN firsts f ON f.customer_id = coalesce(cur.customer_id, prev.customer_id)
ORDER BY qi, coalesce(cur.customer_id, prev.customer_id)`;
}

/**
 * Survey answers of the 12 months up to the end of each quarter (surveys come in waves, often
 * once or twice a year, so a quarter alone may hold none): `qi`, `answers` (with a satisfaction
 * score), `satisfied` (score in the top two of the scale: at least `top − 1`, `top` being the
 * highest score answered), and, when there is a `recommend` column, `recommenders` (answers with
 * one), `promoters` (9–10) and `detractors` (0–6), as in the Net Promoter convention. Only dated
 * answers count.
 */
export function buildScorecardSurveyQuery(profile: DatasetProfile, quarters: readonly Quarter[]): string {
  const qs = quarters.map((q, i) => `(${i}, ${sqlDate(q.end)})`).join(', ');
  const rec = hasColumn(profile, 'surveys', 'recommend');
  return `WITH qs(qi, q_end) AS (VALUES ${qs}),
top AS (SELECT max(satisfaction) AS top FROM surveys WHERE customer_id IS NOT NULL),
a AS (SELECT date, satisfaction${rec ? ', recommend' : ''} FROM surveys WHERE customer_id IS NOT NULL AND date IS NOT NULL)
SELECT qs.qi::DOUBLE AS qi,
  count(a.satisfaction)::DOUBLE AS answers,
  count(*) FILTER (WHERE a.satisfaction >= (SELECT top FROM top) - 1)::DOUBLE AS satisfied,
  ${rec ? 'count(a.recommend)' : '0'}::DOUBLE AS recommenders,
  ${rec ? 'count(*) FILTER (WHERE a.recommend >= 9)' : '0'}::DOUBLE AS promoters,
  ${rec ? 'count(*) FILTER (WHERE a.recommend <= 6)' : '0'}::DOUBLE AS detractors
FROM qs LEFT JOIN a ON a.date < qs.q_end AND a.date >= CAST(qs.q_end - INTERVAL 12 MONTH AS DATE)
GROUP BY qs.qi ORDER BY qs.qi`;
}
