/**
 * The calibration/holdout check of Fader, Hardie & Lee (2005, their figure of conditional expectations):
 * group customers by their repeat purchases in the calibration period (0, 1, …, 6, 7+) and compare
 * the purchases the model expected in the holdout period with those that happened.
 */
import type { BgNbdParams, RfmT } from './bgnbd.ts';
import { memoisedConditionalExpectation } from './clv-scorer.ts';

/** One row of the check. */
export interface HoldoutRow {
  /** Calibration repeat purchases: `0` … `6`, `7+`. */
  calibration_purchases: string;
  /** Bucket position 0…7 (for ordering). */
  bucket: number;
  customers: number;
  /** Average repeat purchases in the holdout period, as the model expected. */
  expected: number;
  /** …and as they happened. */
  actual: number;
}

/** Summary of the check. */
export interface HoldoutCheck {
  rows: HoldoutRow[];
  /** All purchases in the holdout: expected and actual totals. */
  totalExpected: number;
  totalActual: number;
}

/**
 * Builds the check for customers with calibration summary and holdout purchases. `length` is the
 * holdout length in the model's time unit; `topBucket` (default 7) collects everyone from it up.
 */
export function holdoutCheck(params: BgNbdParams, customers: readonly (RfmT & { holdoutFrequency: number })[], length: number, topBucket = 7): HoldoutCheck {
  const sums = Array.from({ length: topBucket + 1 }, () => ({ n: 0, expected: 0, actual: 0 }));
  let totalExpected = 0;
  let totalActual = 0;
  // Memoised per (x, tₓ, T): identical to calling conditionalExpectedTransactions per customer.
  const expected = memoisedConditionalExpectation(params, length);
  for (const c of customers) {
    const e = expected(c);
    const s = sums[Math.min(c.frequency, topBucket)]!;
    s.n++;
    s.expected += e;
    s.actual += c.holdoutFrequency;
    totalExpected += e;
    totalActual += c.holdoutFrequency;
  }
  const rows = sums.map((s, bucket) => ({
    calibration_purchases: bucket === topBucket ? `${topBucket}+` : String(bucket),
    bucket,
    customers: s.n,
    expected: s.n ? s.expected / s.n : 0,
    actual: s.n ? s.actual / s.n : 0,
  }));
  return { rows: rows.filter((r) => r.customers > 0), totalExpected, totalActual };
}
