-- Naive reference for the tier ladder (default options), written by hand for native DuckDB on the
-- raw tables: customers active in the last 12 months of data, ranked by spend; the top two of the
-- six default tiers start at the 90th percentile of spend per month (quantile_cont); their share
-- of customers and of profit (revenue − cost of goods, 35% margin where a line has no cost,
-- − cost to serve in the period).
-- headline: customers, top_tiers_customer_share, top_tiers_value_share
WITH period AS (
  SELECT max(date) - INTERVAL 12 MONTH + INTERVAL 1 DAY AS date_from, max(date) AS date_to
  FROM transactions WHERE customer_id IS NOT NULL
),
spend AS (
  SELECT customer_id, sum(revenue) AS revenue
  FROM transactions, period
  WHERE customer_id IS NOT NULL AND date BETWEEN date_from AND date_to
  GROUP BY customer_id
),
sales AS (
  SELECT customer_id, sum(revenue) - sum(coalesce(cost, revenue * 0.65)) AS gross_margin
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
customer AS (
  SELECT s.customer_id, s.revenue, round(coalesce(g.gross_margin, 0) - coalesce(c.cost_to_serve, 0), 6) AS profit
  FROM spend s LEFT JOIN sales g USING (customer_id) LEFT JOIN cts c USING (customer_id)
),
cut AS (SELECT quantile_cont(revenue, 0.9) AS top_from FROM customer)
SELECT count(*) AS customers,
  count(*) FILTER (WHERE revenue >= top_from) / count(*) AS top_tiers_customer_share,
  sum(profit) FILTER (WHERE revenue >= top_from) / sum(profit) AS top_tiers_value_share
FROM customer, cut;
