export type {
  AnalysisContext,
  AnalysisDefinition,
  AnalysisResult,
  Finding,
  OptionSpec,
  OptionType,
  OptionValue,
  OptionValues,
} from './types.ts';
export { defineOptions, parseOptions, type OptionDecl } from './options.ts';
export { getAnalysis, listAnalyses } from './registry.ts';
