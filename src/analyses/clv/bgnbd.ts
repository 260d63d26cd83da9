/**
 * The BG/NBD model of repeat buying (Fader, Hardie & Lee 2005, "'Counting Your Customers' the Easy
 * Way: An Alternative to the Pareto/NBD Model", Marketing Science 24(2), 275–284; "FHL" below).
 *
 * While active, a customer buys at a Poisson rate λ ~ Gamma(r, α); after each purchase she becomes
 * inactive with probability p ~ Beta(a, b). Only (x, tₓ, T) per customer is needed: x repeat
 * purchases, the time tₓ of the last one (since the first purchase) and the time T observed (since
 * the first purchase). α carries the time unit of tₓ and T (it is a rate scale); r, a, b do not.
 */
import { digamma, hyp2f1, lnBeta, lnGamma } from './special-functions.ts';
import { HistoryMap } from './history-map.ts';
import { fitPositive, type Uncertainty, type WarmStart } from './mle.ts';

/** BG/NBD parameters. */
export interface BgNbdParams {
  /** Shape of the purchase-rate distribution (heterogeneity in how often customers buy). */
  r: number;
  /** Scale of the purchase-rate distribution, in the time unit of the data. */
  alpha: number;
  /** Dropout-probability Beta shape a. */
  a: number;
  /** Dropout-probability Beta shape b. */
  b: number;
}

/** One customer's calibration summary (the model's sufficient statistics). */
export interface RfmT {
  /** Repeat purchases x (purchase occasions after the first). */
  frequency: number;
  /** tₓ: time of the last purchase since the first (0 when x = 0). */
  recency: number;
  /** T: time since the first purchase at the end of the calibration period. */
  T: number;
}

/**
 * Log-likelihood of one customer, ln L(r, α, a, b | x, tₓ, T) (FHL eq. 6):
 * L = A₁·A₂·(A₃ + δₓ₍>0₎ A₄) with A₁ = Γ(r+x)αʳ/Γ(r), A₂ = Γ(a+b)Γ(b+x)/(Γ(b)Γ(a+b+x)),
 * A₃ = (α+T)^−(r+x), A₄ = a/(b+x−1) (α+tₓ)^−(r+x). The sum A₃ + A₄ is formed on the log scale
 * (log-sum-exp), which avoids the overflow Fader & Hardie (2013, note 027) describe.
 */
export function bgnbdLogLikelihood(p: BgNbdParams, c: RfmT): number {
  const { r, alpha, a, b } = p;
  const x = c.frequency;
  const lnA1 = lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha);
  const lnA2 = lnBeta(a, b + x) - lnBeta(a, b);
  const lnA3 = -(r + x) * Math.log(alpha + c.T);
  if (x === 0) return lnA1 + lnA2 + lnA3;
  const lnA4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + c.recency);
  const m = Math.max(lnA3, lnA4);
  return lnA1 + lnA2 + m + Math.log(Math.exp(lnA3 - m) + Math.exp(lnA4 - m));
}

/**
 * Sum of the log-likelihood over customers, each with an optional weight (a count of identical
 * customers). Same terms as `bgnbdLogLikelihood`, but the gamma-function parts, which depend only
 * on x, are computed once per distinct x: the fit calls this thousands of times.
 */
export function bgnbdTotalLogLikelihood(p: BgNbdParams, customers: readonly (RfmT & { weight?: number })[]): number {
  const { r, alpha, a, b } = p;
  const lnAlpha = Math.log(alpha);
  const lnA = Math.log(a);
  const byX = new Map<number, number>();
  const lnGammaR = lnGamma(r);
  const lnBetaAB = lnBeta(a, b);
  let sum = 0;
  for (const c of customers) {
    const x = c.frequency;
    let head = byX.get(x);
    if (head === undefined) {
      head = lnGamma(r + x) - lnGammaR + r * lnAlpha + lnBeta(a, b + x) - lnBetaAB;
      byX.set(x, head);
    }
    const lnA3 = -(r + x) * Math.log(alpha + c.T);
    let ll = head + lnA3;
    if (x > 0) {
      const lnA4 = lnA - Math.log(b + x - 1) - (r + x) * Math.log(alpha + c.recency);
      const m = Math.max(lnA3, lnA4);
      ll = head + m + Math.log(Math.exp(lnA3 - m) + Math.exp(lnA4 - m));
    }
    sum += (c.weight ?? 1) * ll;
  }
  return sum;
}

