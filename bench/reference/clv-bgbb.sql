-- Naive reference for the BG/BB analysis (default options: one opportunity per calendar year,
-- up to the last transaction), written by hand on the raw transactions: the customers whose
-- histories the model is fitted on: everyone with a non-negative line. The maximum-likelihood fit
-- itself (and whether it succeeds) is numerics in the worker with no SQL counterpart;
-- tests/unit/bgbb.test.ts reproduces Fader, Hardie & Shang (2010).
-- headline: customers
WITH buyers AS (
  SELECT customer_id
  FROM transactions
  WHERE customer_id IS NOT NULL AND revenue >= 0 AND date IS NOT NULL
  GROUP BY customer_id
)
SELECT count(*) AS customers FROM buyers;
