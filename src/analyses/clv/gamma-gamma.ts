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
import { digamma, lnGamma } from './special-functions.ts';
import { fitPositive, type Uncertainty, type WarmStart } from './mle.ts';

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
  return (
    lnGamma(px + q) -
    lnGamma(px) -
    lnGamma(q) +
    q * Math.log(gamma) +
    (px - 1) * Math.log(m) +
    px * Math.log(x) -
    (px + q) * Math.log(gamma + m * x)
  );
}

/** Result of `fitGammaGamma`. */
export interface GammaGammaFit {
  params: GammaGammaParams;
  logLikelihood: number;
  converged: boolean;
  customers: number;
  /** The method whose estimate was kept: BFGS, or Nelder–Mead when BFGS did not converge. */
  method: 'bfgs' | 'nelder-mead';
  /** Likelihood evaluations on the whole data (optimisation and information matrix). */
  evaluations: number;
  /** …and on the sample the fit was warm-started from (0 without one). */
  sampleEvaluations: number;
  /** Standard errors and covariance (observed information), or why there are none. */
  uncertainty: Uncertainty;
}

/** Repeat buyers as typed arrays: repeat transactions x ≥ 1 and their average value m̄ₓ > 0. */
export interface SpendColumns {
  frequency: Float64Array;
  monetaryValue: Float64Array;
}

/**
 * The Gamma-Gamma log-likelihood summed over repeat buyers and its gradient in (p, q, γ), prepared
 * once for the many evaluations of a fit. Per customer, with u = γ + m̄ₓx and ψ the digamma function:
 *
 *   ∂/∂p = x (ψ(px+q) − ψ(px) + ln m̄ₓ + ln x − ln u)
 *   ∂/∂q = ψ(px+q) − ψ(q) + ln γ − ln u
 *   ∂/∂γ = q/γ − (px+q)/u
 *
 * The terms in x alone, and the sums of ln m̄ₓ per x, are computed once; the loop over customers
 * does one log and one division each.
 */
export function gammaGammaLogLikelihoodWithGradient(
  c: SpendColumns,
): (g: GammaGammaParams) => { value: number; gradient: Float64Array } {
  const n = c.frequency.length;
  const xIndex = new Map<number, number>();
  const xi = new Int32Array(n);
  const mx = new Float64Array(n);
  const lnMSum: number[] = [];
  const count: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = c.frequency[i]!;
    const m = c.monetaryValue[i]!;
    let k = xIndex.get(x);
    if (k === undefined) {
      xIndex.set(x, (k = xIndex.size));
      lnMSum.push(0);
      count.push(0);
    }
    xi[i] = k;
    mx[i] = m * x;
    lnMSum[k]! += Math.log(m);
    count[k]!++;
  }
  const xs = Float64Array.from(xIndex.keys());
  const nx = xs.length;
  const pxq = new Float64Array(nx);
  return ({ p, q, gamma }) => {
    const lnG = Math.log(gamma);
    const psiQ = digamma(q);
    let sum = 0;
    let gp = 0;
    let gq = 0;
    for (let k = 0; k < nx; k++) {
      const x = xs[k]!;
      const px = p * x;
      const w = count[k]!;
      const psiPXQ = digamma(px + q);
      // Per-customer terms that depend on x only, times the customers with this x.
      sum += w * (lnGamma(px + q) - lnGamma(px) - lnGamma(q) + q * lnG + px * Math.log(x)) + (px - 1) * lnMSum[k]!;
      gp += x * (w * (psiPXQ - digamma(px) + Math.log(x)) + lnMSum[k]!);
      gq += w * (psiPXQ - psiQ + lnG);
      pxq[k] = px + q;
    }
    let gGamma = 0;
    for (let i = 0; i < n; i++) {
      const k = xi[i]!;
      const u = gamma + mx[i]!;
      const lnU = Math.log(u);
      sum -= pxq[k]! * lnU;
      gp -= xs[k]! * lnU;
      gq -= lnU;
      gGamma += q / gamma - pxq[k]! / u;
    }
    return { value: sum, gradient: Float64Array.of(gp, gq, gGamma) };
  };
}

/** Above this many repeat buyers the fit starts from a fit on a sample of them (see `fitGammaGamma`). */
const WARM_START_CUSTOMERS = 30_000;

/** Maximum-likelihood fit over log-parameters (BFGS with the analytic gradient, Nelder–Mead as fallback). Rejects non-repeat buyers and non-positive averages. */
export function fitGammaGamma(customers: readonly SpendSummary[] | SpendColumns): GammaGammaFit {
  const columns =
    'frequency' in customers && customers.frequency instanceof Float64Array
      ? customers
      : {
          frequency: Float64Array.from(customers as readonly SpendSummary[], (c) => c.frequency),
          monetaryValue: Float64Array.from(customers as readonly SpendSummary[], (c) => c.monetaryValue),
        };
  const n = columns.frequency.length;
  if (n === 0) throw new Error('Gamma-Gamma: no repeat buyers to fit');
  let total = 0;
  for (let i = 0; i < n; i++) {
    const x = columns.frequency[i]!;
    const m = columns.monetaryValue[i]!;
    if (!Number.isInteger(x) || x < 1)
      throw new Error(`Gamma-Gamma: invalid frequency ${x} (needs repeat buyers, x ≥ 1)`);
    if (!(m > 0) || !Number.isFinite(m)) throw new Error(`Gamma-Gamma: invalid average value ${m} (must be > 0)`);
    total += m;
  }
  const mean = total / n;
  const ll = gammaGammaLogLikelihoodWithGradient(columns);
  const starts = [
    [1, 1, mean],
    [2, 3, mean],
    [0.5, 2, mean / 2],
  ];
  // As for BG/NBD: on a large base, get near the optimum on every k-th customer, then finish on all.
  let warm: WarmStart | undefined;
  let sampleEvaluations = 0;
  const k = Math.ceil(n / WARM_START_CUSTOMERS);
  if (k > 1) {
    const pick = (a: Float64Array) => a.filter((_, i) => i % k === 0);
    try {
      const sub = fitGammaGamma({ frequency: pick(columns.frequency), monetaryValue: pick(columns.monetaryValue) });
      sampleEvaluations = sub.evaluations + sub.sampleEvaluations;
      if (sub.converged && sub.uncertainty.ok)
        warm = {
          theta: [sub.params.p, sub.params.q, sub.params.gamma],
          logCovariance: sub.uncertainty.logCovariance,
          weight: sub.customers,
        };
    } catch {
      // No warm start then.
    }
  }
  const fit = fitPositive((t) => ll({ p: t[0]!, q: t[1]!, gamma: t[2]! }), starts, n, ['p', 'q', 'γ'], warm);
  const [p, q, gamma] = fit.theta as [number, number, number];
  return {
    params: { p, q, gamma },
    logLikelihood: fit.logLikelihood,
    converged: fit.converged,
    customers: n,
    method: fit.method,
    evaluations: fit.evaluations,
    sampleEvaluations,
    uncertainty: fit.uncertainty,
  };
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
