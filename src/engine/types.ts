/**
 * Data types that cross the engine boundary (worker ⇄ UI, engine ⇄ analyses, engine ⇄ CLI).
 * Everything here is structured-clone safe: plain objects, arrays, numbers, strings, Dates.
 * The table types and the SQL connection live below the engine (`src/sql/`) and are re-exported
 * here for the engine's own callers (UI, app, CLI, tests); code below the engine imports them
 * from `src/sql/`.
 */
export {
  fromRows,
  toRows,
  type Cell,
  type ColumnarTable,
  type ColumnInfo,
  type NumericTable,
  type Row,
  type ValueKind,
} from '../sql/table.ts';
export type { SqlConnection, SqlParam } from '../sql/connection.ts';

/** A plain, serialisable error: what crosses the worker boundary instead of an Error instance. */
export interface EngineErrorInfo {
  code: EngineErrorCode;
  message: string;
  /** The SQL that failed, when the error came from a query. */
  sql?: string;
  /** Further details (DuckDB's error type, file name, row, column…). */
  details?: Record<string, string | number>;
}

export type EngineErrorCode =
  | 'query' // DuckDB rejected the SQL (syntax, catalog, binder, conversion…)
  | 'cancelled' // the caller cancelled the query
  | 'fatal' // the DuckDB instance is invalidated (out of memory, internal error); restart needed
  | 'not_ready' // the engine has not finished starting
  | 'input' // bad input data (import problems); details name file/row/column
  | 'internal';

/** An Error that carries an `EngineErrorInfo`; thrown inside the engine, flattened at the boundary. */
export class EngineError extends Error {
  readonly info: EngineErrorInfo;
  constructor(info: EngineErrorInfo, options?: { cause?: unknown }) {
    super(info.message, options);
    this.name = 'EngineError';
    this.info = info;
  }
}
