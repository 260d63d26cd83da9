/**
 * Data types that cross the engine boundary (worker ⇄ UI, engine ⇄ analyses, engine ⇄ CLI).
 * Everything here is structured-clone safe: plain objects, arrays, numbers, strings, Dates.
 */

/** How a column's values are represented in JavaScript after conversion from Arrow. */
export type ValueKind = 'number' | 'string' | 'boolean' | 'date' | 'other';

/** One result column: its name, DuckDB's type name, and the JS representation of its values. */
export interface ColumnInfo {
  name: string;
  /** DuckDB logical type as DuckDB prints it, e.g. `DOUBLE`, `VARCHAR`, `DATE`. */
  type: string;
  kind: ValueKind;
}

/** A JS value that came out of DuckDB: BIGINT/DECIMAL/HUGEINT as number, DATE/TIMESTAMP as Date. */
export type Cell = number | string | boolean | Date | null;

/** A row as an object keyed by column name. */
export type Row = Record<string, Cell>;

/**
 * A small, fully materialised result in columnar form: `data[i]` holds the values of `columns[i]`.
 * Used for analysis outputs and result pages; large results stay in the engine (see `ResultHandle`).
 */
export interface ColumnarTable {
  columns: ColumnInfo[];
  rowCount: number;
  data: Cell[][];
}

/** Numeric columns as typed arrays (NULL → NaN), for per-customer numerics at scale. */
export interface NumericTable {
  rowCount: number;
  columns: Record<string, Float64Array>;
}

/** A value that may be bound to a `$n` / `?` parameter. Never spliced into SQL text. */
export type SqlParam = number | string | boolean | null | Date;

/**
 * The narrow IO interface everything above the engine uses to run SQL.
 * Implemented by the engine in the worker, by the Node engine in tests and the CLI,
 * and by the UI's Comlink proxy. Parameters are bound, never spliced.
 */
export interface SqlConnection {
  /** Runs one statement (or a script whose last statement returns rows) and returns all rows. */
  query(sql: string, params?: readonly SqlParam[]): Promise<ColumnarTable>;
}

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

/** Turns a columnar table into row objects (for small results: analyses, tests, charts). */
export function toRows(table: ColumnarTable): Row[] {
  const rows: Row[] = new Array(table.rowCount);
  for (let r = 0; r < table.rowCount; r++) {
    const row: Row = {};
    for (let c = 0; c < table.columns.length; c++) {
      row[table.columns[c]!.name] = table.data[c]![r] ?? null;
    }
    rows[r] = row;
  }
  return rows;
}

/** Builds a columnar table from row objects (tests and pure numerics that produce tables). */
export function fromRows(rows: readonly Row[], columns: readonly ColumnInfo[]): ColumnarTable {
  return {
    columns: [...columns],
    rowCount: rows.length,
    data: columns.map((col) => rows.map((row) => row[col.name] ?? null)),
  };
}
