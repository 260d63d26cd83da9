import { describe, expect, it } from 'vitest';
import { customerLifetimeValue, marginMultiple } from '../../src/analyses/retention/margin-multiple.ts';
import { leakyBucket } from '../../src/analyses/retention/leaky-bucket.ts';
import { rankSegments, retentionWhatIf, type WhatIfOptions } from '../../src/analyses/retention/what-if.ts';
import { marginMultipleAnalysis } from '../../src/analyses/retention/margin-multiple-analysis.ts';
import { parseOptions } from '../../src/analyses/options.ts';
import { toRows } from '../../src/engine/types.ts';
import type { AnalysisContext } from '../../src/analyses/types.ts';

/** Runs the `margin-multiple` analysis as the engine does (options parsed first); it reads no data. */
function runMultiple(raw: Record<string, unknown>) {
  const o = parseOptions(marginMultipleAnalysis.options, raw, 'margin-multiple');
  return marginMultipleAnalysis.run({} as AnalysisContext, o);
}

describe('margin multiple r/(1+i−r) (Gupta & Lehmann 2003, table 1)', () => {
  const grid: [number, number, number][] = [
    [0.6, 0.1, 1.2],
    [0.7, 0.1, 1.75],
    [0.8, 0.1, 2.67],
    [0.9, 0.1, 4.5],
    [0.6, 0.16, 1.07],
    [0.7, 0.16, 1.52],
    [0.8, 0.16, 2.22],
    [0.9, 0.16, 3.46],
  ];
  it.each(grid)('r=%s, i=%s → %s', (r, i, published) => {
    expect(marginMultiple(r, i).toFixed(2)).toBe(published.toFixed(2));
  });
});

describe('margin-multiple analysis: the published grid and every variant selectable by option', () => {
  it('publishes the Gupta–Lehmann grid at i = 10%…16% as a table, one row per (r, i)', async () => {
    const r = await runMultiple({});
    const grid = toRows(r.tables.grid!).map((x) => [x.retention, x.discount_rate, (x.multiple as number).toFixed(2)]);
    expect(grid).toHaveLength(16);
    expect(grid.filter((x) => x[1] === 0.1)).toEqual([
      [0.6, 0.1, '1.20'],
      [0.7, 0.1, '1.75'],
      [0.8, 0.1, '2.67'],
      [0.9, 0.1, '4.50'],
    ]);
    expect(grid.filter((x) => x[1] === 0.16)).toEqual([
      [0.6, 0.16, '1.07'],
      [0.7, 0.16, '1.52'],
      [0.8, 0.16, '2.22'],
      [0.9, 0.16, '3.46'],
    ]);
    expect(r.charts.map((c) => c.id)).toEqual(['multiple-curve']);
  });

  it.each([
    ['default (first margin after one period)', {}, 266.667, 2.667],
    ['timing start', { timing: 'start' }, 366.667, 3.667],
    ['growth 5%', { growth: 0.05 }, 307.692, 3.077],
    ['horizon 2', { horizon: 2 }, 125.62, 1.256],
    ['acquisition cost 50', { acquisition_cost: 50 }, 216.667, 2.667],
  ] as const)('%s', async (_name, options, clv, multiple) => {
    const r = await runMultiple({ margin: 100, retention: 0.8, discount_rate: 0.1, ...options });
    expect(r.scalars.clv as number).toBeCloseTo(clv, 2);
    expect(r.scalars.multiple as number).toBeCloseTo(multiple, 3);
  });

  // The grid and curve follow the same variant as the single value (before, they always showed r/(1+i−r)).
  it.each([
    ['timing start', { timing: 'start' }, 3.667],
    ['growth 5%', { growth: 0.05 }, 3.077],
    ['horizon 2', { horizon: 2 }, 1.256],
    ['default', {}, 2.667],
  ] as const)(
    'grid and curve under %s, at r = 0.8 and a 10 percent discount rate',
    async (_name, options, multiple) => {
      const r = await runMultiple({ margin: 100, retention: 0.8, discount_rate: 0.1, ...options });
      const grid = toRows(r.tables.grid!).find((x) => x.retention === 0.8 && x.discount_rate === 0.1)!;
      const curve = toRows(r.tables.curve!).find((x) => x.retention === 0.8 && x.discount === '10%')!;
      expect(grid.multiple as number).toBeCloseTo(multiple, 3);
      expect(curve.multiple as number).toBeCloseTo(multiple, 3);
      expect(grid.multiple as number).toBeCloseTo(r.scalars.multiple as number, 9);
    },
  );

  it('leaves a grid cell empty, with a note, where margin growth outgrows the discount rate', async () => {
    const r = await runMultiple({ retention: 0.8, growth: 0.25 });
    const cells = toRows(r.tables.grid!)
      .filter((x) => x.multiple === null)
      .map((x) => [x.retention, x.discount_rate]);
    // r(1+g) ≥ 1+i: 0.9·1.25 = 1.125 ≥ 1.10 and 1.12; 0.9·1.25 < 1.14.
    expect(cells).toEqual([
      [0.9, 0.1],
      [0.9, 0.12],
    ]);
    expect(r.notes?.join(' ')).toMatch(/2 grid cells are empty/);
    expect(toRows(r.tables.curve!).every((x) => Number.isFinite(x.multiple))).toBe(true);
  });

  it('rejects an option outside its range before running', () => {
    expect(() => parseOptions(marginMultipleAnalysis.options, { timing: 'middle' }, 'margin-multiple')).toThrow(
      /timing/,
    );
  });
});