/**
 * `bgnbdTotalLogLikelihood` over fixed weighted rows, prepared once for the many evaluations of a
 * fit. Every term is the same floating-point expression, evaluated in the same order, so the sum is
 * bit-for-bit the same; what changes is that ln(α+T), ln(α+tₓ) and ln(b+x−1) are computed once per
 * distinct T, tₓ and x (a few thousand values) instead of once per row (up to hundreds of
 * thousands), and rows are read from typed arrays instead of objects and maps.
 */
export function groupedLogLikelihood(rows: readonly (RfmT & { weight: number })[]): (p: BgNbdParams) => number {
  const n = rows.length;
  const index = (values: Map<number, number>, v: number) => {
    let i = values.get(v);
    if (i === undefined) values.set(v, (i = values.size));
    return i;
  };
  const xIndex = new Map<number, number>();
  const tIndex = new Map<number, number>();
  const rIndex = new Map<number, number>();
  const xi = new Int32Array(n);
  const ti = new Int32Array(n);
  const ri = new Int32Array(n);
  const weight = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = rows[i]!;
    xi[i] = index(xIndex, c.frequency);
    ti[i] = index(tIndex, c.T);
    ri[i] = index(rIndex, c.recency);
    weight[i] = c.weight;
  }
  const xs = Float64Array.from(xIndex.keys());
  const ts = Float64Array.from(tIndex.keys());
  const rs = Float64Array.from(rIndex.keys());
  const head = new Float64Array(xs.length);
  const lnB = new Float64Array(xs.length);
  const lnT = new Float64Array(ts.length);
  const lnR = new Float64Array(rs.length);
  return ({ r, alpha, a, b }) => {
    const lnAlpha = Math.log(alpha);
    const lnA = Math.log(a);
    const lnGammaR = lnGamma(r);
    const lnBetaAB = lnBeta(a, b);
    for (let k = 0; k < xs.length; k++) {
      const x = xs[k]!;
      head[k] = lnGamma(r + x) - lnGammaR + r * lnAlpha + lnBeta(a, b + x) - lnBetaAB;
      lnB[k] = x > 0 ? Math.log(b + x - 1) : 0;
    }
    for (let k = 0; k < ts.length; k++) lnT[k] = Math.log(alpha + ts[k]!);
    for (let k = 0; k < rs.length; k++) lnR[k] = Math.log(alpha + rs[k]!);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const k = xi[i]!;
      const x = xs[k]!;
      const h = head[k]!;
      const lnA3 = -(r + x) * lnT[ti[i]!]!;
      let ll = h + lnA3;
      if (x > 0) {
        const lnA4 = lnA - lnB[k]! - (r + x) * lnR[ri[i]!]!;
        // For finite terms one of the two exponentials is exp(0) = 1 exactly, and d = lnA4 − lnA3
        // is exactly −(lnA3 − lnA4): skipping that exp gives the same bits. Otherwise, as written.
        const d = lnA4 - lnA3;
        if (lnA3 - lnA3 === 0 && lnA4 - lnA4 === 0)
          ll = d <= 0 ? h + lnA3 + Math.log(1 + Math.exp(d)) : h + lnA4 + Math.log(Math.exp(-d) + 1);
        else {
          const m = Math.max(lnA3, lnA4);
          ll = h + m + Math.log(Math.exp(lnA3 - m) + Math.exp(lnA4 - m));
        }
      }
      sum += weight[i]! * ll;
    }
    return sum;
  };
}

