-- Naive reference for the satisfaction what-if (default options: lift 20% of the customers at
-- level 4 to level 5 on the 1–5 scale; loyal = retained over the 365 days after the latest dated
-- answer), written by hand on the raw tables. Extra loyal customers = moved × (rate at 5 − rate
-- at 4); each is worth the mean profit (revenue − recorded cost − cost to serve) loyal respondents
-- brought in their outcome window.
-- headline: from_level, to_level, value_per_loyal, moved, extra_loyal, extra_profit
WITH data_end AS (SELECT max(date) AS data_end FROM transactions),
latest AS (
  SELECT customer_id, date AS survey_date, satisfaction
  FROM surveys, data_end
  WHERE customer_id IS NOT NULL AND satisfaction BETWEEN 1 AND 5 AND date IS NOT NULL AND date + 365 <= data_end
  QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY date DESC, satisfaction DESC) = 1
),
churn AS (SELECT customer_id, min(churn_date) AS churn_date FROM customers GROUP BY customer_id),
tx AS (
  SELECT l.customer_id, count(t.customer_id) AS tx_all,
    count(t.customer_id) FILTER (WHERE t.date > l.survey_date AND t.date <= l.survey_date + 365) AS tx_after,
    coalesce(sum(t.revenue - coalesce(t.cost, 0)) FILTER (WHERE t.date > l.survey_date AND t.date <= l.survey_date + 365), 0) AS margin_after
  FROM latest l LEFT JOIN transactions t ON t.customer_id = l.customer_id
  GROUP BY l.customer_id
),
svc AS (
  SELECT l.customer_id, coalesce(sum(s.amount) FILTER (WHERE s.date > l.survey_date AND s.date <= l.survey_date + 365), 0) AS service_after
  FROM latest l LEFT JOIN service_costs s ON s.customer_id = l.customer_id
  GROUP BY l.customer_id
),
r AS (
  SELECT l.satisfaction, x.margin_after - v.service_after AS profit_after,
    CASE WHEN x.tx_all = 0 THEN NULL
      WHEN x.tx_after > 0 AND NOT coalesce(c.churn_date <= l.survey_date + 365, false) THEN 1 ELSE 0 END AS loyal
  FROM latest l JOIN tx x USING (customer_id) JOIN svc v USING (customer_id) LEFT JOIN churn c USING (customer_id)
),
s AS (
  SELECT sum(profit_after) FILTER (WHERE loyal = 1) / sum(loyal) AS value_per_loyal,
    count(loyal) FILTER (WHERE satisfaction = 4) AS n4,
    avg(loyal) FILTER (WHERE satisfaction = 4) AS rate4, avg(loyal) FILTER (WHERE satisfaction = 5) AS rate5
  FROM r
)
SELECT 4 AS from_level, 5 AS to_level, value_per_loyal, 0.2 * n4 AS moved,
  0.2 * n4 * (rate5 - rate4) AS extra_loyal, 0.2 * n4 * (rate5 - rate4) * value_per_loyal AS extra_profit
FROM s;