describe('customer lifetime value variants (m = 100, r = 0.8, i = 0.10)', () => {
  const base = { margin: 100, retention: 0.8, discountRate: 0.1 };
  const cases: [string, Parameters<typeof customerLifetimeValue>[0], number][] = [
    ['first margin at end of period 1', base, 266.667],
    ['first margin now: m(1+i)/(1+i−r)', { ...base, timing: 'start' }, 366.667],
    ['growth 5%: m·r/(1+i−r(1+g))', { ...base, growth: 0.05 }, 307.692],
    ['horizon 2, end: 100(0.8/1.1 + 0.64/1.21)', { ...base, horizon: 2 }, 125.62],
    ['horizon 2, start: 100(1 + 0.8/1.1)', { ...base, horizon: 2, timing: 'start' }, 172.727],
    ['acquisition cost 50 subtracted', { ...base, acquisitionCost: 50 }, 216.667],
    ['horizon 0 is worth nothing but the acquisition cost', { ...base, horizon: 0, acquisitionCost: 10 }, -10],
  ];
  it.each(cases)('%s', (_name, options, expected) => {
    expect(customerLifetimeValue(options)).toBeCloseTo(expected, 2);
  });

  it('a long finite horizon converges to the perpetuity', () => {
    expect(customerLifetimeValue({ ...base, horizon: 400 })).toBeCloseTo(customerLifetimeValue(base), 6);
  });

  it.each([
    [{ ...base, retention: 1 }, /invalid retention/],
    [{ ...base, discountRate: -1 }, /invalid discount rate/],
    [{ ...base, growth: 0.5 }, /infinite/],
    [{ ...base, horizon: 2.5 }, /invalid horizon/],
  ])('rejects inputs outside the model (%#)', (options, message) => {
    expect(() => customerLifetimeValue(options)).toThrow(message);
  });
});

describe('retention what-if (hand-computed: N=100, m=10, r=0.5, i=0, T=2, +10 points, cost 1, acquisition 5)', () => {
  const o: WhatIfOptions = {
    customers: 100,
    margin: 10,
    retention: 0.5,
    uplift: 0.1,
    programmeCost: 1,
    acquisitionCost: 5,
    discountRate: 0,
    horizon: 2,
  };
  const r = retentionWhatIf(o);
  it.each([
    ['equityBefore', 750], // 100·10·(0.5 + 0.25)
    ['equityAfterGross', 960], // 100·10·(0.6 + 0.36)
    ['programmeCostPv', 160], // 100·1·(1 + 0.6)
    ['equityChange', 50],
    ['profitChange', 50 / 750],
    ['grossProfitChange', 210 / 750],
    ['roi', 50 / 160],
    ['customersKeptFirstPeriod', 10],
    ['costPerCustomerKept', 10],
    ['acquisitionEquivalent', 50],
    // 1000(x + x² − 0.75) = 100(1 + x), x = 0.5 + d → 10x² + 9x − 8.5 = 0
    ['breakEvenUplift', (-9 + Math.sqrt(421)) / 20 - 0.5],
  ] as const)('%s', (key, expected) => {
    expect(r[key]).toBeCloseTo(expected, 5);
  });

  it('caps retention at 100% and says when the programme never pays', () => {
    const never = retentionWhatIf({ ...o, programmeCost: 100, uplift: 0.9 });
    expect(never.retentionAfter).toBe(1);
    expect(never.breakEvenUplift).toBeNull();
  });

  it('ranks segments by value saved per unit of cost', () => {
    const ranked = rankSegments(
      [
        { segment: 'low', customers: 100, margin: 1, retention: 0.5 },
        { segment: 'high', customers: 10, margin: 50, retention: 0.5 },
      ],
      { uplift: 0.1, programmeCost: 1, acquisitionCost: 5, discountRate: 0, horizon: 2 },
    );
    expect(ranked.map((s) => s.segment)).toEqual(['high', 'low']);
    // high: value saved 10·50·0.21 = 105, cost 10·1.6 = 16
    expect(ranked[0]!.valuePerCost).toBeCloseTo(105 / 16, 6);
    expect(ranked[1]!.net).toBeCloseTo(100 * 0.21 - 160, 6);
  });
});

