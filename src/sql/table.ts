/**
 * Tables as they cross every boundary (worker ⇄ UI, engine ⇄ analyses, engine ⇄ CLI): column-major,
 * structured-clone safe (plain objects, arrays, numbers, strings, Dates). They sit below the engine
 * so that analyses, the model, charts and the notebook use them without importing the engine.
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

/** Turns a columnar table into row objects (for small results: analyses, tests, charts). */
export function toRows(table: ColumnarTable): Row[] {
  const rows = new Array<Row>(table.rowCount);
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
