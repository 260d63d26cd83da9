/**
 * Segmentation: tier ladder, RFM, value × loyalty matrix, MVC/MGC/BZ, tier migration with
 * early warning (docs/analyses/segmentation.md). Each analysis = pure SQL builders + pure numerics + a thin run.
 */
import type { AnalysisDefinition } from '../types.ts';
import { migrationDefinition } from './migration.ts';
import { mvcDefinition } from './mvc-mgc-bz.ts';
import { rfmDefinition } from './rfm.ts';
import { tiersDefinition } from './tiers.ts';
import { valueLoyaltyDefinition } from './value-loyalty.ts';

/** The segmentation analyses, registered in `../registry.ts`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const definitions: readonly AnalysisDefinition<any>[] = [
  tiersDefinition,
  rfmDefinition,
  valueLoyaltyDefinition,
  mvcDefinition,
  migrationDefinition,
];

export {
  tiersDefinition,
  runTiers,
  buildTierSummaryQuery,
  tierTable,
  tierFindings,
  tierChart,
  tierShareBars,
  type TiersOptions,
  type TierRow,
} from './tiers.ts';
export { buildTierThresholdQuery, tierCaseExpr, resolveThresholds, type TierMethod } from './tier-assign.ts';
export {
  defaultTierNames,
  defaultTierQuantiles,
  tierNames,
  tierQuantiles,
  checkThresholds,
  type TierLanguage,
} from './tier-names.ts';
export {
  rfmDefinition,
  runRfm,
  buildRfmQuery,
  rfmTables,
  rfmScoreTable,
  rfmFindings,
  type RfmOptions,
  type TimeUnit,
} from './rfm.ts';
export { defaultSegmentMap, parseSegmentMap, segmentOf, toFivePoint, type SegmentRule } from './segment-map.ts';
export {
  valueLoyaltyDefinition,
  runValueLoyalty,
  buildValueLoyaltyQuery,
  buildValueLoyaltyStatsQuery,
  valueLoyaltyCells,
  valueLoyaltyBins,
  cellShareBars,
  quadrants,
  type ValueLoyaltyOptions,
  type LoyaltyMeasure,
} from './value-loyalty.ts';
export {
  mvcDefinition,
  runMvc,
  buildMvcQuery,
  mvcSummary,
  mvcFindings,
  mvcGroups,
  peerColumn,
  type MvcOptions,
} from './mvc-mgc-bz.ts';
export {
  migrationDefinition,
  runMigration,
  migrationPeriods,
  migrationMatrix,
  migrationTierSummary,
  migrationFindings,
  NEW,
  GONE,
  type MigrationOptions,
  type MigrationCell,
} from './migration.ts';
export { buildMigrationMatrixQuery, buildEarlyWarningQuery } from './migration-sql.ts';
export { buildCustomerPeriodCte } from './customer-period.ts';
export { valueSource, valueNotes, type ValueSource, type Measure } from './value-source.ts';
export { addMonths, addDays, windowEndingOn, periodMonths, resolvePeriod, type Period } from './periods.ts';
export { shareBar, shareBarsChart, shareBarColumns, type ShareBar, type ShareBarsSpec } from './share-bars.ts';
