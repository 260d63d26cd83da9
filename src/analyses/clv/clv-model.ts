/**
 * Pure numerics of the `clv-bgnbd` analysis: fit both models on the per-customer summary and score
 * every customer (P(alive), expected purchases, expected value per purchase, discounted value),
 * with the uncertainty of the fits carried to the headline totals.
 *
 * Customers travel as columns (typed arrays), never as one object per customer: at a million
 * customers, objects cost seconds where the arithmetic costs milliseconds. BG/NBD is fitted on the
 * distinct (x, tₓ, T) histories with their counts (from SQL in the engine, `groupHistories` here
 * otherwise), Gamma-Gamma on the repeat buyers' columns.
 */
import {
  expectedTransactions,
  expectedTransactionsIfAlive,
  fitBgNbdHistories,
  groupHistories,
  nudgedParams,
  type BgNbdFit,
  type BgNbdParams,
  type Histories,
} from './bgnbd.ts';
import { clause, list, text } from '../messages/finding.ts';
import { note } from '../messages/notes.ts';
import type { MessageRef } from '../messages/render.ts';
import type { Uncertainty } from './mle.ts';
import { fitGammaGamma, type GammaGammaFit, type GammaGammaParams } from './gamma-gamma.ts';
import { holdoutCheckColumns, type HoldoutCheck } from './holdout-check.ts';
import { unitDays, unitsPerYear, type TimeUnit } from './time-units.ts';

/** One customer's summary row (from `buildClvSummaryQuery`). */
export interface ClvCustomer {
  customer_id: string;
  frequency: number;
  recency: number;
  T: number;
  /** Average value of repeat purchase occasions (0 for one-time buyers). */
  monetary_value: number;
  calibration_revenue: number;
  holdout_frequency: number;
  holdout_revenue: number;
  /**
   * The customer's position in `summary.customer_history` when read from the engine's summary
   * (clv-inputs.ts); `customer_id` is then filled in only for the customers a result lists.
   */
  ix?: number;
}

/** A scored customer. */
export interface ScoredCustomer extends ClvCustomer {
  p_alive: number;
  expected_purchases: number;
  expected_value_per_purchase: number;
  expected_value: number;
}

/**
 * The per-customer inputs as columns, in customer_id order. Customers read from the engine's
 * summary carry `ix` (their position in `summary.customer_history`) and no ids; those read as rows
 * carry their `ids`.
 */
export interface ClvColumns {
  n: number;
  ix: Float64Array | null;
  ids: string[] | null;
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  monetary_value: Float64Array;
  calibration_revenue: Float64Array;
  holdout_frequency: Float64Array;
  holdout_revenue: Float64Array;
}

/** Per-customer scores, aligned with `ClvColumns`. */
export interface ClvScores {
  p_alive: Float64Array;
  expected_purchases: Float64Array;
  expected_value_per_purchase: Float64Array;
  expected_value: Float64Array;
}

/** Options of `modelColumns`. */
export interface ModelOptions {
  timeUnit: TimeUnit;
  /** Horizon in time units. */
  horizon: number;
  annualDiscountRate: number;
  margin: number;
  /** Holdout length in time units, or null when there is no holdout. */
  holdoutLength: number | null;
}

/** A headline number with its standard error and 95% interval (null when not available). */
export interface Estimate {
  value: number;
  standardError: number | null;
  low: number | null;
  high: number | null;
}

/** Everything the result builder needs. */
export interface ClvModel {
  bgnbd: BgNbdFit;
  /** Null when fewer than 10 repeat buyers: spend then falls back to the plain average. */
  gammaGamma: GammaGammaFit | null;
  /** Correlation of repeat purchases and average spend among repeat buyers (Gamma-Gamma assumes ≈ 0). */
  spendFrequencyCorrelation: number | null;
  inputs: ClvColumns;
  scores: ClvScores;
  holdout: HoldoutCheck | null;
  /** Total expected purchases over the horizon, with its interval. */
  totalPurchases: Estimate;
  /** Total discounted expected margin over the horizon (customer equity of the base), with its interval. */
  totalValue: Estimate;
  /** E[X(t)] of a new customer at the end of each step of the horizon (FHL eq. 7), with intervals. */
  newCustomer: ({ t: number } & Estimate)[];
  /** Why the intervals are missing, when they are. */
  uncertaintyNote: MessageRef | null;
}

