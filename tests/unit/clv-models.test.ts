/**
 * CLV models: the published CDNOW fits reproduced from the carried dataset files (tests/fixtures/datasets), and the
 * closed
 * forms checked against independent computations (numeric integration over the mixing
 * distributions, known special-function identities, hand-computed values).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bgnbdLogLikelihood,
  conditionalExpectedAverageValue,
  conditionalExpectedTransactions,
  discountedValue,
  expectedTransactions,
  fitBgNbd,
  fitGammaGamma,
  hyp2f1,
  lnBeta,
  lnGamma,
  nelderMead,
  pAlive,
  type BgNbdParams,
} from '../../src/analyses/clv/index.ts';

const datasets = path.resolve(import.meta.dirname, '../fixtures/datasets');

/** The CDNOW calibration summary (weeks) as distributed with the data. */
function cdnowSummary() {
  const lines = readFileSync(path.join(datasets, 'cdnow_customers_summary.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
  return lines.map((l) => {
    const [, f, r, T] = l.split(',').map(Number);
    return { frequency: f!, recency: r!, T: T! };
  });
}

/**
 * Repeat buyers' average repeat-purchase value in the 39-week calibration (to 1997-09-30), built
 * from the raw transactions: same-day purchases combined into one, the first day left out.
 */
function cdnowSpend() {
  const byCustomer = new Map<string, Map<string, number>>();
  for (const line of readFileSync(path.join(datasets, 'CDNOW_sample.txt'), 'utf8').trim().split(/\r?\n/)) {
    const [, id, day, , dollars] = line.trim().split(/\s+/);
    if (day! > '19970930') continue;
    const days = byCustomer.get(id!) ?? new Map<string, number>();
    days.set(day!, (days.get(day!) ?? 0) + Number(dollars));
    byCustomer.set(id!, days);
  }
  const out: { frequency: number; monetaryValue: number }[] = [];
  for (const days of byCustomer.values()) {
    const repeat = [...days.keys()]
      .sort()
      .slice(1)
      .map((d) => days.get(d)!);
    if (repeat.length)
      out.push({ frequency: repeat.length, monetaryValue: repeat.reduce((a, b) => a + b, 0) / repeat.length });
  }
  return out;
}

describe('published CDNOW fits', () => {
  it('BG/NBD on the 39-week summary gives Fader, Hardie & Lee (2005): r 0.243, α 4.414, a 0.793, b 2.426, LL −9582.4', () => {
    const fit = fitBgNbd(cdnowSummary());
    expect(fit.customers).toBe(2357);
    expect(Math.abs(fit.params.r - 0.243)).toBeLessThanOrEqual(0.0005);
    expect(Math.abs(fit.params.alpha - 4.414)).toBeLessThanOrEqual(0.001);
    expect(Math.abs(fit.params.a - 0.793)).toBeLessThanOrEqual(0.0005);
    expect(Math.abs(fit.params.b - 2.426)).toBeLessThanOrEqual(0.0005);
    expect(Math.abs(fit.logLikelihood - -9582.4)).toBeLessThanOrEqual(0.05);
  });

  it('Gamma-Gamma on the 946 repeat buyers gives Fader & Hardie (2013): p 6.25, q 3.74, γ 15.44', () => {
    const spend = cdnowSpend();
    expect(spend.length).toBe(946);
    const { params } = fitGammaGamma(spend);
    expect(Math.abs(params.p - 6.25)).toBeLessThanOrEqual(0.005);
    expect(Math.abs(params.q - 3.74)).toBeLessThanOrEqual(0.005);
    expect(Math.abs(params.gamma - 15.44)).toBeLessThanOrEqual(0.005);
  });
});

/** Simpson's rule on [lo, hi] with n (even) intervals. */
function simpson(f: (u: number) => number, lo: number, hi: number, n = 20000): number {
  const h = (hi - lo) / n;
  let s = f(lo) + f(hi);
  for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * f(lo + i * h);
  return (s * h) / 3;
}

/**
 * E over p ~ Beta(a, b) of g(p), by numeric integration. For a < 1 the substitution p = u^(1/a)
 * removes the p^(a−1) singularity at 0 (p^(a−1) dp = du / a); for a ≥ 1 the plain integrand is smooth.
 */
function betaExpectation(g: (p: number) => number, a: number, b: number): number {
  const norm = Math.exp(lnBeta(a, b));
  if (a >= 1) return simpson((p) => g(p) * Math.pow(p, a - 1) * Math.pow(1 - p, b - 1), 0, 1) / norm;
  return (
    simpson(
      (u) => {
        const p = Math.pow(u, 1 / a);
        return (g(p) * Math.pow(1 - p, b - 1)) / a;
      },
      0,
      1,
    ) / norm
  );
}

const cdnow: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const smooth: BgNbdParams = { r: 1.5, alpha: 10, a: 2.5, b: 4 };

describe('special functions', () => {
  it.each([
    [1, 0],
    [2, 0],
    [0.5, Math.log(Math.sqrt(Math.PI))],
    [10, Math.log(362880)],
    [0.1, Math.log(9.513507698668732)],
    [100, 359.1342053695754], // ln 99!
  ])('lnGamma(%s)', (x, expected) => {
    expect(lnGamma(x)).toBeCloseTo(expected, 11);
  });

  it.each([
    ['₂F₁(1,1;2;z) = −ln(1−z)/z', 1, 1, 2, 0.6, -Math.log(0.4) / 0.6],
    ['₂F₁(a,b;b;z) = (1−z)^−a', 0.7, 3.2, 3.2, 0.9, Math.pow(0.1, -0.7)],
    ['₂F₁(½,½;3/2;z²) = asin(z)/z', 0.5, 0.5, 1.5, 0.81, Math.asin(0.9) / 0.9],
    ['z = 0', 2, 3, 4, 0, 1],
  ])('%s', (_, a, b, c, z, expected) => {
    expect(hyp2f1(a, b, c, z)).toBeCloseTo(expected, 11);
  });

  // Near z = 1 the series needs millions of terms (z = 0.99997 threw "did not converge");
  // hyp2f1 switches to the 1 − z connection formula there. Reference values are closed forms,
  // computed here without hyp2f1: d = c − a − b integer (0, 1) exercises the interpolated case.
  const w = (z: number) => 1 - z;
  it.each<[string, number, number, number, number, number, number]>([
    // name, a, b, c, z, exact, relative tolerance
    ...[0.95, 0.99997, 0.999999, 1 - 1e-10].map(
      (z) =>
        ['₂F₁(1,1;2;z) = −ln(1−z)/z (d = 0)', 1, 1, 2, z, -Math.log1p(-z) / z, 1e-9] as [
          string,
          number,
          number,
          number,
          number,
          number,
          number,
        ],
    ),
    ...[0.95, 0.99997, 0.999999].map(
      (z) =>
        [
          '₂F₁(1,1;3;z) = 2((1−z)ln(1−z) + z)/z² (d = 1)',
          1,
          1,
          3,
          z,
          (2 * (w(z) * Math.log1p(-z) + z)) / (z * z),
          1e-9,
        ] as [string, number, number, number, number, number, number],
    ),
    ...[0.99997, 1 - 1e-9].map(
      (z) =>
        ['₂F₁(a,b;b;z) = (1−z)^−a', 0.7, 3.2, 3.2, z, Math.pow(w(z), -0.7), 1e-12] as [
          string,
          number,
          number,
          number,
          number,
          number,
          number,
        ],
    ),
    ['₂F₁(½,½;3/2;z) = asin(√z)/√z', 0.5, 0.5, 1.5, 0.99997, Math.asin(Math.sqrt(0.99997)) / Math.sqrt(0.99997), 1e-12],
    // Gauss (A&S 15.1.20): F(a,b;c;1) = Γ(c)Γ(c−a−b)/(Γ(c−a)Γ(c−b)); with c − a − b > 1, F(z) − F(1) = O(1 − z).
    [
      '₂F₁(0.3,0.4;2.2;1−10⁻¹²) ≈ Γ(2.2)Γ(1.5)/(Γ(1.9)Γ(1.8))',
      0.3,
      0.4,
      2.2,
      1 - 1e-12,
      Math.exp(lnGamma(2.2) + lnGamma(1.5) - lnGamma(1.9) - lnGamma(1.8)),
      1e-10,
    ],
  ])('%s: a=%s, b=%s, c=%s, z=%s', (_, a, b, c, z, exact, tolerance) => {
    expect(Math.abs(hyp2f1(a, b, c, z) - exact) / Math.abs(exact)).toBeLessThan(tolerance);
  });

  it('E[X(t)] for very frequent buyers over a long horizon (t/(α+t) = 0.99997) is finite and grows with t', () => {
    const p = { r: 0.243, alpha: 0.011, a: 0.793, b: 2.426 };
    const values = [30, 120, 365, 730].map((t) => expectedTransactions(p, t));
    for (const v of values) expect(Number.isFinite(v) && v > 0).toBe(true);
    expect(values).toEqual([...values].sort((x, y) => x - y));
  });

  it('hyp2f1 refuses z outside [0, 1) rather than returning a wrong number', () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(/z must be in/);
  });

  it('Nelder–Mead finds the Rosenbrock minimum at (1, 1)', () => {
    const res = nelderMead(([x, y]) => 100 * (y! - x! * x!) ** 2 + (1 - x!) ** 2, [-1.2, 1]);
    expect(res.x[0]).toBeCloseTo(1, 5);
    expect(res.x[1]).toBeCloseTo(1, 5);
  });
});

describe('BG/NBD closed forms against numeric integration', () => {
  it.each([
    ['CDNOW parameters', cdnow, 39],
    ['CDNOW parameters, short t', cdnow, 2],
    ['a > 1', smooth, 25],
  ])('E[X(t)] (%s, t = %s) equals ∫ (1 − (α/(α+pt))^r)/p dBeta(p)', (_, p, t) => {
    // Given λ and p, E[X(t)] = (1 − e^(−λpt))/p; the Gamma(r, α) mixture over λ is (α/(α+pt))^r.
    const numeric = betaExpectation(
      (q) => (q === 0 ? (p.r * t) / p.alpha : (1 - Math.pow(p.alpha / (p.alpha + q * t), p.r)) / q),
      p.a,
      p.b,
    );
    expect(expectedTransactions(p, t)).toBeCloseTo(numeric, 5);
  });

  const histories = [
    { frequency: 2, recency: 30.43, T: 38.86 },
    { frequency: 1, recency: 1.71, T: 38.86 },
    { frequency: 5, recency: 10, T: 35 },
    { frequency: 0, recency: 0, T: 30 },
  ];

  it.each(histories)(
    'P(alive) and E[Y(t) | x=$frequency, tₓ=$recency, T=$T] by integrating over the dropout probability',
    (c) => {
      for (const p of [cdnow, smooth]) {
        const { r, alpha, a, b } = p;
        const x = c.frequency;
        const lam = (s: number) => Math.exp(lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha) - (r + x) * Math.log(s));
        // Likelihood given p, λ integrated out: alive at T, or dropped out after the last purchase.
        const alive = betaExpectation((q) => Math.pow(1 - q, x), a, b) * lam(alpha + c.T);
        const dead = x > 0 ? betaExpectation((q) => q * Math.pow(1 - q, x - 1), a, b) * lam(alpha + c.recency) : 0;
        expect(pAlive(p, c)).toBeCloseTo(alive / (alive + dead), 6);
        expect(bgnbdLogLikelihood(p, c)).toBeCloseTo(Math.log(alive + dead), 6);
        // E[Y(t)|…] = ∫∫ (1 − e^(−λpt))/p × posterior of being alive at T.
        const t = 26;
        // At p = 0 the integrand is its limit, the derivative (r+x)t·λ-term/(α+T).
        const future = betaExpectation(
          (q) =>
            q === 0
              ? ((r + x) * t * lam(alpha + c.T)) / (alpha + c.T)
              : (Math.pow(1 - q, x) / q) * (lam(alpha + c.T) - lam(alpha + c.T + q * t)),
          a,
          b,
        );
        expect(conditionalExpectedTransactions(p, c, t)).toBeCloseTo(future / (alive + dead), 5);
      }
    },
  );

  it('one-time buyers have P(alive) = 1; long silence after frequent buying lowers it', () => {
    expect(pAlive(cdnow, { frequency: 0, recency: 0, T: 38 })).toBe(1);
    const recent = pAlive(cdnow, { frequency: 6, recency: 38, T: 38 });
    const silent = pAlive(cdnow, { frequency: 6, recency: 5, T: 38 });
    expect(recent).toBeGreaterThan(0.9);
    expect(silent).toBeLessThan(0.1);
  });

  it('P(alive) by hand: x = 1, tₓ = 1, T = 3 with r = α = a = b = 1 is 1/(1 + 1·(4/2)²) = 0.2', () => {
    expect(pAlive({ r: 1, alpha: 1, a: 1, b: 1 }, { frequency: 1, recency: 1, T: 3 })).toBeCloseTo(0.2, 12);
  });
});

