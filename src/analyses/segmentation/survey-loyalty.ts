/**
 * Survey loyalty per customer, as a CTE `sv (customer_id, loyalty)`: the customer's mean
 * repurchase intent (1–5 → 0–1) when recorded, else mean satisfaction rescaled from its declared
 * scale (`1-5`, `1-10`, …; 1–5 when unreadable) to 0–1. One definition for the value × loyalty
 * SQL and the per-customer vectors (`customer-period-vectors.ts`).
 */

/** The `sv AS (…)` CTE over `surveys`. */
export function surveyLoyaltyCte(): string {
  return `sv AS (SELECT customer_id, avg(coalesce((repurchase_intent - 1) / 4.0,
      (satisfaction - coalesce(try_cast(split_part(scale, '-', 1) AS DOUBLE), 1)) /
      nullif(coalesce(try_cast(split_part(scale, '-', 2) AS DOUBLE), 5) - coalesce(try_cast(split_part(scale, '-', 1) AS DOUBLE), 1), 0))) AS loyalty
    FROM surveys GROUP BY customer_id)`;
}