/** Columns from customer rows (ids kept). */
export function columnsOf(customers: readonly ClvCustomer[]): ClvColumns {
  const col = (f: (c: ClvCustomer) => number) => Float64Array.from(customers, f);
  const withIx = customers.length > 0 && customers.every((c) => c.ix !== undefined);
  return {
    n: customers.length,
    ix: withIx ? col((c) => c.ix!) : null,
    ids: customers.map((c) => c.customer_id),
    frequency: col((c) => c.frequency),
    recency: col((c) => c.recency),
    T: col((c) => c.T),
    monetary_value: col((c) => c.monetary_value),
    calibration_revenue: col((c) => c.calibration_revenue),
    holdout_frequency: col((c) => c.holdout_frequency),
    holdout_revenue: col((c) => c.holdout_revenue),
  };
}

/**
 * The distinct histories of the columns, sorted by (x, tₓ, T) — the order the engine's SQL
 * (`ORDER BY ALL`) gives them in, so both paths sum the likelihood in the same order and fit the
 * very same parameters.
 */
export function sortedHistories(c: ClvColumns): Histories {
  const rows = Array.from({ length: c.n }, (_, i) => ({
    frequency: c.frequency[i]!,
    recency: c.recency[i]!,
    T: c.T[i]!,
  }));
  const h = groupHistories(rows);
  const order = Array.from(h.weight, (_, i) => i).sort(
    (i, j) => h.frequency[i]! - h.frequency[j]! || h.recency[i]! - h.recency[j]! || h.T[i]! - h.T[j]!,
  );
  const take = (a: Float64Array) => Float64Array.from(order, (i) => a[i]!);
  return { frequency: take(h.frequency), recency: take(h.recency), T: take(h.T), weight: take(h.weight) };
}

/** Fits BG/NBD on the histories and Gamma-Gamma on the repeat buyers, then scores every customer. */
export function modelColumns(c: ClvColumns, histories: Histories, o: ModelOptions): ClvModel {
  const bgnbd = fitBgNbdHistories(histories);
  const spend = repeatSpend(c);
  const gammaGamma = spend.frequency.length >= 10 ? fitGammaGamma(spend) : null;
  let meanSpend = 0;
  for (const m of spend.monetaryValue) meanSpend += m;
  meanSpend = spend.frequency.length ? meanSpend / spend.frequency.length : 0;
  const step = 365.25 / 12 / unitDays(o.timeUnit); // one average month, in time units
  const ratePerUnit = Math.pow(1 + o.annualDiscountRate, 1 / unitsPerYear(o.timeUnit)) - 1;
  const horizon = horizonSteps(o.horizon, step, ratePerUnit);
  const pairs = historyPairs(c);
  const perPurchase = new Float64Array(c.n);
  for (let i = 0; i < c.n; i++)
    perPurchase[i] = gammaGamma
      ? spendPerPurchase(gammaGamma.params, c.frequency[i]!, c.monetary_value[i]!)
      : meanSpend;
  const s = scoreColumns(bgnbd.params, c, pairs, horizon);
  const expectedValue = new Float64Array(c.n);
  // Same product, same order as discountedValue: discounted purchases × value per purchase × margin.
  for (let i = 0; i < c.n; i++) expectedValue[i] = s.discountedPurchases[i]! * perPurchase[i]! * o.margin;
  const scores: ClvScores = {
    p_alive: s.pAlive,
    expected_purchases: s.expectedPurchases,
    expected_value_per_purchase: perPurchase,
    expected_value: expectedValue,
  };
  const holdout = o.holdoutLength === null ? null : holdoutCheckColumns(bgnbd.params, c, o.holdoutLength);
  const errors = totalsStandardErrors(
    bgnbd,
    gammaGamma,
    c,
    pairs,
    horizon,
    perPurchase,
    s.expectedPurchases,
    s.discountedPurchases,
    o.margin,
  );
  const totalPurchases = sum(scores.expected_purchases);
  const totalValue = sum(scores.expected_value);
  return {
    bgnbd,
    gammaGamma,
    spendFrequencyCorrelation: correlation(spend.frequency, spend.monetaryValue),
    inputs: c,
    scores,
    holdout,
    totalPurchases: { value: totalPurchases, ...withInterval(totalPurchases, errors.purchases) },
    totalValue: { value: totalValue, ...withInterval(totalValue, errors.value) },
    newCustomer: newCustomerCurve(bgnbd, horizon.times),
    uncertaintyNote: errors.note,
  };
}

