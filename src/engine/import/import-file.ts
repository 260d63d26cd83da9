/**
 * `importFile`: map the whole file onto a canonical table in SQL, and report. A CSV is read by
 * DuckDB straight into the target table; other formats go through a staging table. Every step
 * checks the cancel token; a failure leaves no half-made tables and the engine usable.
 */
import { canonicalTable } from '../../model/schema.ts';
import { toEngineError, type Database } from '../database.ts';
import { isEngineTrap } from '../traps.ts';
import { EngineError, toRows } from '../types.ts';
import { analyseSource, type SourceAnalysis, type SourceOverrides } from './analyse-source.ts';
import {
  buildChecks,
  buildDuplicatesQuery,
  buildFinishQueries,
  buildMappedQuery,
  buildNormalisedIdsQuery,
  buildRejectSummaryQuery,
  buildRejectsQuery,
} from './build-import-sql.ts';
import { counted } from './counts.ts';
import { importError } from './errors.ts';
import { defaultRules, isProduct, validateMapping, type ImportMapping, type ImportRules } from './mapping.ts';
import type { ImportReport, RejectGroup } from './report.ts';
import { resolveAmbiguousDates } from './resolve-dates.ts';
import {
  compactWhenLarge,
  dropTables,
  isOutOfMemory,
  measuredRowBytes,
  outOfMemoryError,
  runCancellable,
} from './run-sql.ts';
import { csvError, openCsv } from './stage-csv.ts';
import { stageSource } from './stage-source.ts';
import { sourceSize, type CancelToken, type ImportSource } from './source.ts';
import { ident } from './sql-expressions.ts';
import {
  buildWarningQueries,
  collectWarnings,
  duplicatesWarning,
  normalisedIdsWarning,
  type ImportWarning,
} from './warnings.ts';

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

/** Progress of the mapping step: where it is and how far (0…1 over the whole import). */
type Progress = (phase: ImportPhase, fraction: number) => void;

/** Imports one file onto a canonical table and returns the report. */
export async function importFile(db: Database, source: ImportSource, options: ImportOptions): Promise<ImportReport> {
  const started = Date.now();
  const progress: Progress = (phase, fraction) => options.onProgress?.({ phase, fraction });
  const analysis = await analyseSource(source, options);
  const rules = { ...defaultRules, ...options.rules };
  const target = options.target ?? options.mapping.table;
  progress('reading', 0);
  try {
    const { report, replacements, sheet, headerWarning } =
      analysis.format === 'csv'
        ? await importCsv(db, source, analysis, options, rules, target, progress)
        : await importStaged(db, source, analysis, options, rules, target, progress);
    const extraWarnings: ImportWarning[] = [];
    if (headerWarning) extraWarnings.push({ code: 'duplicate_headers', message: headerWarning, count: 0 });
    if (analysis.encoding?.warning)
      extraWarnings.push({ code: 'encoding', message: analysis.encoding.warning, count: 0 });
    if (replacements > 0) {
      extraWarnings.push({
        code: 'encoding',
        message: `${counted(replacements, 'character')} could not be decoded as ${analysis.encoding?.encoding}; the text may be garbled — choose another encoding.`,
        count: replacements,
      });
    }
    report.fileName = source.name;
    report.format = analysis.format;
    report.warnings.unshift(...extraWarnings);
    if (analysis.encoding) report.encoding = analysis.encoding;
    if (analysis.dialect) report.dialect = analysis.dialect;
    if (sheet) report.sheet = sheet;
    progress('validating', 0.95);
    await compactWhenLarge(db);
    report.elapsedMs = Date.now() - started;
    progress('done', 1);
    return report;
  } catch (e) {
    // A crash is not a problem of the file: it reaches the UI as one (banner, restart).
    if ((e instanceof EngineError && e.info.code === 'fatal') || isEngineTrap(e)) throw toEngineError(e);
    if (isOutOfMemory(e) && !(e instanceof EngineError && e.info.code === 'input'))
      throw outOfMemoryError(
        db,
        source.name,
        sourceSize(source),
        e,
        await measuredRowBytes(source).catch(() => undefined),
      );
    if (e instanceof EngineError && e.info.code === 'cancelled' && !e.info.details) {
      throw importError(
        {
          file: source.name,
          reason: 'cancelled',
          message: 'the import was cancelled.',
          fix: 'Start it again when ready.',
        },
        e,
      );
    }
    throw e;
  }
}

