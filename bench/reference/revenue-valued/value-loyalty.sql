-- Naive reference for value × loyalty on data without any cost, where the analysis values each
-- customer by revenue, as it says (default options otherwise, as ../value-loyalty.sql): written by
-- hand on the raw tables.
-- headline: customers, value_cutoff, loyalty_cutoff, core_share
WITH period AS (
  SELECT max(date) - INTERVAL 12 MONTH + INTERVAL 1 DAY AS date_from, max(date) AS date_to,
    (date_diff('day', max(date) - INTERVAL 12 MONTH + INTERVAL 1 DAY, max(date)) + 1) / 30.4375 AS months
  FROM transactions WHERE customer_id IS NOT NULL
),
active AS (
  SELECT customer_id, count(DISTINCT date_trunc('month', date)) AS active_months
  FROM transactions, period
  WHERE customer_id IS NOT NULL AND date BETWEEN date_from AND date_to
  GROUP BY customer_id
),
sales AS (
  SELECT customer_id, sum(revenue) AS revenue
  FROM transactions, period
  WHERE customer_id IS NOT NULL AND revenue IS NOT NULL AND date BETWEEN date_from AND date_to
  GROUP BY customer_id
),
vl AS (
  SELECT a.customer_id, round(coalesce(s.revenue, 0), 6) AS value,
    least(1.0, a.active_months / p.months) AS loyalty
  FROM active a CROSS JOIN period p LEFT JOIN sales s USING (customer_id)
),
cut AS (SELECT median(value) AS value_cutoff, median(loyalty) AS loyalty_cutoff FROM vl)
SELECT count(*) AS customers, any_value(value_cutoff) AS value_cutoff, any_value(loyalty_cutoff) AS loyalty_cutoff,
  count(*) FILTER (WHERE value >= value_cutoff AND loyalty >= loyalty_cutoff) / count(*) AS core_share
FROM vl, cut;
