-- Naive reference for migration and early warning (default options: the last 12 months against
-- the 12 months before, spend per month, the six default tiers cut at the earlier period's
-- quantiles), written by hand on the raw transactions. Core = the top two tiers in the earlier
-- period (monthly spend at or above its 90th percentile); full churn = a core customer who bought
-- nothing in the later period; partial churn = monthly spend down by more than half; value at
-- risk = 12 × the monthly drop, summed.
-- headline: early_start, late_start, core_customers, full_churn, partial_churn, value_at_risk
WITH late_period AS (
  SELECT CAST(max(date) - INTERVAL 12 MONTH + INTERVAL 1 DAY AS DATE) AS late_start, max(date) AS late_end
  FROM transactions WHERE customer_id IS NOT NULL
),
periods AS (
  SELECT CAST(late_start - INTERVAL 1 DAY - INTERVAL 12 MONTH + INTERVAL 1 DAY AS DATE) AS early_start,
    CAST(late_start - INTERVAL 1 DAY AS DATE) AS early_end, late_start, late_end
  FROM late_period
),
months AS (
  SELECT *, (date_diff('day', early_start, early_end) + 1) / 30.4375 AS early_months,
    (date_diff('day', late_start, late_end) + 1) / 30.4375 AS late_months
  FROM periods
),
early AS (
  SELECT customer_id, sum(revenue) / any_value(early_months) AS monthly
  FROM transactions, months
  WHERE customer_id IS NOT NULL AND date BETWEEN early_start AND early_end
  GROUP BY customer_id
),
late AS (
  SELECT customer_id, sum(revenue) / any_value(late_months) AS monthly
  FROM transactions, months
  WHERE customer_id IS NOT NULL AND date BETWEEN late_start AND late_end
  GROUP BY customer_id
),
core AS (
  SELECT e.customer_id, e.monthly AS early_monthly, l.monthly AS late_monthly, l.customer_id IS NULL AS gone
  FROM early e LEFT JOIN late l USING (customer_id)
  WHERE e.monthly >= (SELECT quantile_cont(monthly, 0.9) FROM early)
),
warned AS (SELECT * FROM core WHERE gone OR late_monthly < 0.5 * early_monthly)
SELECT CAST((SELECT early_start FROM periods) AS VARCHAR) AS early_start,
  CAST((SELECT late_start FROM periods) AS VARCHAR) AS late_start,
  (SELECT count(*) FROM core) AS core_customers,
  count(*) FILTER (WHERE gone) AS full_churn,
  count(*) FILTER (WHERE NOT gone) AS partial_churn,
  sum(12 * (early_monthly - coalesce(late_monthly, 0))) AS value_at_risk
FROM warned;
