/**
 * What-if: move a share of the respondents at level a up to level a + 1.
 *
 * Expected extra loyal customers = m · (p₍a+1₎ − p₍a₎), with m = share × n₍a₎ customers moved
 * and p the observed loyalty rates of the curve. This assumes a customer lifted to a + 1 behaves
 * like those already there (the curve is read causally: an assumption the notebook states).
 * Uncertainty: the two rates are independent binomial estimates, so
 * Var = m² · (p₍a+1₎(1−p₍a+1₎)/n₍a+1₎ + p₍a₎(1−p₍a₎)/n₍a₎), and the 95% interval is ± 1.96 sd
 * (normal approximation to the difference of two proportions; Agresti 2013, Categorical Data
 * Analysis §3.1). Profit = extra loyal customers × value of a kept customer (taken as known).
 */
import type { CurvePoint } from './curve.ts';
import { Z95 } from './wilson.ts';

/** Result of one move. */
export interface WhatIfRow {
  from_level: number;
  to_level: number;
  customers_at_level: number;
  moved: number;
  rate_from: number;
  rate_to: number;
  extra_loyal: number;
  extra_loyal_low: number;
  extra_loyal_high: number;
  extra_profit: number;
  extra_profit_low: number;
  extra_profit_high: number;
}

/** The move from `fromLevel` to the next level, or null when either level has no outcome data. */
export function whatIfMove(
  points: readonly CurvePoint[],
  fromLevel: number,
  share: number,
  valuePerLoyal: number,
): WhatIfRow | null {
  if (!(share >= 0 && share <= 1)) throw new Error(`invalid share to move: ${share} (expected 0–1)`);
  const a = points.find((p) => p.satisfaction === fromLevel);
  const b = points.find((p) => p.satisfaction === fromLevel + 1);
  if (!a || !b || a.rate === null || b.rate === null) return null;
  const moved = share * a.n;
  const extra = moved * (b.rate - a.rate);
  const sd = moved * Math.sqrt((b.rate * (1 - b.rate)) / b.n + (a.rate * (1 - a.rate)) / a.n);
  const low = extra - Z95 * sd;
  const high = extra + Z95 * sd;
  return {
    from_level: fromLevel,
    to_level: fromLevel + 1,
    customers_at_level: a.n,
    moved,
    rate_from: a.rate,
    rate_to: b.rate,
    extra_loyal: extra,
    extra_loyal_low: low,
    extra_loyal_high: high,
    extra_profit: extra * valuePerLoyal,
    extra_profit_low: Math.min(low * valuePerLoyal, high * valuePerLoyal),
    extra_profit_high: Math.max(low * valuePerLoyal, high * valuePerLoyal),
  };
}

/** The same move from every level that has a next level on the curve. */
export function whatIfTable(points: readonly CurvePoint[], share: number, valuePerLoyal: number): WhatIfRow[] {
  return points
    .map((p) => whatIfMove(points, p.satisfaction, share, valuePerLoyal))
    .filter((r): r is WhatIfRow => r !== null);
}
