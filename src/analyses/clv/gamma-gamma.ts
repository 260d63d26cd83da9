/**
 * The Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005, "RFM and CLV: Using
 * Iso-Value Curves for Customer Base Analysis", J. Marketing Research 42(4), §"Spend" — building on
 * Colombo & Jiang 1999; the form used here is Fader & Hardie 2013, "The Gamma-Gamma Model of
 * Monetary Value", note 025; "FH13" below).
 *
 * A customer's transaction values are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers, so her
 * mean spend is pν⁻¹ and the population mean is pγ/(q−1). It is fitted on repeat buyers only
 * (x ≥ 1) from their number of repeat transactions x and their average value m̄ₓ, and assumes spend
 * is independent of how often a customer buys (check the correlation before trusting it).
 */
import { lnGamma } from './special-functions.ts';
import { nelderMead } from './nelder-mead.ts';

/** Gamma-Gamma parameters. */
export interface GammaGammaParams {
  /** Shape of each transaction's value. */
  p: number;
  /** Shape of the across-customer distribution of the rate ν. */
  q: number;
  /** Scale of that distribution (in money). */
  gamma: number;
}

/** A repeat buyer: x ≥ 1 repeat transactions averaging m̄ₓ > 0. */
export interface SpendSummary {
  frequency: number;
  /** Average value of the repeat transactions. */
  monetaryValue: number;
}

/**
 * ln f(m̄ₓ | p, q, γ, x), the density of a customer's average spend (FH13, the marginal density of the average):
 * Γ(px+q)/(Γ(px)Γ(q)) · γ^q m̄ₓ^(px−1) x^(px) / (γ + m̄ₓx)^(px+q).
 */
export function gammaGammaLogLikelihood(g: GammaGammaParams, c: SpendSummary): number {
  const { p, q, gamma } = g;
  const x = c.frequency;
  const m = c.monetaryValue;
  const px = p * x;
  return lnGamma(px + q) - lnGamma(px) - lnGamma(q) + q * Math.log(gamma) + (px - 1) * Math.log(m) + px * Math.log(x) - (px + q) * Math.log(gamma + m * x);
}

/** Result of `fitGammaGamma`. */
export interface GammaGammaFit {
  params: GammaGammaParams;
  logLikelihood: number;
  converged: boolean;
  customers: number;
}

/** Maximum-likelihood fit over log-parameters (Nelder–Mead). Rejects non-repeat buyers and non-positive averages. */
export function fitGammaGamma(customers: readonly SpendSummary[]): GammaGammaFit {
  if (customers.length === 0) throw new Error('Gamma-Gamma: no repeat buyers to fit');
  for (const c of customers) {
    if (!Number.isInteger(c.frequency) || c.frequency < 1) throw new Error(`Gamma-Gamma: invalid frequency ${c.frequency} (needs repeat buyers, x ≥ 1)`);
    if (!(c.monetaryValue > 0)) throw new Error(`Gamma-Gamma: invalid average value ${c.monetaryValue} (must be > 0)`);
  }
  const toParams = (z: readonly number[]): GammaGammaParams => ({ p: Math.exp(z[0]!), q: Math.exp(z[1]!), gamma: Math.exp(z[2]!) });
  const mean = customers.reduce((s, c) => s + c.monetaryValue, 0) / customers.length;
  // The log-likelihood splits into terms in x only (computed once per distinct x) and a sum over
  // customers of ln-terms; the fit evaluates it thousands of times, so everything that does not
  // depend on the parameters (ln m̄ₓ, m̄ₓ·x, the index of x) is computed once, into typed arrays.
  // The terms and their order are unchanged, so the sum is bit-for-bit the per-customer one.
  const n = customers.length;
  const xIndex = new Map<number, number>();
  const xi = new Int32Array(n);
  const lnM = new Float64Array(n);
  const mx = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const { frequency: x, monetaryValue: m } = customers[i]!;
    let k = xIndex.get(x);
    if (k === undefined) xIndex.set(x, (k = xIndex.size));
    xi[i] = k;
    lnM[i] = Math.log(m);
    mx[i] = m * x;
  }
  const xs = Float64Array.from(xIndex.keys());
  const head = new Float64Array(xs.length);
  const nll = (z: readonly number[]) => {
    const { p, q, gamma } = toParams(z);
    for (let k = 0; k < xs.length; k++) {
      const x = xs[k]!;
      head[k] = lnGamma(p * x + q) - lnGamma(p * x) - lnGamma(q) + q * Math.log(gamma) + p * x * Math.log(x);
    }
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const k = xi[i]!;
      const x = xs[k]!;
      sum += head[k]! + (p * x - 1) * lnM[i]! - (p * x + q) * Math.log(gamma + mx[i]!);
    }
    return -sum;
  };
  const res = nelderMead(nll, [0, 0, Math.log(mean)]);
  return { params: toParams(res.x), logLikelihood: -res.value, converged: res.converged, customers: customers.length };
}

/**
 * E(M | p, q, γ, m̄ₓ, x): the expected value of a customer's future transactions (FH13, the conditional expectation),
 * (γ + m̄ₓx)p / (px + q − 1) — a weighted average of the population mean pγ/(q−1) and her own
 * average m̄ₓ, with weight px/(px+q−1) on her own. For x = 0 it is the population mean.
 * Needs q > 1 (otherwise the population mean is infinite).
 */
export function conditionalExpectedAverageValue(g: GammaGammaParams, c: SpendSummary): number {
  const { p, q, gamma } = g;
  if (!(q > 1)) throw new Error(`Gamma-Gamma: q = ${q} ≤ 1 gives no finite mean spend`);
  const x = c.frequency;
  const m = x > 0 ? c.monetaryValue : 0;
  return ((gamma + m * x) * p) / (p * x + q - 1);
}
