/**
 * The beta-geometric/beta-binomial (BG/BB) model for discrete-time transaction opportunities
 * (Fader, Hardie & Shang 2010, "Customer-base analysis in a discrete-time noncontractual setting",
 * Marketing Science 29(6)): at each opportunity (a yearly appeal, an annual event) an active
 * customer transacts with probability p ~ Beta(α, β), and before each opportunity she may drop out
 * for good with probability θ ~ Beta(γ, δ).
 *
 * A customer's history is (x, tₓ, n): x transactions in n opportunities after the first, the last
 * at opportunity tₓ (0 when x = 0). Its likelihood (FHS eq. 5) is
 *   L = B(α+x, β+n−x)/B(α,β) · B(γ, δ+n)/B(γ,δ)
 *     + Σ_{i=0}^{n−tₓ−1} B(α+x, β+tₓ−x+i)/B(α,β) · B(γ+1, δ+tₓ+i)/B(γ,δ),
 * summed here on the log scale (log-sum-exp), with the gradient as the weighted sum of each
 * term's gradient: ∂ ln B(a, b)/∂a = ψ(a) − ψ(a + b).
 */
import { fitPositive, type PositiveFit } from './mle.ts';
import { digamma, lnBeta, lnGamma } from './special-functions.ts';

/** BG/BB parameters: p ~ Beta(alpha, beta), θ ~ Beta(gamma, delta). */
export interface BgBbParams {
  alpha: number;
  beta: number;
  gamma: number;
  delta: number;
}

/** Distinct histories with their counts: x, tₓ and n per row. */
export interface BgBbHistories {
  x: Float64Array;
  tx: Float64Array;
  n: Float64Array;
  count: Float64Array;
}

/** Checks histories: whole numbers with 0 ≤ x ≤ tₓ ≤ n, tₓ = 0 exactly when x = 0. */
export function checkBgBbHistories(h: BgBbHistories): void {
  for (let i = 0; i < h.x.length; i++) {
    const x = h.x[i]!;
    const tx = h.tx[i]!;
    const n = h.n[i]!;
    const ok = [x, tx, n].every((v) => Number.isInteger(v) && v >= 0) && x <= tx && tx <= n && (x === 0) === (tx === 0);
    if (!ok) throw new Error(`not a BG/BB history: x = ${x}, tₓ = ${tx}, n = ${n}`);
  }
}

/** ∂ ln B(a, b) / ∂a and / ∂b. */
function dLnBeta(a: number, b: number): [number, number] {
  const ab = digamma(a + b);
  return [digamma(a) - ab, digamma(b) - ab];
}

/** The log-likelihood of one history and its gradient in (α, β, γ, δ). */
function historyLogLikelihood(p: BgBbParams, x: number, tx: number, n: number, lnB0: number, lnB1: number) {
  const { alpha: a, beta: b, gamma: g, delta: d } = p;
  const [dA0, dB0] = dLnBeta(a, b);
  const [dG0, dD0] = dLnBeta(g, d);
  // Terms on the log scale with their gradients: first "alive through n", then "dropped out after tₓ + i".
  const logs: number[] = [];
  const grads: [number, number, number, number][] = [];
  {
    const [da, db] = dLnBeta(a + x, b + n - x);
    const [dg, dd] = dLnBeta(g, d + n);
    logs.push(lnBeta(a + x, b + n - x) - lnB0 + lnBeta(g, d + n) - lnB1);
    grads.push([da - dA0, db - dB0, dg - dG0, dd - dD0]);
  }
  for (let i = 0; i <= n - tx - 1; i++) {
    const [da, db] = dLnBeta(a + x, b + tx - x + i);
    const [dg, dd] = dLnBeta(g + 1, d + tx + i);
    logs.push(lnBeta(a + x, b + tx - x + i) - lnB0 + lnBeta(g + 1, d + tx + i) - lnB1);
    grads.push([da - dA0, db - dB0, dg - dG0, dd - dD0]);
  }
  const max = Math.max(...logs);
  let sum = 0;
  for (const l of logs) sum += Math.exp(l - max);
  const gradient = [0, 0, 0, 0];
  for (let k = 0; k < logs.length; k++) {
    const w = Math.exp(logs[k]! - max) / sum;
    for (let j = 0; j < 4; j++) gradient[j]! += w * grads[k]![j]!;
  }
  return { value: max + Math.log(sum), gradient };
}

/** The BG/BB log-likelihood of weighted histories and its gradient. */
export function bgbbLogLikelihoodWithGradient(
  p: BgBbParams,
  h: BgBbHistories,
): { value: number; gradient: Float64Array } {
  const lnB0 = lnBeta(p.alpha, p.beta);
  const lnB1 = lnBeta(p.gamma, p.delta);
  let value = 0;
  const gradient = new Float64Array(4);
  for (let i = 0; i < h.x.length; i++) {
    const w = h.count[i]!;
    const r = historyLogLikelihood(p, h.x[i]!, h.tx[i]!, h.n[i]!, lnB0, lnB1);
    value += w * r.value;
    for (let j = 0; j < 4; j++) gradient[j]! += w * r.gradient[j]!;
  }
  return { value, gradient };
}

