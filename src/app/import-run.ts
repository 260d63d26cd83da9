/**
 * One import of several files, all or nothing (issue 13): each file goes to a staging table while
 * the active data stays untouched; only when every file imported are the staged tables swapped in
 * (`commitImport`). The first file that fails (out of memory, a bad file, a crash) or a cancel
 * stops the run: the files after it are not attempted (never imported into an engine that just
 * ran out of memory, never reported with someone else's error), every staged table is dropped, and
 * the engine holds exactly what it held before. So a dataset is never committed without a table
 * the user asked for (e.g. transactions that ran out of memory beside customers that imported).
 *
 * Pure orchestration over the engine's import calls, so the wizard and the tests (real engine in
 * Node, with failures injected) run the same code.
 */
import type { ImportApi, ImportRequest, TableInfo } from '../engine/api.ts';
import type { ImportProgress } from '../engine/import/import-file.ts';
import type { ImportReport } from '../engine/import/report.ts';
import type { ImportSource } from '../engine/import/source.ts';
import { EngineError } from '../engine/types.ts';

/** One file of the run. */
export interface ImportJob {
  source: ImportSource;
  /** Mapping, rules, overrides; `target` is the staging table. */
  request: ImportRequest;
}

/** Where one file ended. */
export type JobOutcome =
  | { status: 'imported'; report: ImportReport }
  | { status: 'failed'; error: unknown }
  | { status: 'cancelled' }
  /** Not attempted: an earlier file failed or the run was cancelled. */
  | { status: 'skipped' };

/** What the run did. */
export interface ImportRunResult {
  outcomes: JobOutcome[];
  /** True when every file imported and the staged tables replaced the active data. */
  committed: boolean;
  /** The engine's tables after the commit (when committed). */
  tables?: TableInfo[];
}

/** What the run reports while it goes (the wizard shows it per file). */
export interface ImportRunHooks {
  /** A file starts; returns the progress callback for it (it may cross the worker boundary). */
  starting?: (index: number) => ((p: ImportProgress) => void) | undefined;
  /** A file ended. */
  ended?: (index: number, outcome: JobOutcome) => void;
  /** Checked before each file: true once the user cancelled. */
  cancelled?: () => boolean;
}

type Api = Pick<ImportApi, 'importFile' | 'commitImport' | 'discardImport'>;

/** True for an error that says the import was cancelled. */
export function isCancelled(e: unknown): boolean {
  const info = e instanceof EngineError ? e.info : (e as { code?: string; details?: { reason?: string } } | null);
  return info?.code === 'cancelled' || (info?.details as { reason?: string } | undefined)?.reason === 'cancelled';
}

/** Imports `jobs` in order, all or nothing (see the module comment). */
export async function runImport(
  api: Api,
  jobs: readonly ImportJob[],
  hooks: ImportRunHooks = {},
): Promise<ImportRunResult> {
  const outcomes: JobOutcome[] = jobs.map(() => ({ status: 'skipped' }));
  const staged: string[] = [];
  let stopped = false;
  for (const [i, job] of jobs.entries()) {
    if (stopped || hooks.cancelled?.()) {
      stopped = true;
      continue;
    }
    let outcome: JobOutcome;
    try {
      const report = await api.importFile(job.source, job.request, hooks.starting?.(i));
      staged.push(report.table);
      outcome = { status: 'imported', report };
    } catch (e) {
      outcome = isCancelled(e) || hooks.cancelled?.() ? { status: 'cancelled' } : { status: 'failed', error: e };
      stopped = true;
    }
    outcomes[i] = outcome;
    hooks.ended?.(i, outcome);
  }
  if (stopped || staged.length === 0) {
    // A crashed engine has nothing to clean up; any other failure must leave no staged table.
    await api.discardImport(staged).catch(() => undefined);
    return { outcomes, committed: false };
  }
  const reports = outcomes.map((o) => (o as { report: ImportReport }).report);
  const tables = await api.commitImport(reports.map((r) => ({ from: r.table, to: r.canonicalTable })));
  return { outcomes, committed: true, tables };
}
