-- Naive reference for customer equity on data with under two complete years, where the analysis
-- compares the last two complete quarters (default options otherwise: spend tiers top 20%, middle
-- 30%, bottom 50% by the quarter's spend, the 10% yearly discount rate as 1.1^(1/4) − 1 per
-- quarter, perpetuity), written by hand on the raw tables as ../customer-equity.sql is for years.
-- headline: customers, retention, multiple, clv, equity, period_from, period_to
WITH bounds AS (
  SELECT CAST(date_trunc('quarter', max(date) + 1) AS DATE) AS end_excl FROM transactions WHERE date IS NOT NULL
),
years AS (
  SELECT CAST(end_excl - INTERVAL 6 MONTH AS DATE) AS p_prev, CAST(end_excl - INTERVAL 3 MONTH AS DATE) AS p_last, CAST(end_excl - 1 AS DATE) AS p_end
  FROM bounds
),
cust AS (
  SELECT customer_id,
    sum(revenue) FILTER (WHERE date < p_last) AS rev_prev,
    sum(revenue) FILTER (WHERE date >= p_last) AS rev_last,
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
tiered AS (
  SELECT c.*, c.margin_last - coalesce(s.cost_to_serve, 0) AS margin,
    CASE WHEN NOT in_prev THEN NULL
      WHEN cume_dist() OVER (PARTITION BY in_prev ORDER BY rev_prev) > 0.8 THEN 'Top 20%'
      WHEN cume_dist() OVER (PARTITION BY in_prev ORDER BY rev_prev) > 0.5 THEN 'Middle 30%' ELSE 'Bottom 50%' END AS tier_prev,
    CASE WHEN NOT in_last THEN NULL
      WHEN cume_dist() OVER (PARTITION BY in_last ORDER BY rev_last) > 0.8 THEN 'Top 20%'
      WHEN cume_dist() OVER (PARTITION BY in_last ORDER BY rev_last) > 0.5 THEN 'Middle 30%' ELSE 'Bottom 50%' END AS tier_last
  FROM cust c LEFT JOIN cts s USING (customer_id)
),
retention AS (
  SELECT tier_prev AS tier, least(0.99, count(*) FILTER (WHERE in_last) / count(*)) AS r FROM tiered WHERE in_prev GROUP BY tier_prev
),
value AS (SELECT tier_last AS tier, sum(margin) AS margin FROM tiered WHERE in_last GROUP BY tier_last),
total AS (
  SELECT count(*) FILTER (WHERE in_last) AS customers,
    least(0.99, count(*) FILTER (WHERE in_prev AND in_last) / count(*) FILTER (WHERE in_prev)) AS r,
    sum(margin) FILTER (WHERE in_last) AS margin
  FROM tiered
)
SELECT customers, r AS retention, r / (1.1 ** 0.25 - r) AS multiple, margin / customers * r / (1.1 ** 0.25 - r) AS clv,
  (SELECT sum(v.margin * t.r / (1.1 ** 0.25 - t.r)) FROM value v JOIN retention t USING (tier)) AS equity,
  strftime((SELECT p_prev FROM years), '%Y') || '-Q' || quarter((SELECT p_prev FROM years)) AS period_from,
  strftime((SELECT p_last FROM years), '%Y') || '-Q' || quarter((SELECT p_last FROM years)) AS period_to
FROM total;