/** The BG/BB log-likelihood alone. */
export function bgbbLogLikelihood(p: BgBbParams, h: BgBbHistories): number {
  return bgbbLogLikelihoodWithGradient(p, h).value;
}

/** Why histories cannot be fitted, or null: no customers, or no repeat transaction at all. */
export function bgbbUnfittable(h: BgBbHistories): 'no-customers' | 'no-repeat' | 'no-opportunity' | null {
  let total = 0;
  let repeat = 0;
  let opportunities = 0;
  for (let i = 0; i < h.x.length; i++) {
    total += h.count[i]!;
    if (h.x[i]! > 0) repeat += h.count[i]!;
    if (h.n[i]! > 0) opportunities += h.count[i]!;
  }
  if (total === 0) return 'no-customers';
  // Nobody had a chance to come back: the data say nothing about p or θ.
  if (opportunities === 0) return 'no-opportunity';
  // Nobody came back: p → 0 (or θ → 1) fits best, and no estimate is finite.
  if (repeat === 0) return 'no-repeat';
  return null;
}

/** The maximum-likelihood BG/BB fit. */
export interface BgBbFit extends PositiveFit {
  params: BgBbParams;
  customers: number;
  /** True when an estimate sits at the optimiser's bounds: the data do not pin it down. */
  atBound: boolean;
}

/** Fits BG/BB by maximum likelihood (BFGS on log-parameters with the analytic gradient). Check `bgbbUnfittable` first. */
export function fitBgBb(h: BgBbHistories): BgBbFit {
  checkBgBbHistories(h);
  const customers = h.count.reduce((s, c) => s + c, 0);
  const ll = (t: Float64Array) =>
    bgbbLogLikelihoodWithGradient({ alpha: t[0]!, beta: t[1]!, gamma: t[2]!, delta: t[3]! }, h);
  const fit = fitPositive(
    ll,
    [
      [1, 1, 1, 1],
      [0.5, 0.5, 0.5, 2],
      [2, 1, 0.5, 5],
    ],
    Math.max(1, customers),
    ['alpha', 'beta', 'gamma', 'delta'],
  );
  const [alpha, beta, gamma, delta] = fit.theta as [number, number, number, number];
  const atBound = fit.theta.some((v) => Math.abs(Math.log(v)) > 29);
  return { ...fit, params: { alpha, beta, gamma, delta }, customers, atBound };
}

/** P(alive at opportunity n + 1 | x, tₓ, n) (FHS eq. 11). */
export function bgbbProbabilityAlive(p: BgBbParams, x: number, tx: number, n: number): number {
  const lnB0 = lnBeta(p.alpha, p.beta);
  const lnB1 = lnBeta(p.gamma, p.delta);
  const ll = historyLogLikelihood(p, x, tx, n, lnB0, lnB1).value;
  const alive = lnBeta(p.alpha + x, p.beta + n - x) - lnB0 + lnBeta(p.gamma, p.delta + n + 1) - lnB1;
  return Math.min(1, Math.exp(alive - ll));
}

/**
 * E[X(n, n + n*) | x, tₓ, n], the transactions expected in the next n* opportunities (FHS eq. 13):
 *   (1/L) · B(α+x+1, β+n−x)/B(α,β) · δ/(γ−1) · Γ(γ+δ)/Γ(1+δ)
 *         · [Γ(1+δ+n)/Γ(γ+δ+n) − Γ(1+δ+n+n*)/Γ(γ+δ+n+n*)].
 * At γ = 1 the last two factors are 0/0; there the sum it stands for, Σ_{i=1}^{n*} δ/(δ+n+i), is used.
 */
export function bgbbExpectedTransactions(p: BgBbParams, x: number, tx: number, n: number, future: number): number {
  const { alpha: a, beta: b, gamma: g, delta: d } = p;
  const lnB0 = lnBeta(a, b);
  const lnB1 = lnBeta(g, d);
  const ll = historyLogLikelihood(p, x, tx, n, lnB0, lnB1).value;
  const lead = Math.exp(lnBeta(a + x + 1, b + n - x) - lnB0 - ll);
  let tail: number;
  if (Math.abs(g - 1) < 1e-6) {
    tail = 0;
    for (let i = 1; i <= future; i++) tail += d / (d + n + i);
  } else {
    const c = lnGamma(g + d) - lnGamma(1 + d);
    const r1 = Math.exp(c + lnGamma(1 + d + n) - lnGamma(g + d + n));
    const r2 = Math.exp(c + lnGamma(1 + d + n + future) - lnGamma(g + d + n + future));
    tail = (d / (g - 1)) * (r1 - r2);
  }
  return lead * tail;
}
