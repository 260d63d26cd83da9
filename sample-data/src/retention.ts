/**
 * The TRUE satisfaction → retention relation of the model. Analyses estimate this curve from the
 * surveys and churn dates; tests compare their estimate with this function.
 *
 * R(s) = 0.55 + 0.03 · (s − 1) + 0.33 · logistic(5 · (s − 4.5))
 *
 * Nearly flat from 1 to 4 (a "zone of indifference") and a steep rise from 4 to 5: completely
 * satisfied customers are far more loyal than merely satisfied ones (Jones & Sasser 1995, "Why
 * satisfied customers defect", HBR; the Xerox 5-vs-4 finding).
 */

const logistic = (x: number): number => 1 / (1 + Math.exp(-x));

/**
 * Probability that a customer whose satisfaction is `satisfaction` (1–5) is still a customer one
 * year later, in a reference market (competition 1) on a reference plan (churn multiplier 1).
 * R(1) ≈ 0.55, R(3) ≈ 0.61, R(4) ≈ 0.665, R(5) ≈ 0.975.
 */
export function trueAnnualRetention(satisfaction: number): number {
  if (!(satisfaction >= 1 && satisfaction <= 5))
    throw new Error(`invalid satisfaction: ${satisfaction} (expected 1..5)`);
  return 0.55 + 0.03 * (satisfaction - 1) + 0.33 * logistic(5 * (satisfaction - 4.5));
}

/**
 * Monthly churn probability under a proportional-hazards model: annual hazard −ln R(s) scaled by
 * `multiplier` (region competition × plan), spread evenly over 12 months.
 * With multiplier 1, twelve months of survival give exactly R(s).
 */
export function monthlyChurnProbability(satisfaction: number, multiplier: number): number {
  const hazard = -Math.log(trueAnnualRetention(satisfaction)) * multiplier;
  return 1 - Math.exp(-hazard / 12);
}
