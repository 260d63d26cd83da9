/**
 * Quoting for the SQL we write: the one place that turns a name or a constant into DuckDB SQL
 * text. It sits below the engine, the analyses and the notebook runtime (it imports nothing), so
 * each of them uses it and none carries its own copy.
 *
 * DuckDB follows the SQL standard here: an identifier in double quotes may hold any character,
 * a double quote inside it is written twice; a string literal in single quotes likewise doubles
 * its single quotes (https://duckdb.org/docs/stable/sql/dialect/keywords_and_identifiers,
 * https://duckdb.org/docs/stable/sql/data_types/literal_types#string-literals).
 * User *values* are never spliced: they are bound as parameters (`$1`). The few option values a
 * builder must inline (numbers, dates, category labels) are validated first (`./literals.ts`).
 */

/** A table or column name as a quoted identifier: `my "x"` → `"my ""x"""`. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A string constant as a SQL literal (formats, file paths, settings; never user data values). */
export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
