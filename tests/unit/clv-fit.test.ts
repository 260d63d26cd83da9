/**
 * The machinery of the CLV fits: analytic gradients of the BG/NBD and Gamma-Gamma log-likelihoods
 * against finite differences, BFGS against a known minimum, standard errors against a Hessian
 * built from likelihood values alone, the fit on weighted histories against the fit on rows, and
 * ₂F₁ near z = 1 and with thousands of repeat purchases against values computed with mpmath
 * (50 significant digits).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bfgs,
  bgnbdLogLikelihood,
  bgnbdLogLikelihoodWithGradient,
  digamma,
  expectedTransactionsIfAlive,
  fitBgNbd,
  fitBgNbdHistories,
  fitGammaGamma,
  gammaGammaLogLikelihood,
  gammaGammaLogLikelihoodWithGradient,
  groupHistories,
  hyp2f1,
  invertPositiveDefinite,
  lnGamma,
  nelderMead,
  numericHessian,
  type BgNbdParams,
  type GammaGammaParams,
} from '../../src/analyses/clv/index.ts';

const datasets = path.resolve(import.meta.dirname, '../fixtures/datasets');
const cdnow = readFileSync(path.join(datasets, 'cdnow_customers_summary.csv'), 'utf8')
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((l) => {
    const [, f, r, T] = l.split(',').map(Number);
    return { frequency: f!, recency: r!, T: T! };
  });

/** Central difference of f at x with a relative step. */
function derivative(f: (v: number) => number, x: number, h = 1e-6 * Math.max(1, Math.abs(x))): number {
  return (f(x + h) - f(x - h)) / (2 * h);
}

describe('digamma', () => {
  // mpmath.digamma at 30 digits.
  it.each([
    [1e-8, -100000000.577215646359936],
    [0.243, -4.35109386442321072883],
    [1, -0.577215664901532860607],
    [2.5, 0.703156640645243187226],
    [9.99, 2.25070037283120112198],
    [10, 2.25175258906672110765],
    [1234.5, 7.118016231827997843305],
  ])('ψ(%s)', (x, expected) => {
    expect(Math.abs(digamma(x) - expected)).toBeLessThanOrEqual(2e-15 * Math.max(1, Math.abs(expected)));
  });

  it('is the derivative of lnGamma', () => {
    for (const x of [0.05, 0.7, 3.3, 42]) expect(digamma(x)).toBeCloseTo(derivative(lnGamma, x, 1e-5 * x), 7);
  });
});

describe('analytic gradients against finite differences', () => {
  const histories = groupHistories([
    ...cdnow,
    { frequency: 400, recency: 38, T: 39 },
    { frequency: 3, recency: 0.5, T: 80 },
  ]);
  const ll = bgnbdLogLikelihoodWithGradient(histories);
  const names = ['r', 'alpha', 'a', 'b'] as const;
  it.each<[string, BgNbdParams]>([
    ['CDNOW fit', { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }],
    ['a > 1, large r', { r: 3.2, alpha: 0.7, a: 2.1, b: 0.6 }],
    ['small parameters', { r: 0.02, alpha: 50, a: 0.05, b: 0.1 }],
  ])('BG/NBD (%s)', (_, p) => {
    const { value, gradient } = ll(p);
    // The value is the per-customer formula summed with the weights.
    let sum = 0;
    for (let i = 0; i < histories.weight.length; i++)
      sum +=
        histories.weight[i]! *
        bgnbdLogLikelihood(p, {
          frequency: histories.frequency[i]!,
          recency: histories.recency[i]!,
          T: histories.T[i]!,
        });
    expect(value).toBeCloseTo(sum, 6);
    names.forEach((k, j) => {
      const numeric = derivative((v) => ll({ ...p, [k]: v }).value, p[k], 1e-6 * p[k]);
      expect(Math.abs(gradient[j]! - numeric)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(numeric)));
    });
  });

  const spend = {
    frequency: Float64Array.from([1, 1, 2, 3, 5, 8, 13, 1, 2, 40]),
    monetaryValue: Float64Array.from([12, 30.5, 18, 22, 9.5, 41, 27, 150, 3.2, 19]),
  };
  const gg = gammaGammaLogLikelihoodWithGradient(spend);
  it.each<[string, GammaGammaParams]>([
    ['CDNOW fit', { p: 6.25, q: 3.74, gamma: 15.44 }],
    ['q near 1', { p: 0.8, q: 1.05, gamma: 120 }],
  ])('Gamma-Gamma (%s)', (_, g) => {
    const { value, gradient } = gg(g);
    let sum = 0;
    for (let i = 0; i < spend.frequency.length; i++)
      sum += gammaGammaLogLikelihood(g, { frequency: spend.frequency[i]!, monetaryValue: spend.monetaryValue[i]! });
    expect(value).toBeCloseTo(sum, 9);
    (['p', 'q', 'gamma'] as const).forEach((k, j) => {
      const numeric = derivative((v) => gg({ ...g, [k]: v }).value, g[k], 1e-6 * g[k]);
      expect(Math.abs(gradient[j]! - numeric)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(numeric)));
    });
  });
});

