/**
 * `EngineApi`: the one typed interface between the UI and the engine worker (via Comlink),
 * also used directly in Node by tests and the CLI. Every argument and result is structured-clone
 * safe; errors cross as `EngineErrorInfo` inside a rejected promise (see `engine-client.ts`).
 */
import type { AnalysisResult } from '../analyses/types.ts';
import type { DatasetProfile } from '../model/profile.ts';
import type { SummaryState } from '../model/summary/index.ts';
import type { ImportMapping } from './import/mapping.ts';
import type { ImportOptions, ImportProgress } from './import/import-file.ts';
import type { InspectOptions, InspectResult } from './import/inspect.ts';
import type { ImportPreview, PreviewOptions } from './import/preview-import.ts';
import type { ImportReport } from './import/report.ts';
import type { ImportSource } from './import/source.ts';
import type { ColumnInfo, ColumnarTable, SqlParam } from './types.ts';
import type { ExportedDatabase } from './database-file.ts';

export type { ExportedDatabase, SavedTable } from './database-file.ts';

/** A table or view in the database, as the data panel shows it. */
export interface TableInfo {
  name: string;
  kind: 'table' | 'view';
  rowCount: number;
  columns: { name: string; type: string }[];
}

/** A large result kept inside the engine; the UI pages through it. */
export interface ResultHandle {
  /** Id for `fetchRows` / `releaseResult`. */
  id: string;
  columns: ColumnInfo[];
  /** Total rows in the result. */
  rowCount: number;
  /** The first rows (up to the `firstRows` asked for). */
  first: ColumnarTable;
  /** Milliseconds the engine spent running the statement. */
  elapsedMs: number;
}

/** A file handed to the engine to load as a table. */
export interface DataFile {
  /** Table to create. */
  table: string;
  /** File name (for messages). */
  fileName: string;
  bytes: Uint8Array;
}

/** Facts about the running engine. */
export interface EngineStatus {
  duckdbVersion: string;
  /** Name of the active dataset (e.g. `sample`). */
  dataset: string | null;
  /** The customer-base summary of the active data (null before a load, or without transactions). */
  summary: SummaryState | null;
}

export interface EngineApi extends ImportApi {
  /** Starts DuckDB (idempotent). */
  init(): Promise<EngineStatus>;
  status(): Promise<EngineStatus>;
  /** Loads the canonical tables from CSV files (the built-in sample, or a prepared dataset). */
  loadCanonicalCsv(dataset: string, files: DataFile[]): Promise<TableInfo[]>;
  /** Tables and views with row counts and columns. */
  listTables(): Promise<TableInfo[]>;
  /** Which canonical tables/columns the active data holds. */
  profile(): Promise<DatasetProfile>;
  /** First rows of a table. */
  preview(table: string, limit: number): Promise<ColumnarTable>;
  /** Runs SQL and returns all rows (for small results: notebook cells, analyses). */
  query(sql: string, params?: SqlParam[]): Promise<ColumnarTable>;
  /**
   * Runs a notebook SQL cell in one call: `CREATE OR REPLACE TEMP TABLE <table> AS <sql>` (the
   * query starts on line 2, so DuckDB's "LINE n" points one line below the user's), then its row
   * count, column types and first `previewRows` rows.
   */
  runSqlCell(
    table: string,
    sql: string,
    params: SqlParam[],
    previewRows: number,
  ): Promise<{ columns: ColumnInfo[]; rowCount: number; preview: ColumnarTable }>;
  /** Runs SQL, keeps the result in the engine, returns a handle with the row count and first rows. */
  openResult(sql: string, params?: SqlParam[], firstRows?: number): Promise<ResultHandle>;
  /** Rows `offset … offset+limit` of a kept result. */
  fetchRows(id: string, offset: number, limit: number): Promise<ColumnarTable>;
  /** Frees a kept result. */
  releaseResult(id: string): Promise<void>;
  /** Cancels the running query, if any. */
  cancel(): Promise<boolean>;
  /**
   * Runs a registered analysis with raw (unvalidated) options. With `keepPrefix` the engine also
   * keeps every result table as temp table `<keepPrefix><table>`, so later notebook SQL queries it
   * without the rows travelling to the UI and back.
   */
  runAnalysis(id: string, options: Record<string, unknown>, keepPrefix?: string): Promise<AnalysisResult>;
}

/** A file the engine loads as one table of a saved dataset (written by `exportTables`). */
export interface StoredTableFile {
  /** Table to create. */
  table: string;
  /** File name (for messages). */
  fileName: string;
  /** CSV with a header line: a disk-backed `File`/`Blob` in the browser (read in slices), bytes in Node. */
  data: Blob | Uint8Array;
  /** Column names and DuckDB types, so the table comes back with the types it was saved with. */
  columns: { name: string; type: string }[];
}

/** One table written out as CSV for saving. */
export interface ExportedTable {
  table: string;
  rowCount: number;
  columns: { name: string; type: string }[];
  /** UTF-8 CSV with a header line. */
  bytes: Uint8Array;
}

/** What `importFile` needs besides the file: the mapping, rules and source overrides. */
export type ImportRequest = Omit<ImportOptions, 'onProgress' | 'token'> & {
  /** Id the caller picks so it can `cancelImport` this import. */
  jobId?: string;
};

/** The import side of the engine (see docs/import.md). Files cross as `File` objects, never copied whole. */
export interface ImportApi {
  /** Format, encoding, dialect, columns, preview and a suggested mapping from the head of a file. */
  inspectImport(source: ImportSource, options?: InspectOptions): Promise<InspectResult>;
  /** The head of the file as it will be imported with this mapping: typed rows and rejects. */
  previewImport(source: ImportSource, mapping: ImportMapping, options?: PreviewOptions): Promise<ImportPreview>;
  /** Imports a file onto its canonical table; `onProgress` is called per slice and SQL step. */
  importFile(
    source: ImportSource,
    request: ImportRequest,
    onProgress?: (p: ImportProgress) => void,
  ): Promise<ImportReport>;
  /** Cancels the import started with this `jobId`; false when none is running. */
  cancelImport(jobId: string): Promise<boolean>;
  /** Every rejected row of an import (row, column, reason, kind, value) as CSV text. */
  rejectsCsv(rejectsTable: string): Promise<string>;
  /**
   * Makes imported tables the active data: every other table and view is dropped and each `from`
   * table (imported under a staging name, so the old data stayed usable meanwhile) is renamed `to`.
   */
  commitImport(tables: { from: string; to: string }[]): Promise<TableInfo[]>;
  /** Drops tables of an import that was cancelled or failed; the active data is untouched. */
  discardImport(tables: string[]): Promise<void>;
  /** Drops every table and view of the active data, summaries included (before loading another dataset). */
  clearData(): Promise<void>;
  /** Writes tables out as CSV with their column types, for saving a dataset. */
  exportTables(tables: string[]): Promise<ExportedTable[]>;
  /** Replaces the active data with a saved dataset's tables (the older CSV form). */
  loadDataset(name: string, files: StoredTableFile[]): Promise<TableInfo[]>;
  /**
   * Writes every table of the active data (schemas `main` and `summary`, except names starting
   * with `__`) as one DuckDB database file, for saving a dataset.
   */
  exportDatabase(): Promise<ExportedDatabase>;
  /**
   * Replaces the active data with the tables of a database file written by `exportDatabase`: a
   * disk-backed `File`/`Blob` in the browser (read in slices), bytes in Node. `fileName` is for messages.
   */
  loadDatabase(name: string, file: Blob | Uint8Array, fileName: string): Promise<TableInfo[]>;
}
