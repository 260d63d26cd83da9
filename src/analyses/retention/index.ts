/**
 * Retention economics (docs/analyses/retention.md): cohorts and old-customer value, margin-multiple CLV,
 * customer equity, retention what-if, the leaky bucket, bundling and churn reasons.
 */
import type { AnalysisDefinition } from '../types.ts';
import { bundlingAnalysis } from './bundling-analysis.ts';
import { churnReasonsAnalysis } from './churn-reasons-analysis.ts';
import { cohortsAnalysis } from './cohorts-analysis.ts';
import { customerEquityAnalysis } from './customer-equity-analysis.ts';
import { leakyBucketAnalysis } from './leaky-bucket-analysis.ts';
import { marginMultipleAnalysis } from './margin-multiple-analysis.ts';
import { whatIfAnalysis } from './what-if-analysis.ts';

export { customerLifetimeValue, marginMultiple, type ClvOptions, type ClvTiming } from './margin-multiple.ts';
export {
  retentionWhatIf,
  rankSegments,
  breakEvenUplift,
  upliftCurve,
  type WhatIfOptions,
  type WhatIfResult,
  type SegmentCase,
} from './what-if.ts';
export { leakyBucket, type LeakyBucketOptions, type LeakyBucketResult } from './leaky-bucket.ts';
export { buildCohortRetentionQuery, cohortRetention, periodLabel } from './cohort-retention.ts';
export { buildTenureValueQuery, buildRepeatRevenueQuery, tenureValue, repeatRevenue } from './tenure-value.ts';
export { buildEquityPeriodsQuery, buildSegmentEquityQuery, customerEquity, perPeriodRate } from './customer-equity.ts';
export { buildChurnByProductsQuery, buildChurnByContractQuery, churnRates } from './bundling.ts';
export { buildChurnReasonsQuery, pareto } from './churn-reasons.ts';

/** The retention analyses, registered in `../registry.ts`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const definitions: readonly AnalysisDefinition<any>[] = [
  cohortsAnalysis,
  marginMultipleAnalysis,
  customerEquityAnalysis,
  whatIfAnalysis,
  leakyBucketAnalysis,
  bundlingAnalysis,
  churnReasonsAnalysis,
];
