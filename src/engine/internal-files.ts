/**
 * Where the engine's own files live inside DuckDB's file system.
 *
 * Every file the engine registers with DuckDB (imported sources, saved datasets, exports,
 * database files) is named under `INTERNAL_DIR`. That one prefix is what the external-access
 * lock allows (`allowed_directories`), so notebook and scratch SQL can read nothing else: no
 * URL, no host file (in Node the blocking bindings would otherwise fall through to the host
 * disk). The directory does not exist on any host, so an unregistered name under it fails
 * with "no such file" instead of reaching the disk.
 */
export const INTERNAL_DIR = '/customer-asset-workbench-engine/';

/** A path under `INTERNAL_DIR` for `name` (any characters other than `[\w.-]` become `_`). */
export function internalPath(name: string): string {
  return `${INTERNAL_DIR}${name.replace(/[^\w.-]+/g, '_')}`;
}
