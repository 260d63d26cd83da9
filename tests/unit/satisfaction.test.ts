import { describe, expect, it } from 'vitest';
import {
  curveChart,
  curveSteepness,
  defaultSatisfiedFrom,
  drawnCurve,
  leaveRatio,
  segmentChart,
  detectScale,
  locateZones,
  logisticFit,
  loyaltyCurve,
  loyaltyQuadrant,
  poolSegments,
  rateRatio,
  scaleOf,
  topBoxRatio,
  valueAtStake,
  whatIfMove,
  wilsonInterval,
  wordOfMouth,
  zoneBands,
  zoneOf,
  type CurvePoint,
  type LevelRow,
} from '../../src/analyses/satisfaction/index.ts';

/** A level row with zeros except what the case sets. */
function level(satisfaction: number, n: number, loyal: number, extra: Partial<LevelRow> = {}): LevelRow {
  return {
    segment: 'All',
    satisfaction,
    respondents: n,
    n,
    loyal,
    recommend_n: 0,
    promoters: 0,
    detractors: 0,
    no_transactions: 0,
    revenue: 0,
    profit: 0,
    revenue_loyal: 0,
    profit_loyal: 0,
    revenue_not_loyal: 0,
    profit_not_loyal: 0,
    profit_after_loyal: 0,
    ...extra,
  };
}

/** Curve points with given rates and n = 100 at levels low… */
function curveOf(rates: number[], low = 1, n = 100): CurvePoint[] {
  return loyaltyCurve(
    rates.map((r, i) => level(low + i, n, Math.round(r * n))),
    20,
  );
}

describe('wilsonInterval (Wilson 1927)', () => {
  // Published values: 8/10 (textbook); the rest from Newcombe (1998), Statistics in Medicine 17:857–872, Table II.
  it.each([
    [8, 10, 0.4902, 0.9433],
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0.0, 0.1611],
    [1, 29, 0.0061, 0.1718],
    [3, 3, 0.4385, 1.0],
  ])('%i of %i → [%f, %f]', (x, n, low, high) => {
    const w = wilsonInterval(x, n);
    expect(w.rate).toBeCloseTo(x / n, 12);
    expect(w.low).toBeCloseTo(low, 4);
    expect(w.high).toBeCloseTo(high, 4);
  });
  it('has no estimate without trials and rejects impossible counts', () => {
    expect(wilsonInterval(0, 0)).toEqual({ rate: null, low: null, high: null });
    expect(() => wilsonInterval(5, 4)).toThrow(/invalid binomial counts: 5 of 4/);
  });
});

describe('rateRatio (Katz et al. 1978)', () => {
  it('40/50 vs 20/50 → 2 with log interval [1.386, 2.886]', () => {
    // se = √(0.2/40 + 0.6/20) = √0.035; 2·exp(±1.96·0.18708)
    const r = rateRatio(40, 50, 20, 50);
    expect(r.ratio).toBe(2);
    expect(r.low).toBeCloseTo(1.3861, 3);
    expect(r.high).toBeCloseTo(2.8857, 3);
  });
  it('is undefined when the denominator rate is zero', () => {
    expect(rateRatio(3, 10, 0, 10).ratio).toBeNull();
  });
});

describe('scales', () => {
  it.each([
    [1, 5, null, '1-5'],
    [2, 4, null, '1-5'],
    [1, 7, null, '1-7'],
    [1, 9, null, '1-10'],
    [0, 10, null, '0-10'],
    [0, 3, null, '0-10'],
    [1, 4, '1-10', '1-10'],
  ])('min %i max %i declared %s → %s', (min, max, declared, id) => {
    expect(detectScale(min, max, declared)?.id).toBe(id);
  });
  it('rejects scores no scale holds, and unknown declared scales', () => {
    expect(detectScale(1, 11)).toBeNull();
    expect(detectScale(-1, 5)).toBeNull();
    expect(() => scaleOf('2-9')).toThrow(/invalid satisfaction scale/);
  });
  it.each([
    ['1-5', 4],
    ['1-7', 6],
    ['1-10', 8],
    ['0-10', 8],
  ])('default satisfied cut on %s is %i', (id, cut) => {
    expect(defaultSatisfiedFrom(scaleOf(id))).toBe(cut);
  });
});

