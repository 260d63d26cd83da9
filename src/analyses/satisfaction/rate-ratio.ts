/**
 * Ratio of two proportions with a log-scale 95% interval — the "5 vs 4" figure.
 *
 * Interval: Katz, Baptista, Azen & Pike (1978), "Obtaining confidence intervals for the risk ratio
 * in cohort studies", Biometrics 34(3): 469–474: log(RR) ± z·√((1−p₁)/x₁ + (1−p₂)/x₂).
 * Xerox's finding that "totally satisfied" customers were six times as likely to repurchase as
 * merely "satisfied" ones (Jones & Sasser 1995, HBR 73(6)) is this ratio for the top two boxes.
 */
import { Z95 } from './wilson.ts';

/** A rate ratio with its interval; nulls when a rate is missing or zero. */
export interface RateRatio {
  ratio: number | null;
  low: number | null;
  high: number | null;
}

/** Ratio of x₁/n₁ to x₂/n₂ with Katz's log interval (undefined when either count of successes is 0). */
export function rateRatio(x1: number, n1: number, x2: number, n2: number, z = Z95): RateRatio {
  if (n1 <= 0 || n2 <= 0 || x2 <= 0) return { ratio: null, low: null, high: null };
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const ratio = p1 / p2;
  if (x1 <= 0) return { ratio, low: null, high: null };
  const se = Math.sqrt((1 - p1) / x1 + (1 - p2) / x2);
  return { ratio, low: ratio * Math.exp(-z * se), high: ratio * Math.exp(z * se) };
}
