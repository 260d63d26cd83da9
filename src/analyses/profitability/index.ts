/**
 * Profitability & the whale curve (docs/analyses/profitability.md): profit per customer after the cost to serve,
 * the whale curve, and the diagnostics behind it. Formula and options: docs/analyses/profitability.md.
 */
import type { AnalysisDefinition } from '../types.ts';
import { profitDiagnosticsAnalysis } from './diagnostics-analysis.ts';
import { whaleCurveAnalysis } from './whale-curve-analysis.ts';

export {
  buildCostLinesQuery,
  buildCustomerProfitQuery,
  buildMarginCoverageQuery,
  DEFAULT_MARGIN_PCT,
  resolveMarginSource,
  type AllocationRule,
  type CustomerProfitOptions,
} from './customer-profit.ts';
export { buildFixWorstQuery, buildWhaleCurveQuery, buildWhaleStatsQuery } from './whale-curve-query.ts';
export { keepRanks, whaleScalars, whaleSummary, type WhaleSummary } from './whale-summary.ts';
export { runWhaleCurve, whaleCurveAnalysis, type WhaleCurveOptions } from './whale-curve-analysis.ts';
export { profitDiagnosticsAnalysis, type ProfitDiagnosticsOptions } from './diagnostics-analysis.ts';
export {
  profitNotes,
  profitOptionSpecs,
  toCustomerProfitOptions,
  type MarginCoverage,
  type ProfitOptionValues,
} from './profit-options.ts';
export { runProfitNotes, withProfitTables } from './profit-table.ts';

/** The profitability analyses, registered in `../registry.ts`: `whale-curve` and `profit-diagnostics`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const definitions: readonly AnalysisDefinition<any>[] = [whaleCurveAnalysis, profitDiagnosticsAnalysis];