describe('BFGS', () => {
  const rosenbrock = (x: Float64Array) => ({
    value: 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2,
    gradient: Float64Array.of(-400 * x[0]! * (x[1]! - x[0]! ** 2) - 2 * (1 - x[0]!), 200 * (x[1]! - x[0]! ** 2)),
  });

  it('finds the Rosenbrock minimum at (1, 1) in far fewer evaluations than Nelder–Mead', () => {
    const res = bfgs(rosenbrock, [-1.2, 1]);
    expect(res.converged).toBe(true);
    expect(res.x[0]).toBeCloseTo(1, 7);
    expect(res.x[1]).toBeCloseTo(1, 7);
    let nmEvaluations = 0;
    nelderMead(
      (x) => {
        nmEvaluations++;
        return rosenbrock(Float64Array.from(x)).value;
      },
      [-1.2, 1],
    );
    expect(res.evaluations * 3).toBeLessThan(nmEvaluations);
  });

  it('steps back from points where the function is not finite, and stays in its bounds', () => {
    // ln is undefined below 0: the search must not stop on the NaN beyond the pole.
    const f = (x: Float64Array) => ({ value: x[0]! - 3 * Math.log(x[0]!), gradient: Float64Array.of(1 - 3 / x[0]!) });
    const res = bfgs(f, [0.5], { lower: [1e-9], upper: [100] });
    expect(res.converged).toBe(true);
    expect(res.x[0]).toBeCloseTo(3, 7);
    const bounded = bfgs(f, [0.5], { lower: [1e-9], upper: [2] });
    expect(bounded.x[0]).toBeLessThanOrEqual(2);
    expect(bounded.converged).toBe(false);
  });

  it('reports a start where the function is not finite', () => {
    expect(bfgs(() => ({ value: NaN, gradient: Float64Array.of(0) }), [1]).reason).toBe('not finite at start');
  });
});

