-- Naive reference for the leaky bucket on data with under two complete years, where the analysis
-- measures the last complete quarter against the one before (10 years simulated = 40 quarters;
-- churn, new customers and the steady state per quarter; without customers.acquisition_cost, one
-- quarter's revenue per customer of the later quarter, as the analysis assumes and says), written
-- by hand on the raw tables as ../leaky-bucket.sql is for years.
-- headline: start_customers, churn, acquired_per_period, acquisition_cost, retention_cost, end_customers, steady_state
WITH bounds AS (
  SELECT CAST(date_trunc('quarter', max(date) + 1) AS DATE) AS end_excl FROM transactions WHERE date IS NOT NULL
),
years AS (
  SELECT CAST(end_excl - INTERVAL 6 MONTH AS DATE) AS p_prev, CAST(end_excl - INTERVAL 3 MONTH AS DATE) AS p_last, CAST(end_excl - 1 AS DATE) AS p_end
  FROM bounds
),
cust AS (
  SELECT customer_id,
    sum(revenue) FILTER (WHERE date >= p_last) AS rev_last,
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
    coalesce((SELECT avg(acquisition_cost) FROM customers WHERE acquisition_cost IS NOT NULL),
      sum(rev_last) FILTER (WHERE in_last) / count(*) FILTER (WHERE in_last)) AS acquisition_cost
  FROM cust c LEFT JOIN earlier e USING (customer_id)
)
SELECT start_customers, churn, acquired_per_period, acquisition_cost, acquisition_cost / 5 AS retention_cost,
  acquired_per_period / churn + (start_customers - acquired_per_period / churn) * (1 - churn) ** 40 AS end_customers,
  acquired_per_period / churn AS steady_state
FROM base;