/**
 * Distinct customer histories (x, tₓ, T) with the number of customers who share each, as typed
 * arrays: the sufficient statistics of a BG/NBD fit. The engine gets them from SQL (`GROUP BY`);
 * `groupHistories` builds them from customer rows.
 */
export interface Histories {
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  weight: Float64Array;
}

/** The distinct histories of `customers` with their counts, in order of first appearance. */
export function groupHistories(customers: readonly RfmT[]): Histories {
  const groups = new HistoryMap<{ at: number }>();
  const frequency: number[] = [];
  const recency: number[] = [];
  const T: number[] = [];
  const weight: number[] = [];
  for (const c of customers) {
    const g = groups.get(c.frequency, c.T, c.recency, () => {
      frequency.push(c.frequency);
      recency.push(c.recency);
      T.push(c.T);
      weight.push(0);
      return { at: weight.length - 1 };
    });
    weight[g.at]!++;
  }
  return {
    frequency: Float64Array.from(frequency),
    recency: Float64Array.from(recency),
    T: Float64Array.from(T),
    weight: Float64Array.from(weight),
  };
}

/** Index of each value in its distinct values: `of[i]` is the position of `values[i]` in `distinct`. */
function indexValues(values: Float64Array): { distinct: Float64Array; of: Int32Array } {
  const seen = new Map<number, number>();
  const of = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let k = seen.get(v);
    if (k === undefined) seen.set(v, (k = seen.size));
    of[i] = k;
  }
  return { distinct: Float64Array.from(seen.keys()), of };
}

/**
 * The BG/NBD log-likelihood summed over weighted histories (eq. 6, as `bgnbdLogLikelihood`) and
 * its gradient in (r, α, a, b), prepared once for the many evaluations of a fit. With
 * L = A₁A₂(A₃ + δA₄) and s₄ = δA₄/(A₃ + δA₄) the share of the "dropped out after the last
 * purchase" term, s₃ = 1 − s₄, and ψ the digamma function:
 *
 *   ∂/∂r = ψ(r+x) − ψ(r) + ln α − s₃ ln(α+T) − s₄ ln(α+tₓ)
 *   ∂/∂α = r/α − (r+x) (s₃/(α+T) + s₄/(α+tₓ))
 *   ∂/∂a = ψ(a+b) − ψ(a+b+x) + s₄/a
 *   ∂/∂b = ψ(b+x) − ψ(a+b+x) − ψ(b) + ψ(a+b) − s₄/(b+x−1)
 *
 * The terms in x alone are computed once per distinct x, ln(α+T) and ln(α+tₓ) once per distinct
 * value; the loop over histories does one exp and one log each.
 */
