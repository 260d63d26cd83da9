/**
 * Stages only the head of a file (for inspection and previews): for CSV, the decoded first
 * megabyte cut at its last complete line and re-encoded as UTF-8; other formats are read whole.
 */
import type { Database } from '../database.ts';
import type { SourceAnalysis } from './analyse-source.ts';
import { stageSource, type StageOptions, type Staged } from './stage-source.ts';
import type { ImportSource } from './source.ts';

/** Stages the head of `source` into `staging`. */
export async function stageHead(
  db: Database,
  source: ImportSource,
  analysis: SourceAnalysis,
  staging: string,
  options: StageOptions = {},
): Promise<Staged> {
  if (analysis.format !== 'csv' || analysis.complete) return stageSource(db, source, analysis, staging, options);
  const text = analysis.headText!.slice(0, analysis.headText!.lastIndexOf('\n') + 1);
  const head: ImportSource = { name: source.name.replace(/\.gz$/i, ''), data: new TextEncoder().encode(text) };
  const utf8: SourceAnalysis = {
    ...analysis,
    gzip: false,
    encoding: { encoding: 'utf-8', bomBytes: 0, confidence: 1, method: 'override' },
  };
  return stageSource(db, head, utf8, staging, options);
}
