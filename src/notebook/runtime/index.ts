/** The reactive notebook runtime (pure; effects injected) and its engine adapter. */
export { NotebookRuntime, createRuntime } from './runtime.ts';
export type { RuntimeOptions } from './runtime.ts';
export type { NotebookEffects, SqlRunResult } from './effects.ts';
export type { CellState, CellStatus, CellOutput } from './state.ts';
export type { RunLimits } from './run-cell.ts';
export { buildGraph, downstream } from './graph.ts';
export type { DependencyGraph } from './graph.ts';
export { parameterValue, resolveOptions } from './values.ts';
export { engineEffects, quoteIdent } from './engine-effects.ts';
export type { NotebookEngine } from './engine-effects.ts';