/** Mulberry32: a tiny seeded PRNG so the property grid is the same on every run. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('what-if monotonicity over a grid of random inputs', () => {
  const rand = rng(20240607);
  const inputs = Array.from({ length: 300 }, () => ({
    customers: 1 + Math.floor(rand() * 10_000),
    margin: rand() * 500,
    retention: rand() * 0.98,
    discountRate: rand() * 0.3,
    horizon: 1 + Math.floor(rand() * 20),
    acquisitionCost: rand() * 100,
  }));

  it('more uplift never lowers equity when the programme is free', () => {
    for (const x of inputs) {
      let prev = -Infinity;
      for (let uplift = 0; uplift <= 0.3; uplift += 0.01) {
        const change = retentionWhatIf({ ...x, uplift, programmeCost: 0 }).equityChange;
        expect(change).toBeGreaterThanOrEqual(prev - 1e-9 * Math.abs(prev));
        prev = change;
      }
    }
  });

  it('a higher discount rate never raises CLV (every variant)', () => {
    for (const x of inputs) {
      for (const timing of ['end', 'start'] as const) {
        for (const horizon of [x.horizon, Infinity]) {
          let prev = Infinity;
          for (let i = 0; i <= 0.4; i += 0.02) {
            const clv = customerLifetimeValue({
              margin: x.margin,
              retention: x.retention,
              discountRate: i,
              timing,
              horizon,
              acquisitionCost: x.acquisitionCost,
            });
            expect(clv).toBeLessThanOrEqual(prev + 1e-9 * Math.abs(prev));
            prev = clv;
          }
        }
      }
    }
  });
});

describe('leaky bucket (hand-computed: 1000 customers, 20% churn, 100 new a period, acquire 50, retain 10)', () => {
  const o = {
    startCustomers: 1000,
    churn: 0.2,
    acquiredPerPeriod: 100,
    periods: 2,
    acquisitionCost: 50,
    retentionCost: 10,
  };
  it('simulates B_t = B_{t−1}(1 − churn) + acquired', () => {
    const r = leakyBucket(o);
    expect(r.rows.map((x) => x.customers)).toEqual([1000, 900, 820]);
    expect(r.rows.map((x) => x.lost)).toEqual([0, 200, 180]);
    expect(r.steadyState).toBe(500);
    expect(r.change).toBeCloseTo(-0.18, 10);
  });
  it('prices holding the customer count flat both ways', () => {
    const r = leakyBucket(o);
    expect([
      r.extraAcquisitions,
      r.acquisitionSpend,
      r.customersToKeep,
      r.retentionSpend,
      r.spendRatio,
      r.churnNeeded,
    ]).toEqual([100, 5000, 100, 1000, 5, 0.1]);
    expect(r.rows[2]!.spend_acquisition).toBe(10_000);
  });
  it('holding revenue flat needs more acquisition when new customers spend less', () => {
    // lost 200·10 = 2000 of revenue; 100 new bring 100·10·0.5 = 500; gap 1500
    const r = leakyBucket({ ...o, target: 'revenue', revenuePerCustomer: 10, newCustomerValueRatio: 0.5 });
    expect([r.extraAcquisitions, r.acquisitionSpend, r.customersToKeep, r.retentionSpend, r.spendRatio]).toEqual([
      300, 15_000, 150, 1500, 10,
    ]);
    expect(r.churnNeeded).toBeCloseTo(0.05, 10);
  });
  it('needs nothing when acquisition already outpaces churn', () => {
    const r = leakyBucket({ ...o, acquiredPerPeriod: 300 });
    expect([r.acquisitionSpend, r.retentionSpend, r.spendRatio]).toEqual([0, 0, null]);
  });
});
