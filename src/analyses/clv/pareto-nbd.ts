/**
 * The Pareto/NBD model (Schmittlein, Morrison & Colombo 1987), the benchmark BG/NBD was built to
 * approximate: while active a customer buys at a Poisson rate λ ~ Gamma(r, α), and her lifetime is
 * exponential with rate μ ~ Gamma(s, β), so she may leave at any moment, not only after a purchase.
 *
 * Log-likelihood of (x, tₓ, T) (Fader & Hardie 2005, "A note on deriving the Pareto/NBD model and
 * related expressions", eqs. 19–22):
 *   L = Γ(r+x) α^r β^s / Γ(r) · [ 1/((α+T)^(r+x) (β+T)^s) + s/(r+s+x) · A₀ ],
 * with, for α ≥ β,
 *   A₀ = ₂F₁(r+s+x, s+1; r+s+x+1; (α−β)/(α+tₓ)) / (α+tₓ)^(r+s+x) − ₂F₁(…; (α−β)/(α+T)) / (α+T)^(r+s+x),
 * and for α < β the same with α and β exchanged and s+1 replaced by r+x. Every ₂F₁ argument lies in
 * [0, 1); the two parts of L are combined on the log scale. The gradient is taken by central
 * differences of the log-likelihood (in the log-parameters): the ₂F₁'s derivatives in its
 * parameters have no convenient closed form, and the model is fitted once, beside BG/NBD, on the
 * distinct histories.
 */
import { fitPositive, type PositiveFit } from './mle.ts';
import { hyp2f1, lnGamma } from './special-functions.ts';

/** Pareto/NBD parameters: λ ~ Gamma(r, α), μ ~ Gamma(s, β). */
export interface ParetoNbdParams {
  r: number;
  alpha: number;
  s: number;
  beta: number;
}

/** Distinct (x, tₓ, T) histories with their counts. */
export interface ParetoNbdHistories {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  count: Float64Array;
}

/** ln(e^a − e^b) for a > b. */
const logDiffExp = (a: number, b: number) => a + Math.log1p(-Math.exp(b - a));
/** ln(e^a + e^b). */
const logSumExp = (a: number, b: number) => {
  const m = Math.max(a, b);
  return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
};

/** ln L of one history. */
export function paretoNbdHistoryLogLikelihood(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  const rsx = r + s + x;
  const [big, small, b] = alpha >= beta ? [alpha, beta, s + 1] : [beta, alpha, r + x];
  // ln(₂F₁(rsx, b; rsx + 1; (big − small)/(big + t)) / (big + t)^rsx), by t.
  const part = (t: number) => {
    const lnBase = -rsx * Math.log(big + t);
    return Math.log(hyp2f1(rsx, b, rsx + 1, (big - small) / (big + t), lnBase));
  };
  const lnFirst = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  const atTx = part(tx);
  const atT = part(T);
  const lnA0 = atTx > atT ? logDiffExp(atTx, atT) : -Infinity;
  const lnSecond = Math.log(s / rsx) + lnA0;
  const lead = lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
  return lead + (Number.isFinite(lnSecond) ? logSumExp(lnFirst, lnSecond) : lnFirst);
}

/** The Pareto/NBD log-likelihood of weighted histories. */
export function paretoNbdLogLikelihood(p: ParetoNbdParams, h: ParetoNbdHistories): number {
  let value = 0;
  for (let i = 0; i < h.x.length; i++)
    value += h.count[i]! * paretoNbdHistoryLogLikelihood(p, h.x[i]!, h.tx[i]!, h.T[i]!);
  return value;
}

/** The maximum-likelihood Pareto/NBD fit. */
export interface ParetoNbdFit extends PositiveFit {
  params: ParetoNbdParams;
  /** True when an estimate sits at the optimiser's bounds: the data do not pin it down. */
  atBound: boolean;
}

const toParams = (t: ArrayLike<number>): ParetoNbdParams => ({ r: t[0]!, alpha: t[1]!, s: t[2]!, beta: t[3]! });

/** Fits Pareto/NBD by maximum likelihood (BFGS with a central-difference gradient, Nelder–Mead fallback). */
export function fitParetoNbd(h: ParetoNbdHistories, starts: readonly (readonly number[])[] = []): ParetoNbdFit {
  const customers = h.count.reduce((a, c) => a + c, 0);
  const ll = (theta: Float64Array) => {
    const value = paretoNbdLogLikelihood(toParams(theta), h);
    const gradient = new Float64Array(4);
    for (let j = 0; j < 4; j++) {
      // Central difference in ln θⱼ (a relative step), turned into ∂/∂θⱼ.
      const step = 1e-5;
      const up = Float64Array.from(theta);
      const down = Float64Array.from(theta);
      up[j] = theta[j]! * Math.exp(step);
      down[j] = theta[j]! * Math.exp(-step);
      gradient[j] =
        (paretoNbdLogLikelihood(toParams(up), h) - paretoNbdLogLikelihood(toParams(down), h)) / (2 * step * theta[j]!);
    }
    return { value, gradient };
  };
  const fit = fitPositive(ll, [...starts, [0.5, 10, 0.5, 10], [1, 1, 1, 1]], Math.max(1, customers), [
    'r',
    'alpha',
    's',
    'beta',
  ]);
  const atBound = fit.theta.some((v) => Math.abs(Math.log(v)) > 29);
  return { ...fit, params: toParams(fit.theta), atBound };
}
