/**
 * Two tables of the customer-base summary (docs/summary.md) that let the profit diagnostics
 * answer on a first run without sorting every customer or joining every cost line to its
 * customer. Each lines up row by row with the table it completes, so an analysis reads the pair
 * with `POSITIONAL JOIN`, a zip of two scans:
 *
 * - `summary.customer_ranks` with `summary.customers`: each customer's rank by revenue;
 * - `summary.service_cost_owners` with `summary.service_costs`: the profit inputs of each cost
 *   line's customer, so whether the customer makes a loss is known on the line itself.
 *
 * Both tables are written in the order of the one they complete (customer_id; customer_id and
 * category), which DuckDB keeps on a scan (insertion order, also in a saved dataset's copy).
 *
 * Pure: SQL text, no IO.
 */

/** Names of the tables (schema-qualified). */
export const diagnosticsTables = {
  /** Each customer's rank by revenue, row by row with `summary.customers`. */
  customerRanks: 'summary.customer_ranks',
  /** The profit inputs of each cost line's customer, row by row with `summary.service_costs`. */
  serviceCostOwners: 'summary.service_cost_owners',
} as const;

/**
 * `summary.customer_ranks`: one row per row of `summary.customers`, in the same (customer_id)
 * order:
 *
 * | column | meaning |
 * |---|---|
 * | customer_id | VARCHAR |
 * | revenue_rank | BIGINT, 1 = highest revenue; ties by customer_id (`ORDER BY revenue DESC, customer_id`) |
 *
 * Reads `summary.customers`, so it is built after it.
 */
export function buildCustomerRanksSql(): string {
  return `CREATE OR REPLACE TABLE ${diagnosticsTables.customerRanks} AS
SELECT customer_id, row_number() OVER (ORDER BY revenue DESC, customer_id) AS revenue_rank
FROM summary.customers
ORDER BY customer_id`;
}

/**
 * `summary.service_cost_owners`: one row per row of `summary.service_costs`, in the same
 * (customer_id, category) order, with the `summary.customers` columns profit is computed from:
 * revenue, recorded_cost, revenue_without_cost, service_cost (DOUBLE; the customer's, repeated on
 * each of their lines). Reads both tables, so it is built after them.
 */
export function buildServiceCostOwnersSql(): string {
  return `CREATE OR REPLACE TABLE ${diagnosticsTables.serviceCostOwners} AS
SELECT c.revenue, c.recorded_cost, c.revenue_without_cost, c.service_cost
FROM summary.service_costs s JOIN summary.customers c USING (customer_id)
ORDER BY s.customer_id, s.category`;
}
