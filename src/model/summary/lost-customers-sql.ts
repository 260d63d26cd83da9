/**
 * `summary.lost_customers` (docs/summary.md): the customers the churn-reasons analysis counts
 * with its default options, and the value each took with them, so its first run after a load
 * reads neither `customers` nor `transactions`.
 *
 * The definitions are those of analyses/retention/churn-reasons.ts with its defaults: a customer
 * is lost when `churn_date` is set or `churn_reason` states a reason; the reason is the trimmed
 * `churn_reason` ('(not stated)' when empty); the value lost is the revenue of the 365 days up to
 * the churn date (up to the last purchase when no churn date is recorded). Another reason or
 * churn column, or a value column, reads the raw tables.
 *
 * Pure: SQL text from the dataset profile, no IO.
 */
import { hasColumn, type DatasetProfile } from '../profile.ts';

/** Name of the table (schema-qualified). */
export const lostCustomersTable = 'summary.lost_customers';

/**
 * `summary.lost_customers`: one row per lost row of `customers` (a customer id, and a churn date
 * or a stated reason), in customer_id order:
 *
 * | column | meaning |
 * |---|---|
 * | customer_id | VARCHAR |
 * | churn_date | DATE, NULL when only a reason is recorded |
 * | reason | trimmed `churn_reason`, '(not stated)' when empty |
 * | revenue_12m | revenue of the 365 days up to the churn date, else up to the last purchase (NULL: no purchase in
 * them) |
 *
 * Empty (but typed) when `customers` has no `churn_reason` column. A churn date counts only when
 * the column holds one somewhere (as the analysis decides from the dataset profile).
 */
export function buildLostCustomersSql(profile: DatasetProfile): string {
  const cols = profile.tables.customers?.columns ?? [];
  if (!cols.includes('churn_reason') || !profile.tables.transactions) {
    return `CREATE OR REPLACE TABLE ${lostCustomersTable} (customer_id VARCHAR, churn_date DATE, reason VARCHAR, revenue_12m DOUBLE)`;
  }
  const dated = hasColumn(profile, 'customers', 'churn_date');
  const churnDate = (alias: string) => (cols.includes('churn_date') ? `${alias}.churn_date` : 'CAST(NULL AS DATE)');
  const stated = `nullif(trim(CAST(c.churn_reason AS VARCHAR)), '')`;
  // Only the lost customers' transactions are read; for them the value is the analysis's own sum
  // (every `customers` row of the id takes part in the join, as there).
  return `CREATE OR REPLACE TABLE ${lostCustomersTable} AS
WITH lost AS (
  SELECT c.customer_id, ${churnDate('c')} AS churn_date, coalesce(${stated}, '(not stated)') AS reason
  FROM customers c
  WHERE c.customer_id IS NOT NULL AND (${dated ? '(c.churn_date IS NOT NULL)' : 'false'} OR ${stated} IS NOT NULL)
),
tx AS (SELECT customer_id, date, revenue FROM transactions WHERE customer_id IN (SELECT customer_id FROM lost)),
m AS (SELECT customer_id, max(date) AS last_date FROM tx GROUP BY customer_id),
v AS (
  SELECT t.customer_id, sum(t.revenue) AS value
  FROM tx t
  JOIN m USING (customer_id)
  JOIN customers cc USING (customer_id)
  WHERE t.date <= coalesce(${churnDate('cc')}, m.last_date) AND t.date > coalesce(${churnDate('cc')}, m.last_date) - 365
  GROUP BY t.customer_id
)
SELECT CAST(l.customer_id AS VARCHAR) AS customer_id, l.churn_date, l.reason, CAST(v.value AS DOUBLE) AS revenue_12m
FROM lost l LEFT JOIN v USING (customer_id)
ORDER BY l.customer_id`;
}
