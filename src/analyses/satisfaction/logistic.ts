/**
 * Logistic regression of loyalty on satisfaction, fitted to grouped binomial data by
 * Newton–Raphson (iteratively reweighted least squares; McCullagh & Nelder 1989, Generalized
 * Linear Models, §4.4). The slope is the change in log-odds of loyalty per scale point: one
 * number for "how steeply loyalty responds to satisfaction", comparable across segments that
 * use the same scale. Its standard error comes from the inverse observed information.
 */

/** One group: `n` trials at covariate `x`, `k` successes. */
export interface BinomialGroup {
  x: number;
  n: number;
  k: number;
}

/** A fitted logistic curve; `converged` is false when the data separate perfectly (slope → ∞). */
export interface LogisticFit {
  intercept: number;
  slope: number;
  slopeSe: number;
  converged: boolean;
}

/** Fits logit P(loyal) = a + b·x. Returns null with fewer than two distinct x or no trials. */
export function logisticFit(groups: readonly BinomialGroup[]): LogisticFit | null {
  const gs = groups.filter((g) => g.n > 0);
  const xs = new Set(gs.map((g) => g.x));
  if (xs.size < 2) return null;
  const N = gs.reduce((s, g) => s + g.n, 0);
  const xbar = gs.reduce((s, g) => s + g.n * g.x, 0) / N;
  // Centring x decorrelates the two parameters and keeps Newton steps well conditioned.
  let a = 0;
  let b = 0;
  let info: [number, number, number] = [0, 0, 0];
  let converged = false;
  for (let iter = 0; iter < 100; iter++) {
    let g0 = 0,
      g1 = 0,
      h00 = 0,
      h01 = 0,
      h11 = 0;
    for (const g of gs) {
      const x = g.x - xbar;
      const p = 1 / (1 + Math.exp(-(a + b * x)));
      const w = g.n * p * (1 - p);
      g0 += g.k - g.n * p;
      g1 += (g.k - g.n * p) * x;
      h00 += w;
      h01 += w * x;
      h11 += w * x * x;
    }
    info = [h00, h01, h11];
    const det = h00 * h11 - h01 * h01;
    if (!(det > 1e-12)) break;
    const da = (h11 * g0 - h01 * g1) / det;
    const db = (h00 * g1 - h01 * g0) / det;
    a += da;
    b += db;
    if (Math.abs(b) > 50) break; // separation: the MLE is at infinity
    if (Math.abs(da) < 1e-10 && Math.abs(db) < 1e-10) {
      converged = true;
      break;
    }
  }
  const [h00, h01, h11] = info;
  const det = h00 * h11 - h01 * h01;
  const slopeSe = det > 0 ? Math.sqrt(h00 / det) : Number.POSITIVE_INFINITY;
  return { intercept: a - b * xbar, slope: b, slopeSe, converged };
}
