/**
 * The latent profile of one customer, drawn once at acquisition: observable attributes (region,
 * channel, plan, segment, signup) and hidden traits (value, buying rate, demanding, bad payer,
 * disputer, deal hunter, satisfaction anchor) that drive everything the simulation produces.
 */
import { dayOf, monthLength, monthStart, WINDOW } from './dates.ts';
import { params, type Category, type Channel, type Plan, type Region, type Segment } from './params.ts';
import type { Rng } from './prng.ts';

/** Hidden and visible traits of one customer. */
export interface Traits {
  region: Region;
  channel: Channel;
  plan: Plan;
  segment: Segment;
  /** Signup day number (may precede the window). */
  signupDay: number;
  /** Base expected monthly spend before plan, segment, tenure, drift and season (lognormal). */
  value: number;
  /** Mean orders per month. */
  orderRate: number;
  /** Favourite product category. */
  favourite: Category;
  demanding: boolean;
  badPayer: boolean;
  disputer: boolean;
  dealHunter: boolean;
  /** Centre of the satisfaction state distribution (continuous, ≈ 1–5). */
  satisfactionAnchor: number;
  acquisitionCost: number;
}

const weights = <T extends { weight: number }>(xs: readonly T[]): number[] => xs.map((x) => x.weight);

/** Month index of a signup inside the window, growing linearly with `signupGrowth`. */
function windowSignupMonth(rng: Rng): number {
  const months = Array.from({ length: params.lastSignupMonth + 1 }, (_, m) => m);
  return rng.pick(
    months,
    months.map((m) => 1 + (params.signupGrowth * m) / WINDOW.months),
  );
}

/** Draws the signup day: 2021–2022 for `preWindowShare` of customers, else inside the window. */
export function drawSignupDay(rng: Rng): number {
  if (rng.bernoulli(params.preWindowShare)) {
    return dayOf(2021, 1, 1) + rng.int(0, WINDOW.firstDay - dayOf(2021, 1, 1));
  }
  const m = windowSignupMonth(rng);
  return monthStart(m) + rng.int(0, monthLength(m));
}

/** Draws the full latent profile of one customer. */
export function drawTraits(rng: Rng): Traits {
  const region = rng.pick(params.regions, weights(params.regions));
  const channel = rng.pick(params.channels, weights(params.channels));
  const plan = rng.pick(params.plans, weights(params.plans));
  const segment = rng.pick(params.segments, weights(params.segments));
  const signupDay = drawSignupDay(rng);
  const value = rng.lognormal(Math.log(params.spendMedian), params.spendSigma);
  // Bigger customers also buy more often, but less than proportionally (order values grow too).
  const rate =
    params.orderRate *
    Math.pow(value / params.spendMedian, params.orderRateElasticity) *
    rng.gamma(params.orderRateShape, 1 / params.orderRateShape);
  const demanding = rng.bernoulli(segment.demanding);
  const disputer = rng.bernoulli(params.disputerProb * (demanding ? 2 : 1));
  return {
    region,
    channel,
    plan,
    segment,
    signupDay,
    value,
    orderRate: Math.min(params.orderRateCap, rate),
    favourite: rng.pick(params.categories, weights(params.categories)),
    demanding,
    badPayer: rng.bernoulli(channel.badPayer),
    disputer,
    dealHunter: rng.bernoulli(channel.dealHunter),
    satisfactionAnchor:
      rng.normal(params.satisfactionMean, params.satisfactionSd) +
      channel.satisfactionShift -
      (demanding ? params.demandingPenalty : 0),
    acquisitionCost: channel.acquisitionCost * rng.lognormal(-0.045, 0.3),
  };
}

/** Draws a satisfaction state (1–5) around the customer's anchor. */
export function drawSatisfaction(rng: Rng, anchor: number): number {
  return Math.min(5, Math.max(1, Math.round(rng.normal(anchor, params.satisfactionStateSd))));
}
