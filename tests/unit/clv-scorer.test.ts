/**
 * The memoised and grouped CLV paths must give exactly the numbers of the straightforward
 * per-customer computation. The customer table repeats histories and has pairs that differ only in
 * recency, only in T or only in frequency, so a grouping key that drops any of them fails here.
 */
import { describe, expect, it } from 'vitest';
import {
  bgnbdTotalLogLikelihood,
  conditionalExpectedAverageValue,
  conditionalExpectedTransactions,
  discountedValue,
  holdoutCheck,
  modelCustomers,
  pAlive,
  unitsPerYear,
  type BgNbdParams,
  type ClvCustomer,
} from '../../src/analyses/clv/index.ts';
import { groupedLogLikelihood } from '../../src/analyses/clv/bgnbd.ts';
import { createBgNbdScorer, memoisedConditionalExpectation } from '../../src/analyses/clv/clv-scorer.ts';
import { compareIds, topByValue, valuesDescending } from '../../src/analyses/clv/ranking.ts';

const params: BgNbdParams = { r: 1, alpha: 1, a: 2, b: 3 };
const horizon = { horizon: 52, step: 365.25 / 12 / 7, ratePerUnit: Math.pow(1.1, 1 / 52) - 1 };

/** [frequency, recency, T]: repeats, and neighbours differing in one coordinate only. */
const histories: [number, number, number][] = [
  [1, 1, 3],
  [1, 3, 3],
  [1, 1, 3], // same x and T, recency differs; one exact repeat
  [1, 1, 5],
  [2, 1, 3],
  [0, 0, 3], // T differs; x differs; a one-time buyer
  [0, 0, 3],
  [0, 0, 7],
  [2, 1, 3],
  [5, 20.5, 30],
  [5, 20.5, 31],
  [5, 20, 30],
];

describe('memoised BG/NBD scores', () => {
  it('P(alive) by hand: 1/(1 + a/(b+x−1)·((α+T)/(α+tₓ))^(r+x))', () => {
    const scorer = createBgNbdScorer(params, horizon);
    expect(scorer.score({ frequency: 1, recency: 1, T: 3 }).pAlive).toBeCloseTo(3 / 11, 14); // 1/(1 + 2/3·(4/2)²)
    expect(scorer.score({ frequency: 1, recency: 3, T: 3 }).pAlive).toBeCloseTo(3 / 5, 14); // 1/(1 + 2/3·1)
    expect(scorer.score({ frequency: 0, recency: 0, T: 3 }).pAlive).toBe(1);
  });

  for (const [name, p] of [
    ['a = 2', params],
    ['a = 1 (nudged inside eq. 10 only)', { ...params, a: 1 }],
    ['CDNOW', { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }],
  ] as const) {
    it(`equal bit for bit to pAlive + discountedValue per customer (${name})`, () => {
      const scorer = createBgNbdScorer(p, horizon);
      for (const [frequency, recency, T] of histories) {
        const c = { frequency, recency, T };
        const v = discountedValue(p, c, { ...horizon, margin: 1, valuePerPurchase: 1 });
        const s = scorer.score(c);
        expect([s.pAlive, s.expectedPurchases, s.discountedPurchases]).toEqual([
          pAlive(p, c),
          v.expectedPurchases,
          v.value,
        ]);
        expect(memoisedConditionalExpectation(p, 13)(c)).toBe(conditionalExpectedTransactions(p, c, 13));
      }
    });
  }

  it('the table distinguishes histories that share two of the three coordinates', () => {
    const scorer = createBgNbdScorer(params, horizon);
    const keyOf = (h: [number, number, number]) => scorer.score({ frequency: h[0], recency: h[1], T: h[2] });
    for (const [a, b] of [
      [0, 1],
      [0, 3],
      [0, 4],
      [9, 10],
      [9, 11],
    ] as const) {
      expect(keyOf(histories[a]!).discountedPurchases).not.toBe(keyOf(histories[b]!).discountedPurchases);
    }
  });

  it('a zero horizon gives no purchases and no value', () => {
    expect(createBgNbdScorer(params, { ...horizon, horizon: 0 }).score({ frequency: 1, recency: 1, T: 3 })).toEqual({
      pAlive: pAlive(params, { frequency: 1, recency: 1, T: 3 }),
      expectedPurchases: 0,
      discountedPurchases: 0,
    });
  });
});