describe('curve and top-box ratio', () => {
  it('computes rates, Wilson bounds and the 5-vs-4 ratio from level counts', () => {
    const curve = loyaltyCurve([level(4, 10, 2), level(5, 10, 8), level(3, 0, 0)], 5);
    expect(curve.map((p) => [p.satisfaction, p.rate])).toEqual([
      [4, 0.2],
      [5, 0.8],
    ]);
    expect(curve[1]!.low).toBeCloseTo(0.4902, 4);
    const top = topBoxRatio(curve, 5);
    expect(top.ratio).toBeCloseTo(4, 12);
    expect([top.topRate, top.nextRate]).toEqual([0.8, 0.2]);
  });
  it('pools segments level by level', () => {
    const pooled = poolSegments([
      level(5, 10, 8, { segment: 'A' }),
      level(5, 30, 12, { segment: 'B' }),
      level(4, 5, 1, { segment: 'B' }),
    ]);
    expect(pooled.map((r) => [r.satisfaction, r.n, r.loyal])).toEqual([
      [4, 5, 1],
      [5, 40, 20],
    ]);
  });
});

describe('zones (slope rule)', () => {
  it.each([
    // convex, Jones & Sasser's competitive market: flat 1–4, steep 4→5
    ['convex', [0.1, 0.2, 0.3, 0.35, 0.9], 1, 5],
    // saturating: steep at the bottom, flat at the top
    ['concave', [0.1, 0.5, 0.8, 0.9, 0.95], 2, 5],
    // S-shaped: steep in the middle → the longer (and, on a tie, higher) flat run is indifference
    ['s-shape', [0.1, 0.12, 0.5, 0.88, 0.9], 3, 5],
  ])('%s curve', (_name, rates, defectionMax, affectionMin) => {
    const z = locateZones(curveOf(rates));
    expect([z.method, z.defectionMax, z.affectionMin]).toEqual(['slope', defectionMax, affectionMin]);
  });
  it('works on 0–10 with a flat bottom and steep top', () => {
    const rates = [0.3, 0.31, 0.32, 0.33, 0.34, 0.35, 0.36, 0.4, 0.6, 0.8, 0.95];
    const z = locateZones(curveOf(rates, 0));
    expect([z.defectionMax, z.affectionMin]).toEqual([0, 8]);
    expect(zoneOf(z, 5)).toBe('indifference');
    expect(zoneBands(z, 0, 10)).toEqual([
      { zone: 'defection', x1: -0.5, x2: 0.5 },
      { zone: 'indifference', x1: 0.5, x2: 7.5 },
      { zone: 'affection', x1: 7.5, x2: 10.5 },
    ]);
  });
  it('ignores unreliable levels, needs three reliable ones, and honours manual boundaries', () => {
    const pts = loyaltyCurve([level(1, 5, 5), level(2, 100, 10), level(3, 100, 20), level(4, 100, 90)], 20);
    expect(locateZones(pts).steps.map((s) => s.from)).toEqual([2, 3]);
    expect(locateZones(pts.slice(0, 3)).method).toBe('none');
    expect(zoneOf(locateZones(pts.slice(0, 3)), 2)).toBeNull();
    const manual = locateZones(pts, { defectionMax: 1, affectionMin: 4 });
    expect([manual.method, zoneOf(manual, 1), zoneOf(manual, 3), zoneOf(manual, 4)]).toEqual([
      'manual',
      'defection',
      'indifference',
      'affection',
    ]);
  });
});

