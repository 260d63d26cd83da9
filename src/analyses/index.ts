export type { AnalysisContext, AnalysisDefinition, AnalysisResult, Finding, OptionSpec, OptionType } from './types.ts';
export { parseOptions } from './options.ts';
export { getAnalysis, listAnalyses } from './registry.ts';
