/**
 * The customer-base summary: the one expensive pass over the raw tables, done once per dataset
 * version (at load or import) and kept beside the data in schema `summary`. Analyses that only
 * need per-customer figures for the dataset's whole period read these tables instead of
 * re-scanning `transactions` on every option change. Schema and semantics: docs/summary.md.
 *
 * The definitions mirror the profit builder's raw path exactly (profitability/customer-profit.ts):
 * the same period (first to last transaction date of the whole table), the same line filters,
 * the same order key, the same normalised cost category; so a profit computed from the summary
 * equals one computed from the raw tables up to summation order. Tests hold both to 1e-9.
 *
 * Pure: SQL text from the dataset profile, no IO. A bigger engine (native DuckDB, a warehouse)
 * can run the same statements and hand the tables to the workbench.
 */
import { hasColumn, hasTable, type DatasetProfile } from '../profile.ts';
import { buildCustomerRanksSql, buildServiceCostOwnersSql, diagnosticsTables } from './diagnostics-sql.ts';
import {
  buildCustomerMonthsSql,
  buildOrdersWithinMonthsSql,
  buildServiceCostMonthsSql,
  monthTables,
} from './customer-months-sql.ts';
import { buildLostCustomersSql, lostCustomersTable } from './lost-customers-sql.ts';
import { buildSurveyInfoSql, buildSurveyRespondentsSql, surveyTables } from './survey-sql.ts';
import { buildCustomerHistorySql, customerHistoryTable } from './customer-history-sql.ts';
import { quoteIdent, quoteLiteral } from '../../sql/quote.ts';

/** The schema that holds the summary tables. */
export const SUMMARY_SCHEMA = 'summary';

/** Version of the summary's definition; a stored summary of another version is rebuilt. */
export const SUMMARY_VERSION = 5;

/** Names of the summary tables (schema-qualified, as analyses read them). */
export const summaryTables = {
  /** One row of facts about the summary: period, fingerprint of the source data, build time. */
  info: `${SUMMARY_SCHEMA}.info`,
  /** One row per customer with a transaction line or a recorded cost to serve in the period. */
  customers: `${SUMMARY_SCHEMA}.customers`,
  /** One row per (customer, cost category): recorded cost to serve in the period and its number of events. */
  serviceCosts: `${SUMMARY_SCHEMA}.service_costs`,
  /** One row per (customer, calendar month) with a transaction line (customer-months-sql.ts). */
  customerMonths: monthTables.customerMonths,
  /** One row per (customer, month) of recorded cost to serve; month NULL for undated rows. */
  serviceCostMonths: monthTables.serviceCostMonths,
  /** Survey answers per customer and their outcome window; one row of survey facts (survey-sql.ts). */
  ...surveyTables,
  /** Revenue ranks and cost lines' owners, row by row with `customers` and `serviceCosts` (diagnostics-sql.ts). */
  ...diagnosticsTables,
  /** One row per lost customer with the value taken (lost-customers-sql.ts). */
  lostCustomers: lostCustomersTable,
  /** One row per customer over every date: purchase days, first and last dates, signup, `ix` (customer-history-sql.ts). */
  customerHistory: customerHistoryTable,
} as const;

/** The period every summary table covers: first to last transaction date of the whole table. */
const periodCte = 'period AS (SELECT min(date) AS date_from, max(date) AS date_to FROM transactions)';

/**
 * The order key that counts orders: `order_id` when the data carries order ids, else the
 * purchase day (several lines on one day are one order). As in the profit builder.
 */
function orderKey(profile: DatasetProfile): string {
  return hasColumn(profile, 'transactions', 'order_id') ? 'order_id' : 'CAST(date AS VARCHAR)';
}

