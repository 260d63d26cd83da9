/**
 * The reason a churned customer gives. Drawn from weights that depend on what actually drove the
 * customer: low satisfaction and service trouble → "service"; deal hunters → "price"; fierce
 * regional competition → "competitor offer"; a satisfaction-independent share moves away.
 */
import type { Rng } from './prng.ts';
import type { Traits } from './traits.ts';

/** The reasons written to `churn_reason`. */
export const churnReasons = ['price', 'service', 'competitor offer', 'moved', 'product fit'] as const;

/** A churn reason given the customer's traits, satisfaction at churn and service history. */
export function drawChurnReason(rng: Rng, traits: Traits, satisfaction: number, hadDispute: boolean): string {
  const weights = [
    1 + 2 * Number(traits.dealHunter) + Number(traits.plan.name === 'premium'),
    0.4 + 3 * Number(satisfaction <= 2) + 1.5 * Number(traits.demanding) + 2 * Number(hadDispute),
    1.5 * traits.region.competition * traits.region.competition,
    0.7,
    0.6 + Number(satisfaction === 3),
  ];
  return rng.pick(churnReasons, weights);
}
