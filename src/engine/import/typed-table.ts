/**
 * Raw rows (a staging table or `read_csv`) → a table with each column typed as its values are (numbers, dates, text),
 * for
 * files loaded as-is (the folder import's per-file tables). Values that do not parse become NULL
 * here; the canonical import is where they are counted and reported.
 */
import { typedExpr } from './build-import-sql.ts';
import type { ExtraColumn } from './mapping.ts';
import { ident } from './sql-expressions.ts';

/** `CREATE OR REPLACE TABLE target AS SELECT <typed columns> FROM <from>` in file order (pure); `from` is a table or table function. */
export function buildTypedTableQuery(from: string, target: string, columns: readonly ExtraColumn[]): string {
  const cols = columns.map((c) => `${typedExpr(c, c.type)} AS ${ident(c.name)}`);
  // No ORDER BY: DuckDB preserves insertion order, so the rows stay in file order.
  return `CREATE OR REPLACE TABLE ${ident(target)} AS SELECT ${cols.join(', ')} FROM ${from}`;
}
