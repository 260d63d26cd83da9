/**
 * `importFolder`: the CLI's `--data <dir>`. Every data file becomes a table named after its stem
 * (typed from its values), then files are mapped onto the canonical tables — automatically when
 * the suggestion is complete, or as written in the folder's `mapping.yaml` (see docs/import.md).
 * Files listed in `mapping.yaml` are imported first, so they win their canonical table.
 */
import { parse as parseYaml } from 'yaml';
import { canonicalTables, type CanonicalTableName } from '../../model/schema.ts';
import type { Database } from '../database.ts';
import { EngineError, type EngineErrorInfo } from '../types.ts';
import { analyseSource } from './analyse-source.ts';
import { importError } from './errors.ts';
import { inspectFile, type InspectResult } from './inspect.ts';
import {
  defaultRules,
  validateMapping,
  type ColumnMapping,
  type ImportMapping,
  type ImportRules,
  type SourceColumn,
} from './mapping.ts';
import { mapRows, noRowsError } from './import-file.ts';
import type { ImportReport } from './report.ts';
import { extraOf, suggestMapping } from './roles.ts';
import { buildTypedTableQuery } from './typed-table.ts';
import { compactWhenLarge, dropTables, runCancellable } from './run-sql.ts';
import { csvError, openCsv } from './stage-csv.ts';
import { ident } from './sql-expressions.ts';
import { stageSource } from './stage-source.ts';
import { fileStem, readAll, type CancelToken, type ImportSource } from './source.ts';
import type { CsvDialect } from './sniff-csv.ts';
import type { TextEncodingName } from './encoding.ts';

/** A folder of files (read by the CLI from disk, or by the UI from a directory handle). */
export interface FolderSource {
  /** File names in the folder. */
  list(): Promise<string[]>;
  /** One file as an import source. */
  open(name: string): Promise<ImportSource>;
}

/** Extensions treated as data files. */
export const dataFilePattern = /\.(csv|tsv|txt|dat|xlsx|parquet|json|ndjson|jsonl)(\.gz)?$/i;

/** One file's entry in `mapping.yaml`. */
export interface FolderFileMapping {
  table: CanonicalTableName;
  /** Canonical column → source column name, or `{ source, format }`, or `{ multiply: [a, b] }`. */
  columns: Record<string, string | { source: string; format?: string } | { multiply: [string, string] }>;
  rules?: Partial<ImportRules>;
  encoding?: TextEncodingName;
  delimiter?: CsvDialect['delimiter'];
  header?: boolean;
  sheet?: string;
}

/** The parsed `mapping.yaml`: file name → mapping. Files not listed are mapped automatically. */
export interface FolderMappingFile {
  files: Record<string, FolderFileMapping>;
  /** Set to false to map only the files listed. Default true. */
  auto?: boolean;
}

/** What a folder import did. */
export interface FolderReport {
  /** Raw tables, one per file, named after the stem. */
  tables: { file: string; table: string; rows: number }[];
  /** Canonical imports. */
  imports: ImportReport[];
  /** Files not mapped onto a canonical table, and why. */
  skipped: { file: string; reason: string }[];
  /** Files that could not be read (the other files are still imported). */
  failed: { file: string; error: EngineErrorInfo }[];
}

/** Parses `mapping.yaml` text (pure). Throws an input error naming the problem. */
export function parseFolderMapping(text: string): FolderMappingFile {
  const doc = parseYaml(text) as unknown;
  const fail = (message: string) =>
    importError({ file: 'mapping.yaml', reason: 'bad_mapping', message, fix: 'See docs/import.md for the format.' });
  if (!doc || typeof doc !== 'object' || !('files' in doc) || typeof doc.files !== 'object' || doc.files === null)
    throw fail('expected a top-level `files:` map.');
  const files = doc.files as Record<string, FolderFileMapping>;
  for (const [name, f] of Object.entries(files)) {
    if (!canonicalTables.some((t) => t.name === f?.table))
      throw fail(`${name}: table must be one of ${canonicalTables.map((t) => t.name).join(', ')}.`);
    if (!f.columns || typeof f.columns !== 'object')
      throw fail(`${name}: expected \`columns:\` mapping canonical names to file columns.`);
  }
  return { files, auto: (doc as { auto?: boolean }).auto !== false };
}

