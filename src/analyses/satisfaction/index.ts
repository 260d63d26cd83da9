/**
 * Satisfaction and loyalty (docs/analyses/satisfaction.md): the non-linear satisfaction–loyalty curve, its
 * zones, the loyalty quadrant, word of mouth, value at stake and the what-if.
 * See docs/analyses/satisfaction.md.
 */
import type { AnalysisDefinition } from '../types.ts';
import { loyaltyQuadrantAnalysis } from './loyalty-quadrant.ts';
import { satisfactionLoyalty } from './satisfaction-loyalty.ts';
import { satisfactionWhatIf } from './what-if-analysis.ts';
import { wordOfMouthAnalysis } from './word-of-mouth-analysis.ts';

/** The satisfaction analyses, registered in `../registry.ts`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const definitions: readonly AnalysisDefinition<any>[] = [
  satisfactionLoyalty,
  loyaltyQuadrantAnalysis,
  wordOfMouthAnalysis,
  satisfactionWhatIf,
];

export {
  satisfactionLoyalty,
  runSatisfactionLoyalty,
  type SatisfactionLoyaltyOptions,
} from './satisfaction-loyalty.ts';
export { loyaltyQuadrantAnalysis, runLoyaltyQuadrant, type LoyaltyQuadrantOptions } from './loyalty-quadrant.ts';
export { wordOfMouthAnalysis, runWordOfMouth } from './word-of-mouth-analysis.ts';
export { satisfactionWhatIf, runSatisfactionWhatIf, type SatisfactionWhatIfOptions } from './what-if-analysis.ts';
export { wilsonInterval, Z95, type ProportionInterval } from './wilson.ts';
export { rateRatio, type RateRatio } from './rate-ratio.ts';
export { scaleOf, detectScale, defaultSatisfiedFrom, scaleIds, type ScaleId, type SatisfactionScale } from './scale.ts';
export {
  loyaltyCurve,
  topBoxRatio,
  drawnCurve,
  leaveRatio,
  type CurvePoint,
  type TopBoxRatio,
  type DrawnCurvePoint,
  type LeaveRatio,
} from './curve.ts';
export { curveChart, segmentChart, steepnessChart, quadrantChart, wordOfMouthChart, whatIfChart } from './charts.ts';
export { locateZones, zoneOf, zoneBands, type Zones, type ZoneName, type ZoneStep } from './zones.ts';
export { loyaltyQuadrant, quadrantInfo, type QuadrantRow, type QuadrantId } from './quadrant.ts';
export { wordOfMouth, type WordOfMouthRow } from './word-of-mouth.ts';
export { whatIfMove, whatIfTable, type WhatIfRow } from './what-if.ts';
export { logisticFit, type LogisticFit, type BinomialGroup } from './logistic.ts';
export { curveSteepness, type SegmentSteepness } from './steepness.ts';
export { valueAtStake, type ValueAtStake } from './value-at-stake.ts';
export { buildLevelQuery, buildAccountingQuery, buildHostagesQuery, buildScaleQuery } from './level-query.ts';
export { respondentsCtes, respondentsParams, type RespondentsParams, type BoundQuery } from './respondents-query.ts';
export { loadSatisfaction, MISSING_SURVEYS_NOTE, type SatisfactionData } from './load.ts';
export {
  outcomeIds,
  outcomeLabels,
  commonOptionSpecs,
  resolveOptions,
  type OutcomeId,
  type SatisfactionOptions,
} from './options.ts';
export { poolSegments, toLevelRows, type LevelRow } from './level-rows.ts';
