-- Naive reference for the satisfaction–loyalty curve (default options: outcome = retained, a
-- 365-day window right after the survey, scale 1–5), written by hand on the raw tables. Each
-- customer's latest dated answer whose window ends by the last transaction date counts; loyal =
-- bought in the window and did not churn in it; customers who never bought have no outcome.
-- headline: respondents, loyalty_rate, top_level, top_rate, next_rate, top_box_ratio, censored, no_transactions
WITH data_end AS (SELECT max(date) AS data_end FROM transactions),
answers AS (
  SELECT customer_id, date AS survey_date, satisfaction
  FROM surveys WHERE customer_id IS NOT NULL AND satisfaction BETWEEN 1 AND 5
),
latest AS (
  SELECT a.* FROM answers a, data_end
  WHERE survey_date IS NOT NULL AND survey_date + 365 <= data_end
  QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY survey_date DESC, satisfaction DESC) = 1
),
churn AS (SELECT customer_id, min(churn_date) AS churn_date FROM customers GROUP BY customer_id),
outcome AS (
  SELECT l.customer_id, l.satisfaction, count(t.customer_id) AS tx_all,
    count(t.customer_id) FILTER (WHERE t.date > l.survey_date AND t.date <= l.survey_date + 365) AS tx_after
  FROM latest l LEFT JOIN transactions t ON t.customer_id = l.customer_id
  GROUP BY l.customer_id, l.satisfaction
),
scored AS (
  SELECT o.*, CASE WHEN tx_all = 0 THEN NULL
    WHEN tx_after > 0 AND NOT coalesce(c.churn_date <= l.survey_date + 365, false) THEN 1 ELSE 0 END AS loyal
  FROM outcome o JOIN latest l USING (customer_id) LEFT JOIN churn c USING (customer_id)
),
rates AS (
  SELECT avg(loyal) FILTER (WHERE satisfaction = 5) AS top_rate, avg(loyal) FILTER (WHERE satisfaction = 4) AS next_rate FROM scored
)
SELECT count(loyal) AS respondents, avg(loyal) AS loyalty_rate, 5 AS top_level,
  any_value(top_rate) AS top_rate, any_value(next_rate) AS next_rate, any_value(top_rate) / any_value(next_rate) AS top_box_ratio,
  (SELECT count(DISTINCT customer_id) FROM answers) - (SELECT count(*) FROM (SELECT customer_id FROM answers GROUP BY customer_id HAVING count(survey_date) = 0))
    - count(*) AS censored,
  count(*) FILTER (WHERE tx_all = 0) AS no_transactions
FROM scored, rates;
