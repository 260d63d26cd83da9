/**
 * Tier thresholds, assignment and per-tier aggregates on typed arrays: the same figures as the
 * SQL of `tier-assign.ts` (`buildTierThresholdQuery`, `tierCaseExpr`) and `buildTierSummaryQuery`,
 * computed in milliseconds from the prepared per-customer vectors.
 */
import type { Row } from '../../sql/table.ts';
import type { CustomerPeriodVectors } from './customer-period-vectors.ts';
import type { Measure } from './value-source.ts';

/**
 * Each customer's value per month, as `measureExpr` computes it in SQL (`column / months`, one
 * IEEE division, so the same doubles). NULL (profit without cost data) stays NaN.
 */
export function measureValues(v: CustomerPeriodVectors, measure: Measure, months: number): Float64Array {
  const src = measure === 'spend' ? v.revenue : measure === 'profit' ? v.profit : v.orders;
  const out = new Float64Array(src.length);
  for (let i = 0; i < src.length; i++) out[i] = src[i]! / months;
  return out;
}

/** The non-NaN values in ascending order (what `quantile_cont` ranks: it skips NULLs). */
export function sortedValues(values: Float64Array): Float64Array {
  let n = 0;
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) out[n++] = values[i]!;
  return out.subarray(0, n).sort();
}

/**
 * DuckDB's `quantile_cont(x, q)` on ascending values: RN = (n − 1) × q, FRN = ⌊RN⌋, CRN = ⌈RN⌉;
 * the value at FRN when they coincide, else lo × (1 − d) + hi × d with d = RN − FRN. That is the
 * order of operations of DuckDB's `Interpolator` (quantile_sort_tree.hpp) and of its DOUBLE
 * specialisation of `InterpolateOperator` (src/function/scalar/operator/arithmetic.cpp), so the
 * thresholds match to the last bit. It matters: with ties lo = hi, and lo × (1 − d) + lo × d can
 * be one ulp above lo, which puts every customer at that value in the tier below (the sample's
 * orders measure has hundreds of them; tests/engine/segmentation-prepared.test.ts). NULL (here
 * null) when there are no values.
 */
export function quantileCont(sorted: Float64Array, q: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const rn = (n - 1) * q;
  const frn = Math.floor(rn);
  const crn = Math.ceil(rn);
  const lo = sorted[frn]!;
  if (frn === crn) return lo;
  const hi = sorted[crn]!;
  const d = rn - frn;
  return lo * (1 - d) + hi * d;
}

/**
 * Thresholds at the cumulative shares `quantiles`, as `resolveThresholds` reads them from
 * `buildTierThresholdQuery`: a quantile over no values (NULL) reads as 0.
 */
export function quantileThresholds(values: Float64Array, quantiles: readonly number[]): number[] {
  const sorted = sortedValues(values);
  return quantiles.map((q) => quantileCont(sorted, q) ?? 0);
}

/**
 * Tier index per customer: the highest k with value ≥ thresholds[k − 1], else 0 — the SQL
 * `CASE WHEN value >= $k THEN k … ELSE 0` tried from the top. NaN (NULL) compares false → 0.
 */
export function assignTiers(values: Float64Array, thresholds: readonly number[]): Uint8Array | Uint16Array {
  const out = thresholds.length < 255 ? new Uint8Array(values.length) : new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    let tier = 0;
    for (let k = thresholds.length; k >= 1; k--) {
      if (x >= thresholds[k - 1]!) {
        tier = k;
        break;
      }
    }
    out[i] = tier;
  }
  return out;
}

/**
 * Per-tier aggregates as the SQL `GROUP BY tier ORDER BY tier` returns them: one row per
 * non-empty tier with customers, sum(revenue), sum(profit) (null when the tier has no profit
 * values), avg(tenure_months), min/max of the value (null when none).
 */
export function tierAggregates(
  v: CustomerPeriodVectors,
  values: Float64Array,
  tiers: ArrayLike<number>,
  tierCount: number,
): Row[] {
  const customers = new Float64Array(tierCount);
  const revenue = new Float64Array(tierCount);
  const profit = new Float64Array(tierCount);
  const profitN = new Float64Array(tierCount);
  const tenure = new Float64Array(tierCount);
  const tenureN = new Float64Array(tierCount);
  const min = new Float64Array(tierCount).fill(Infinity);
  const max = new Float64Array(tierCount).fill(-Infinity);
  const valueN = new Float64Array(tierCount);
  for (let i = 0; i < values.length; i++) {
    const t = tiers[i]!;
    customers[t]! += 1;
    revenue[t]! += v.revenue[i]!;
    const p = v.profit[i]!;
    if (!Number.isNaN(p)) {
      profit[t]! += p;
      profitN[t]! += 1;
    }
    const m = v.tenureMonths[i]!;
    if (!Number.isNaN(m)) {
      tenure[t]! += m;
      tenureN[t]! += 1;
    }
    const x = values[i]!;
    if (!Number.isNaN(x)) {
      if (x < min[t]!) min[t] = x;
      if (x > max[t]!) max[t] = x;
      valueN[t]! += 1;
    }
  }
  const rows: Row[] = [];
  for (let t = 0; t < tierCount; t++) {
    if (customers[t] === 0) continue;
    rows.push({
      tier: t,
      customers: customers[t]!,
      revenue: revenue[t]!,
      profit: profitN[t] === 0 ? null : profit[t]!,
      avg_tenure_months: tenureN[t] === 0 ? null : tenure[t]! / tenureN[t]!,
      min_value: valueN[t] === 0 ? null : min[t]!,
      max_value: valueN[t] === 0 ? null : max[t]!,
    });
  }
  return rows;
}
