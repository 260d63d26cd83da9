import type { OptionSpec } from '../../../analyses/types.ts';

let pending: Promise<(id: string) => readonly OptionSpec[] | undefined> | null = null;

/**
 * Loads the analysis registry once (a separate chunk: the page itself never runs analyses) and
 * returns a lookup of an analysis's declared options; undefined for an unknown id.
 */
export function loadOptionSpecs(): Promise<(id: string) => readonly OptionSpec[] | undefined> {
  pending ??= import('../../../analyses/registry.ts').then(({ listAnalyses }) => {
    const byId = new Map(listAnalyses().map((d) => [d.id, d.options] as const));
    return (id: string) => byId.get(id);
  });
  return pending;
}
