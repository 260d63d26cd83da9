/**
 * `importFile`: stage the whole file, map it onto a canonical table in SQL, and report. Every step
 * checks the cancel token; a failure leaves no half-made tables and the engine usable.
 */
import { canonicalTable } from '../../model/schema.ts';
import type { Database } from '../database.ts';
import { toRows } from '../types.ts';
import { analyseSource, type SourceOverrides } from './analyse-source.ts';
import { buildCheckedQuery, buildRejectSummaryQuery, buildRejectsQuery, buildTargetQuery } from './build-import-sql.ts';
import { counted } from './counts.ts';
import { importError } from './errors.ts';
import { defaultRules, validateMapping, type ImportMapping, type ImportRules } from './mapping.ts';
import type { ImportReport, RejectGroup } from './report.ts';
import { resolveAmbiguousDates } from './resolve-dates.ts';
import { dropTables, isOutOfMemory, outOfMemoryError, runCancellable } from './run-sql.ts';
import { stageSource } from './stage-source.ts';
import { sourceSize, type CancelToken, type ImportSource } from './source.ts';
import { ident } from './sql-expressions.ts';
import { buildWarningQueries, collectWarnings, type ImportWarning } from './warnings.ts';
import { EngineError } from '../types.ts';

/** Phases reported to `onProgress`. */
export type ImportPhase = 'reading' | 'mapping' | 'validating' | 'done';

/** Progress of a long import. */
export interface ImportProgress {
  phase: ImportPhase;
  /** 0…1 over the whole import. */
  fraction: number;
}

/** Options for `importFile`. */
export interface ImportOptions extends SourceOverrides {
  mapping: ImportMapping;
  /** Explicit data rules (default `defaultRules`). */
  rules?: Partial<ImportRules>;
  /** Name of the table to create (default: the canonical table's name). */
  target?: string;
  onProgress?: (p: ImportProgress) => void;
  token?: CancelToken;
}

let nextImport = 1;

/** Imports one file onto a canonical table and returns the report. */
export async function importFile(db: Database, source: ImportSource, options: ImportOptions): Promise<ImportReport> {
  const started = Date.now();
  const progress = (phase: ImportPhase, fraction: number) => options.onProgress?.({ phase, fraction });
  const analysis = await analyseSource(source, options);
  const staging = `__import_staging_${nextImport++}`;
  progress('reading', 0);
  try {
    const staged = await stageSource(db, source, analysis, staging, { ...options, onProgress: (f) => progress('reading', f * 0.6) });
    const problems = validateMapping(options.mapping, staged.headers, canonicalTable(options.mapping.table).columns.filter((c) => c.required).map((c) => c.name));
    if (problems.length) {
      throw importError({ file: source.name, reason: 'bad_mapping', message: `the mapping does not fit this file: ${problems.join('; ')}.`, fix: `Map the columns again (the file has: ${staged.headers.join(', ')}).` });
    }
    const extraWarnings: ImportWarning[] = [];
    if (analysis.encoding?.warning) extraWarnings.push({ code: 'encoding', message: analysis.encoding.warning, count: 0 });
    if (staged.replacements > 0) {
      extraWarnings.push({ code: 'encoding', message: `${counted(staged.replacements, 'character')} could not be decoded as ${analysis.encoding?.encoding}; the text may be garbled — choose another encoding.`, count: staged.replacements });
    }
    const report = await mapStaged(db, staging, options.mapping, { ...defaultRules, ...options.rules }, options.target ?? options.mapping.table, options.token, progress);
    report.fileName = source.name;
    report.format = analysis.format;
    report.warnings.unshift(...extraWarnings);
    if (analysis.encoding) report.encoding = analysis.encoding;
    if (analysis.dialect) report.dialect = analysis.dialect;
    if (staged.sheet) report.sheet = staged.sheet;
    report.elapsedMs = Date.now() - started;
    progress('done', 1);
    return report;
  } catch (e) {
    if (isOutOfMemory(e) && !(e instanceof EngineError && e.info.code === 'input')) throw outOfMemoryError(db, source.name, sourceSize(source), e);
    if (e instanceof EngineError && e.info.code === 'cancelled' && !e.info.details) {
      throw importError({ file: source.name, reason: 'cancelled', message: 'the import was cancelled.', fix: 'Start it again when ready.' }, e);
    }
    throw e;
  } finally {
    dropTables(db, staging);
  }
}

/**
 * Maps a staging table onto a canonical table: typed table, rejects table, counts and warnings.
 * The checked table is dropped afterwards; the rejects stay for paging and export.
 */
export async function mapStaged(
  db: Database,
  staging: string,
  mappingIn: ImportMapping,
  rules: ImportRules,
  target: string,
  token?: CancelToken,
  progress: (phase: ImportPhase, fraction: number) => void = () => undefined,
): Promise<ImportReport> {
  const checked = `${staging}_checked`;
  const rejectsTable = `__rejects_${target}`;
  try {
    const { mapping, notes } = resolveAmbiguousDates(db, staging, mappingIn);
    progress('mapping', 0.6);
    await runCancellable(db, buildCheckedQuery(staging, checked, mapping, rules), token);
    progress('validating', 0.8);
    await runCancellable(db, buildTargetQuery(checked, target, mapping), token);
    await runCancellable(db, buildRejectsQuery(checked, rejectsTable), token);
    const read = Number(db.querySync(`SELECT count(*) FROM ${ident(staging)}`).data[0]![0]);
    const imported = Number(db.querySync(`SELECT count(*) FROM ${ident(target)}`).data[0]![0]);
    const rejectGroups: RejectGroup[] = toRows(db.querySync(buildRejectSummaryQuery(rejectsTable))).map((r) => ({
      reason: String(r.reason),
      column: String(r.column),
      kind: r.kind === 'rule' ? 'rule' : 'error',
      count: Number(r.n),
      firstRow: Number(r.first_row),
    }));
    const rejected = rejectGroups.reduce((n, g) => n + g.count, 0);
    const warnings = collectWarnings(db, buildWarningQueries(staging, target, mapping, rules));
    for (const note of notes) warnings.push({ code: 'ambiguous_dates', message: note, count: 0 });
    return { fileName: '', format: 'csv', canonicalTable: mapping.table, table: target, read, imported, rejected, rejectGroups, rejectsTable, warnings, rules, elapsedMs: 0 };
  } catch (e) {
    dropTables(db, target, rejectsTable);
    throw e;
  } finally {
    dropTables(db, checked);
  }
}
