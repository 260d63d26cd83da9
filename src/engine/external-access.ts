import type { DuckDBConnection } from '@duckdb/duckdb-wasm/blocking';
import { INTERNAL_DIR } from './internal-files.ts';
import { quoteLiteral } from '../sql/quote.ts';

/**
 * Shuts DuckDB off from everything outside the engine's own registered files.
 *
 * Notebook and scratch SQL run on the same connection as the import pipeline, so the lock is a
 * database setting rather than a second, restricted connection: there is no SQL path around it.
 * `allowed_directories` keeps `INTERNAL_DIR` readable (imports, saved datasets, exports), then
 * `enable_external_access = false` makes DuckDB refuse every other file, URL, glob, COPY, ATTACH
 * and extension LOAD before the platform's file system (host disk in Node, XHR in the browser)
 * is asked. DuckDB itself refuses to turn either setting back, or to change `allowed_paths` or
 * `temp_directory`, for the life of the database, so it is done once, here, at open.
 *
 * `lock_configuration` is deliberately not set: every setting that widens access is already
 * frozen by the two above, and the lock would also freeze `memory_limit`, which the import
 * limits tests and analysts change at run time.
 */
export function lockExternalAccess(conn: DuckDBConnection): void {
  conn.query(`SET allowed_directories = [${quoteLiteral(INTERNAL_DIR)}]`);
  conn.query('SET enable_external_access = false');
}

/** DuckDB's messages when SQL reaches for a file, URL, extension or the lock itself. */
const ACCESS_DENIED = [
  /Permission Error: Cannot access (file|directory)/i,
  /disabled by configuration/i,
  /Loading external extensions is disabled/i,
  /Cannot change (enable_external_access|allowed_directories|allowed_paths)/i,
];

/** DuckDB's message for a function or type of an extension that is not (and cannot be) loaded. */
const IN_EXTENSION = /exists in the (\w+) extension/i;

/**
 * The user-facing message for an access error, or null when `message` is another error. It says
 * where data comes in instead, and keeps DuckDB's own first line for the curious.
 */
export function explainAccessError(message: string): string | null {
  const duckdb = message.split('\n')[0]!.trim();
  if (ACCESS_DENIED.some((re) => re.test(message))) {
    return `Notebook SQL cannot read files or URLs: data comes in through Import data… (the CLI: --data) and saved datasets only. (DuckDB: ${duckdb})`;
  }
  // read_json / read_parquet live in extensions the app never loads; the importer reads those formats.
  const extension = IN_EXTENSION.exec(message)?.[1];
  if (extension) {
    return `Notebook SQL cannot load DuckDB extensions (${extension}): JSON, Parquet and Excel files come in through Import data…. (DuckDB: ${duckdb})`;
  }
  return null;
}
