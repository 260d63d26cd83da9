/**
 * The pure numerics behind tiers and value × loyalty on hand-computed cases: DuckDB's
 * `quantile_cont` (including its DOUBLE interpolation lo × (1 − d) + hi × d, which can leave a
 * tied threshold one ulp above the tied value), inclusive lower bounds, and the scatter's bins.
 * The engine tests hold the same functions equal to DuckDB itself on real data.
 */
import { describe, expect, it } from 'vitest';
import {
  assignTiers,
  quantileCont,
  quantileThresholds,
  tierAggregates,
} from '../../src/analyses/segmentation/tier-numerics.ts';
import { binOf } from '../../src/analyses/segmentation/value-loyalty-numerics.ts';

const f64 = (xs: number[]) => Float64Array.from(xs);
const m = 366 / 30.4375;

describe('quantileCont', () => {
  it.each([
    ['no values → null', [], 0.5, null],
    ['one value', [7], 0.9, 7],
    ['exact rank (n − 1) × q = 2', [1, 2, 3, 4, 5], 0.5, 3],
    ['between ranks: 1 × 0.75 + 2 × 0.25', [1, 2, 3, 4], 0.25, 1.75],
    ['halfway: 20 × 0.5 + 30 × 0.5', [10, 20, 30, 40], 0.5, 25],
    // Ties: lo = hi = 6/m; with d = 0.3 (n = 4, q = 0.1) the formula lands one ulp below 6/m.
    ['tied values interpolate as DuckDB does (below)', [6 / m, 6 / m, 6 / m, 6 / m], 0.1, 0.4989754098360655],
  ] as [string, number[], number, number | null][])('%s', (_label, values, q, expected) => {
    expect(quantileCont(f64(values), q)).toBe(expected);
  });

  it('a tied threshold can sit one ulp above the tied value, so those customers stay below it', () => {
    // n = 12, q = 0.97: RN = 10.67, d = 0.67 → 0.4989754098360656, one ulp above 6/m = 0.49897540983606553.
    const t = quantileCont(f64(Array.from({ length: 12 }, () => 6 / m)), 0.97)!;
    expect(t).toBe(0.4989754098360656);
    expect(t).toBeGreaterThan(6 / m);
    expect(Array.from(assignTiers(f64([6 / m]), [t]))).toEqual([0]);
  });
});

describe('assignTiers', () => {
  it.each([
    ['lower bounds are inclusive', [9.99, 10, 20, 25], [10, 20], [0, 1, 2, 2]],
    ['NaN (NULL profit) grades 0', [NaN, 5], [1], [0, 1]],
    ['no thresholds: one tier', [1, 2], [], [0, 0]],
    ['equal thresholds: the highest reached wins', [5, 4], [5, 5], [2, 0]],
  ] as [string, number[], number[], number[]][])('%s', (_label, values, thresholds, expected) => {
    expect(Array.from(assignTiers(f64(values), thresholds))).toEqual(expected);
  });
});

describe('quantileThresholds and tierAggregates', () => {
  it('skip NaN in the quantiles, count it in tier 0, and give null sums where a tier has no profit', () => {
    const values = f64([NaN, 1, 2, 3]);
    expect(quantileThresholds(values, [0.5])).toEqual([2]);
    const v = {
      revenue: f64([5, 1, 2, 3]),
      profit: f64([NaN, NaN, 1, 1]),
      orders: f64([1, 1, 1, 1]),
      activeMonths: f64([1, 1, 1, 1]),
      tenureMonths: f64([1, 2, 3, 4]),
    };
    expect(tierAggregates(v, values, assignTiers(values, [2]), 2)).toEqual([
      { tier: 0, customers: 2, revenue: 6, profit: null, avg_tenure_months: 1.5, min_value: 1, max_value: 1 },
      { tier: 1, customers: 2, revenue: 5, profit: 2, avg_tenure_months: 3.5, min_value: 2, max_value: 3 },
    ]);
  });
});

describe('binOf', () => {
  it.each([
    ['inside', 5, 0, 10, 10, 5],
    ['clamped low', -3, 0, 10, 10, 0],
    ['clamped high (the top edge is the last bin)', 10, 0, 10, 10, 9],
    ['empty range → bin 0', 5, 5, 5, 10, 0],
    ['NaN → bin 0', NaN, 0, 10, 10, 0],
  ] as [string, number, number, number, number, number][])('%s', (_label, x, lo, hi, bins, expected) => {
    expect(binOf(x, lo, hi, bins)).toBe(expected);
  });
});
