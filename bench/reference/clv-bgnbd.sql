-- Naive reference for the BG/NBD + Gamma-Gamma CLV analysis (default options: all data, weeks),
-- written by hand on the raw transactions: the per-customer summary the models are fitted on —
-- purchase days (days with a non-negative line), frequency = repeat purchase days, recency and
-- age T in weeks, mean spend of a repeat day — and the counts the analysis reports from it. The
-- model fit itself is numerics in the worker, not SQL, and has no naive SQL counterpart.
-- headline: calibration_end, customers, one_time_buyers, repeat_buyers, one_time_share
WITH cal AS (SELECT max(date) AS calibration_end FROM transactions WHERE customer_id IS NOT NULL AND revenue IS NOT NULL),
days AS (
  SELECT customer_id, date AS day, sum(revenue) AS revenue
  FROM transactions
  WHERE customer_id IS NOT NULL AND date IS NOT NULL AND revenue IS NOT NULL
  GROUP BY 1, 2
  HAVING count(*) FILTER (WHERE revenue >= 0) > 0
),
marked AS (SELECT *, min(day) OVER (PARTITION BY customer_id) AS first_day FROM days),
per_customer AS (
  SELECT customer_id, count(*) - 1 AS frequency,
    date_diff('day', first_day, max(day)) / 7 AS recency,
    date_diff('day', first_day, any_value(calibration_end)) / 7 AS "T",
    coalesce(avg(revenue) FILTER (WHERE day > first_day), 0) AS monetary_value
  FROM marked, cal
  GROUP BY customer_id, first_day
)
SELECT CAST((SELECT calibration_end FROM cal) AS VARCHAR) AS calibration_end, count(*) AS customers,
  count(*) FILTER (WHERE frequency = 0) AS one_time_buyers,
  count(*) FILTER (WHERE frequency > 0) AS repeat_buyers,
  count(*) FILTER (WHERE frequency = 0) / count(*) AS one_time_share
FROM per_customer;
