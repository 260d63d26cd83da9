/**
 * The shifted-beta-geometric (sBG) model of contract duration (Fader & Hardie 2007, "How to project
 * customer retention", Journal of Interactive Marketing 21(1)): at the end of every period a
 * customer renews with probability 1 − θ and leaves for good with probability θ; θ differs between
 * customers as Beta(α, β). So each cohort's retention rate rises over time — the likely leavers go
 * first — without any customer changing.
 *
 * T is the period in which a customer leaves (T = 1: she does not renew after the first period).
 *   P(T = t) = B(α + 1, β + t − 1) / B(α, β),  S(t) = P(T > t) = B(α, β + t) / B(α, β),
 *   retention rate of period t: r_t = S(t) / S(t − 1) = (β + t − 1) / (α + β + t − 1).
 *
 * The data are durations with right-censoring: a customer who left in period t contributes
 * ln P(T = t), one still a customer after t periods ln S(t) (S(0) = 1: a customer in the first
 * period says nothing yet). A retention curve (customers alive at the start and after each period)
 * is the same data grouped: the n_{t−1} − n_t lost in period t, and the last count still alive.
 *
 * The value of a customer still there after t periods (Fader & Hardie 2010, "Customer-base
 * valuation in a contractual setting: the perils of ignoring heterogeneity", Marketing Science
 * 29(1), eq. 6 with n − 1 = t renewals made) is her discounted expected residual lifetime,
 *   DERL = Σ_{k≥1} S(t + k)/S(t) · (1 + d)^−(k−1) = (β + t)/(α + β + t) · ₂F₁(1, β + t + 1; α + β + t + 1; 1/(1 + d)),
 * the number of further renewal payments she is expected to make, each discounted to now at d a
 * period (the next one, due at the coming renewal, undiscounted).
 */
import { fitPositive, type PositiveFit } from './mle.ts';
import { digamma, lnBeta } from './special-functions.ts';

/** The sBG parameters: churn probabilities θ ~ Beta(alpha, beta). */
export interface SbgParams {
  alpha: number;
  beta: number;
}

/**
 * Durations grouped: `period[i]` with `count[i]` customers who left in that period
 * (`churned[i]` = 1) or were still customers after it (`churned[i]` = 0).
 */
export interface Durations {
  period: Float64Array;
  churned: Uint8Array;
  count: Float64Array;
}

