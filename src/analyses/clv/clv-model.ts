/**
 * Pure numerics of the `clv-bgnbd` analysis: fit both models on the per-customer summary and score
 * every customer (P(alive), expected purchases, expected value per purchase, discounted value).
 */
import { fitBgNbd, type BgNbdFit } from './bgnbd.ts';
import { createBgNbdScorer } from './clv-scorer.ts';
import { conditionalExpectedAverageValue, fitGammaGamma, type GammaGammaFit } from './gamma-gamma.ts';
import { holdoutCheck, type HoldoutCheck } from './holdout-check.ts';
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

/** Options of `modelCustomers`. */
export interface ModelOptions {
  timeUnit: TimeUnit;
  /** Horizon in time units. */
  horizon: number;
  annualDiscountRate: number;
  margin: number;
  /** Holdout length in time units, or null when there is no holdout. */
  holdoutLength: number | null;
}

/** Everything the result builder needs. */
export interface ClvModel {
  bgnbd: BgNbdFit;
  /** Null when fewer than 10 repeat buyers: spend then falls back to the plain average. */
  gammaGamma: GammaGammaFit | null;
  /** Correlation of repeat purchases and average spend among repeat buyers (Gamma-Gamma assumes ≈ 0). */
  spendFrequencyCorrelation: number | null;
  customers: ScoredCustomer[];
  holdout: HoldoutCheck | null;
}

/** Fits BG/NBD on everyone and Gamma-Gamma on repeat buyers, then scores every customer. */
export function modelCustomers(customers: readonly ClvCustomer[], o: ModelOptions): ClvModel {
  const bgnbd = fitBgNbd(customers);
  const repeat = customers.filter((c) => c.frequency > 0 && c.monetary_value > 0);
  const spend = repeat.map((c) => ({ frequency: c.frequency, monetaryValue: c.monetary_value }));
  const gammaGamma = repeat.length >= 10 ? fitGammaGamma(spend) : null;
  const meanSpend = repeat.length ? repeat.reduce((s, c) => s + c.monetary_value, 0) / repeat.length : 0;
  const step = 365.25 / 12 / unitDays(o.timeUnit); // one average month, in time units
  const ratePerUnit = Math.pow(1 + o.annualDiscountRate, 1 / unitsPerYear(o.timeUnit)) - 1;
  // Scores are memoised per (x, tₓ, T) — bit-for-bit those of pAlive and discountedValue per customer
  // (see clv-scorer.ts); only the value per purchase, a function of (x, m̄ₓ), is per customer.
  const scorer = createBgNbdScorer(bgnbd.params, { horizon: o.horizon, step, ratePerUnit });
  const scored = customers.map((c): ScoredCustomer => {
    const perPurchase = gammaGamma ? conditionalExpectedAverageValue(gammaGamma.params, { frequency: c.frequency, monetaryValue: c.monetary_value }) : meanSpend;
    const s = scorer.score(c);
    return {
      customer_id: c.customer_id, frequency: c.frequency, recency: c.recency, T: c.T, monetary_value: c.monetary_value, calibration_revenue: c.calibration_revenue,
      holdout_frequency: c.holdout_frequency, holdout_revenue: c.holdout_revenue,
      // Always present (undefined without one): an object spread here would cost seconds at 1M customers.
      ix: c.ix,
      // Same product, same order as discountedValue: discounted purchases × value per purchase × margin.
      p_alive: s.pAlive, expected_purchases: s.expectedPurchases, expected_value_per_purchase: perPurchase, expected_value: s.discountedPurchases * perPurchase * o.margin,
    };
  });
  const holdout = o.holdoutLength === null ? null : holdoutCheck(bgnbd.params, customers.map((c) => ({ ...c, holdoutFrequency: c.holdout_frequency })), o.holdoutLength);
  return { bgnbd, gammaGamma, spendFrequencyCorrelation: correlation(spend.map((s) => s.frequency), spend.map((s) => s.monetaryValue)), customers: scored, holdout };
}

/** Pearson correlation; null when undefined (fewer than 3 points or no spread). */
export function correlation(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n < 3) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
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
