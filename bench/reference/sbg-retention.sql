-- Naive reference for the sBG retention analysis (default options: tenure in months from
-- signup_date to churn_date, or to the data's last date for customers still there), written by
-- hand on the raw tables: the customers the model values as still active (no churn date, a
-- tenure of zero or more whole months). The maximum-likelihood fit itself is numerics in the
-- worker with no SQL counterpart; tests/unit/sbg.test.ts reproduces Fader & Hardie (2007).
-- headline: active
WITH as_of AS (
  SELECT greatest((SELECT greatest(max(signup_date), max(churn_date)) FROM customers),
    (SELECT max(CAST(date AS DATE)) FROM transactions)) AS d
)
SELECT count(*) AS active
FROM customers, as_of
WHERE churn_date IS NULL AND date_sub('month', CAST(signup_date AS DATE), d) >= 0;