/**
 * `summary.customers`: one row per customer of the profit universe, i.e. with a transaction line
 * in the period or a recorded cost to serve in it (a customer who only causes cost is exactly the
 * kind of loss-maker the whale curve is about). Columns:
 *
 * | column | meaning |
 * |---|---|
 * | customer_id | VARCHAR |
 * | revenue | net revenue of the period (returns subtract) |
 * | recorded_cost | sum of `transactions.cost` over lines that have one |
 * | revenue_without_cost | revenue of lines without a recorded cost (priced at an assumed margin later) |
 * | gross_sales | revenue of lines with positive revenue |
 * | orders | distinct order keys among lines with positive revenue |
 * | returns | lines with negative revenue |
 * | lines, lines_without_cost | transaction lines, and those without a cost (0 for a cost-only customer) |
 * | service_cost | recorded cost to serve in the period, all categories (0 when none) |
 * | first_date, last_date | first and last purchase date in the period (NULL for a cost-only customer) |
 *
 * Lines count when customer_id, revenue and date are present (the profit builder's filter).
 * Rows are written in customer_id order, which the per-customer numerics rely on for ties.
 * Reads `summary.service_costs`, so it is built after it.
 */
export function buildSummaryCustomersSql(profile: DatasetProfile): string {
  const hasCost = (profile.tables.transactions?.columns ?? []).includes('cost');
  const cost = hasCost ? 't.cost' : 'CAST(NULL AS DOUBLE)';
  return `CREATE OR REPLACE TABLE ${summaryTables.customers} AS
WITH ${periodCte},
tx AS (SELECT t.customer_id, t.revenue, ${cost} AS cost, t.date, ${orderKey(profile)} AS order_key
  FROM transactions t, period p
  WHERE t.customer_id IS NOT NULL AND t.revenue IS NOT NULL AND t.date BETWEEN p.date_from AND p.date_to),
sales AS (SELECT CAST(customer_id AS VARCHAR) AS customer_id,
  CAST(sum(revenue) AS DOUBLE) AS revenue,
  CAST(coalesce(sum(cost), 0) AS DOUBLE) AS recorded_cost,
  CAST(coalesce(sum(revenue) FILTER (WHERE cost IS NULL), 0) AS DOUBLE) AS revenue_without_cost,
  CAST(coalesce(sum(revenue) FILTER (WHERE revenue > 0), 0) AS DOUBLE) AS gross_sales,
  count(DISTINCT order_key) FILTER (WHERE revenue > 0) AS orders,
  count(*) FILTER (WHERE revenue < 0) AS returns,
  count(*) AS lines,
  count(*) FILTER (WHERE cost IS NULL) AS lines_without_cost,
  min(date) AS first_date,
  max(date) AS last_date
  FROM tx GROUP BY customer_id),
svc AS (SELECT customer_id, CAST(sum(amount) AS DOUBLE) AS service_cost FROM ${summaryTables.serviceCosts} GROUP BY customer_id)
SELECT customer_id,
  coalesce(s.revenue, 0) AS revenue, coalesce(s.recorded_cost, 0) AS recorded_cost,
  coalesce(s.revenue_without_cost, 0) AS revenue_without_cost, coalesce(s.gross_sales, 0) AS gross_sales,
  coalesce(s.orders, 0) AS orders, coalesce(s.returns, 0) AS returns,
  coalesce(s.lines, 0) AS lines, coalesce(s.lines_without_cost, 0) AS lines_without_cost,
  coalesce(v.service_cost, 0) AS service_cost,
  s.first_date, s.last_date
FROM sales s FULL JOIN svc v USING (customer_id)
ORDER BY customer_id`;
}

/**
 * `summary.service_costs`: customer_id, category (trimmed; empty or missing → `other`),
 * amount (sum), events (rows). Dated rows count when they fall in the period; undated rows always
 * count (a cost with no date is still a cost), as in the profit builder. Empty (but typed) when
 * the dataset has no service costs.
 */