describe('Gamma-Gamma and value', () => {
  it('conditional expected spend by hand: (γ + m̄x)p/(px + q − 1)', () => {
    const g = { p: 6.25, q: 3.74, gamma: 15.44 };
    expect(conditionalExpectedAverageValue(g, { frequency: 2, monetaryValue: 20 })).toBeCloseTo(
      (55.44 * 6.25) / 15.24,
      12,
    );
    // No repeat purchases: the population mean pγ/(q − 1).
    expect(conditionalExpectedAverageValue(g, { frequency: 0, monetaryValue: 0 })).toBeCloseTo(
      (6.25 * 15.44) / 2.74,
      12,
    );
  });

  it('discounted value: without discounting it is margin × spend × expected purchases; discounting lowers it', () => {
    const c = { frequency: 3, recency: 20, T: 30 };
    const base = { horizon: 52, step: 52 / 12, margin: 0.3, valuePerPurchase: 40 };
    const flat = discountedValue(cdnow, c, { ...base, ratePerUnit: 0 });
    expect(flat.expectedPurchases).toBeCloseTo(conditionalExpectedTransactions(cdnow, c, 52), 12);
    expect(flat.value).toBeCloseTo(0.3 * 40 * flat.expectedPurchases, 10);
    const discounted = discountedValue(cdnow, c, { ...base, ratePerUnit: Math.pow(1.1, 1 / 52) - 1 });
    expect(discounted.value).toBeLessThan(flat.value);
    expect(discounted.value).toBeGreaterThan(flat.value / 1.1);
  });
});
