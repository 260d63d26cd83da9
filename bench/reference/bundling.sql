-- Naive reference for bundling (default options: products held = distinct categories bought,
-- contract = customers.plan, churned = a churn date is recorded), written by hand on the raw
-- tables: the overall churn rate over the products-held groups and the churn rate per plan.
-- headline: overall_churn, churn_basic, churn_plus, churn_premium
WITH held AS (
  SELECT coalesce(cat.n, 0) AS products_held, count(*) AS customers, count(*) FILTER (WHERE c.churn_date IS NOT NULL) AS churned
  FROM customers c
  LEFT JOIN (SELECT customer_id, count(DISTINCT category) AS n FROM transactions WHERE category IS NOT NULL GROUP BY customer_id) cat USING (customer_id)
  WHERE c.customer_id IS NOT NULL
  GROUP BY 1
),
plans AS (
  SELECT lower(trim(plan)) AS plan, count(*) FILTER (WHERE churn_date IS NOT NULL) / count(*) AS churn
  FROM customers WHERE customer_id IS NOT NULL GROUP BY 1
)
SELECT (SELECT sum(churned) / sum(customers) FROM held) AS overall_churn,
  any_value(churn) FILTER (WHERE plan = 'basic') AS churn_basic,
  any_value(churn) FILTER (WHERE plan = 'plus') AS churn_plus,
  any_value(churn) FILTER (WHERE plan = 'premium') AS churn_premium
FROM plans;
