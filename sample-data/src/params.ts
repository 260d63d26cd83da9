/**
 * Parameters of the generative model (docs/sample-data.md explains each one and the equations
 * that use it). Changing a number here changes the data; the tests check the phenomena survive.
 */

/** A categorical level with its population share and its effects. */
export interface Level {
  /** Value written to the CSV. */
  name: string;
  /** Share of customers (relative weight). */
  weight: number;
}

/** Regions differ in competition: the churn hazard of a customer is multiplied by `competition`. */
export interface Region extends Level {
  /** Multiplier on the churn hazard −ln R(s) (1 = reference market; weighted mean ≈ 1). */
  competition: number;
}

/** Acquisition channels differ in cost and in the customers they bring. */
export interface Channel extends Level {
  /** Mean acquisition cost per customer (currency units). */
  acquisitionCost: number;
  /** Shift of the satisfaction anchor (referred customers fit better). */
  satisfactionShift: number;
  /** Probability that a customer from this channel is a deal hunter. */
  dealHunter: number;
  /** Probability that a customer from this channel is a bad payer. */
  badPayer: number;
  /** Channel where this customer's orders are placed: weights for online, store, app. */
  orderChannels: readonly [number, number, number];
}

/** Plans (subscription tiers) scale spend and churn. */
export interface Plan extends Level {
  /** Multiplier on expected monthly spend. */
  spend: number;
  /** Multiplier on the churn hazard (contracts and bundles raise the cost of leaving). */
  churn: number;
}

/** Segments scale spend and how demanding customers are. */
export interface Segment extends Level {
  /** Multiplier on expected monthly spend. */
  spend: number;
  /** Probability that a customer of this segment is demanding (high cost to serve). */
  demanding: number;
}

/** A product category with its gross margin. */
export interface Category extends Level {
  /** Gross margin: cost of goods = revenue × (1 − margin). */
  margin: number;
  /** Typical unit price, used to derive quantities. */
  unitPrice: number;
}

