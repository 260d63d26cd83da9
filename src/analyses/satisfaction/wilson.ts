/**
 * Wilson score interval for a binomial proportion.
 *
 * E. B. Wilson (1927), "Probable inference, the law of succession, and statistical inference",
 * Journal of the American Statistical Association 22(158): 209–212. Unlike the Wald interval
 * p ± z·√(p(1−p)/n) it stays inside [0, 1] and keeps close to its nominal coverage for the small
 * n and extreme rates that satisfaction levels produce (few "1"s, near-100% retention at the top).
 */

/** z for a two-sided 95% interval (the 0.975 standard normal quantile). */
export const Z95 = 1.959963984540054;

/** A proportion with its interval. */
export interface ProportionInterval {
  /** Successes / trials, or null when there are no trials. */
  rate: number | null;
  low: number | null;
  high: number | null;
}

/**
 * Wilson interval for `successes` out of `trials` at normal quantile `z` (default 95%).
 * Throws on impossible counts; returns nulls for zero trials (nothing to estimate).
 */
export function wilsonInterval(successes: number, trials: number, z = Z95): ProportionInterval {
  if (!Number.isFinite(successes) || !Number.isFinite(trials) || successes < 0 || trials < 0 || successes > trials) {
    throw new Error(`invalid binomial counts: ${successes} of ${trials}`);
  }
  if (trials === 0) return { rate: null, low: null, high: null };
  const p = successes / trials;
  const z2 = z * z;
  const denom = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return { rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
