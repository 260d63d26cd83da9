-- Naive reference for the leaky bucket (default options: the last complete year, 10 years
-- simulated), written by hand on the raw tables: customers of the later year, churn = 1 − the
-- share of the earlier year's customers who bought again, new customers = first purchase ever in
-- the later year, acquisition cost = the mean of customers.acquisition_cost (retention cost a
-- fifth of it); the base after 10 years of N ← N (1 − churn) + new, and its steady state new / churn.
-- headline: start_customers, churn, acquired_per_period, acquisition_cost, retention_cost, end_customers, steady_state
WITH bounds AS (
  SELECT CAST(date_trunc('year', max(date) + 1) AS DATE) AS end_excl FROM transactions WHERE date IS NOT NULL
),
years AS (
  SELECT CAST(end_excl - INTERVAL 24 MONTH AS DATE) AS p_prev, CAST(end_excl - INTERVAL 12 MONTH AS DATE) AS p_last, CAST(end_excl - 1 AS DATE) AS p_end
  FROM bounds
),
cust AS (
  SELECT customer_id,
    count(*) FILTER (WHERE date < p_last) > 0 AS in_prev,
    count(*) FILTER (WHERE date >= p_last) > 0 AS in_last
  FROM transactions, years
  WHERE customer_id IS NOT NULL AND revenue IS NOT NULL AND date BETWEEN p_prev AND p_end
  GROUP BY customer_id
),
earlier AS (SELECT DISTINCT customer_id FROM transactions, years WHERE customer_id IS NOT NULL AND date < p_last),
base AS (
  SELECT count(*) FILTER (WHERE in_last) AS start_customers,
    1 - least(0.9999, count(*) FILTER (WHERE in_prev AND in_last) / count(*) FILTER (WHERE in_prev)) AS churn,
    count(*) FILTER (WHERE in_last AND e.customer_id IS NULL) AS acquired_per_period,
    (SELECT avg(acquisition_cost) FROM customers WHERE acquisition_cost IS NOT NULL) AS acquisition_cost
  FROM cust c LEFT JOIN earlier e USING (customer_id)
)
SELECT start_customers, churn, acquired_per_period, acquisition_cost, acquisition_cost / 5 AS retention_cost,
  acquired_per_period / churn + (start_customers - acquired_per_period / churn) * (1 - churn) ** 10 AS end_customers,
  acquired_per_period / churn AS steady_state
FROM base;
