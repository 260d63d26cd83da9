-- Naive reference for churn reasons (default options: lost = a churn date or a stated reason,
-- reason = customers.churn_reason), written by hand on the raw customers table: customers lost,
-- the most common reason and its share, and how many reasons (most common first) make up 80% of
-- the customers lost.
-- headline: customers_lost, top_reason, top_reason_share, reasons_for_80pct
WITH reasons AS (
  SELECT coalesce(nullif(trim(churn_reason), ''), '(not stated)') AS reason, count(*) AS customers
  FROM customers
  WHERE customer_id IS NOT NULL AND (churn_date IS NOT NULL OR nullif(trim(churn_reason), '') IS NOT NULL)
  GROUP BY 1
),
pareto AS (
  SELECT reason, customers, sum(customers) OVER () AS lost,
    sum(customers) OVER (ORDER BY customers DESC, reason ROWS UNBOUNDED PRECEDING) / sum(customers) OVER () AS cumulative_share,
    row_number() OVER (ORDER BY customers DESC, reason) AS rank
  FROM reasons
)
SELECT any_value(lost) AS customers_lost,
  arg_min(reason, rank) AS top_reason,
  arg_min(customers, rank) / any_value(lost) AS top_reason_share,
  min(rank) FILTER (WHERE cumulative_share >= 0.8) AS reasons_for_80pct
FROM pareto;
