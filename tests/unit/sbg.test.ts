/**
 * The shifted-beta-geometric model (src/analyses/clv/sbg.ts): the worked example of Fader & Hardie
 * (2007), "How to project customer retention", Journal of Interactive Marketing 21(1), 76–90 —
 * Table 1's "regular" and "high end" cohorts of 1,000 customers, fitted on years 1–7 — with the
 * parameters and log-likelihoods printed there; the projection against the years 8–12 that the
 * paper holds out; the gradient against finite differences; DERL (Fader & Hardie 2010, Marketing
 * Science 29(1), eq. 6) against its ₂F₁ closed form; and the inputs no model can fit.
 */
import { describe, expect, it } from 'vitest';
import {
  durationsFromCurve,
  fitSbg,
  groupDurations,
  hyp2f1,
  kaplanMeier,
  lnBeta,
  sbgDerl,
  sbgLogLikelihood,
  sbgLogLikelihoodWithGradient,
  sbgRetentionRate,
  sbgSurvival,
  sbgUnfittable,
} from '../../src/analyses/clv/index.ts';

// Fader & Hardie (2007), Table 1: customers still there at the start and after each of 12 years, of 1,000.
const regular = [1000, 631, 468, 382, 326, 289, 262, 241, 223, 207, 194, 183, 173];
const highEnd = [1000, 869, 743, 653, 593, 551, 517, 491, 468, 445, 427, 409, 394];

describe('sBG on Fader & Hardie (2007), fitted on years 1–7', () => {
  // Published: regular α = 0.704, β = 1.182, LL = −1680.3; high end α = 0.668, β = 3.806, LL = −1611.2.
  it.each([
    ['regular', regular, 0.704, 1.182, -1680.3],
    ['high end', highEnd, 0.668, 3.806, -1611.2],
  ])('%s: the published α, β and log-likelihood', (_, curve, alpha, beta, ll) => {
    const fit = fitSbg(durationsFromCurve(curve.slice(0, 8)));
    expect(fit.converged).toBe(true);
    expect(fit.method).toBe('bfgs');
    expect(Math.abs(fit.params.alpha - alpha)).toBeLessThan(0.0005);
    expect(Math.abs(fit.params.beta - beta)).toBeLessThan(0.0005);
    expect(Math.abs(fit.logLikelihood - ll)).toBeLessThan(0.05);
    expect(fit.uncertainty.ok).toBe(true);
  });

  it.each([
    ['regular', regular],
    ['high end', highEnd],
  ])('%s: the projection of years 8–12 stays within 2 points of what happened', (_, curve) => {
    const { params } = fitSbg(durationsFromCurve(curve.slice(0, 8)));
    const s = sbgSurvival(params, 12);
    for (let t = 8; t <= 12; t++) expect(Math.abs(s[t]! - curve[t]! / 1000)).toBeLessThan(0.02);
    // S(t) = B(α, β + t)/B(α, β), and the retention rate is its ratio.
    for (let t = 1; t <= 12; t++) {
      expect(s[t]).toBeCloseTo(Math.exp(lnBeta(params.alpha, params.beta + t) - lnBeta(params.alpha, params.beta)), 12);
      expect(sbgRetentionRate(params, t)).toBeCloseTo(s[t]! / s[t - 1]!, 12);
    }
  });

  it('per-customer tenures with censoring give the retention curve’s fit', () => {
    const curve = highEnd.slice(0, 8);
    const tenure: number[] = [];
    const churned: boolean[] = [];
    const add = (t: number, left: boolean, n: number) => {
      for (let i = 0; i < n; i++) {
        tenure.push(t);
        churned.push(left);
      }
    };
    for (let t = 1; t < curve.length; t++) add(t, true, curve[t - 1]! - curve[t]!);
    add(7, false, curve[curve.length - 1]!);
    // New customers (tenure 0, still there) say nothing and change nothing.
    add(0, false, 25);
    const a = fitSbg(groupDurations(tenure, churned));
    const b = fitSbg(durationsFromCurve(curve));
    expect(a.params.alpha).toBeCloseTo(b.params.alpha, 6);
    expect(a.params.beta).toBeCloseTo(b.params.beta, 6);
    expect(a.logLikelihood).toBeCloseTo(b.logLikelihood, 6);
  });

  it('Kaplan–Meier on an uncensored curve is the curve itself', () => {
    const km = kaplanMeier(durationsFromCurve(regular.slice(0, 8)));
    expect(km.length).toBe(8);
    for (let t = 0; t < 8; t++) expect(km[t]).toBeCloseTo(regular[t]! / 1000, 12);
  });
});