interface Imported {
  report: ImportReport;
  replacements: number;
  sheet?: string;
  headerWarning?: string;
}

/** The mapping must name columns the file has (checked before any data is read). */
function checkMappingFits(source: ImportSource, mapping: ImportMapping, headers: readonly string[]): void {
  const problems = validateMapping(
    mapping,
    headers,
    canonicalTable(mapping.table)
      .columns.filter((c) => c.required)
      .map((c) => c.name),
  );
  if (problems.length) {
    throw importError({
      file: source.name,
      reason: 'bad_mapping',
      message: `the mapping does not fit this file: ${problems.join('; ')}.`,
      fix: `Map the columns again (the file has: ${headers.join(', ')}).`,
    });
  }
}

/**
 * CSV: DuckDB reads the registered file straight into the target table (no staging copy), so a
 * file needs about its own size in engine memory, not several times it. Progress follows the
 * bytes DuckDB has read (browser) or the transcoding pass.
 */
async function importCsv(
  db: Database,
  source: ImportSource,
  analysis: SourceAnalysis,
  options: ImportOptions,
  rules: ImportRules,
  target: string,
  progress: Progress,
): Promise<Imported> {
  const headers = analysis.headers!;
  checkMappingFits(source, options.mapping, headers);
  const transcoded = analysis.encoding!.encoding !== 'utf-8' || analysis.dialect!.delimiter === 'whitespace';
  // Share of the bar: transcoding in JS (when needed), then DuckDB's pass(es) over the file.
  const readFrom = transcoded ? 0.3 : 0;
  const csv = await openCsv(db, source, {
    encoding: analysis.encoding!,
    dialect: analysis.dialect!,
    headers,
    ...(options.token ? { token: options.token } : {}),
    onProgress: (f) => progress('reading', f * readFrom),
  });
  try {
    const report = await mapRows(db, { from: csv.from, columns: headers }, options.mapping, rules, target, {
      ...(options.token ? { token: options.token } : {}),
      progress,
      onPass: (span) => {
        csv.onRead = (f) => progress(span.phase, span.from + (span.to - span.from) * f);
      },
      start: readFrom,
    });
    if (report.read === 0) {
      dropTables(db, report.table, report.rejectsTable);
      throw noRowsError(source.name, headers);
    }
    return {
      report,
      replacements: csv.replacements,
      ...(analysis.headerWarning ? { headerWarning: analysis.headerWarning } : {}),
    };
  } catch (e) {
    throw csvError(db, source, e);
  } finally {
    csv.close();
  }
}

/** XLSX, Parquet, JSON: read by JS readers into a staging table (bounded by the JS heap anyway), then mapped. */
async function importStaged(
  db: Database,
  source: ImportSource,
  analysis: SourceAnalysis,
  options: ImportOptions,
  rules: ImportRules,
  target: string,
  progress: Progress,
): Promise<Imported> {
  const staging = `__import_staging_${nextImport++}`;
  try {
    const staged = await stageSource(db, source, analysis, staging, {
      ...options,
      onProgress: (f) => progress('reading', f * 0.5),
    });
    checkMappingFits(source, options.mapping, staged.headers);
    const report = await mapRows(
      db,
      { from: ident(staging), columns: staged.headers },
      options.mapping,
      rules,
      target,
      { ...(options.token ? { token: options.token } : {}), progress, start: 0.5 },
    );
    return {
      report,
      replacements: staged.replacements,
      ...(staged.sheet ? { sheet: staged.sheet } : {}),
      ...(staged.headerWarning ? { headerWarning: staged.headerWarning } : {}),
    };
  } finally {
    dropTables(db, staging);
  }
}

/** The "header but no data rows" error. */
export function noRowsError(file: string, headers: readonly string[]): EngineError {
  return importError({
    file,
    reason: 'no_rows',
    message: headers.length
      ? `the file has a header (${headers.slice(0, 5).join(', ')}${headers.length > 5 ? ', …' : ''}) but no data rows.`
      : 'the file has no rows.',
    fix: 'Export the data again, including the rows.',
    line: 2,
  });
}

/**
 * Maps a staging table onto a canonical table (the folder import and tests; see `mapRows`).
 */