/**
 * `modelColumns` on customer rows, with the scored customers as rows too (tests, small data).
 * The numbers are those of the columnar path.
 */
export function modelCustomers(
  customers: readonly ClvCustomer[],
  o: ModelOptions,
): ClvModel & { customers: ScoredCustomer[] } {
  const c = columnsOf(customers);
  const model = modelColumns(c, sortedHistories(c), o);
  const s = model.scores;
  const scored = customers.map((r, i): ScoredCustomer => ({
    customer_id: r.customer_id,
    frequency: r.frequency,
    recency: r.recency,
    T: r.T,
    monetary_value: r.monetary_value,
    calibration_revenue: r.calibration_revenue,
    holdout_frequency: r.holdout_frequency,
    holdout_revenue: r.holdout_revenue,
    ix: r.ix,
    p_alive: s.p_alive[i]!,
    expected_purchases: s.expected_purchases[i]!,
    expected_value_per_purchase: s.expected_value_per_purchase[i]!,
    expected_value: s.expected_value[i]!,
  }));
  return { ...model, customers: scored };
}

/** Repeat buyers with a positive average spend, as columns (Gamma-Gamma's input). */
function repeatSpend(c: ClvColumns): { frequency: Float64Array; monetaryValue: Float64Array } {
  let n = 0;
  for (let i = 0; i < c.n; i++) if (c.frequency[i]! > 0 && c.monetary_value[i]! > 0) n++;
  const frequency = new Float64Array(n);
  const monetaryValue = new Float64Array(n);
  for (let i = 0, k = 0; i < c.n; i++) {
    if (c.frequency[i]! > 0 && c.monetary_value[i]! > 0) {
      frequency[k] = c.frequency[i]!;
      monetaryValue[k++] = c.monetary_value[i]!;
    }
  }
  return { frequency, monetaryValue };
}

/** Gamma-Gamma's expected value per purchase, as `conditionalExpectedAverageValue` (same expression). */
function spendPerPurchase(g: GammaGammaParams, x: number, monetary: number): number {
  const { p, q, gamma } = g;
  if (!(q > 1)) throw new Error(`Gamma-Gamma: q = ${q} ≤ 1 gives no finite mean spend`);
  const m = x > 0 ? monetary : 0;
  return ((gamma + m * x) * p) / (p * x + q - 1);
}

/** The horizon cut into steps (as `discountedValue`): step end times and their discount factors. */
export interface HorizonSteps {
  times: Float64Array;
  discounts: Float64Array;
}