export function bgnbdLogLikelihoodWithGradient(
  h: Histories,
): (p: BgNbdParams) => { value: number; gradient: Float64Array } {
  const n = h.weight.length;
  const X = indexValues(h.frequency);
  const Ts = indexValues(h.T);
  const Rs = indexValues(h.recency);
  const xs = X.distinct;
  const nx = xs.length;
  const head = new Float64Array(nx);
  const dHeadR = new Float64Array(nx);
  const dHeadA = new Float64Array(nx);
  const dHeadB = new Float64Array(nx);
  const lnB = new Float64Array(nx);
  const invB = new Float64Array(nx);
  const lnT = new Float64Array(Ts.distinct.length);
  const invT = new Float64Array(Ts.distinct.length);
  const lnR = new Float64Array(Rs.distinct.length);
  const invR = new Float64Array(Rs.distinct.length);
  return ({ r, alpha, a, b }) => {
    const lnAlpha = Math.log(alpha);
    const lnA = Math.log(a);
    const lnGammaR = lnGamma(r);
    const lnBetaAB = lnBeta(a, b);
    const psiR = digamma(r);
    const psiB = digamma(b);
    const psiAB = digamma(a + b);
    for (let k = 0; k < nx; k++) {
      const x = xs[k]!;
      const psiABX = digamma(a + b + x);
      head[k] = lnGamma(r + x) - lnGammaR + r * lnAlpha + lnBeta(a, b + x) - lnBetaAB;
      dHeadR[k] = digamma(r + x) - psiR + lnAlpha;
      dHeadA[k] = psiAB - psiABX;
      dHeadB[k] = digamma(b + x) - psiABX - psiB + psiAB;
      lnB[k] = x > 0 ? Math.log(b + x - 1) : 0;
      invB[k] = x > 0 ? 1 / (b + x - 1) : 0;
    }
    for (let k = 0; k < lnT.length; k++) {
      lnT[k] = Math.log(alpha + Ts.distinct[k]!);
      invT[k] = 1 / (alpha + Ts.distinct[k]!);
    }
    for (let k = 0; k < lnR.length; k++) {
      lnR[k] = Math.log(alpha + Rs.distinct[k]!);
      invR[k] = 1 / (alpha + Rs.distinct[k]!);
    }
    let sum = 0;
    let gr = 0;
    let gAlpha = 0;
    let ga = 0;
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const k = X.of[i]!;
      const x = xs[k]!;
      const w = h.weight[i]!;
      const t = Ts.of[i]!;
      const lnA3 = -(r + x) * lnT[t]!;
      if (x === 0) {
        sum += w * (head[k]! + lnA3);
        gr += w * (dHeadR[k]! - lnT[t]!);
        gAlpha += w * (r / alpha - (r + x) * invT[t]!);
        ga += w * dHeadA[k]!;
        gb += w * dHeadB[k]!;
        continue;
      }
      const q = Rs.of[i]!;
      const lnA4 = lnA - lnB[k]! - (r + x) * lnR[q]!;
      const d = lnA4 - lnA3;
      // log-sum-exp and the shares, from the larger term so nothing overflows.
      const e = Math.exp(-Math.abs(d));
      const s4 = d > 0 ? 1 / (1 + e) : e / (1 + e);
      const s3 = 1 - s4;
      sum += w * (head[k]! + Math.max(lnA3, lnA4) + Math.log1p(e));
      gr += w * (dHeadR[k]! - s3 * lnT[t]! - s4 * lnR[q]!);
      gAlpha += w * (r / alpha - (r + x) * (s3 * invT[t]! + s4 * invR[q]!));
      ga += w * (dHeadA[k]! + s4 / a);
      gb += w * (dHeadB[k]! - s4 * invB[k]!);
    }
    return { value: sum, gradient: Float64Array.of(gr, gAlpha, ga, gb) };
  };
}

/** Result of `fitBgNbd`. */
export interface BgNbdFit {
  params: BgNbdParams;
  logLikelihood: number;
  converged: boolean;
  /** Customers the fit used. */
  customers: number;
  /** Distinct (x, tₓ, T) histories the likelihood was summed over. */
  histories: number;
  /** The method whose estimate was kept: BFGS, or Nelder–Mead when BFGS did not converge. */
  method: 'bfgs' | 'nelder-mead';
  /** Likelihood evaluations on the whole data (optimisation and information matrix). */
  evaluations: number;
  /** …and on the sample the fit was warm-started from (0 without one). */
  sampleEvaluations: number;
  /** Standard errors and covariance (observed information), or why there are none. */
  uncertainty: Uncertainty;
}

/**
 * Maximum-likelihood fit on customer rows: identical (x, tₓ, T) are collapsed first, then
 * `fitBgNbdHistories`.
 */
export function fitBgNbd(customers: readonly RfmT[]): BgNbdFit {
  if (customers.length === 0) throw new Error('BG/NBD: no customers to fit');
  for (const c of customers) checkRfmT(c);
  return fitBgNbdHistories(groupHistories(customers));
}

/** Above this many distinct histories the fit starts from a fit on a sample of them (see `fitBgNbdHistories`). */
const WARM_START_HISTORIES = 20_000;

