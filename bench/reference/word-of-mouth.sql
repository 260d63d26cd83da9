-- Naive reference for word of mouth (default options, scale 1–5), written by hand on the raw
-- surveys: each customer's latest answer; per satisfaction level the share of promoters
-- (recommend 9–10) minus detractors (0–6) = net advocacy, and promoters + detractors = vocal
-- share; at the lowest and highest level, and the least vocal level in between.
-- headline: net_advocacy_bottom, net_advocacy_top, vocal_bottom, vocal_middle_min, vocal_top, recommend_n
WITH latest AS (
  SELECT customer_id, satisfaction, recommend
  FROM surveys
  WHERE customer_id IS NOT NULL AND satisfaction BETWEEN 1 AND 5
  QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY date DESC NULLS LAST, satisfaction DESC) = 1
),
levels AS (
  SELECT satisfaction, count(recommend) AS recommend_n,
    (count(*) FILTER (WHERE recommend >= 9) - count(*) FILTER (WHERE recommend <= 6)) / count(recommend) AS net_advocacy,
    (count(*) FILTER (WHERE recommend >= 9) + count(*) FILTER (WHERE recommend <= 6)) / count(recommend) AS vocal_share
  FROM latest GROUP BY satisfaction HAVING count(recommend) > 0
)
SELECT arg_min(net_advocacy, satisfaction) AS net_advocacy_bottom, arg_max(net_advocacy, satisfaction) AS net_advocacy_top,
  arg_min(vocal_share, satisfaction) AS vocal_bottom,
  min(vocal_share) FILTER (WHERE satisfaction > (SELECT min(satisfaction) FROM levels) AND satisfaction < (SELECT max(satisfaction) FROM levels)) AS vocal_middle_min,
  arg_max(vocal_share, satisfaction) AS vocal_top, sum(recommend_n) AS recommend_n
FROM levels;
