-- Naive reference for the loyalty quadrant (default options: satisfied = 4 or 5 on the 1–5 scale,
-- loyal = retained over the 365 days after the latest dated survey answer), written by hand on the
-- raw tables. Apostles = satisfied and loyal, mercenaries = satisfied and not loyal, hostages =
-- loyal but not satisfied, defectors = neither; revenue and profit (revenue − recorded cost − cost
-- to serve) over the 365 days up to the answer.
-- headline: customers, apostles, apostles_share, apostles_revenue, apostles_profit, mercenaries, mercenaries_revenue, hostages, hostages_profit, defectors, defectors_share
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
    coalesce(sum(t.revenue) FILTER (WHERE t.date > l.survey_date - 365 AND t.date <= l.survey_date), 0) AS revenue,
    coalesce(sum(t.revenue - coalesce(t.cost, 0)) FILTER (WHERE t.date > l.survey_date - 365 AND t.date <= l.survey_date), 0) AS margin
  FROM latest l LEFT JOIN transactions t ON t.customer_id = l.customer_id
  GROUP BY l.customer_id
),
svc AS (
  SELECT l.customer_id, coalesce(sum(s.amount) FILTER (WHERE s.date > l.survey_date - 365 AND s.date <= l.survey_date), 0) AS service
  FROM latest l LEFT JOIN service_costs s ON s.customer_id = l.customer_id
  GROUP BY l.customer_id
),
r AS (
  SELECT l.satisfaction >= 4 AS satisfied, x.revenue, x.margin - v.service AS profit,
    CASE WHEN x.tx_all = 0 THEN NULL
      WHEN x.tx_after > 0 AND NOT coalesce(c.churn_date <= l.survey_date + 365, false) THEN 1 ELSE 0 END AS loyal
  FROM latest l JOIN tx x USING (customer_id) JOIN svc v USING (customer_id) LEFT JOIN churn c USING (customer_id)
)
SELECT count(*) AS customers,
  count(*) FILTER (WHERE satisfied AND loyal = 1) AS apostles,
  count(*) FILTER (WHERE satisfied AND loyal = 1) / count(*) AS apostles_share,
  sum(revenue) FILTER (WHERE satisfied AND loyal = 1) AS apostles_revenue,
  sum(profit) FILTER (WHERE satisfied AND loyal = 1) AS apostles_profit,
  count(*) FILTER (WHERE satisfied AND loyal = 0) AS mercenaries,
  sum(revenue) FILTER (WHERE satisfied AND loyal = 0) AS mercenaries_revenue,
  count(*) FILTER (WHERE NOT satisfied AND loyal = 1) AS hostages,
  sum(profit) FILTER (WHERE NOT satisfied AND loyal = 1) AS hostages_profit,
  count(*) FILTER (WHERE NOT satisfied AND loyal = 0) AS defectors,
  count(*) FILTER (WHERE NOT satisfied AND loyal = 0) / count(*) AS defectors_share
FROM r WHERE loyal IS NOT NULL;