/**
 * Maximum-likelihood fit on weighted distinct histories (FHL §4: they maximise the sum of eq. 6
 * numerically). BFGS with the analytic gradient over the logs of the four parameters, so all stay
 * positive (`mle.ts`); Nelder–Mead takes over if BFGS does not converge.
 */
export function fitBgNbdHistories(h: Histories): BgNbdFit {
  const n = h.weight.length;
  let customers = 0;
  let weightedT = 0;
  for (let i = 0; i < n; i++) {
    const w = h.weight[i]!;
    if (!(w > 0)) throw new Error(`BG/NBD: invalid history count ${w}`);
    checkRfmT({ frequency: h.frequency[i]!, recency: h.recency[i]!, T: h.T[i]! });
    customers += w;
    weightedT += w * h.T[i]!;
  }
  if (customers === 0) throw new Error('BG/NBD: no customers to fit');
  const ll = bgnbdLogLikelihoodWithGradient(h);
  // Start α at the mean observation length, a rate scale of the right order whatever the time unit;
  // should the likelihood not be finite there, try other scales.
  const meanT = Math.max(weightedT / customers, 1e-6);
  const starts = [
    [1, meanT, 1, 1],
    [0.5, meanT / 10, 0.5, 2],
    [2, meanT * 10, 2, 0.5],
  ];
  // On a large base, most of BFGS's steps are spent getting near the optimum: take them on every
  // k-th history (an unbiased sample of the likelihood's terms), then start the full fit from
  // that estimate and its curvature, where a few steps finish it. The optimum is the full data's.
  let warm: WarmStart | undefined;
  let sampleEvaluations = 0;
  const k = Math.ceil(n / WARM_START_HISTORIES);
  if (k > 1) {
    const pick = (a: Float64Array) => a.filter((_, i) => i % k === 0);
    const sub = { frequency: pick(h.frequency), recency: pick(h.recency), T: pick(h.T), weight: pick(h.weight) };
    try {
      const subFit = fitBgNbdHistories(sub);
      sampleEvaluations = subFit.evaluations + subFit.sampleEvaluations;
      if (subFit.converged && subFit.uncertainty.ok) {
        const { r, alpha, a, b } = subFit.params;
        warm = { theta: [r, alpha, a, b], logCovariance: subFit.uncertainty.logCovariance, weight: subFit.customers };
      }
    } catch {
      // No warm start then; the full fit starts from the defaults.
    }
  }
  const fit = fitPositive(
    (t) => ll({ r: t[0]!, alpha: t[1]!, a: t[2]!, b: t[3]! }),
    starts,
    customers,
    ['r', 'α', 'a', 'b'],
    warm,
  );
  const [r, alpha, a, b] = fit.theta as [number, number, number, number];
  return {
    params: { r, alpha, a, b },
    logLikelihood: fit.logLikelihood,
    converged: fit.converged,
    customers,
    histories: n,
    method: fit.method,
    evaluations: fit.evaluations,
    sampleEvaluations,
    uncertainty: fit.uncertainty,
  };
}

/** Checks one summary row; the models are undefined for negative times or recency beyond T. */
export function checkRfmT(c: RfmT): void {
  const { frequency: x, recency, T } = c;
  if (!Number.isInteger(x) || x < 0) throw new Error(`invalid frequency: ${x} (expected a whole number ≥ 0)`);
  if (!(recency >= 0) || !(T >= 0) || recency > T + 1e-9)
    throw new Error(`invalid recency/T: ${recency}/${T} (expected 0 ≤ recency ≤ T)`);
  if (x === 0 && recency !== 0)
    throw new Error(`invalid recency ${recency} for a customer without repeat purchases (expected 0)`);
}

/**
 * P(alive | x, tₓ, T): the probability the customer is still active at T (Fader, Hardie & Lee
 * 2008, "Computing P(alive) using the BG/NBD model", note 021, eq. 2):
 * 1 / (1 + δₓ₍>0₎ a/(b+x−1) ((α+T)/(α+tₓ))^(r+x)). It is 1 when x = 0: in this model a customer
 * can only drop out right after a purchase, so one-time buyers are never judged inactive.
 */
