-- Naive reference for cohorts (default options: monthly cohorts, the 24 most recent, 12 months
-- followed, loyal = tenure year 2+, complete months only), written by hand on the raw tables:
-- size-weighted retention one month and twelve months after acquisition; spend and profit
-- (revenue − cost of goods, 35% margin where a line has none, − dated cost to serve) per active
-- customer in tenure years 2+ against year 1, counting a tenure year only for customers who have
-- completed it; and the share of revenue after the first year of data that is repeat purchases.
-- headline: cohorts, retention_p1, retention_1y, loyal_spend_ratio, loyal_profit_ratio, repeat_share
WITH months AS (
  SELECT DISTINCT customer_id, CAST(date_trunc('month', date) AS DATE) AS month
  FROM transactions
  WHERE customer_id IS NOT NULL AND date IS NOT NULL
    AND date < (SELECT CAST(date_trunc('month', max(date) + 1) AS DATE) FROM transactions)
),
acquired AS (SELECT customer_id, min(month) AS cohort FROM months GROUP BY customer_id),
recent AS (
  SELECT cohort, count(*) AS size,
    least(12, date_diff('month', cohort, (SELECT max(month) FROM months))) AS observed
  FROM acquired GROUP BY cohort ORDER BY cohort DESC LIMIT 24
),
activity AS (
  SELECT a.cohort, date_diff('month', a.cohort, m.month) AS k, count(*) AS active
  FROM months m JOIN acquired a USING (customer_id) GROUP BY ALL
),
curve AS (
  SELECT k.k, sum(coalesce(act.active, 0)) / sum(r.size) AS retention
  FROM recent r CROSS JOIN (SELECT 1 AS k UNION ALL SELECT 12) k
  LEFT JOIN activity act ON act.cohort = r.cohort AND act.k = k.k
  WHERE r.observed >= k.k
  GROUP BY k.k
),
tx AS (
  SELECT customer_id, date, revenue, revenue - coalesce(cost, revenue * 0.65) AS margin
  FROM transactions WHERE customer_id IS NOT NULL AND date IS NOT NULL AND revenue IS NOT NULL
),
firsts AS (
  SELECT customer_id, min(date) AS first_date,
    CAST(floor(date_diff('day', min(date), (SELECT max(date) FROM tx) + 1) / 365.25) AS INTEGER) AS full_years
  FROM tx GROUP BY customer_id
),
lines AS (
  SELECT customer_id, date, revenue, margin, true AS purchase FROM tx
  UNION ALL
  SELECT customer_id, date, 0, -amount, false FROM service_costs WHERE customer_id IS NOT NULL AND date IS NOT NULL AND amount IS NOT NULL
),
tenure AS (
  SELECT CAST(floor(date_diff('day', f.first_date, l.date) / 365.25) AS INTEGER) + 1 AS tenure_year, l.customer_id,
    sum(l.revenue) AS revenue, sum(l.margin) AS profit, bool_or(l.purchase) AS bought
  FROM lines l JOIN firsts f USING (customer_id)
  WHERE l.date >= f.first_date
  GROUP BY 1, 2
  HAVING any_value(f.full_years) >= tenure_year
),
years AS (
  SELECT tenure_year = 1 AS first_year, sum(revenue) AS revenue, sum(profit) AS profit, count(*) FILTER (WHERE bought) AS active
  FROM tenure GROUP BY 1
),
repeat AS (
  SELECT sum(t.revenue) FILTER (WHERE t.date > f.first_date) / sum(t.revenue) AS repeat_share
  FROM tx t JOIN firsts f USING (customer_id)
  WHERE year(t.date) > (SELECT min(year(date)) FROM tx)
)
SELECT (SELECT count(*) FROM recent) AS cohorts,
  (SELECT retention FROM curve WHERE k = 1) AS retention_p1,
  (SELECT retention FROM curve WHERE k = 12) AS retention_1y,
  (SELECT revenue / active FROM years WHERE NOT first_year) / (SELECT revenue / active FROM years WHERE first_year) AS loyal_spend_ratio,
  (SELECT profit / active FROM years WHERE NOT first_year) / (SELECT profit / active FROM years WHERE first_year) AS loyal_profit_ratio,
  (SELECT repeat_share FROM repeat) AS repeat_share;
