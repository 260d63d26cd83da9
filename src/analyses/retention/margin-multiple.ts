/**
 * Customer lifetime value as a multiple of the per-period margin.
 *
 * Gupta & Lehmann (2003), "Customers as assets", Journal of Interactive Marketing 17(1), and
 * Gupta & Lehmann (2005), *Managing Customers as Investments*: with a constant margin m per period,
 * a constant retention rate r and a discount rate i, the value of a customer is
 *
 *     CLV = m · r / (1 + i − r)                                   (margin multiple r / (1 + i − r))
 *
 * which assumes the first margin arrives at the end of the first period and only if the customer
 * is retained. The variants below are the ones the book discusses; all are the closed form (or the
 * finite sum) of one series, so they agree with each other by construction:
 *
 *  - `timing: 'start'`  – the first margin is earned now (t = 0): m · (1 + i) / (1 + i − r)
 *  - `growth: g`        – margins grow by g per period: m · r / (1 + i − r(1 + g)) (needs r(1 + g) < 1 + i)
 *  - `horizon: T`       – only T margins are counted (finite sum instead of the perpetuity)
 *  - `acquisitionCost`  – subtracted once at t = 0, giving the value of a prospect, not of a customer
 */

/** Options of `customerLifetimeValue`. */
export interface ClvOptions {
  /** Margin per customer per period (currency). Use 1 to get the margin multiple itself. */
  margin: number;
  /** Probability that a customer active in one period is still active in the next, 0 ≤ r < 1. */
  retention: number;
  /** Discount rate per period, e.g. 0.10 for 10% a year; must be > −1. */
  discountRate: number;
  /** When the first margin is earned: `end` of the first period (Gupta–Lehmann default) or `start` (now). */
  timing?: ClvTiming;
  /** Growth of the margin per period (e.g. 0.05 = +5% a period). Default 0. */
  growth?: number;
  /** Number of margins counted; `Infinity` (default) for the perpetuity. */
  horizon?: number;
  /** Cost of acquiring the customer, subtracted once at t = 0. Default 0. */
  acquisitionCost?: number;
}

/** `end`: first margin one period from now, only if retained. `start`: first margin now. */
export type ClvTiming = 'end' | 'start';

/** The published margin multiple r / (1 + i − r) (Gupta & Lehmann 2003, table 1). */
export function marginMultiple(retention: number, discountRate: number): number {
  return customerLifetimeValue({ margin: 1, retention, discountRate });
}

/**
 * Lifetime value of one customer under the constant-margin, constant-retention model.
 * Throws on inputs outside the model (r ∉ [0, 1), i ≤ −1, divergent growth).
 */
export function customerLifetimeValue(options: ClvOptions): number {
  const { margin: m, retention: r, discountRate: i } = options;
  const timing = options.timing ?? 'end';
  const g = options.growth ?? 0;
  const horizon = options.horizon ?? Infinity;
  const cost = options.acquisitionCost ?? 0;
  if (!Number.isFinite(m)) throw new Error(`invalid margin: ${m}`);
  if (!(r >= 0 && r < 1)) throw new Error(`invalid retention rate: ${r} (expected 0 ≤ r < 1)`);
  if (!(i > -1)) throw new Error(`invalid discount rate: ${i} (expected > −1)`);
  if (!(g > -1)) throw new Error(`invalid margin growth: ${g} (expected > −1)`);
  if (!(horizon >= 0) || (Number.isFinite(horizon) && !Number.isInteger(horizon))) {
    throw new Error(`invalid horizon: ${horizon} (expected a whole number of periods or Infinity)`);
  }
  // Ratio of one period's expected, discounted margin to the previous one.
  const q = (r * (1 + g)) / (1 + i);
  // First term: r/(1+i) when paid at the end of period 1; 1 when paid now.
  const first = timing === 'start' ? 1 : r / (1 + i);
  let sum: number;
  if (Number.isFinite(horizon)) {
    sum = q === 1 ? first * horizon : (first * (1 - q ** horizon)) / (1 - q);
  } else {
    if (q >= 1)
      throw new Error(
        `margin growth ${g} with retention ${r} outgrows discount rate ${i}: the value is infinite (need r(1+g) < 1+i)`,
      );
    sum = first / (1 - q);
  }
  return m * sum - cost;
}
