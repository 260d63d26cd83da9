/**
 * CLV & early warning (docs/analyses/clv.md): BG/NBD and Gamma-Gamma fitted on transactions —
 * P(alive), expected purchases and expected value per customer, with a calibration/holdout check.
 */
import type { AnalysisDefinition } from '../types.ts';
import { clvAnalysis } from './clv-analysis.ts';
import { sbgAnalysis } from './sbg-analysis.ts';
import { bgbbAnalysis } from './bgbb-analysis.ts';

export { lnGamma, lnBeta, digamma, hyp2f1 } from './special-functions.ts';
export {
  bfgs,
  numericHessian,
  invertPositiveDefinite,
  type BfgsOptions,
  type BfgsResult,
  type ValueAndGradient,
} from './quasi-newton.ts';
export { fitPositive, type PositiveFit, type Uncertainty } from './mle.ts';
export { nelderMead, type NelderMeadOptions, type NelderMeadResult } from './nelder-mead.ts';
export {
  bgnbdLogLikelihood,
  bgnbdTotalLogLikelihood,
  groupedLogLikelihood,
  bgnbdLogLikelihoodWithGradient,
  groupHistories,
  fitBgNbd,
  fitBgNbdHistories,
  type Histories,
  pAlive,
  expectedTransactions,
  conditionalExpectedTransactions,
  expectedTransactionsIfAlive,
  nudgedParams,
  checkRfmT,
  type BgNbdParams,
  type BgNbdFit,
  type RfmT,
} from './bgnbd.ts';
export {
  gammaGammaLogLikelihood,
  gammaGammaLogLikelihoodWithGradient,
  fitGammaGamma,
  type SpendColumns,
  conditionalExpectedAverageValue,
  type GammaGammaParams,
  type GammaGammaFit,
  type SpendSummary,
} from './gamma-gamma.ts';
export { discountedValue, type DiscountedValueOptions, type DiscountedValue } from './clv-value.ts';
export {
  createBgNbdScorer,
  memoisedConditionalExpectation,
  type BgNbdScorer,
  type BgNbdScore,
  type ScorerOptions,
} from './clv-scorer.ts';
export { HistoryMap } from './history-map.ts';
export { compareIds, topByValue, valuesDescending } from './ranking.ts';
export { holdoutCheck, holdoutCheckColumns, type HoldoutCheck, type HoldoutRow } from './holdout-check.ts';
export { buildClvSummaryQuery, buildDateRangeQuery, type ClvSummaryQueryOptions } from './summary-query.ts';
export {
  modelCustomers,
  modelColumns,
  columnsOf,
  sortedHistories,
  scoreColumns,
  historyPairs,
  horizonSteps,
  correlation,
  type ClvCustomer,
  type ScoredCustomer,
  type ClvModel,
  type ClvColumns,
  type ClvScores,
  type Estimate,
} from './clv-model.ts';
export { concentrationRows } from './clv-result.ts';
export { timeUnits, unitDays, unitsPerYear, type TimeUnit } from './time-units.ts';
export { clvAnalysis, type ClvAnalysisOptions } from './clv-analysis.ts';
export {
  durationsFromCurve,
  fitSbg,
  groupDurations,
  kaplanMeier,
  sbgDerl,
  sbgLogLikelihood,
  sbgLogLikelihoodWithGradient,
  sbgRetentionRate,
  sbgSurvival,
  sbgUnfittable,
  type Durations,
  type SbgFit,
  type SbgParams,
} from './sbg.ts';
export { sbgAnalysis, type SbgOptions } from './sbg-analysis.ts';
export { bgbbAnalysis, type BgBbOptions } from './bgbb-analysis.ts';
export {
  fitParetoNbd,
  paretoNbdHistoryLogLikelihood,
  paretoNbdLogLikelihood,
  type ParetoNbdFit,
  type ParetoNbdHistories,
  type ParetoNbdParams,
} from './pareto-nbd.ts';
export {
  bgbbExpectedTransactions,
  bgbbLogLikelihood,
  bgbbLogLikelihoodWithGradient,
  bgbbProbabilityAlive,
  bgbbUnfittable,
  checkBgBbHistories,
  fitBgBb,
  type BgBbFit,
  type BgBbHistories,
  type BgBbParams,
} from './bgbb.ts';

/** The CLV analyses, registered in `../registry.ts`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const definitions: readonly AnalysisDefinition<any>[] = [clvAnalysis, sbgAnalysis, bgbbAnalysis];
