-- Naive reference for MVC / MGC / BZ on data without any cost (no cost of goods, no cost to
-- serve), where the analysis values each customer by revenue, as it says, and no customer can
-- be shown below zero (a negative revenue is returns, not a loss: the BZ group stays empty and
-- such customers may still be rated for growth); default options otherwise, as ../mvc-mgc-bz.sql.
-- headline: mvc_customers, mvc_value_share, mgc_headroom, bz_customers, bz_value
WITH period AS (
  SELECT max(date) - INTERVAL 12 MONTH + INTERVAL 1 DAY AS date_from, max(date) AS date_to
  FROM transactions WHERE customer_id IS NOT NULL
),
mid AS (
  SELECT CAST(date_from AS DATE) + CAST(floor((date_diff('day', date_from, date_to) + 1) / 2) - 1 AS INTEGER) AS mid_date FROM period
),
active AS (
  SELECT customer_id, sum(revenue) FILTER (WHERE date <= mid_date) AS first_half, sum(revenue) FILTER (WHERE date > mid_date) AS second_half
  FROM transactions, period, mid
  WHERE customer_id IS NOT NULL AND date BETWEEN date_from AND date_to
  GROUP BY customer_id
),
sales AS (
  SELECT customer_id, sum(revenue) AS revenue
  FROM transactions, period
  WHERE customer_id IS NOT NULL AND revenue IS NOT NULL AND date BETWEEN date_from AND date_to
  GROUP BY customer_id
),
peers AS (SELECT customer_id, coalesce(any_value(segment), '(none)') AS peer FROM customers GROUP BY customer_id),
v AS (
  SELECT a.customer_id, coalesce(p.peer, '(none)') AS peer,
    round(coalesce(s.revenue, 0), 6) AS value,
    round(coalesce(a.first_half, 0), 6) AS first_half, round(coalesce(a.second_half, 0), 6) AS second_half
  FROM active a LEFT JOIN sales s USING (customer_id) LEFT JOIN peers p USING (customer_id)
),
potential AS (SELECT peer, quantile_cont(value, 0.9) AS peer_potential FROM v GROUP BY peer),
grouped AS (
  SELECT v.*, count(*) OVER () AS n,
    CASE WHEN value > 0 AND row_number() OVER (ORDER BY value DESC, customer_id) <= ceil(0.2 * count(*) OVER ()) THEN 'MVC' END AS grp,
    CASE WHEN second_half >= first_half THEN greatest(value, peer_potential) ELSE value END - value AS headroom
  FROM v JOIN potential USING (peer)
),
growable AS (
  SELECT headroom, row_number() OVER (ORDER BY headroom DESC, customer_id) AS growth_rank, n
  FROM grouped WHERE grp IS NULL AND headroom > 0
)
SELECT count(*) FILTER (WHERE grp = 'MVC') AS mvc_customers,
  sum(value) FILTER (WHERE grp = 'MVC') / sum(value) AS mvc_value_share,
  (SELECT sum(headroom) FROM growable WHERE growth_rank <= ceil(0.2 * n)) AS mgc_headroom,
  count(*) FILTER (WHERE grp = 'BZ') AS bz_customers,
  coalesce(sum(value) FILTER (WHERE grp = 'BZ'), 0) AS bz_value
FROM grouped;
