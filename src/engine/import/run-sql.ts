/**
 * Running import SQL: cancellable through the import's token, with DuckDB's out-of-memory error
 * turned into an import error that says how much fits, and partial tables cleaned up after.
 */
import type { Database } from '../database.ts';
import { EngineError, type ColumnarTable } from '../types.ts';
import { formatBytes, importError, parseMemorySetting } from './errors.ts';
import type { CancelToken } from './source.ts';
import { ident } from './sql-expressions.ts';

/** Runs a statement; if `token` is cancelled meanwhile, DuckDB is asked to stop it. */
export async function runCancellable(db: Database, sql: string, token?: CancelToken): Promise<ColumnarTable> {
  if (!token) return db.run(sql);
  if (token.cancelled) throw new EngineError({ code: 'cancelled', message: 'Import cancelled.' });
  const timer = setInterval(() => {
    if (token.cancelled) db.cancel();
  }, 10);
  try {
    return await db.run(sql);
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
 * Engine memory per byte of CSV at the peak of an import (the target table with its bookkeeping
 * columns, plus the hash table counting duplicates). Measured, not guessed (docs/import.md,
 * "Large files"): a 322 MB file of 10M short rows needed 1.5 GiB (5.0 bytes per file byte: the
 * canonical table's unmapped columns cost their width on every row), a 625 MB file of 9.3M wider
 * rows 1.5 GiB (2.6). The narrow case is the honest one to quote.
 */
export const MEMORY_PER_FILE_BYTE = 5;

/** DuckDB's memory in use, in bytes. */
export function memoryUsedBytes(db: Database): number {
  return Number(db.querySync('SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory()').data[0]![0] ?? 0);
}

/**
 * Compresses the in-memory tables when they hold more than a quarter of the memory limit.
 * DuckDB stores in-memory tables uncompressed until a checkpoint; checkpointing compresses them
 * (10M imported rows: 835 MB → 85 MB, ~9 s), so the next large file still fits. Small data is
 * left alone: compressed tables are somewhat slower to group by text.
 */
export async function compactWhenLarge(db: Database): Promise<boolean> {
  const limit = memoryLimitBytes(db);
  if (!limit || memoryUsedBytes(db) <= limit / 4) return false;
  await db.run('CHECKPOINT');
  return true;
}

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
