/**
 * Running import SQL: cancellable through the import's token, with DuckDB's out-of-memory error
 * turned into an import error that says how much fits, and partial tables cleaned up after.
 */
import type { Database } from '../database.ts';
import { EngineError } from '../types.ts';
import { formatBytes, importError, parseMemorySetting } from './errors.ts';
import type { CancelToken } from './source.ts';
import { ident } from './sql-expressions.ts';

/** Runs a statement; if `token` is cancelled meanwhile, DuckDB is asked to stop it. */
export async function runCancellable(db: Database, sql: string, token?: CancelToken): Promise<void> {
  if (!token) {
    await db.run(sql);
    return;
  }
  if (token.cancelled) throw new EngineError({ code: 'cancelled', message: 'Import cancelled.' });
  const timer = setInterval(() => {
    if (token.cancelled) db.cancel();
  }, 10);
  try {
    await db.run(sql);
  } finally {
    clearInterval(timer);
  }
}

/** True for DuckDB's out-of-memory errors (memory limit reached or wasm heap exhausted). */
export function isOutOfMemory(e: unknown): boolean {
  return /Out of Memory|could not allocate|failed to allocate|memory_limit/i.test(e instanceof Error ? e.message : String(e));
}

/** DuckDB's current memory limit in bytes. */
export function memoryLimitBytes(db: Database): number | null {
  const v = db.querySync(`SELECT current_setting('memory_limit') AS m`).data[0]![0];
  return typeof v === 'string' ? parseMemorySetting(v) : null;
}

/**
 * Engine memory per byte of CSV during an import: the all-VARCHAR staging table, the typed copy
 * made while mapping and the rejected-rows bookkeeping are alive together. Measured, not guessed:
 * in the browser-worker benchmark (docs/benchmarks.md) a 596 MB transactions file did not fit in
 * the default 3.1 GiB, i.e. more than 5.3 bytes per file byte; 6 keeps "what fits" honest.
 */
export const MEMORY_PER_FILE_BYTE = 6;

/** The import error for a file that did not fit, naming its size and what fits. */
export function outOfMemoryError(db: Database, file: string, fileBytes: number, cause: unknown): EngineError {
  const limit = memoryLimitBytes(db);
  const fits = limit ? Math.floor(limit / MEMORY_PER_FILE_BYTE) : null;
  return importError(
    {
      file,
      reason: 'out_of_memory',
      message: `the file (${formatBytes(fileBytes)}) does not fit in the memory available to the engine${limit ? ` (${formatBytes(limit)})` : ''}.`,
      fix: fits
        ? `Files up to about ${formatBytes(fits)} fit; split the file, drop unneeded columns, or use a machine with more memory.`
        : 'Split the file or drop unneeded columns.',
      extra: fits ? { fileBytes, memoryLimitBytes: limit!, fitsBytes: fits } : { fileBytes },
    },
    cause,
  );
}

/** Drops tables if they exist (cleanup after a failed or finished import; never throws). */
export function dropTables(db: Database, ...names: string[]): void {
  for (const n of names) {
    try {
      db.exec(`DROP TABLE IF EXISTS ${ident(n)}`);
    } catch {
      // best effort: the engine may be mid-recovery
    }
  }
}
