-- Naive reference for RFM (default options: all history, as of the last transaction date, five
-- bins, monetary = spend), written by hand on the raw transactions: recency in days since the
-- last purchase, frequency = distinct orders, monetary = revenue; each scored 1–5 from its
-- percent rank; champions are R = 5 and F ≥ 4.
-- headline: customers, as_of, champions_share
WITH as_of_date AS (SELECT max(date) AS as_of FROM transactions WHERE customer_id IS NOT NULL),
c AS (
  SELECT customer_id, date_diff('day', max(date), any_value(as_of)) AS recency_days,
    count(DISTINCT coalesce(order_id, CAST(date AS VARCHAR))) AS frequency, sum(revenue) AS monetary
  FROM transactions, as_of_date
  WHERE customer_id IS NOT NULL
  GROUP BY customer_id
),
scored AS (
  SELECT *,
    least(5, 1 + floor(5 * percent_rank() OVER (ORDER BY recency_days DESC))) AS r_score,
    least(5, 1 + floor(5 * percent_rank() OVER (ORDER BY frequency))) AS f_score,
    least(5, 1 + floor(5 * percent_rank() OVER (ORDER BY monetary))) AS m_score
  FROM c
)
SELECT count(*) AS customers,
  CAST((SELECT as_of FROM as_of_date) AS VARCHAR) AS as_of,
  count(*) FILTER (WHERE r_score = 5 AND f_score >= 4) / count(*) AS champions_share
FROM scored;