/** Steps of `step` up to `horizon`, the last one shortened, discounted by (1 + i)^(−t). */
export function horizonSteps(horizon: number, step: number, ratePerUnit: number): HorizonSteps {
  if (!(horizon >= 0)) throw new Error(`invalid horizon: ${horizon}`);
  if (!(step > 0)) throw new Error(`invalid step: ${step}`);
  const steps = Math.ceil(horizon / step - 1e-9);
  const times = new Float64Array(Math.max(steps, 0));
  const discounts = new Float64Array(times.length);
  for (let k = 1; k <= steps; k++) {
    const t = Math.min(k * step, horizon);
    times[k - 1] = t;
    discounts[k - 1] = Math.pow(1 + ratePerUnit, -t);
  }
  return { times, discounts };
}

/** Each customer's (x, T) pair as an index into the distinct pairs: the ₂F₁ part of eq. 10 depends on these only. */
export interface HistoryPairs {
  of: Int32Array;
  x: Float64Array;
  T: Float64Array;
}

/** The distinct (x, T) pairs of the customers, in order of first appearance. */
export function historyPairs(c: ClvColumns): HistoryPairs {
  const byX = new Map<number, Map<number, number>>();
  const of = new Int32Array(c.n);
  const xs: number[] = [];
  const Ts: number[] = [];
  for (let i = 0; i < c.n; i++) {
    const x = c.frequency[i]!;
    const T = c.T[i]!;
    let byT = byX.get(x);
    if (!byT) byX.set(x, (byT = new Map<number, number>()));
    let k = byT.get(T);
    if (k === undefined) {
      byT.set(T, (k = xs.length));
      xs.push(x);
      Ts.push(T);
    }
    of[i] = k;
  }
  return { of, x: Float64Array.from(xs), T: Float64Array.from(Ts) };
}

/**
 * P(alive), expected purchases and discounted expected purchases over the horizon for every
 * customer. Every number is the same floating-point expression as `pAlive` and `discountedValue`
 * per customer, evaluated in the same order — bit for bit the straightforward computation — but the
 * costly ₂F₁ series runs once per (x, T) pair and step (22k pairs at a million customers).
 */
export function scoreColumns(
  params: BgNbdParams,
  c: ClvColumns,
  pairs: HistoryPairs,
  h: HorizonSteps,
): { pAlive: Float64Array; expectedPurchases: Float64Array; discountedPurchases: Float64Array } {
  const q = nudgedParams(params);
  const steps = h.times.length;
  const streams = new Float64Array(pairs.x.length * steps);
  for (let k = 0; k < pairs.x.length; k++) {
    for (let j = 0; j < steps; j++) {
      const t = h.times[j]!;
      streams[k * steps + j] = t <= 0 ? 0 : expectedTransactionsIfAlive(q, pairs.x[k]!, pairs.T[k]!, t);
    }
  }
  const pAliveOut = new Float64Array(c.n);
  const expected = new Float64Array(c.n);
  const discounted = new Float64Array(c.n);
  for (let i = 0; i < c.n; i++) {
    const x = c.frequency[i]!;
    // P(alive) with the nudged a is what eq. 10 multiplies by; the reported one uses the fit as is.
    const alive = pAliveOf(q, x, c.recency[i]!, c.T[i]!);
    const at = pairs.of[i]! * steps;
    let previous = 0;
    let sumDiscounted = 0;
    for (let j = 0; j < steps; j++) {
      const cumulative = h.times[j]! <= 0 ? 0 : streams[at + j]! * alive;
      sumDiscounted += (cumulative - previous) * h.discounts[j]!;
      previous = cumulative;
    }
    pAliveOut[i] = q === params ? alive : pAliveOf(params, x, c.recency[i]!, c.T[i]!);
    expected[i] = previous;
    discounted[i] = sumDiscounted;
  }
  return { pAlive: pAliveOut, expectedPurchases: expected, discountedPurchases: discounted };
}

/** `pAlive` on numbers (the same expression). */
function pAliveOf(p: BgNbdParams, x: number, recency: number, T: number): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = p;
  const lnOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + recency));
  return 1 / (1 + Math.exp(lnOdds));
}

function sum(values: Float64Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]!;
  return s;
}

/** z for a two-sided 95% normal interval. */
const Z95 = 1.959963984540054;