export function buildSummaryServiceCostsSql(profile: DatasetProfile): string {
  if (!hasTable(profile, 'service_costs')) {
    return `CREATE OR REPLACE TABLE ${summaryTables.serviceCosts} (customer_id VARCHAR, category VARCHAR, amount DOUBLE, events BIGINT)`;
  }
  const columns = profile.tables.service_costs?.columns ?? [];
  const category = columns.includes('category') ? `coalesce(nullif(trim(s.category), ''), 'other')` : `'other'`;
  const dated = columns.includes('date') ? 'AND (s.date IS NULL OR s.date BETWEEN p.date_from AND p.date_to)' : '';
  return `CREATE OR REPLACE TABLE ${summaryTables.serviceCosts} AS
WITH ${periodCte}
SELECT CAST(s.customer_id AS VARCHAR) AS customer_id, ${category} AS category,
  CAST(sum(s.amount) AS DOUBLE) AS amount, count(*) AS events
FROM service_costs s, period p
WHERE s.customer_id IS NOT NULL AND s.amount IS NOT NULL ${dated}
GROUP BY ALL ORDER BY 1, 2`;
}

/**
 * `summary.info`, one row: summary_version, date_from, date_to (the period), source (the
 * fingerprint of the canonical tables it was built from, see `sourceFingerprintSql`), built_at,
 * and orders_within_months (whether monthly order counts add up; `buildOrdersWithinMonthsSql`).
 * `source` is bound as a parameter ($1). Built after `summary.customer_months`.
 */
export function buildSummaryInfoSql(profile: DatasetProfile): string {
  return `CREATE OR REPLACE TABLE ${summaryTables.info} AS
SELECT ${SUMMARY_VERSION} AS summary_version, min(date) AS date_from, max(date) AS date_to,
  CAST($1 AS VARCHAR) AS source, current_timestamp::TIMESTAMP AS built_at,
  (${buildOrdersWithinMonthsSql(profile)}) AS orders_within_months FROM transactions`;
}

/** Every statement that (re)builds the summary, in order (the info statement takes `$1`). */
export function buildSummaryStatements(profile: DatasetProfile): { sql: string; bindsSource?: true }[] {
  return [
    { sql: `CREATE SCHEMA IF NOT EXISTS ${SUMMARY_SCHEMA}` },
    { sql: buildSummaryServiceCostsSql(profile) },
    { sql: buildSummaryCustomersSql(profile) },
    { sql: buildCustomerRanksSql() },
    { sql: buildServiceCostOwnersSql() },
    // customer_history first: the monthly tables carry its ix.
    { sql: buildCustomerHistorySql(profile) },
    { sql: buildCustomerMonthsSql(profile) },
    { sql: buildServiceCostMonthsSql(profile) },
    { sql: buildSurveyRespondentsSql(profile) },
    { sql: buildSurveyInfoSql(profile) },
    { sql: buildLostCustomersSql(profile) },
    { sql: buildSummaryInfoSql(profile), bindsSource: true },
  ];
}

/**
 * One row with one text column `fingerprint` that changes whenever the canonical tables change
 * in a way the summary would see: table set, row counts, column names and types. Cheap (catalog
 * and row counts), so it can be checked before every analysis. UPDATEs keep counts; the engine
 * counts its own mutating statements for those.
 */
export function sourceFingerprintSql(tables: readonly string[]): string {
  const names = tables.map(quoteLiteral).join(', ');
  const counts = tables.map((t) => `SELECT ${quoteLiteral(t)} AS t, (SELECT count(*) FROM ${quoteIdent(t)}) AS n`);
  return `WITH cols AS (SELECT table_name AS t, string_agg(column_name || ':' || data_type, ',' ORDER BY ordinal_position) AS c
    FROM information_schema.columns WHERE table_schema = 'main' AND table_catalog = current_database() AND table_name IN (${names}) GROUP BY 1),
  n AS (${counts.join(' UNION ALL ')})
SELECT coalesce(string_agg(n.t || '=' || n.n || '[' || cols.c || ']', ';' ORDER BY n.t), '') AS fingerprint FROM n JOIN cols USING (t)`;
}
