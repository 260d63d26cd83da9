/** The customer-asset scorecard (docs/analyses/scorecard.md): the board's first page. */
import type { AnalysisDefinition } from '../types.ts';
import { scorecardAnalysis } from './scorecard-analysis.ts';

export { completeQuarters, previousQuarter, type Quarter } from './quarters.ts';
export { scorecardFigures, type QuarterFigures } from './scorecard-numerics.ts';
export { buildScorecardCustomerQuery, buildScorecardSurveyQuery } from './scorecard-sql.ts';
export { criteria as scorecardCriteria } from './scorecard-analysis.ts';

/** The scorecard analysis, registered in `../registry.ts`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const definitions: readonly AnalysisDefinition<any>[] = [scorecardAnalysis];