export async function mapStaged(
  db: Database,
  staging: string,
  mapping: ImportMapping,
  rules: ImportRules,
  target: string,
  token?: CancelToken,
  progress: Progress = () => undefined,
): Promise<ImportReport> {
  const columns = db.querySync(`SELECT * FROM ${ident(staging)} LIMIT 0`).columns.map((c) => c.name);
  return mapRows(db, { from: ident(staging), columns }, mapping, rules, target, {
    ...(token ? { token } : {}),
    progress,
    start: 0.6,
  });
}

/** Which part of the bar a pass over the rows fills. */
export interface Span {
  phase: ImportPhase;
  from: number;
  to: number;
}

/** Options of `mapRows`. */
export interface MapOptions {
  token?: CancelToken;
  progress?: Progress;
  /** Told which part of the bar each pass over the rows fills (a CSV reports its read position). */
  onPass?: (span: Span) => void;
  /** Where on the bar (0…1) mapping starts. */
  start?: number;
}

/**
 * Maps raw rows onto a canonical table `target`: one pass builds it with its bookkeeping columns
 * (see build-import-sql.ts), then the rejects are copied out, the duplicates counted, the rejected
 * rows deleted and the warnings counted. `onPass` is told which part of the bar each pass over
 * `input.from` fills (a CSV reports its read position). On failure no table is left behind.
 */
export async function mapRows(
  db: Database,
  input: { from: string; columns: readonly string[] },
  mappingIn: ImportMapping,
  rules: ImportRules,
  target: string,
  options: MapOptions = {},
): Promise<ImportReport> {
  const { token, progress = () => undefined, onPass = () => undefined, start = 0 } = options;
  const rejectsTable = `__rejects_${target}`;
  const run = (sql: string) => runCancellable(db, sql, token);
  try {
    const ambiguous = Object.values(mappingIn.columns).some((m) => !isProduct(m) && m.date?.ambiguous);
    const mapTo = 0.85;
    const mapFrom = ambiguous ? start + (mapTo - start) / 3 : start;
    if (ambiguous) onPass({ phase: 'reading', from: start, to: mapFrom });
    const { mapping, notes } = await resolveAmbiguousDates(db, input.from, mappingIn, run);
    progress('mapping', mapFrom);
    onPass({ phase: 'mapping', from: mapFrom, to: mapTo });
    const checks = buildChecks(mapping, rules);
    await run(buildMappedQuery(input.from, input.columns, target, mapping, checks));
    progress('validating', mapTo);
    const read = Number(db.querySync(`SELECT count(*) FROM ${ident(target)}`).data[0]![0]);
    await run(buildRejectsQuery(target, rejectsTable, checks));
    const duplicates = Number((await run(buildDuplicatesQuery(target))).data[0]![0] ?? 0);
    const normalisedIds = Number((await run(buildNormalisedIdsQuery(target))).data[0]![0] ?? 0);
    progress('validating', 0.9);
    for (const sql of buildFinishQueries(target)) await run(sql);
    const imported = Number(db.querySync(`SELECT count(*) FROM ${ident(target)}`).data[0]![0]);
    const rejectGroups: RejectGroup[] = toRows(db.querySync(buildRejectSummaryQuery(rejectsTable))).map((r) => ({
      reason: String(r.reason),
      column: String(r.column),
      kind: r.kind === 'rule' ? 'rule' : 'error',
      count: Number(r.n),
      firstRow: Number(r.first_row),
    }));
    const rejected = rejectGroups.reduce((n, g) => n + g.count, 0);
    const warnings = [
      ...(duplicates > 0 ? [duplicatesWarning(duplicates)] : []),
      ...(normalisedIds > 0 ? [normalisedIdsWarning(normalisedIds)] : []),
      ...collectWarnings(db, buildWarningQueries(target, mapping, rules)),
    ];
    for (const note of notes) warnings.push({ code: 'ambiguous_dates', message: note, count: 0 });
    return {
      fileName: '',
      format: 'csv',
      canonicalTable: mapping.table,
      table: target,
      read,
      imported,
      rejected,
      rejectGroups,
      rejectsTable,
      warnings,
      rules,
      elapsedMs: 0,
    };
  } catch (e) {
    dropTables(db, target, rejectsTable);
    throw e;
  }
}