/** A positive estimate with standard error `se`: the interval is normal on the log scale (it stays positive). */
function withInterval(value: number, se: number | null): Omit<Estimate, 'value'> {
  if (se === null || !Number.isFinite(se)) return { standardError: null, low: null, high: null };
  if (!(value > 0)) return { standardError: se, low: null, high: null };
  const spread = Z95 * (se / value);
  return { standardError: se, low: value * Math.exp(-spread), high: value * Math.exp(spread) };
}

/** Relative step of the numeric derivatives in the log-parameters. */
const LOG_STEP = 1e-5;

/**
 * Standard errors of the two totals by the delta method: Var f(θ̂) ≈ ∇f ᵀ Σ ∇f with Σ the
 * covariance of the log-parameters from the observed information. The gradient in BG/NBD's
 * parameters is taken by forward differences (`totalsFunction`: ₂F₁ per (x, T) pair and step, one
 * exp per customer); in Gamma-Gamma's it is analytic. The two models are fitted separately, so their
 * estimates are treated as independent (no cross-covariance).
 */
function totalsStandardErrors(
  bgnbd: BgNbdFit,
  gg: GammaGammaFit | null,
  c: ClvColumns,
  pairs: HistoryPairs,
  h: HorizonSteps,
  perPurchase: Float64Array,
  expectedPurchases: Float64Array,
  discounted: Float64Array,
  margin: number,
): { purchases: number | null; value: number | null; note: MessageRef | null } {
  if (!bgnbd.uncertainty.ok)
    return { purchases: null, value: null, note: note('note.clv.no_intervals', { why: why(bgnbd.uncertainty) }) };
  const cov = bgnbd.uncertainty.logCovariance;
  const z0 = [bgnbd.params.r, bgnbd.params.alpha, bgnbd.params.a, bgnbd.params.b].map(Math.log);
  const totals = totalsFunction(c, pairs, h, perPurchase, margin);
  // The totals at the estimate are the scores' sums (the same sums in another order; the
  // difference, ~10⁻¹⁶ relative, is far below a step's effect): one evaluation fewer.
  let p0 = 0;
  let v0 = 0;
  for (let i = 0; i < c.n; i++) {
    p0 += expectedPurchases[i]!;
    v0 += discounted[i]! * perPurchase[i]! * margin;
  }
  const gradP: number[] = [];
  const gradV: number[] = [];
  for (let j = 0; j < 4; j++) {
    const up = [...z0];
    up[j]! += LOG_STEP;
    const [pu, vu] = totals(up);
    gradP.push((pu - p0) / LOG_STEP);
    gradV.push((vu - v0) / LOG_STEP);
  }
  const varP = quadraticForm(gradP, cov);
  let varV = quadraticForm(gradV, cov);
  let spendNote: MessageRef | null = null;
  if (gg) {
    if (gg.uncertainty.ok) {
      // ∂/∂ln θ of Σ discounted purchases × spend × margin, spend = (γ + m̄x)p/(px + q − 1).
      const { p, q, gamma } = gg.params;
      const g = [0, 0, 0];
      for (let i = 0; i < c.n; i++) {
        const x = c.frequency[i]!;
        const m = x > 0 ? c.monetary_value[i]! : 0;
        const d = p * x + q - 1;
        const u = gamma + m * x;
        const w = discounted[i]! * margin;
        g[0]! += (w * p * u * (q - 1)) / (d * d);
        g[1]! -= (w * q * u * p) / (d * d);
        g[2]! += (w * gamma * p) / d;
      }
      varV += quadraticForm(g, gg.uncertainty.logCovariance);
    } else spendNote = note('note.clv.no_spend_interval', { why: why(gg.uncertainty) });
  }
  return { purchases: Math.sqrt(varP), value: Math.sqrt(varV), note: spendNote };
}