describe('the sBG gradient', () => {
  it.each([
    [0.704, 1.182],
    [0.05, 30],
    [12, 0.3],
  ])('matches finite differences at α = %s, β = %s (curve and censored tenures)', (alpha, beta) => {
    const data = [
      durationsFromCurve(regular.slice(0, 8)),
      groupDurations([1, 1, 2, 5, 9, 3, 0, 12, 12, 7], [1, 1, 1, 0, 1, 0, 0, 0, 1, 1]),
    ];
    for (const d of data) {
      const { gradient } = sbgLogLikelihoodWithGradient({ alpha, beta }, d);
      const h = 1e-6;
      const da =
        (sbgLogLikelihood({ alpha: alpha * (1 + h), beta }, d) -
          sbgLogLikelihood({ alpha: alpha * (1 - h), beta }, d)) /
        (2 * alpha * h);
      const db =
        (sbgLogLikelihood({ alpha, beta: beta * (1 + h) }, d) - sbgLogLikelihood({ alpha, beta: beta * (1 - h) }, d)) /
        (2 * beta * h);
      expect(Math.abs(gradient[0]! - da)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(da)));
      expect(Math.abs(gradient[1]! - db)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(db)));
    }
  });
});

describe('DERL', () => {
  it.each([
    [0.704, 1.182, 0, 0.1],
    [0.668, 3.806, 4, 0.1],
    [0.668, 3.806, 7, 0.05],
    [0.42, 7.39, 30, 0.008],
  ])('α = %s, β = %s after %s periods at d = %s is Fader & Hardie (2010) eq. 6’s ₂F₁ form', (alpha, beta, t, d) => {
    // n − 1 = t renewals made: (β + n − 1)/(α + β + n − 1) · ₂F₁(1, β + n; α + β + n; 1/(1 + d)).
    const n = t + 1;
    const closed = ((beta + n - 1) / (alpha + beta + n - 1)) * hyp2f1(1, beta + n, alpha + beta + n, 1 / (1 + d));
    expect(sbgDerl({ alpha, beta }, t, d)).toBeCloseTo(closed, 9);
  });

  it('is the discounted sum of conditional survival', () => {
    const p = { alpha: 0.668, beta: 3.806 };
    const s = sbgSurvival(p, 5004);
    let sum = 0;
    for (let k = 1; k <= 5000; k++) sum += s[4 + k]! / s[4]! / 1.1 ** (k - 1);
    expect(sbgDerl(p, 4, 0.1)).toBeCloseTo(sum, 10);
  });

  it('without discounting: finite (β + t)/(α − 1) when α > 1, infinite otherwise', () => {
    expect(sbgDerl({ alpha: 3, beta: 5 }, 2, 0)).toBeCloseTo(3.5, 12);
    expect(sbgDerl({ alpha: 0.7, beta: 1.2 }, 2, 0)).toBe(Infinity);
  });

  it('stays finite where ₂F₁’s parameters are in the millions (customers alike)', () => {
    const v = sbgDerl({ alpha: 11843, beta: 23716081 }, 20, 0.00797);
    const retain = 23716081 / (23716081 + 11843);
    // A constant retention rate r: Σ r^k / (1 + d)^(k − 1) = r / (1 − r/(1 + d)).
    expect(v).toBeCloseTo(retain / (1 - retain / 1.00797), 3);
  });
});

describe('inputs the model cannot fit', () => {
  it('names nobody leaving, everyone leaving at once, and no customers', () => {
    expect(sbgUnfittable(groupDurations([3, 5, 0, 8], [0, 0, 0, 0]))).toBe('nobody-left');
    expect(sbgUnfittable(groupDurations([1, 1, 1, 0], [1, 1, 1, 0]))).toBe('all-left-first');
    expect(sbgUnfittable(groupDurations([], []))).toBe('no-customers');
    expect(sbgUnfittable(durationsFromCurve([100, 0]))).toBe('all-left-first');
    expect(sbgUnfittable(durationsFromCurve([100, 100, 100]))).toBe('nobody-left');
    expect(sbgUnfittable(durationsFromCurve(regular))).toBeNull();
  });

  it('refuses a curve that rises and tenures that are not whole periods', () => {
    expect(() => durationsFromCurve([100, 120])).toThrow(/cannot rise/);
    expect(() => groupDurations([1.5], [1])).toThrow(/whole number/);
    expect(() => groupDurations([0], [1])).toThrow(/at least one period/);
  });

  it('customers who all share one churn rate fit as a geometric duration, without NaN', () => {
    // 1,000 customers each leaving with probability 0.2 a period, exactly in expectation.
    const curve = [1000, 800, 640, 512, 410, 328];
    const fit = fitSbg(durationsFromCurve(curve));
    expect(fit.atBound).toBe(false);
    expect(fit.params.alpha / (fit.params.alpha + fit.params.beta)).toBeCloseTo(0.2, 2);
    for (const v of sbgSurvival(fit.params, 24)) expect(Number.isFinite(v)).toBe(true);
    expect(Number.isFinite(sbgDerl(fit.params, 5, 0.01))).toBe(true);
  });
});