/** Every number of the model in one place. */
export const params = {
  regions: [
    { name: 'North', weight: 0.25, competition: 0.7 },
    { name: 'South', weight: 0.2, competition: 1.0 },
    { name: 'East', weight: 0.25, competition: 1.3 },
    { name: 'West', weight: 0.15, competition: 0.9 },
    { name: 'Central', weight: 0.15, competition: 1.1 },
  ] satisfies Region[],
  channels: [
    {
      name: 'online',
      weight: 0.45,
      acquisitionCost: 35,
      satisfactionShift: 0,
      dealHunter: 0.22,
      badPayer: 0.05,
      orderChannels: [0.75, 0.1, 0.15],
    },
    {
      name: 'store',
      weight: 0.3,
      acquisitionCost: 55,
      satisfactionShift: 0.1,
      dealHunter: 0.15,
      badPayer: 0.03,
      orderChannels: [0.15, 0.75, 0.1],
    },
    {
      name: 'partner',
      weight: 0.15,
      acquisitionCost: 90,
      satisfactionShift: -0.25,
      dealHunter: 0.45,
      badPayer: 0.1,
      orderChannels: [0.6, 0.25, 0.15],
    },
    {
      name: 'referral',
      weight: 0.1,
      acquisitionCost: 20,
      satisfactionShift: 0.3,
      dealHunter: 0.1,
      badPayer: 0.03,
      orderChannels: [0.4, 0.4, 0.2],
    },
  ] satisfies Channel[],
  plans: [
    { name: 'basic', weight: 0.5, spend: 0.8, churn: 1.1 },
    { name: 'plus', weight: 0.35, spend: 1.15, churn: 0.95 },
    { name: 'premium', weight: 0.15, spend: 1.8, churn: 0.75 },
  ] satisfies Plan[],
  segments: [
    { name: 'individual', weight: 0.6, spend: 1.0, demanding: 0.16 },
    { name: 'family', weight: 0.3, spend: 1.35, demanding: 0.2 },
    { name: 'professional', weight: 0.1, spend: 2.2, demanding: 0.32 },
  ] satisfies Segment[],
  categories: [
    { name: 'essentials', weight: 0.35, margin: 0.2, unitPrice: 8 },
    { name: 'fresh', weight: 0.2, margin: 0.26, unitPrice: 6 },
    { name: 'home', weight: 0.2, margin: 0.38, unitPrice: 35 },
    { name: 'beauty', weight: 0.15, margin: 0.5, unitPrice: 22 },
    { name: 'electronics', weight: 0.1, margin: 0.15, unitPrice: 120 },
  ] satisfies Category[],
  /** Products per category (codes like `HOM-03`). */
  productsPerCategory: 6,

  /** Signups: share before the window (2021–2022, tenure at window start 0–2 years). */
  preWindowShare: 0.4,
  /** Signups inside the window stop at this month index (so late customers still buy a little). */
  lastSignupMonth: 22,
  /** Linear growth of the signup rate inside the window: weight of month m is 1 + growth · m / 24. */
  signupGrowth: 0.5,

  /** Customer value: median expected monthly spend and lognormal log-sd (heavy tail). */
  spendMedian: 38,
  spendSigma: 1.15,
  /** Tenure effect on spend: g(t) = 1 + tenureLift · (1 − exp(−t / tenureScale)), t in years. */
  tenureLift: 0.6,
  tenureScale: 1.5,
  /** Monthly log-spend random walk step sd (value drift between tiers). */
  driftSd: 0.09,
  /** Monthly multiplicative seasonality, January..December. */
  seasonality: [0.85, 0.85, 0.95, 1.0, 1.0, 0.95, 0.95, 1.0, 1.0, 1.05, 1.15, 1.35],

  /** Orders per month: mean rate for a median customer, elasticity to value, gamma shape of heterogeneity. */
  orderRate: 0.5,
  orderRateElasticity: 0.35,
  orderRateShape: 3,
  orderRateCap: 6,
  /** Gamma shape of order value around its mean. */
  orderValueShape: 2.5,
  /** Probability that an order has a second line. */
  secondLineProb: 0.2,
  /** Probability a line is in the customer's favourite category. */
  favouriteCategoryProb: 0.55,
  /** Log-sd of unit cost noise around revenue × (1 − margin). */
  costNoiseSd: 0.06,

  /** Latent trait probabilities not given per level. */
  disputerProb: 0.03,
  /** Satisfaction anchor ~ Normal(mean, sd) + channel shift − demandingPenalty · demanding. */
  satisfactionMean: 4.0,
  satisfactionSd: 0.7,
  demandingPenalty: 0.45,
  /** Noise when the satisfaction state is (re)drawn around the anchor. */
  satisfactionStateSd: 0.45,
  /** Monthly probability that the satisfaction state is re-drawn (opinions move). */
  satisfactionRedraw: 0.025,

  /** Partial churn: monthly probability (× competition; × lowSatisfactionFactor when s ≤ 3) and spend cut range. */
  partialChurnRate: 0.004,
  partialChurnLowSatisfactionFactor: 3,
  partialChurnKeep: [0.1, 0.4] as const,

  /** Cost-to-serve rates (per active month unless said otherwise) and amounts. */
  service: {
    supportCallRate: 0.07,
    supportCallDemandingRate: 0.6,
    supportCallLowSatisfactionRate: 0.15,
    supportCallCost: 14,
    fieldVisitRate: 0.004,
    fieldVisitDemandingRate: 0.09,
    fieldVisitCost: 140,
    /** Per order line. Amount = returnShare · revenue + returnHandling. */
    returnProb: 0.02,
    returnDemandingProb: 0.12,
    returnShare: 0.35,
    returnHandling: 6,
    /** Per order. Amount = revenue × U(discountMin, discountMax). */
    discountProb: 0.05,
    discountDealHunterProb: 0.7,
    discountMin: 0.1,
    discountMax: 0.35,
    /** Per order. Amount = unpaid revenue + collection fee. */
    badDebtProb: 0.002,
    badDebtBadPayerProb: 0.6,
    badDebtFee: 15,
    /** Per active month. Amount lognormal with this mean and log-sd. */
    disputeRate: 0.0008,
    disputeDisputerRate: 0.06,
    disputeCost: 900,
    disputeSigma: 1.0,
  },

  /** Survey waves (month index from Jan 2023), response probability per wave. */
  surveyWaves: [2, 8, 14, 20],
  surveyResponse: 0.5,
} as const;

/** The model parameters' type. */
export type ModelParams = typeof params;
