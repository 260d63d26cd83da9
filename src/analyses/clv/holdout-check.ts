/**
 * The calibration/holdout check of Fader, Hardie & Lee (2005, their figure of conditional expectations):
 * group customers by their repeat purchases in the calibration period (0, 1, …, 6, 7+) and compare
 * the purchases the model expected in the holdout period with those that happened.
 */
import type { BgNbdParams, RfmT } from './bgnbd.ts';
import { memoisedConditionalExpectation } from './clv-scorer.ts';
import type { ClvColumns } from './clv-model.ts';

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
export function holdoutCheck(
  params: BgNbdParams,
  customers: readonly (RfmT & { holdoutFrequency: number })[],
  length: number,
  topBucket = 7,
): HoldoutCheck {
  const col = (f: (c: RfmT & { holdoutFrequency: number }) => number) => Float64Array.from(customers, f);
  return holdoutCheckColumns(
    params,
    {
      n: customers.length,
      frequency: col((c) => c.frequency),
      recency: col((c) => c.recency),
      T: col((c) => c.T),
      holdout_frequency: col((c) => c.holdoutFrequency),
    },
    length,
    topBucket,
  );
}

/** `holdoutCheck` on columns (customers in the same order give the same sums). */
export function holdoutCheckColumns(
  params: BgNbdParams,
  c: Pick<ClvColumns, 'n' | 'frequency' | 'recency' | 'T' | 'holdout_frequency'>,
  length: number,
  topBucket = 7,
): HoldoutCheck {
  const sums = Array.from({ length: topBucket + 1 }, () => ({ n: 0, expected: 0, actual: 0 }));
  let totalExpected = 0;
  let totalActual = 0;
  // Memoised per (x, T): identical to calling conditionalExpectedTransactions per customer.
  const expected = memoisedConditionalExpectation(params, length);
  const history = { frequency: 0, recency: 0, T: 0 };
  for (let i = 0; i < c.n; i++) {
    history.frequency = c.frequency[i]!;
    history.recency = c.recency[i]!;
    history.T = c.T[i]!;
    const e = expected(history);
    const actual = c.holdout_frequency[i]!;
    const s = sums[Math.min(history.frequency, topBucket)]!;
    s.n++;
    s.expected += e;
    s.actual += actual;
    totalExpected += e;
    totalActual += actual;
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