describe('fits and their standard errors', () => {
  it('BG/NBD on CDNOW: BFGS converges in a few dozen evaluations; standard errors from the observed information', () => {
    const fit = fitBgNbd(cdnow);
    expect(fit.method).toBe('bfgs');
    expect(fit.converged).toBe(true);
    expect(fit.evaluations).toBeLessThan(60);
    expect(fit.histories).toBeLessThan(fit.customers);
    if (!fit.uncertainty.ok) throw new Error(fit.uncertainty.reason);
    // Independent check: the Hessian of the log-likelihood in (r, α, a, b) from second differences
    // of likelihood values alone (no gradient), inverted.
    const ll = bgnbdLogLikelihoodWithGradient(groupHistories(cdnow));
    const theta = [fit.params.r, fit.params.alpha, fit.params.a, fit.params.b];
    const f = (t: number[]) => ll({ r: t[0]!, alpha: t[1]!, a: t[2]!, b: t[3]! }).value;
    const hess = theta.map((_, i) =>
      theta.map((__, j) => {
        const hi = 1e-4 * theta[i]!;
        const hj = 1e-4 * theta[j]!;
        const at = (di: number, dj: number) => f(theta.map((v, k) => v + (k === i ? di : 0) + (k === j ? dj : 0)));
        return -(at(hi, hj) - at(hi, -hj) - at(-hi, hj) + at(-hi, -hj)) / (4 * hi * hj);
      }),
    );
    const cov = invertPositiveDefinite(hess)!;
    fit.uncertainty.standardErrors.forEach((se, i) => expect(se).toBeCloseTo(Math.sqrt(cov[i]![i]!), 3));
    // The values the lifetimes package prints for the same data (its documentation): 0.0126, 0.378, 0.186, 0.705.
    expect(fit.uncertainty.standardErrors.map((v) => Number(v.toFixed(3)))).toEqual([0.013, 0.378, 0.186, 0.705]);
  });

  it('fitting weighted distinct histories equals fitting the rows they stand for', () => {
    const rows = cdnow.slice(0, 600);
    const doubled = [...rows, ...rows];
    const fromRows = fitBgNbd(doubled);
    const h = groupHistories(rows);
    const fromHistories = fitBgNbdHistories({ ...h, weight: h.weight.map((w) => 2 * w) });
    expect(fromHistories.logLikelihood).toBeCloseTo(fromRows.logLikelihood, 6);
    expect(fromHistories.params.r).toBeCloseTo(fromRows.params.r, 6);
    expect(fromHistories.params.b).toBeCloseTo(fromRows.params.b, 5);
  });

  it('a base of one-time buyers only: the dropout parameters are not identified, and the fit says so instead of inventing standard errors', () => {
    const fit = fitBgNbd(Array.from({ length: 50 }, (_, i) => ({ frequency: 0, recency: 0, T: 10 + i })));
    expect(Number.isFinite(fit.logLikelihood)).toBe(true);
    expect(fit.uncertainty.ok).toBe(false);
    if (!fit.uncertainty.ok) expect(fit.uncertainty.reason).toMatch(/singular|curvature/);
  });

  it('Gamma-Gamma: fitting rows or columns gives the same estimate, with standard errors', () => {
    const rows = Array.from({ length: 300 }, (_, i) => ({
      frequency: 1 + (i % 7),
      monetaryValue: 10 + ((i * 37) % 90),
    }));
    const a = fitGammaGamma(rows);
    const b = fitGammaGamma({
      frequency: Float64Array.from(rows, (r) => r.frequency),
      monetaryValue: Float64Array.from(rows, (r) => r.monetaryValue),
    });
    expect(b).toEqual(a);
    expect(a.converged).toBe(true);
    expect(a.uncertainty.ok).toBe(true);
  });
});

