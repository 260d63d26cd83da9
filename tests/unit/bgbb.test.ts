/**
 * The BG/BB model (src/analyses/clv/bgbb.ts) on the donations data of Fader, Hardie & Shang (2010),
 * "Customer-base analysis in a discrete-time noncontractual setting", Marketing Science 29(6):
 * 11,104 first-time supporters of 1995 and their repeat donations in the six years 1996–2001
 * (tests/fixtures/datasets/donations.csv, 22 weighted histories). The paper prints α = 1.204,
 * β = 0.750, γ = 0.657, δ = 2.783 and LL = −33,225.6. Also: the gradient against finite
 * differences, E[X] (eq. 13) against the sum it closes, P(alive) against its limits, and the
 * inputs no model can fit.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bgbbExpectedTransactions,
  bgbbLogLikelihood,
  bgbbLogLikelihoodWithGradient,
  bgbbProbabilityAlive,
  bgbbUnfittable,
  fitBgBb,
  lnBeta,
  type BgBbHistories,
  type BgBbParams,
} from '../../src/analyses/clv/index.ts';

const rows = readFileSync(path.resolve(import.meta.dirname, '../fixtures/datasets/donations.csv'), 'utf8')
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((l) => l.split(',').map(Number));
const donations: BgBbHistories = {
  x: Float64Array.from(rows, (r) => r[0]!),
  tx: Float64Array.from(rows, (r) => r[1]!),
  n: Float64Array.from(rows, (r) => r[2]!),
  count: Float64Array.from(rows, (r) => r[3]!),
};

const histories = (list: [number, number, number, number][]): BgBbHistories => ({
  x: Float64Array.from(list, (r) => r[0]),
  tx: Float64Array.from(list, (r) => r[1]),
  n: Float64Array.from(list, (r) => r[2]),
  count: Float64Array.from(list, (r) => r[3]),
});

describe('BG/BB on the donations of Fader, Hardie & Shang (2010)', () => {
  it('reads 11,104 donors with six opportunities each', () => {
    expect(donations.count.reduce((s, c) => s + c, 0)).toBe(11104);
    expect(new Set(donations.n).size).toBe(1);
  });

  it('gives the published α, β, γ, δ and log-likelihood', () => {
    const fit = fitBgBb(donations);
    expect(fit.converged).toBe(true);
    expect(fit.method).toBe('bfgs');
    const { alpha, beta, gamma, delta } = fit.params;
    expect(Math.abs(alpha - 1.204)).toBeLessThan(0.0005);
    expect(Math.abs(beta - 0.75)).toBeLessThan(0.0005);
    expect(Math.abs(gamma - 0.657)).toBeLessThan(0.0005);
    expect(Math.abs(delta - 2.783)).toBeLessThan(0.0005);
    expect(Math.abs(fit.logLikelihood - -33225.6)).toBeLessThan(0.05);
    expect(fit.uncertainty.ok).toBe(true);
  });
});

const published: BgBbParams = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };

describe('the BG/BB gradient', () => {
  it.each([
    [published],
    [{ alpha: 0.3, beta: 4, gamma: 2.5, delta: 0.4 }],
    [{ alpha: 8, beta: 0.2, gamma: 0.05, delta: 12 }],
  ])('matches finite differences at %o', (p) => {
    const { value, gradient } = bgbbLogLikelihoodWithGradient(p, donations);
    const keys = ['alpha', 'beta', 'gamma', 'delta'] as const;
    keys.forEach((k, j) => {
      const h = 1e-6 * p[k];
      const numeric =
        (bgbbLogLikelihood({ ...p, [k]: p[k] + h }, donations) -
          bgbbLogLikelihood({ ...p, [k]: p[k] - h }, donations)) /
        (2 * h);
      // A sum over 11,104 donors: the difference quotient carries rounding of order 1e-16·|LL|/h.
      expect(Math.abs(gradient[j]! - numeric)).toBeLessThanOrEqual(
        1e-5 * Math.max(1, Math.abs(numeric)) + (1e-9 * Math.abs(value)) / p[k],
      );
    });
  });
});

describe('BG/BB predictions', () => {
  it.each([
    [6, 6, 6, 5],
    [3, 4, 6, 10],
    [0, 0, 6, 5],
    [1, 1, 6, 1],
  ])('E[X] for x = %s, tₓ = %s, n = %s over %s opportunities is the sum of per-opportunity chances', (x, tx, n, k) => {
    // P(transact at n + i | data) = B(α+x+1, β+n−x)/B(α,β) · B(γ, δ+n+i)/B(γ,δ) / L, with L the history's likelihood.
    const { alpha: a, beta: b, gamma: g, delta: d } = published;
    const one = histories([[x, tx, n, 1]]);
    const L = Math.exp(bgbbLogLikelihood(published, one));
    let sum = 0;
    for (let i = 1; i <= k; i++)
      sum += Math.exp(lnBeta(a + x + 1, b + n - x) - lnBeta(a, b) + lnBeta(g, d + n + i) - lnBeta(g, d)) / L;
    expect(bgbbExpectedTransactions(published, x, tx, n, k)).toBeCloseTo(sum, 10);
  });

  it('E[X] at γ = 1 takes the limit instead of 0/0', () => {
    const p = { ...published, gamma: 1 };
    const near = bgbbExpectedTransactions({ ...p, gamma: 1 + 1e-4 }, 2, 3, 6, 5);
    expect(bgbbExpectedTransactions(p, 2, 3, 6, 5)).toBeCloseTo(near, 3);
  });

  it('P(alive): a new customer is alive next time with δ/(γ+δ); a recent giver more than a lapsed one', () => {
    const { gamma: g, delta: d } = published;
    expect(bgbbProbabilityAlive(published, 0, 0, 0)).toBeCloseTo(d / (g + d), 12);
    // Alive for sure through the last opportunity: only the next dropout decision is left.
    for (const x of [1, 3, 6]) expect(bgbbProbabilityAlive(published, x, 6, 6)).toBeCloseTo(1 - g / (g + d + 6), 12);
    expect(bgbbProbabilityAlive(published, 3, 6, 6)).toBeGreaterThan(bgbbProbabilityAlive(published, 3, 3, 6));
    // Three gifts, then three silent years: more likely gone than someone who never gave again (known to give rarely).
    expect(bgbbProbabilityAlive(published, 3, 3, 6)).toBeLessThan(bgbbProbabilityAlive(published, 0, 0, 6));
    for (let i = 0; i < donations.x.length; i++) {
      const v = bgbbProbabilityAlive(published, donations.x[i]!, donations.tx[i]!, donations.n[i]!);
      expect(v).toBeGreaterThan(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  });
});

describe('inputs BG/BB cannot fit', () => {
  it('names nobody coming back, nobody having had a chance, and no customers', () => {
    expect(bgbbUnfittable(histories([[0, 0, 6, 500]]))).toBe('no-repeat');
    expect(bgbbUnfittable(histories([[0, 0, 0, 20]]))).toBe('no-opportunity');
    expect(bgbbUnfittable(histories([]))).toBe('no-customers');
    expect(bgbbUnfittable(donations)).toBeNull();
  });

  it('refuses histories that cannot happen', () => {
    expect(() => fitBgBb(histories([[3, 2, 6, 1]]))).toThrow(/not a BG\/BB history/);
    expect(() => fitBgBb(histories([[1, 0, 6, 1]]))).toThrow(/not a BG\/BB history/);
    expect(() => fitBgBb(histories([[1, 7, 6, 1]]))).toThrow(/not a BG\/BB history/);
  });

  it('one customer fits to finite numbers or says its estimate is at a bound, never NaN', () => {
    const fit = fitBgBb(histories([[2, 4, 6, 1]]));
    for (const v of Object.values(fit.params)) expect(Number.isFinite(v)).toBe(true);
    expect(Number.isFinite(fit.logLikelihood)).toBe(true);
  });
});
