/**
 * Builds the small output tables of the retention analyses from row objects, with explicit
 * column types so an empty result still has the right columns.
 */
import { fromRows, type ColumnarTable, type Row, type ValueKind } from '../../sql/table.ts';

const duckType: Record<ValueKind, string> = {
  number: 'DOUBLE',
  string: 'VARCHAR',
  boolean: 'BOOLEAN',
  date: 'DATE',
  other: 'VARCHAR',
};

/** `columns` maps each column name to its kind, in output order. */
export function table(rows: readonly object[], columns: Record<string, ValueKind>): ColumnarTable {
  return fromRows(
    rows as readonly Row[],
    Object.entries(columns).map(([name, kind]) => ({ name, kind, type: duckType[kind] })),
  );
}

/** A number from a result cell (DuckDB BIGINT/DECIMAL already arrive as numbers); null stays null. */
export function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