describe('modelCustomers equals the per-customer computation', () => {
  // 12 customers (≥ 10 repeat buyers are not needed for BG/NBD; Gamma-Gamma needs 10, so spend falls back to the mean
  // here),
  // then the same table doubled with spend so Gamma-Gamma is fitted.
  const base: ClvCustomer[] = histories.map(([frequency, recency, T], i) => ({
    customer_id: `C${String(i).padStart(2, '0')}`,
    frequency,
    recency,
    T,
    monetary_value: frequency > 0 ? 10 + (i % 4) * 5 : 0,
    calibration_revenue: 20 + i,
    holdout_frequency: i % 3,
    holdout_revenue: (i % 3) * 12,
  }));
  const many = [
    ...base,
    ...base.map((c) => ({
      ...c,
      customer_id: `D${c.customer_id}`,
      monetary_value: c.frequency > 0 ? c.monetary_value * 1.5 : 0,
    })),
  ];
  for (const [name, customers] of [
    ['mean spend', base],
    ['Gamma-Gamma', many],
  ] as const) {
    it(name, () => {
      const o = { timeUnit: 'weeks' as const, horizon: 52, annualDiscountRate: 0.1, margin: 0.3, holdoutLength: 13 };
      const model = modelCustomers(customers, o);
      const p = model.bgnbd.params;
      const repeat = customers.filter((c) => c.frequency > 0 && c.monetary_value > 0);
      expect(model.gammaGamma === null).toBe(repeat.length < 10);
      const mean = repeat.reduce((s, c) => s + c.monetary_value, 0) / repeat.length;
      const straightforward = customers.map((c) => {
        const perPurchase = model.gammaGamma
          ? conditionalExpectedAverageValue(model.gammaGamma.params, {
              frequency: c.frequency,
              monetaryValue: c.monetary_value,
            })
          : mean;
        const v = discountedValue(p, c, {
          horizon: 52,
          step: 365.25 / 12 / 7,
          ratePerUnit: Math.pow(1 + 0.1, 1 / unitsPerYear('weeks')) - 1,
          margin: 0.3,
          valuePerPurchase: perPurchase,
        });
        return {
          ...c,
          p_alive: pAlive(p, c),
          expected_purchases: v.expectedPurchases,
          expected_value_per_purchase: perPurchase,
          expected_value: v.value,
        };
      });
      expect(model.customers).toEqual(straightforward);
      // The holdout check, summed per customer in the same order.
      const expected = customers.reduce((s, c) => s + conditionalExpectedTransactions(p, c, 13), 0);
      expect(model.holdout!.totalExpected).toBe(expected);
      expect(
        holdoutCheck(
          p,
          customers.map((c) => ({ ...c, holdoutFrequency: c.holdout_frequency })),
          13,
        ),
      ).toEqual(model.holdout);
    });
  }
});

describe('grouped BG/NBD log-likelihood', () => {
  it('equals bgnbdTotalLogLikelihood bit for bit', () => {
    const rows = histories.map(([frequency, recency, T], i) => ({ frequency, recency, T, weight: 1 + (i % 3) }));
    const total = groupedLogLikelihood(rows);
    for (const p of [params, { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { r: 3, alpha: 0.5, a: 1.2, b: 0.4 }]) {
      expect(total(p)).toBe(bgnbdTotalLogLikelihood(p, rows));
    }
  });
});

describe('ranking helpers', () => {
  const items = [
    { customer_id: 'b', v: 3 },
    { customer_id: 'a', v: 3 },
    { customer_id: 'B', v: 5 },
    { customer_id: 'c', v: 1 },
    { customer_id: 'A', v: 3 },
    { customer_id: 'd', v: 0 },
  ];
  const byId = (x: { customer_id: string }, y: { customer_id: string }) => compareIds(x.customer_id, y.customer_id);
  it('compareIds orders as localeCompare', () => {
    const ids = ['b', 'a', 'B', 'A', 'a1', 'a-2', 'é', 'e', 'C10', 'C9'];
    expect([...ids].sort(compareIds)).toEqual([...ids].sort((x, y) => x.localeCompare(y)));
  });
  for (const n of [1, 2, 3, 4, 6, 10]) {
    it(`top ${n} by value, ties by id, as the full sort`, () => {
      const full = [...items].sort((x, y) => y.v - x.v || x.customer_id.localeCompare(y.customer_id)).slice(0, n);
      expect(topByValue(items, n, (c) => c.v, byId)).toEqual(full);
    });
  }
  it('values descending', () => {
    expect([...valuesDescending(items, (c) => c.v)]).toEqual([5, 3, 3, 3, 1, 0]);
  });
});
