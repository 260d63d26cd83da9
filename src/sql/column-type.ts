/**
 * The DuckDB type a result column is stored as when a result (an analysis table) is written back
 * into the database: its declared type when it is a plain one, otherwise one chosen from the kind
 * of its JavaScript values. Pure; shared by the engine (which materialises analysis tables in the
 * worker) and the notebook's engine adapter (which inserts them through `query`).
 */

/** `declared` as DuckDB prints it (`DOUBLE`, `DATE`…), `kind` as `ColumnInfo.kind`. */
export function storageType(kind: string, declared: string): string {
  if (/^(DATE|TIMESTAMP|DOUBLE|BIGINT|INTEGER|VARCHAR|BOOLEAN)$/i.test(declared)) return declared.toUpperCase();
  switch (kind) {
    case 'number':
      return 'DOUBLE';
    case 'boolean':
      return 'BOOLEAN';
    case 'date':
      return 'TIMESTAMP';
    default:
      return 'VARCHAR';
  }
}
