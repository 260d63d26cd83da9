import { describe, expect, it } from 'vitest';
import { stableOrder } from '../../src/analyses/numerics/index.ts';
import {
  fixWorst,
  fixWorstSorted,
  rankProfit,
  whaleCurveTable,
  whaleStatsRow,
} from '../../src/analyses/profitability/whale-numerics.ts';

/** The reference: a comparator sort of indices, ties by index. */
function reference(values: number[], direction: 'ascending' | 'descending'): number[] {
  const s = direction === 'ascending' ? 1 : -1;
  return values.map((_, i) => i).sort((a, b) => s * (values[a]! - values[b]!) || a - b);
}

describe('stableOrder', () => {
  it.each([
    ['empty', []],
    ['one', [5]],
    ['ties keep index order', [3, 1, 3, 1, 3]],
    ['negatives and zeros', [-1, 0, -0, 2, -3.5, 0, 1e-300, -1e-300]],
    ['large and tiny magnitudes', [1e15, -1e15, 123.45, -123.45, 5e-324, Number.MAX_VALUE, -Number.MAX_VALUE]],
    ['infinities', [Infinity, -Infinity, 0, 1]],
  ] as [string, number[]][])('%s', (_label, values) => {
    for (const direction of ['ascending', 'descending'] as const) {
      expect(Array.from(stableOrder(Float64Array.from(values), direction))).toEqual(reference(values, direction));
    }
  });

  it('agrees with a comparator sort on 100,000 random money amounts with many ties', () => {
    let seed = 3;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const values = Array.from({ length: 100_000 }, () => Math.round((rnd() - 0.4) * 2000) / 4);
    expect(Array.from(stableOrder(Float64Array.from(values), 'descending'))).toEqual(reference(values, 'descending'));
  });

  it('refuses NaN', () => {
    expect(() => stableOrder(Float64Array.from([1, NaN]))).toThrow(/NaN at index 1/);
  });
});

describe('whale numerics edge cases', () => {
  const v = (profit: number[], revenue: number[] = profit.map(() => 10)) => ({
    profit: Float64Array.from(profit),
    revenue: Float64Array.from(revenue),
  });

  it('no customers: zero counts, an empty curve', () => {
    const r = rankProfit(v([]));
    expect(whaleStatsRow(r, 0.2)).toMatchObject({
      customers: 0,
      total_profit: 0,
      all_profit_customers: null,
      min_profit: null,
    });
    expect(whaleCurveTable(r).rowCount).toBe(0);
  });

  it('one customer: the curve is the origin and that customer', () => {
    const r = rankProfit(v([42]));
    expect(whaleStatsRow(r, 0.2)).toMatchObject({
      customers: 1,
      top_profit: 42 * 0.2,
      all_profit_customers: 1,
      tied_customers: 0,
    });
    expect(whaleCurveTable(r).data[0]).toEqual([0, 1]);
  });

  it('fix the worst: ⌈share × loss-makers⌉, worst first, ties by customer order', () => {
    const base = v([5, -2, -9, -2, 1], [50, 20, 90, 21, 10]);
    expect(fixWorst(base, 0.5, 'break-even')).toMatchObject({ fixed: 2, profit: Float64Array.from([5, 0, 0, -2, 1]) });
    const dropped = fixWorst(base, 0.5, 'drop');
    expect([dropped.fixed, Array.from(dropped.profit), Array.from(dropped.revenue)]).toEqual([
      2,
      [5, -2, 1],
      [50, 21, 10],
    ]);
    expect(() => fixWorst(base, 0.5, 'teleport' as 'drop')).toThrow(/invalid fix mode/);
  });
});

describe('fix the worst on a ranking (no re-sort) = fix, then rank again', () => {
  let seed = 5;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  // Coarse values: many ties, and runs of equal losses that straddle the cut.
  const n = 5000;
  const profit = Float64Array.from({ length: n }, () => Math.round((rnd() - 0.6) * 40) / 2);
  const revenue = Float64Array.from({ length: n }, () => Math.round(rnd() * 1000) / 4);
  it.each([
    ['break-even', 0.1],
    ['break-even', 0.37],
    ['break-even', 1],
    ['drop', 0.1],
    ['drop', 0.37],
    ['drop', 0.5],
    ['drop', 1],
  ] as const)('%s %s', (mode, share) => {
    const ranked = rankProfit({ profit, revenue });
    const fast = fixWorstSorted(ranked, share, mode);
    const slow = fixWorst({ profit, revenue }, share, mode);
    const again = rankProfit(slow);
    expect(fast.fixed).toBe(slow.fixed);
    expect(Array.from(fast.sorted.profitDesc)).toEqual(Array.from(again.profitDesc));
    expect(Array.from(fast.sorted.revenueDesc)).toEqual(Array.from(again.revenueDesc));
    expect(whaleStatsRow(fast.sorted, 0.2)).toEqual(whaleStatsRow(again, 0.2));
  });
});