export function pAlive(p: BgNbdParams, c: RfmT): number {
  if (c.frequency === 0) return 1;
  const { r, alpha, a, b } = p;
  const lnOdds =
    Math.log(a) -
    Math.log(b + c.frequency - 1) +
    (r + c.frequency) * (Math.log(alpha + c.T) - Math.log(alpha + c.recency));
  return 1 / (1 + Math.exp(lnOdds));
}

/**
 * E[X(t)]: expected purchases of a new customer in (0, t] (FHL eq. 7):
 * (a+b−1)/(a−1) · [1 − (α/(α+t))ʳ ₂F₁(r, b; a+b−1; t/(α+t))]. The expression holds for any
 * a ≠ 1 (CDNOW's a = 0.79 is below 1: prefactor and bracket are then both negative); at a = 1 it is
 * 0/0, so a is nudged by 1e-9 there.
 */
export function expectedTransactions(p: BgNbdParams, t: number): number {
  if (t <= 0) return 0;
  const { r, alpha, b } = p;
  const a = Math.abs(p.a - 1) < 1e-9 ? 1 + 1e-9 : p.a;
  const z = t / (alpha + t);
  return ((a + b - 1) / (a - 1)) * (1 - powTimesHyp2f1(alpha / (alpha + t), r, r, b, a + b - 1, z));
}

/**
 * base^power · ₂F₁(a, b; c; z), the product eq. 7 and eq. 10 need. Formed as written when both
 * factors are ordinary numbers; when the ₂F₁ overflows or the power underflows (thousands of
 * repeat purchases), on the log scale inside `hyp2f1` instead, where the product is finite.
 */
function powTimesHyp2f1(base: number, power: number, a: number, b: number, c: number, z: number): number {
  const f = hyp2f1(a, b, c, z);
  const pw = Math.pow(base, power);
  if (f < 1e250 && pw > 1e-250) return pw * f;
  return hyp2f1(a, b, c, z, power * Math.log(base));
}

/**
 * E[Y(t) | x, tₓ, T]: expected repeat purchases in (T, T+t] of a customer with history (x, tₓ, T)
 * (FHL eq. 10):
 * [(a+b+x−1)/(a−1)] · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]
 *   / [1 + δₓ₍>0₎ a/(b+x−1) ((α+T)/(α+tₓ))^(r+x)].
 */
export function conditionalExpectedTransactions(p: BgNbdParams, c: RfmT, t: number): number {
  if (t <= 0) return 0;
  const q = nudgedParams(p);
  return expectedTransactionsIfAlive(q, c.frequency, c.T, t) * pAlive(q, c);
}

/**
 * The parameters with a nudged off 1 by 1e-9 when it is within 1e-9 of it (eq. 7 and 10 are 0/0
 * at a = 1); the same object when no nudge is needed.
 */
export function nudgedParams(p: BgNbdParams): BgNbdParams {
  return Math.abs(p.a - 1) < 1e-9 ? { ...p, a: 1 + 1e-9 } : p;
}

/**
 * The first factor of FHL eq. 10, the expected purchases in (T, T+t] of a customer with x repeat
 * purchases observed for T who is still active at T:
 * [(a+b+x−1)/(a−1)] · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))].
 * It does not depend on tₓ, which only enters through P(alive); `p` must already be nudged
 * (`nudgedParams`). For t > 0.
 */
export function expectedTransactionsIfAlive(p: BgNbdParams, x: number, T: number, t: number): number {
  const { r, alpha, a, b } = p;
  const z = t / (alpha + T + t);
  return (
    ((a + b + x - 1) / (a - 1)) *
    (1 - powTimesHyp2f1((alpha + T) / (alpha + T + t), r + x, r + x, b + x, a + b + x - 1, z))
  );
}
