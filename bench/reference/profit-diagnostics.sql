-- Naive reference for profit diagnostics (default options: the whole period, recorded cost of
-- goods or a 35% margin where a line has none, recorded cost to serve), written by hand on the
-- raw tables: the waterfall's gross margin and net profit, and the number of loss-making customers.
-- headline: gross_margin, net_profit, loss_makers
WITH period AS (SELECT min(date) AS date_from, max(date) AS date_to FROM transactions),
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
profit AS (
  SELECT coalesce(s.gross_margin, 0) AS gross_margin, round(coalesce(s.gross_margin, 0) - coalesce(c.cost_to_serve, 0), 6) AS profit
  FROM sales s FULL JOIN cts c USING (customer_id)
)
SELECT sum(gross_margin) AS gross_margin, sum(profit) AS net_profit, count(*) FILTER (WHERE profit < 0) AS loss_makers
FROM profit;
