/**
 * How a customer answers a survey, given their current satisfaction state s (1–5).
 * Recommendation reacts mostly at the extremes (word of mouth is an asymmetric U: Anderson 1998,
 * "Customer satisfaction and word of mouth", J. Service Research), stated repurchase intent
 * rises with s but overstates loyalty for the merely satisfied (that is what churn shows).
 */
import type { Rng } from './prng.ts';

/** Mean likelihood to recommend (0–10) at satisfaction 1..5. */
export const recommendMean = [1.5, 3.5, 6.0, 7.6, 9.3] as const;
/** Mean stated repurchase intent (1–5) at satisfaction 1..5. */
export const repurchaseMean = [1.6, 2.3, 3.1, 3.9, 4.7] as const;

const clampRound = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, Math.round(x)));

/** Answers of one survey response. */
export function drawSurveyAnswer(rng: Rng, satisfaction: number): { recommend: number; repurchaseIntent: number } {
  const i = satisfaction - 1;
  return {
    recommend: clampRound(rng.normal(recommendMean[i], 1.1), 0, 10),
    repurchaseIntent: clampRound(rng.normal(repurchaseMean[i], 0.6), 1, 5),
  };
}