describe('loyaltyQuadrant', () => {
  it('splits each level into loyal / not loyal on either side of the cut', () => {
    const rows = [
      level(5, 10, 9, { revenue_loyal: 900, profit_loyal: 300, revenue_not_loyal: 100, profit_not_loyal: 10 }),
      level(4, 10, 5, { revenue_loyal: 500, profit_loyal: 100, revenue_not_loyal: 500, profit_not_loyal: 50 }),
      level(3, 10, 3, { revenue_loyal: 300, profit_loyal: -30, revenue_not_loyal: 700, profit_not_loyal: 70 }),
      level(1, 10, 1, { revenue_loyal: 100, profit_loyal: -10, revenue_not_loyal: 900, profit_not_loyal: -90 }),
    ];
    const q = loyaltyQuadrant(rows, 4);
    expect(q.map((r) => [r.quadrant, r.customers, r.revenue, r.profit])).toEqual([
      ['apostles', 14, 1400, 400],
      ['mercenaries', 6, 600, 60],
      ['hostages', 4, 400, -40],
      ['defectors', 16, 1600, -20],
    ]);
    expect(q[2]!.share).toBe(0.1);
  });
});

describe('wordOfMouth', () => {
  it('net advocacy and vocal share per level', () => {
    const w = wordOfMouth([
      level(5, 4, 0, { recommend_n: 4, promoters: 3, detractors: 0 }),
      level(1, 5, 0, { recommend_n: 5, promoters: 0, detractors: 5 }),
      level(3, 3, 0),
    ]);
    expect(w.map((r) => [r.satisfaction, r.net_advocacy, r.vocal_share])).toEqual([
      [1, -1, 1],
      [5, 0.75, 0.75],
    ]);
  });
});

describe('what-if', () => {
  it('moves 10% of level 4 (60/100) to level 5 (45/50): +3 loyal ± 1.96·0.6481', () => {
    const pts = loyaltyCurve([level(4, 100, 60), level(5, 50, 45)], 1);
    const m = whatIfMove(pts, 4, 0.1, 200)!;
    expect(m.moved).toBeCloseTo(10, 12);
    expect(m.extra_loyal).toBeCloseTo(3, 12);
    // sd = 10·√(0.9·0.1/50 + 0.6·0.4/100) = 10·√0.0042
    expect(m.extra_loyal_low).toBeCloseTo(3 - 1.959964 * Math.sqrt(0.42), 5);
    expect(m.extra_loyal_high).toBeCloseTo(1.7298 + 2 * 1.2702, 3);
    expect(m.extra_profit).toBeCloseTo(600, 9);
    expect(whatIfMove(pts, 5, 0.1, 200)).toBeNull();
    expect(() => whatIfMove(pts, 4, 1.5, 1)).toThrow(/invalid share/);
  });
});

describe('value at stake', () => {
  it('sums the zone of defection', () => {
    const rows = [0.1, 0.2, 0.3, 0.35, 0.9].map((r, i) =>
      level(i + 1, 100, r * 100, {
        revenue_loyal: 10 * (i + 1),
        revenue_not_loyal: 1,
        profit_loyal: 2,
        profit_not_loyal: -1,
      }),
    );
    const z = locateZones(loyaltyCurve(rows, 20));
    const v = valueAtStake(rows, z)!;
    expect(v).toMatchObject({ customers: 100, revenue: 11, profit: 1, expected_defectors: 90 });
    expect(v.revenue_share).toBeCloseTo(11 / 155, 12);
  });
});

