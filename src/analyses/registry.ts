import { definitions as clv } from './clv/index.ts';
import { definitions as profitability } from './profitability/index.ts';
import { definitions as retention } from './retention/index.ts';
import { definitions as scorecard } from './scorecard/index.ts';
import { definitions as satisfaction } from './satisfaction/index.ts';
import { definitions as segmentation } from './segmentation/index.ts';
import type { AnalysisDefinition } from './types.ts';

/** Every built-in analysis, by id. The `analysis` notebook cell kind looks analyses up here. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const all: readonly AnalysisDefinition<any>[] = [
  ...segmentation,
  ...profitability,
  ...satisfaction,
  ...retention,
  ...clv,
  ...scorecard,
];

const byId = new Map(all.map((d) => [d.id, d]));
if (byId.size !== all.length) throw new Error('duplicate analysis id in the registry');

/**
 * Looks up an analysis; throws a message listing the known ids when there is none. Its options
 * are typed as a plain record: callers pass what `parseOptions(def.options, …)` returns.
 */
export function getAnalysis(id: string): AnalysisDefinition {
  const def = byId.get(id);
  if (!def) throw new Error(`unknown analysis "${id}" (known: ${[...byId.keys()].sort().join(', ') || 'none'})`);
  // Option types are erased here: each definition checks its own options when it runs.
  return def as AnalysisDefinition;
}

/** All registered analyses, for the UI's "add analysis" menu and the docs. */
export function listAnalyses(): readonly AnalysisDefinition[] {
  return all as readonly AnalysisDefinition[];
}
