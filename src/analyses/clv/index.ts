/**
 * CLV & early warning (design.md §6.5): BG/NBD and Gamma-Gamma fitted on transactions —
 * P(alive), expected purchases and expected value per customer, with a calibration/holdout check.
 */
import type { AnalysisDefinition } from '../types.ts';
import { clvAnalysis } from './clv-analysis.ts';

export { lnGamma, lnBeta, hyp2f1 } from './special-functions.ts';
export { nelderMead, type NelderMeadOptions, type NelderMeadResult } from './nelder-mead.ts';
export { bgnbdLogLikelihood, bgnbdTotalLogLikelihood, groupedLogLikelihood, fitBgNbd, pAlive, expectedTransactions, conditionalExpectedTransactions, expectedTransactionsIfAlive, nudgedParams, checkRfmT, type BgNbdParams, type BgNbdFit, type RfmT } from './bgnbd.ts';
export { gammaGammaLogLikelihood, fitGammaGamma, conditionalExpectedAverageValue, type GammaGammaParams, type GammaGammaFit, type SpendSummary } from './gamma-gamma.ts';
export { discountedValue, type DiscountedValueOptions, type DiscountedValue } from './clv-value.ts';
export { createBgNbdScorer, memoisedConditionalExpectation, type BgNbdScorer, type BgNbdScore, type ScorerOptions } from './clv-scorer.ts';
export { HistoryMap } from './history-map.ts';
export { compareIds, topByValue, valuesDescending } from './ranking.ts';
export { holdoutCheck, type HoldoutCheck, type HoldoutRow } from './holdout-check.ts';
export { buildClvSummaryQuery, buildDateRangeQuery, type ClvSummaryQueryOptions } from './summary-query.ts';
export { modelCustomers, correlation, type ClvCustomer, type ScoredCustomer, type ClvModel } from './clv-model.ts';
export { concentrationRows } from './clv-result.ts';
export { timeUnits, unitDays, unitsPerYear, type TimeUnit } from './time-units.ts';
export { clvAnalysis, type ClvAnalysisOptions } from './clv-analysis.ts';

/** The CLV analyses, registered in `../registry.ts`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const definitions: readonly AnalysisDefinition<any>[] = [clvAnalysis];
