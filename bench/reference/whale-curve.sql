-- Naive reference for the whale curve, written by hand for native DuckDB (one thread), straight
-- from the raw tables: profit per customer = revenue − cost of goods (recorded, or 35% margin
-- where a line has none) − recorded cost to serve in the period, then the headline numbers the
-- workbench's whale-curve analysis reports with default options. The benchmark times this
-- query, not the workbench's SQL, as the yardstick for a first run (docs/benchmarks.md).
-- headline: customers, total_profit, total_revenue, top_share, peak_share, loss_makers, total_loss
WITH period AS (SELECT min(date) AS date_from, max(date) AS date_to FROM transactions),
sales AS (
  SELECT customer_id, sum(revenue) AS revenue, sum(coalesce(cost, revenue * 0.65)) AS cogs
  FROM transactions, period
  WHERE customer_id IS NOT NULL AND revenue IS NOT NULL AND date BETWEEN date_from AND date_to
  GROUP BY customer_id
),
cts AS (
  SELECT customer_id, sum(amount) AS cost_to_serve
  FROM service_costs, period
  WHERE customer_id IS NOT NULL AND amount IS NOT NULL AND (date IS NULL OR date BETWEEN date_from AND date_to)
  GROUP BY customer_id
),
profit AS (
  SELECT customer_id, coalesce(s.revenue, 0) AS revenue,
    round(coalesce(s.revenue, 0) - coalesce(s.cogs, 0) - coalesce(c.cost_to_serve, 0), 6) AS profit
  FROM sales s FULL JOIN cts c USING (customer_id)
),
ranked AS (
  SELECT revenue, profit, row_number() OVER (ORDER BY profit DESC) AS r, count(*) OVER () AS n FROM profit
)
SELECT count(*) AS customers,
  sum(profit) AS total_profit,
  sum(revenue) AS total_revenue,
  -- the top 20% of customers by profit, the customer at the boundary counted in part
  sum(profit * least(1, greatest(0, 0.2 * n - (r - 1)))) / sum(profit) AS top_share,
  sum(profit) FILTER (WHERE profit > 0) / sum(profit) AS peak_share,
  count(*) FILTER (WHERE profit < 0) AS loss_makers,
  coalesce(-sum(profit) FILTER (WHERE profit < 0), 0) AS total_loss
FROM ranked;
