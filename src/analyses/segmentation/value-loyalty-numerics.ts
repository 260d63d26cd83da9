/**
 * The value × loyalty matrix on typed arrays: the statistics of `buildValueLoyaltyStatsQuery`
 * and the cell × bin rows of `buildValueLoyaltyQuery`, computed from the per-customer vectors
 * kept per period (`customer-period-vectors.ts`), so a change of cut-offs, bins, value or loyalty
 * measure never rescans the transactions. Same doubles as the SQL: each expression below is the
 * SQL one, operation for operation.
 */
import type { Row } from '../../sql/table.ts';
import type { CustomerPeriodVectors } from './customer-period-vectors.ts';
import { quantileCont, sortedValues } from './tier-numerics.ts';
import type { LoyaltyMeasure } from './value-loyalty.ts';

/** Per-customer value (profit or revenue over the period; NaN = NULL). */
export function vlValues(v: CustomerPeriodVectors, value: 'profit' | 'revenue'): Float64Array {
  return value === 'profit' ? v.profit : v.revenue;
}

/** Per-customer loyalty as `loyaltyExpr` computes it (NaN = NULL). */
export function vlLoyalty(v: CustomerPeriodVectors, loyalty: LoyaltyMeasure, months: number): Float64Array {
  if (loyalty === 'tenure') return v.tenureMonths;
  if (loyalty === 'survey') {
    if (!v.surveyLoyalty) throw new Error('survey loyalty was not read');
    return v.surveyLoyalty;
  }
  const out = new Float64Array(v.orders.length);
  for (let i = 0; i < out.length; i++) {
    // (orders - 1)::DOUBLE / orders; least(1.0, active_months / months)
    out[i] = loyalty === 'repeat_rate' ? (v.orders[i]! - 1) / v.orders[i]! : Math.min(1, v.activeMonths[i]! / months);
  }
  return out;
}

/** The one row of `buildValueLoyaltyStatsQuery` (NULL aggregates as null). */
export function vlStats(values: Float64Array, loyalty: Float64Array): Row {
  const kept = new Float64Array(values.length);
  let withLoyalty = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < loyalty.length; i++) {
    const l = loyalty[i]!;
    if (Number.isNaN(l)) continue;
    kept[withLoyalty++] = values[i]!;
    if (l < lo) lo = l;
    if (l > hi) hi = l;
  }
  // `median` is `quantile_cont(·, 0.5)`; both skip NULL values, the FILTER keeps customers with loyalty.
  const v = sortedValues(kept.subarray(0, withLoyalty));
  const l = sortedValues(loyalty);
  return {
    customers: values.length,
    with_loyalty: withLoyalty,
    value_median: quantileCont(v, 0.5),
    loyalty_median: quantileCont(l, 0.5),
    value_lo: quantileCont(v, 0.01),
    value_hi: quantileCont(v, 0.99),
    loyalty_lo: withLoyalty === 0 ? null : lo,
    loyalty_hi: withLoyalty === 0 ? null : hi,
  };
}

/** Bounds and cut-offs the cell query binds. */
export interface VlCuts {
  valueCutoff: number;
  loyaltyCutoff: number;
  lo: [number, number];
  hi: [number, number];
  bins: number;
}

/**
 * The bin of `x`: `coalesce(least(bins − 1, greatest(0, floor((x − lo) / nullif(hi − lo, 0) × bins)))::INTEGER, 0)`.
 * NULL (a NaN value or an empty range) lands in bin 0.
 */
export function binOf(x: number, lo: number, hi: number, bins: number): number {
  const span = hi - lo;
  if (span === 0 || Number.isNaN(x)) return 0;
  const f = Math.floor(((x - lo) / span) * bins);
  return Math.min(bins - 1, Math.max(0, f));
}

/**
 * The rows of `buildValueLoyaltyQuery`: customers with a loyalty value grouped by
 * (high_value, high_loyalty, vbin, lbin) with count, sum(value) (null when all NULL) and
 * sum(loyalty), in its `ORDER BY vbin, lbin, high_value, high_loyalty` (DuckDB sorts false, true,
 * then NULL: NULLS LAST).
 */
export function vlCellRows(values: Float64Array, loyalty: Float64Array, c: VlCuts): Row[] {
  // Dense accumulators over (vbin, lbin, high_value rank, high_loyalty): their index order is the
  // query's ORDER BY, and a million customers need no per-row key strings (bins ≤ 100 → 60k slots).
  const b = c.bins;
  const slots = b * b * 3 * 2;
  const customers = new Float64Array(slots);
  const value = new Float64Array(slots);
  const valueN = new Float64Array(slots);
  const loyal = new Float64Array(slots);
  for (let i = 0; i < loyalty.length; i++) {
    const l = loyalty[i]!;
    if (Number.isNaN(l)) continue;
    const x = values[i]!;
    const hv = Number.isNaN(x) ? 2 : x >= c.valueCutoff ? 1 : 0;
    const hl = l >= c.loyaltyCutoff ? 1 : 0;
    const k = ((binOf(x, c.lo[0], c.hi[0], b) * b + binOf(l, c.lo[1], c.hi[1], b)) * 3 + hv) * 2 + hl;
    customers[k]! += 1;
    if (hv !== 2) {
      value[k]! += x;
      valueN[k]! += 1;
    }
    loyal[k]! += l;
  }
  const rows: Row[] = [];
  for (let k = 0; k < slots; k++) {
    if (customers[k] === 0) continue;
    const hl = k % 2;
    const hv = Math.floor(k / 2) % 3;
    const cell = Math.floor(k / 6);
    rows.push({
      high_value: hv === 2 ? null : hv === 1,
      high_loyalty: hl === 1,
      vbin: Math.floor(cell / b),
      lbin: cell % b,
      customers: customers[k]!,
      value: valueN[k] === 0 ? null : value[k]!,
      loyalty: loyal[k]!,
    });
  }
  return rows;
}