/** Applies a `mapping.yaml` entry over what inspection found (formats come from the data unless given). */
export function mappingFromFolderEntry(entry: FolderFileMapping, inspected: InspectResult): ImportMapping {
  const profiled = (name: string): SourceColumn => {
    const col = inspected.columns.find((c) => c.name === name);
    const s: SourceColumn = { source: name };
    if (col?.profile.number) s.number = col.profile.number;
    if (col?.profile.date) s.date = col.profile.date;
    return s;
  };
  const columns: Record<string, ColumnMapping> = {};
  for (const [target, spec] of Object.entries(entry.columns)) {
    if (typeof spec === 'string') columns[target] = profiled(spec);
    else if ('multiply' in spec)
      columns[target] = { multiply: [profiled(spec.multiply[0]), profiled(spec.multiply[1])] };
    else {
      const s = profiled(spec.source);
      if (spec.format) s.date = { patterns: [spec.format], ambiguous: false, hasTime: /%H/.test(spec.format) };
      columns[target] = s;
    }
  }
  const used = new Set(
    Object.values(columns).flatMap((m) => ('multiply' in m ? m.multiply.map((x) => x.source) : [m.source])),
  );
  return { table: entry.table, columns, extras: inspected.columns.filter((c) => !used.has(c.name)).map(extraOf) };
}

/** The canonical table a file is named after (`service_costs.csv`, `Surveys.xlsx`), if any. */
function namedTable(fileName: string): CanonicalTableName | undefined {
  const stem = fileStem(fileName)
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return canonicalTables.find((t) => t.name === stem)?.name;
}

/** ` (columns without any value: a, b)`, or '' — an empty column fills no required role. */
function emptyColumns(inspected: InspectResult): string {
  const empty = inspected.columns.filter((c) => c.profile.type === 'empty').map((c) => c.name);
  return empty.length ? ` (columns without any value: ${empty.join(', ')})` : '';
}