/** Groups per-customer tenures (whole periods) and churn flags into distinct (period, churned) with counts. */
export function groupDurations(tenure: ArrayLike<number>, churned: ArrayLike<boolean | number>): Durations {
  const counts = new Map<number, number>();
  for (let i = 0; i < tenure.length; i++) {
    const t = tenure[i]!;
    if (!(Number.isInteger(t) && t >= 0)) throw new Error(`tenure must be a whole number of periods ≥ 0, got ${t}`);
    const c = churned[i] ? 1 : 0;
    if (c && t < 1) throw new Error('a customer who left has a tenure of at least one period');
    const key = t * 2 + c;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const keys = [...counts.keys()].sort((a, b) => a - b);
  return {
    period: Float64Array.from(keys, (k) => Math.floor(k / 2)),
    churned: Uint8Array.from(keys, (k) => k % 2),
    count: Float64Array.from(keys, (k) => counts.get(k)!),
  };
}

/**
 * A retention curve as durations: `alive[0]` customers at the start, `alive[t]` still customers
 * after period t. Counts must not rise.
 */
export function durationsFromCurve(alive: readonly number[]): Durations {
  if (alive.length < 2) throw new Error('a retention curve needs the count at the start and after at least one period');
  const period: number[] = [];
  const churned: number[] = [];
  const count: number[] = [];
  for (let t = 1; t < alive.length; t++) {
    const lost = alive[t - 1]! - alive[t]!;
    if (!(alive[t]! >= 0) || lost < 0)
      throw new Error(`a retention curve cannot rise: ${alive[t - 1]} then ${alive[t]} (after period ${t})`);
    if (lost > 0) {
      period.push(t);
      churned.push(1);
      count.push(lost);
    }
  }
  const last = alive[alive.length - 1]!;
  if (last > 0) {
    period.push(alive.length - 1);
    churned.push(0);
    count.push(last);
  }
  return { period: Float64Array.from(period), churned: Uint8Array.from(churned), count: Float64Array.from(count) };
}

/** The sBG log-likelihood of grouped durations and its gradient in (α, β). */
export function sbgLogLikelihoodWithGradient(p: SbgParams, d: Durations): { value: number; gradient: Float64Array } {
  const { alpha: a, beta: b } = p;
  const lnB = lnBeta(a, b);
  const psiAB = digamma(a + b);
  const psiA = digamma(a);
  const psiB = digamma(b);
  let value = 0;
  let ga = 0;
  let gb = 0;
  for (let i = 0; i < d.period.length; i++) {
    const t = d.period[i]!;
    const n = d.count[i]!;
    if (d.churned[i]) {
      // ln P(T = t) = ln B(α + 1, β + t − 1) − ln B(α, β)
      value += n * (lnBeta(a + 1, b + t - 1) - lnB);
      const psiEnd = digamma(a + b + t);
      ga += n * (digamma(a + 1) - psiEnd - psiA + psiAB);
      gb += n * (digamma(b + t - 1) - psiEnd - psiB + psiAB);
    } else if (t > 0) {
      // ln S(t) = ln B(α, β + t) − ln B(α, β)
      value += n * (lnBeta(a, b + t) - lnB);
      const psiEnd = digamma(a + b + t);
      ga += n * (psiAB - psiEnd);
      gb += n * (digamma(b + t) - psiEnd - psiB + psiAB);
    }
  }
  return { value, gradient: Float64Array.of(ga, gb) };
}

/** The sBG log-likelihood alone. */
export function sbgLogLikelihood(p: SbgParams, d: Durations): number {
  return sbgLogLikelihoodWithGradient(p, d).value;
}

/** Why grouped durations cannot be fitted, or null when they can. */
export function sbgUnfittable(d: Durations): 'no-customers' | 'nobody-left' | 'all-left-first' | null {
  let total = 0;
  let left = 0;
  let leftFirst = 0;
  for (let i = 0; i < d.period.length; i++) {
    total += d.count[i]!;
    if (d.churned[i]) {
      left += d.count[i]!;
      if (d.period[i] === 1) leftFirst += d.count[i]!;
    }
  }
  if (total === 0) return 'no-customers';
  // Without anyone leaving, θ = 0 fits best (α → 0): no finite estimate, and no churn to project.
  if (left === 0) return 'nobody-left';
  // Everyone who says anything left in the first period: θ = 1 fits best (β → 0).
  const informative = total - d.count.reduce((s, n, i) => s + (!d.churned[i] && d.period[i] === 0 ? n : 0), 0);
  if (leftFirst === informative) return 'all-left-first';
  return null;
}

/** The maximum-likelihood sBG fit, with standard errors where the information matrix allows. */
export interface SbgFit extends PositiveFit {
  params: SbgParams;
  /** Customers the fit counts (weight of the likelihood), those who left, and the longest period observed. */
  customers: number;
  left: number;
  /**
   * True when an estimate sits at the optimiser's bounds (e^±29) other than by both growing
   * together: the data do not pin it down. α and β growing together (their ratio fixed) is the
   * limit where customers do not differ, a geometric duration, which still projects: not flagged.
   */
  atBound: boolean;
}

/** Fits sBG by maximum likelihood (BFGS on log-parameters with the analytic gradient). Check `sbgUnfittable` first. */
export function fitSbg(d: Durations): SbgFit {
  let customers = 0;
  let left = 0;
  for (let i = 0; i < d.count.length; i++) {
    customers += d.count[i]!;
    if (d.churned[i]) left += d.count[i]!;
  }
  const ll = (theta: Float64Array) => sbgLogLikelihoodWithGradient({ alpha: theta[0]!, beta: theta[1]! }, d);
  const fit = fitPositive(
    ll,
    [
      [1, 1],
      [0.5, 2],
      [2, 0.5],
    ],
    Math.max(1, customers),
    ['alpha', 'beta'],
  );
  const logs = fit.theta.map(Math.log);
  const bothLarge = logs.every((z) => z > 9);
  const atBound = logs.some((z) => z < -29 || (z > 29 && !bothLarge));
  return { ...fit, params: { alpha: fit.theta[0]!, beta: fit.theta[1]! }, customers, left, atBound };
}

/** S(t) for t = 0 … periods: the share of a new cohort still customers after t periods. */
export function sbgSurvival(p: SbgParams, periods: number): Float64Array {
  const s = new Float64Array(periods + 1);
  s[0] = 1;
  for (let t = 1; t <= periods; t++) s[t] = s[t - 1]! * ((p.beta + t - 1) / (p.alpha + p.beta + t - 1));
  return s;
}

/** The retention rate of period t ≥ 1: the share of those there at its start who renew at its end. */
export function sbgRetentionRate(p: SbgParams, t: number): number {
  return (p.beta + t - 1) / (p.alpha + p.beta + t - 1);
}

/**
 * DERL of a customer still there after `tenure` periods, discounted at `discount` a period (see
 * the module comment). Infinite when nothing is discounted and α ≤ 1 (the mean duration is
 * infinite then): the caller says so rather than show a number.
 *
 * Summed term by term rather than through ₂F₁: when the customers hardly differ (α + β in the
 * millions, e.g. two-year contracts where few ever leave) the ₂F₁'s parameters are huge and its
 * series near z = 1/(1 + d) ≈ 1 cancels or does not converge, whereas here each term is the last
 * one times (β + t + k)/(α + β + t + k)/(1 + d) < 1/(1 + d), so the terms shrink at least
 * geometrically and what is left after term k is at most term_k/d: summing stops when that is
 * below 10⁻¹⁵ of the sum. Tested against the ₂F₁ form where that converges.
 */
export function sbgDerl(p: SbgParams, tenure: number, discount: number): number {
  const { alpha: a, beta: b } = p;
  if (discount <= 0) {
    // Gauss: ₂F₁(1, B; C; 1) = (C − 1)/(C − 1 − B) when C − 1 − B = α − 1 > 0.
    return a > 1 ? (b + tenure) / (a - 1) : Infinity;
  }
  const q = 1 / (1 + discount);
  let term = (b + tenure) / (a + b + tenure);
  let sum = term;
  for (let k = 1; term > 1e-15 * sum * discount && k < 10_000_000; k++) {
    term *= ((b + tenure + k) / (a + b + tenure + k)) * q;
    sum += term;
  }
  return sum;
}

/**
 * Discrete-time Kaplan–Meier survival of grouped durations, t = 0 … the longest period: at each
 * period the share of those still at risk who did not leave in it. Null from the period after
 * which nobody is left at risk. The observed curve the fitted one is drawn against.
 */
export function kaplanMeier(d: Durations): (number | null)[] {
  let last = 0;
  for (let i = 0; i < d.period.length; i++) last = Math.max(last, d.period[i]!);
  const leftAt = new Float64Array(last + 1);
  // Censored after t periods: at risk through period t, not after.
  const censoredAt = new Float64Array(last + 1);
  let atRisk = 0;
  for (let i = 0; i < d.period.length; i++) {
    const t = d.period[i]!;
    if (d.churned[i]) leftAt[t]! += d.count[i]!;
    else censoredAt[t]! += d.count[i]!;
    if (t > 0 || d.churned[i]) atRisk += d.count[i]!;
  }
  const out: (number | null)[] = [1];
  let s = 1;
  for (let t = 1; t <= last; t++) {
    if (atRisk <= 0) {
      out.push(null);
      continue;
    }
    s *= 1 - leftAt[t]! / atRisk;
    out.push(s);
    atRisk -= leftAt[t]! + censoredAt[t]!;
  }
  return out;
}
