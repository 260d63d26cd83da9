import type { AnalysisDefinition } from '../types.ts';

/** The segmentation analyses, registered in `../registry.ts`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const definitions: readonly AnalysisDefinition<any>[] = [];