/** Imports every data file of a folder (see the module comment). */
export async function importFolder(
  db: Database,
  folder: FolderSource,
  options: { token?: CancelToken } = {},
): Promise<FolderReport> {
  const names = (await folder.list()).sort();
  const yamlName = names.find((n) => /^mapping\.ya?ml$/i.test(n));
  const config: FolderMappingFile = yamlName
    ? parseFolderMapping(new TextDecoder().decode(await readAll(await folder.open(yamlName))))
    : { files: {}, auto: true };
  const report: FolderReport = { tables: [], imports: [], skipped: [], failed: [] };
  const claimed = new Set<string>();
  // Files listed in mapping.yaml claim their tables before automatically mapped ones.
  const dataFiles = names
    .filter((n) => dataFilePattern.test(n))
    .sort((a, b) => Number(b in config.files) - Number(a in config.files) || a.localeCompare(b));
  for (const name of dataFiles) {
    try {
      await importOne(name);
    } catch (e) {
      // One bad file must not hide the others; cancellation and engine failures still stop the run.
      if (!(e instanceof EngineError) || e.info.code !== 'input') throw e;
      report.failed.push({ file: name, error: e.info });
    }
  }
  return report;

  async function importOne(name: string): Promise<void> {
    const source = await folder.open(name);
    const entry = config.files[name];
    const overrides = {
      ...(entry?.encoding ? { encoding: entry.encoding } : {}),
      ...(entry?.sheet ? { sheet: entry.sheet } : {}),
      ...(entry?.delimiter !== undefined || entry?.header !== undefined
        ? {
            dialect: {
              ...(entry.delimiter ? { delimiter: entry.delimiter } : {}),
              ...(entry.header !== undefined ? { header: entry.header } : {}),
            },
          }
        : {}),
    };
    const inspected = await inspectFile(db, source, { ...overrides, ...(entry ? { table: entry.table } : {}) });
    // Two files with one stem (orders.csv, orders.parquet) must not overwrite each other.
    let stem = fileStem(name);
    if (report.tables.some((t) => t.table === stem)) stem = `${stem}_${name.replace(/\.gz$/i, '').split('.').pop()}`;
    const analysis = await analyseSource(source, overrides);
    // A CSV is read by DuckDB straight from the file, once for the raw table and once for the
    // mapping; other formats go through a staging table filled by their JS reader.
    const staging = `__folder_staging_${stem}`;
    let rows: { from: string; columns: readonly string[]; close(): void };
    if (analysis.format === 'csv') {
      const csv = await openCsv(db, source, {
        encoding: analysis.encoding!,
        dialect: analysis.dialect!,
        headers: analysis.headers!,
        ...(options.token ? { token: options.token } : {}),
      });
      rows = { from: csv.from, columns: analysis.headers!, close: () => csv.close() };
    } else {
      const staged = await stageSource(db, source, analysis, staging, {
        ...overrides,
        ...(options.token ? { token: options.token } : {}),
      });
      rows = { from: ident(staging), columns: staged.headers, close: () => dropTables(db, staging) };
    }
    try {
      try {
        await runCancellable(db, buildTypedTableQuery(rows.from, stem, inspected.columns.map(extraOf)), options.token);
      } catch (e) {
        throw analysis.format === 'csv' ? csvError(db, source, e) : e;
      }
      const count = Number(db.querySync(`SELECT count(*) FROM ${ident(stem)}`).data[0]![0]);
      if (count === 0) {
        dropTables(db, stem);
        throw noRowsError(name, [...rows.columns]);
      }
      report.tables.push({ file: name, table: stem, rows: count });
      let mapping: ImportMapping | null = null;
      if (entry) {
        mapping = mappingFromFolderEntry(entry, inspected);
        // Checked before reading: DuckDB's own message for an unknown column blames the CSV dialect.
        const required = canonicalTables
          .find((t) => t.name === entry.table)!
          .columns.filter((c) => c.required)
          .map((c) => c.name);
        const problems = validateMapping(
          mapping,
          inspected.columns.map((c) => c.name),
          required,
        );
        if (problems.length) {
          throw importError({
            file: name,
            reason: 'bad_mapping',
            message: `mapping.yaml does not fit this file: ${problems.join('; ')}.`,
            fix: `Correct its entry in mapping.yaml (the file has: ${inspected.columns.map((c) => c.name).join(', ')}).`,
          });
        }
      } else if (config.auto !== false && inspected.suggestion.missing.length === 0)
        mapping = inspected.suggestion.mapping;
      const named = namedTable(name);
      if (!mapping && named) {
        // The file is named after the table (surveys.csv) but cannot fill it: that import failed.
        const missing = suggestMapping(inspected.columns, named).missing;
        throw importError({
          file: name,
          reason: 'bad_mapping',
          message: `it is named after ${named} but no column was found for ${missing.join(', ')}${emptyColumns(inspected)}.`,
          fix: `Name the columns as docs/import.md lists them, or list the file in mapping.yaml (the file has: ${inspected.columns.map((c) => c.name).join(', ')}).`,
        });
      }
      if (!mapping) {
        report.skipped.push({
          file: name,
          reason: `not mapped: ${inspected.suggestion.missing.length ? `no column found for ${inspected.suggestion.missing.join(', ')} of ${inspected.suggestion.mapping.table}` : 'not listed in mapping.yaml'}`,
        });
        return;
      }
      if (claimed.has(mapping.table)) {
        report.skipped.push({
          file: name,
          reason: `${mapping.table} was already imported from another file; list this file in mapping.yaml to choose`,
        });
        return;
      }
      claimed.add(mapping.table);
      let r: ImportReport;
      try {
        r = await mapRows(
          db,
          rows,
          mapping,
          { ...defaultRules, ...entry?.rules },
          mapping.table,
          options.token ? { token: options.token } : {},
        );
      } catch (e) {
        throw analysis.format === 'csv' ? csvError(db, source, e) : e;
      }
      r.fileName = name;
      r.format = inspected.format;
      const headerWarning =
        analysis.headerWarning ?? inspected.warnings.find((w) => w.startsWith('The header repeats'));
      if (headerWarning) r.warnings.unshift({ code: 'duplicate_headers', message: headerWarning, count: 0 });
      report.imports.push(r);
      // Every row rejected: the table is there but empty, and a notebook would silently report on nothing.
      if (r.read > 0 && r.imported === 0) {
        const why = r.rejectGroups
          .slice(0, 3)
          .map((g) => `${g.count} ${g.reason}`)
          .join('; ');
        report.failed.push({
          file: name,
          error: importError({
            file: name,
            reason: 'all_rejected',
            message: `none of the ${r.read} rows could be imported onto ${r.table} (${why}).`,
            fix: 'Check the column mapping and formats (list the file in mapping.yaml to choose them), or fix the rows in the source.',
          }).info,
        });
      }
      await compactWhenLarge(db);
    } finally {
      rows.close();
    }
  }
}