/** Why a fit has no standard errors, as a clause of the note. */
function why(u: Extract<Uncertainty, { ok: false }>): MessageRef {
  return clause(`note.clv.why.${u.why}`, {
    params: list(
      u.names.map((n) => text(n)),
      'and',
    ),
  }) as MessageRef;
}

/**
 * Total expected purchases and total discounted margin as functions of BG/NBD's log-parameters,
 * for the delta method. Per customer, purchases = P(alive)·E[Y(t_K) | alive] and discounted
 * purchases = P(alive)·Σₖ (E[Y(tₖ)] − E[Y(tₖ₋₁)] | alive)(1+i)^(−tₖ): the ₂F₁ series run once per
 * (x, T) pair and step, and each customer costs one exp. The same sums as the scores, arranged
 * for speed (not bit for bit: only their derivatives are used).
 */
function totalsFunction(
  c: ClvColumns,
  pairs: HistoryPairs,
  h: HorizonSteps,
  perPurchase: Float64Array,
  margin: number,
): (z: readonly number[]) => readonly [number, number] {
  const steps = h.times.length;
  const end = new Float64Array(pairs.x.length);
  const disc = new Float64Array(pairs.x.length);
  return (z) => {
    const [r, alpha, a, b] = z.map(Math.exp) as [number, number, number, number];
    const q = nudgedParams({ r, alpha, a, b });
    for (let k = 0; k < pairs.x.length; k++) {
      let previous = 0;
      let d = 0;
      for (let j = 0; j < steps; j++) {
        const t = h.times[j]!;
        const e = t <= 0 ? 0 : expectedTransactionsIfAlive(q, pairs.x[k]!, pairs.T[k]!, t);
        d += (e - previous) * h.discounts[j]!;
        previous = e;
      }
      end[k] = previous;
      disc[k] = d;
    }
    let purchases = 0;
    let value = 0;
    for (let i = 0; i < c.n; i++) {
      const alive = pAliveOf(q, c.frequency[i]!, c.recency[i]!, c.T[i]!);
      const k = pairs.of[i]!;
      purchases += alive * end[k]!;
      value += alive * disc[k]! * perPurchase[i]! * margin;
    }
    return [purchases, value] as const;
  };
}

/** gᵀ M g. */
function quadraticForm(g: readonly number[], m: readonly (readonly number[])[]): number {
  let s = 0;
  for (let i = 0; i < g.length; i++) for (let j = 0; j < g.length; j++) s += g[i]! * m[i]![j]! * g[j]!;
  return s;
}

/** E[X(t)] of a new customer at each step end, with delta-method intervals (central differences in the log-parameters). */
function newCustomerCurve(bgnbd: BgNbdFit, times: Float64Array): ({ t: number } & Estimate)[] {
  const z0 = [bgnbd.params.r, bgnbd.params.alpha, bgnbd.params.a, bgnbd.params.b].map(Math.log);
  const at = (z: number[], t: number) => {
    const [r, alpha, a, b] = z.map(Math.exp) as [number, number, number, number];
    return expectedTransactions({ r, alpha, a, b }, t);
  };
  return Array.from(times, (t) => {
    const value = expectedTransactions(bgnbd.params, t);
    if (!bgnbd.uncertainty.ok) return { t, value, standardError: null, low: null, high: null };
    const cov = bgnbd.uncertainty.logCovariance;
    const g = z0.map((_, j) => {
      const up = [...z0];
      const down = [...z0];
      up[j]! += LOG_STEP;
      down[j]! -= LOG_STEP;
      return (at(up, t) - at(down, t)) / (2 * LOG_STEP);
    });
    return { t, value, ...withInterval(value, Math.sqrt(quadraticForm(g, cov))) };
  });
}

/** Pearson correlation; null when undefined (fewer than 3 points or no spread). */
export function correlation(xs: ArrayLike<number>, ys: ArrayLike<number>): number | null {
  const n = xs.length;
  if (n < 3) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i]!;
    my += ys[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}