describe('₂F₁ near z = 1 and for very frequent buyers (references: mpmath.hyp2f1, 50 digits)', () => {
  it.each([
    [1.5, 2.5, 3.7, 0.999999, 650.38793154458242118],
    [50.2, 3.1, 60.7, 0.99997, 411.84561984837004387],
    [5.5, 2.5, 0.001, 0.99997, 1.0896659860856647287e41],
    [0.2, 3.4, 2.2, 0.9999999, 450684088.832238659],
    [20.3, 20.6, 41.9, 0.95, 260582690.93728478096],
  ])('₂F₁(%s, %s; %s; %s)', (a, b, c, z, expected) => {
    expect(Math.abs(hyp2f1(a, b, c, z) - expected) / expected).toBeLessThan(1e-9);
  });

  it('a value beyond double range times a small factor is formed on the log scale (x = 300, z = 0.99997: ₂F₁ ≈ 7.9e1358)', () => {
    // ₂F₁ = 7.9127700285276688492e1358; times e^(−3120) it is 7.9127700285276688492 · 10^(1358 − 3120/ln 10).
    const lnF = Math.log(7.9127700285276688492) + 1358 * Math.LN10;
    expect(hyp2f1(300.243, 302.426, 302.219, 0.99997, -lnF)).toBeCloseTo(1, 9);
    expect(hyp2f1(300.243, 302.426, 302.219, 0.99997)).toBe(Infinity);
  });

  it.each([
    [300, 365, 365, 222.03251093163256956],
    [1000, 365, 365, 738.93344264091175326],
    [3000, 1000, 365, 960.56805336269400678],
    [1000, 0.5, 365, 6996.596795469509857],
    [2, 0.01, 30000, 88.687424269872727824],
  ])('E[Y(t) | alive] with x = %s, T = %s, t = %s (CDNOW parameters) is finite and right', (x, T, t, expected) => {
    const v = expectedTransactionsIfAlive({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, x, T, t);
    expect(Math.abs(v - expected) / expected).toBeLessThan(1e-8);
  });
});

describe('the old Nelder–Mead fit and the new one agree on CDNOW', () => {
  it('same optimum to the published precision', () => {
    const fit = fitBgNbd(cdnow);
    const h = groupHistories(cdnow);
    const ll = bgnbdLogLikelihoodWithGradient(h);
    const nm = nelderMead(
      (z) => -ll({ r: Math.exp(z[0]!), alpha: Math.exp(z[1]!), a: Math.exp(z[2]!), b: Math.exp(z[3]!) }).value,
      [0, Math.log(30), 0, 0],
    );
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(-nm.value - 1e-6);
    expect(Math.abs(fit.logLikelihood - -nm.value)).toBeLessThan(1e-4);
    expect(numericHessian((x) => Float64Array.of(2 * x[0]!, 6 * x[1]!), [1, 2])).toEqual(
      [
        [2, 0],
        [0, 6],
      ].map((r) => r.map((v) => expect.closeTo(v, 6))),
    );
  });
});

describe('intervals of the totals (delta method)', () => {
  it('the standard error of total expected purchases is ∇ᵀΣ∇ with ∇ taken independently from the per-customer formula', async () => {
    const { modelCustomers, conditionalExpectedTransactions } = await import('../../src/analyses/clv/index.ts');
    const customers = cdnow.slice(0, 800).map((c, i) => ({
      customer_id: `C${i}`,
      ...c,
      monetary_value: c.frequency > 0 ? 10 + (i % 13) * 3 : 0,
      calibration_revenue: 20,
      holdout_frequency: 0,
      holdout_revenue: 0,
    }));
    const horizon = 39;
    const model = modelCustomers(customers, {
      timeUnit: 'weeks',
      horizon,
      annualDiscountRate: 0,
      margin: 0.3,
      holdoutLength: null,
    });
    if (!model.bgnbd.uncertainty.ok) throw new Error(model.bgnbd.uncertainty.reason);
    const cov = model.bgnbd.uncertainty.logCovariance;
    const z0 = [model.bgnbd.params.r, model.bgnbd.params.alpha, model.bgnbd.params.a, model.bgnbd.params.b].map(
      Math.log,
    );
    const total = (z: number[]) => {
      const [r, alpha, a, b] = z.map(Math.exp) as [number, number, number, number];
      return customers.reduce((s, c) => s + conditionalExpectedTransactions({ r, alpha, a, b }, c, horizon), 0);
    };
    const g = z0.map((_, j) => {
      const up = [...z0];
      const down = [...z0];
      up[j]! += 1e-4;
      down[j]! -= 1e-4;
      return (total(up) - total(down)) / 2e-4;
    });
    let variance = 0;
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) variance += g[i]! * cov[i]![j]! * g[j]!;
    expect(model.totalPurchases.standardError).toBeCloseTo(Math.sqrt(variance), 3);
    expect(model.totalPurchases.standardError! / model.totalPurchases.value).toBeGreaterThan(0.001);
    // Normal on the log scale: the interval is value × e^(±1.96·se/value).
    const spread = 1.959963984540054 * (model.totalPurchases.standardError! / model.totalPurchases.value);
    expect(model.totalPurchases.low).toBeCloseTo(model.totalPurchases.value * Math.exp(-spread), 9);
    expect(model.totalPurchases.high).toBeCloseTo(model.totalPurchases.value * Math.exp(spread), 9);
    // Without discounting, expected margin = Σ purchases × spend × margin: its interval includes Gamma-Gamma's
    // uncertainty too.
    expect(model.totalValue.standardError).toBeGreaterThan(0);
    expect(model.newCustomer.length).toBe(9);
    expect(model.newCustomer[8]!.t).toBe(39);
  });
});
