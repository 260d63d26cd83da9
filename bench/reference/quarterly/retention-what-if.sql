-- Naive reference for the retention what-if on data with under two complete years, where the
-- analysis measures the last two complete quarters instead (default options otherwise: +5 points
-- of retention per quarter, programme cost 10% of the quarter's margin per customer, acquisition
-- 5× that, the 10% yearly discount rate as 1.1^(1/4) − 1 per quarter, 5 years = 20 quarters),
-- written by hand on the raw tables as ../retention-what-if.sql is for years.
-- headline: customers, retention, retention_after, margin, programme_cost, acquisition_cost, equity_before, equity_change
WITH bounds AS (
  SELECT CAST(date_trunc('quarter', max(date) + 1) AS DATE) AS end_excl FROM transactions WHERE date IS NOT NULL
),
years AS (
  SELECT CAST(end_excl - INTERVAL 6 MONTH AS DATE) AS p_prev, CAST(end_excl - INTERVAL 3 MONTH AS DATE) AS p_last, CAST(end_excl - 1 AS DATE) AS p_end
  FROM bounds
),
cust AS (
  SELECT customer_id,
    sum(revenue - coalesce(cost, revenue * 0.65)) FILTER (WHERE date >= p_last) AS margin_last,
    count(*) FILTER (WHERE date < p_last) > 0 AS in_prev,
    count(*) FILTER (WHERE date >= p_last) > 0 AS in_last
  FROM transactions, years
  WHERE customer_id IS NOT NULL AND revenue IS NOT NULL AND date BETWEEN p_prev AND p_end
  GROUP BY customer_id
),
cts AS (
  SELECT customer_id, sum(amount) AS cost_to_serve
  FROM service_costs, years
  WHERE customer_id IS NOT NULL AND amount IS NOT NULL AND (date IS NULL OR date BETWEEN p_last AND p_end)
  GROUP BY customer_id
),
base AS (
  SELECT count(*) FILTER (WHERE in_last) AS customers,
    least(0.9999, count(*) FILTER (WHERE in_prev AND in_last) / count(*) FILTER (WHERE in_prev)) AS retention,
    sum(margin_last - coalesce(s.cost_to_serve, 0)) FILTER (WHERE in_last) / count(*) FILTER (WHERE in_last) AS margin
  FROM cust c LEFT JOIN cts s USING (customer_id)
),
pv AS (
  SELECT *, least(1, retention + 0.05) AS retention_after, greatest(0, 0.1 * margin) AS programme_cost,
    retention / 1.1 ** 0.25 AS q, least(1, retention + 0.05) / 1.1 ** 0.25 AS q_after
  FROM base
)
SELECT customers, retention, retention_after, margin, programme_cost, 5 * programme_cost AS acquisition_cost,
  customers * margin * q * (1 - q ** 20) / (1 - q) AS equity_before,
  customers * margin * q_after * (1 - q_after ** 20) / (1 - q_after) - customers * margin * q * (1 - q ** 20) / (1 - q)
    - customers * programme_cost * (1 - q_after ** 20) / (1 - q_after) AS equity_change
FROM pv;
