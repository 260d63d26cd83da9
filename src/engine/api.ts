/**
 * `EngineApi`: the one typed interface between the UI and the engine worker (via Comlink),
 * also used directly in Node by tests and the CLI. Every argument and result is structured-clone
 * safe; errors cross as `EngineErrorInfo` inside a rejected promise (see `engine-client.ts`).
 */
import type { AnalysisResult } from '../analyses/types.ts';
import type { DatasetProfile } from '../model/profile.ts';
import type { ColumnInfo, ColumnarTable, SqlParam } from './types.ts';

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
}

export interface EngineApi {
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
  /** Runs SQL, keeps the result in the engine, returns a handle with the row count and first rows. */
  openResult(sql: string, params?: SqlParam[], firstRows?: number): Promise<ResultHandle>;
  /** Rows `offset … offset+limit` of a kept result. */
  fetchRows(id: string, offset: number, limit: number): Promise<ColumnarTable>;
  /** Frees a kept result. */
  releaseResult(id: string): Promise<void>;
  /** Cancels the running query, if any. */
  cancel(): Promise<boolean>;
  /** Runs a registered analysis with raw (unvalidated) options. */
  runAnalysis(id: string, options: Record<string, unknown>): Promise<AnalysisResult>;
}