describe('logistic fit and steepness', () => {
  it('recovers a logistic curve from exact expected counts', () => {
    const groups = [1, 2, 3, 4, 5].map((x) => ({ x, n: 1000, k: 1000 / (1 + Math.exp(-(-3 + 0.9 * x))) }));
    const fit = logisticFit(groups)!;
    expect(fit.converged).toBe(true);
    expect(fit.slope).toBeCloseTo(0.9, 8);
    expect(fit.intercept).toBeCloseTo(-3, 8);
    expect(fit.slopeSe).toBeGreaterThan(0);
  });
  it('reports non-convergence under perfect separation', () => {
    expect(
      logisticFit([
        { x: 1, n: 10, k: 0 },
        { x: 2, n: 10, k: 10 },
      ])!.converged,
    ).toBe(false);
    expect(logisticFit([{ x: 1, n: 10, k: 3 }])).toBeNull();
  });
  it('gives a steeper number to the segment whose loyalty collapses below the top', () => {
    const curves = new Map([
      ['competitive', curveOf([0.1, 0.15, 0.2, 0.3, 0.9])],
      ['protected', curveOf([0.7, 0.75, 0.8, 0.85, 0.9])],
    ]);
    const s = curveSteepness(curves, 5);
    expect(s.map((r) => [r.segment, r.top_step])).toEqual([
      ['competitive', expect.closeTo(0.6, 12)],
      ['protected', expect.closeTo(0.05, 12)],
    ]);
    expect(s[0]!.logistic_slope!).toBeGreaterThan(s[1]!.logistic_slope!);
  });
});

describe('the 5-vs-4 figure read both ways', () => {
  it.each([
    // Xerox-like repurchase: few 4s come back → a large loyalty ratio, ceiling 1 ÷ 0.15
    [90, 100, 15, 100, 6, 0.1, 0.85, 8.5, 1 / 0.15],
    // retention business (the sample): most 4s stay → small loyalty ratio, large loss-rate ratio
    [93, 100, 64, 100, 93 / 64, 0.07, 0.36, 0.36 / 0.07, 1 / 0.64],
    // nobody at the top left: no loss-rate ratio
    [10, 10, 5, 10, 2, 0, 0.5, null, 2],
  ])('%i/%i at 5, %i/%i at 4', (k5, n5, k4, n4, ratio, topLeave, nextLeave, leave, ceiling) => {
    const top = topBoxRatio(loyaltyCurve([level(4, n4, k4), level(5, n5, k5)], 1), 5);
    expect(top.ratio).toBeCloseTo(ratio, 12);
    const l = leaveRatio(top);
    expect(l.topLeave).toBeCloseTo(topLeave, 12);
    expect(l.nextLeave).toBeCloseTo(nextLeave, 12);
    if (leave === null) expect(l.ratio).toBeNull();
    else expect(l.ratio).toBeCloseTo(leave, 12);
    expect(l.ceiling).toBeCloseTo(ceiling, 12);
    expect(top.ratio!).toBeLessThanOrEqual(l.ceiling! + 1e-12);
  });
});

describe('chart specs', () => {
  const scale = scaleOf('0-10');
  it('drawn curve: thin levels are faint and off the line, n printed', () => {
    const d = drawnCurve(loyaltyCurve([level(0, 5, 1), level(1, 1200, 600)], 20));
    expect(d.map((p) => [p.rate_line, p.opacity, p.n_label])).toEqual([
      [null, 0.35, 'n=5'],
      [0.5, 1, 'n=1,200'],
    ]);
  });
  it('curve chart: zones shaded from the zones table behind the curve, one whole-number tick per level', () => {
    const c = curveChart(scale, 'retained', 1000, 0.5, 20);
    expect(c.marks[0]).toMatchObject({ type: 'rect', data: 'zones', x1: 'x1', x2: 'x2', fill: 'zone' });
    expect(c.color).toMatchObject({ domain: ['defection', 'indifference', 'affection'] });
    expect(c.marks.find((m) => m.type === 'line')).toMatchObject({ y: 'rate_line' });
    expect(c.marks.find((m) => m.type === 'ruleX')).toMatchObject({ y1: 'low', y2: 'high' });
    expect(c.x).toMatchObject({ domain: [-0.5, 10.5], ticks: 11, tickFormat: 'd' });
    expect(c.caption).toMatch(/fewer than 20 respondents/);
  });
  it('segment chart: one line per segment in one chart', () => {
    const c = segmentChart(scale, 'retained', 'region', 20);
    expect(c.marks.map((m) => [m.type, m.stroke])).toEqual([
      ['line', 'segment'],
      ['dot', 'segment'],
    ]);
    expect(c.title).toBe('One curve per region');
  });
});
