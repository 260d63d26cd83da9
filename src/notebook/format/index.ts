/** Notebook file format: parse and write Markdown notebooks (pure; no IO). */
export { parseNotebook, namePattern, fencedKinds } from './parse.ts';
export { serializeNotebook, updateCellSource } from './serialize.ts';
export { scanSql, sqlParameters, sqlIdentifiers, bindSqlParameters, singleQuery } from './sql-scan.ts';
export type { SqlToken, SqlParamRef } from './sql-scan.ts';
export { findInterpolations } from './interpolation.ts';
export type { Interpolation } from './interpolation.ts';
export { inputTypes, acceptsInputValue } from './input-cell.ts';
export { markTypes } from './chart-cell.ts';
export { optionParam } from './analysis-cell.ts';
export { languages } from './front-matter.ts';
export { isRequirement, requirementTable, unmetRequirements } from './requirements.ts';
export { cellId, assertNever } from './types.ts';
export type {
  Notebook,
  Cell,
  CellId,
  CellKind,
  CellLayout,
  FrontMatter,
  NotebookLanguage,
  Reference,
  ProseCell,
  SqlCell,
  InputCell,
  ChartCell,
  AnalysisCell,
  InputSpec,
  InputType,
  InputValue,
  SelectOption,
  OptionsFrom,
} from './types.ts';
