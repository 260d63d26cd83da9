/**
 * Public API of the sample-data generator. Pure parts (model, PRNG, CSV) run anywhere; `write.ts`
 * (Node file streams) is exported separately from `sample-data/src/write.ts` so browser code never pulls in Node IO.
 */
export {
  generateSampleData,
  renderSampleCsv,
  customerCsv,
  defaultSampleOptions,
  type SampleDataOptions,
} from './generate.ts';
export { trueAnnualRetention, monthlyChurnProbability } from './retention.ts';
export { Rng, mix32, streamSeed } from './prng.ts';
export { params, type ModelParams } from './params.ts';
export {
  columns,
  sampleFiles,
  type CustomerRecord,
  type CustomerRow,
  type TransactionRow,
  type ServiceCostRow,
  type SurveyRow,
  type ServiceCategory,
  type SampleFile,
} from './rows.ts';
export { csvField, csvHeader, csvLine } from './csv.ts';
export { churnReasons } from './churn-reason.ts';
export { customerId, simulateCustomer } from './simulate.ts';
export { WINDOW } from './dates.ts';
