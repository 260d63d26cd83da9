/** The customer-base summary (docs/summary.md): pure SQL builders for the tables analyses read. */
export {
  SUMMARY_SCHEMA,
  SUMMARY_VERSION,
  buildSummaryCustomersSql,
  buildSummaryInfoSql,
  buildSummaryServiceCostsSql,
  buildSummaryStatements,
  sourceFingerprintSql,
  summaryTables,
} from './summary-sql.ts';
export {
  buildCustomerMonthsSql,
  buildOrdersWithinMonthsSql,
  buildServiceCostMonthsSql,
  monthTables,
} from './customer-months-sql.ts';
export {
  buildSurveyInfoSql,
  buildSurveyRespondentsSql,
  LATEST_ANSWER_ORDER,
  SURVEY_SUMMARY_WINDOW,
  surveyTables,
} from './survey-sql.ts';
export { buildCustomerRanksSql, buildServiceCostOwnersSql, diagnosticsTables } from './diagnostics-sql.ts';
export { buildLostCustomersSql, lostCustomersTable } from './lost-customers-sql.ts';
export { buildCustomerHistorySql, customerHistoryTable, purchaseMoney } from './customer-history-sql.ts';
export type { SummaryState } from './types.ts';
