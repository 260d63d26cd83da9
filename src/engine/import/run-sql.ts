/**
 * Running import SQL: cancellable through the import's token, with DuckDB's out-of-memory error
 * turned into an import error that says how much fits, and partial tables cleaned up after.
 */
import type { Database } from '../database.ts';
import { EngineError, type ColumnarTable } from '../types.ts';
import { formatBytes, importError, parseMemorySetting } from './errors.ts';
import { isGzip, readRange, type CancelToken, type ImportSource } from './source.ts';
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
  return /Out of Memory|could not allocate|failed to allocate|memory_limit/i.test(
    e instanceof Error ? e.message : String(e),
  );
}

/** DuckDB's current memory limit in bytes. */
export function memoryLimitBytes(db: Database): number | null {
  const v = db.querySync(`SELECT current_setting('memory_limit') AS m`).data[0]![0];
  return typeof v === 'string' ? parseMemorySetting(v) : null;
}

/**
 * Engine memory at the peak of an import, calibrated against measured imports (docs/import.md,
 * "How much fits"): `MEMORY_BASE + rows × MEMORY_PER_ROW + bytes × MEMORY_PER_FILE_BYTE`. Rows cost
 * most (the canonical table's fixed-width columns, mapped or not, plus the duplicate-counting hash
 * table), so a file of short rows needs more memory per byte than one of long rows. These figures
 * agree with all four boundary measurements in Chromium (3.1 GiB limit: 18.6M generated rows /
 * 1.27 GB imported, 20.9M / 1.42 GB did not; 1.5 GiB limit: 10M short rows / 322 MB imported,
 * 1.25 GiB did not) and are above every bisected minimum in Node (`calibrate-import-memory.ts`).
 */
export const MEMORY_PER_ROW = 145;
/** Engine memory per byte of file, on top of `MEMORY_PER_ROW` (see there). */
export const MEMORY_PER_FILE_BYTE = 0.2;
/** Engine memory an import needs whatever its size (see `MEMORY_PER_ROW`). */
export const MEMORY_BASE = 48 * 2 ** 20;
/** Bytes per row assumed when a file's own cannot be measured (compressed or not text): the generated sample's. */
export const TYPICAL_ROW_BYTES = 68;

/** Engine memory the import of a file of `fileBytes` with rows of `rowBytes` needs at its peak. */
export function importMemoryBytes(fileBytes: number, rowBytes = TYPICAL_ROW_BYTES): number {
  return MEMORY_BASE + (fileBytes / rowBytes) * MEMORY_PER_ROW + fileBytes * MEMORY_PER_FILE_BYTE;
}

/** The largest file with rows of `rowBytes` that fits in `limit` bytes of engine memory (null when none does). */
export function fitsBytes(limit: number, rowBytes = TYPICAL_ROW_BYTES): number | null {
  if (limit <= MEMORY_BASE) return null;
  return Math.floor((limit - MEMORY_BASE) / (MEMORY_PER_ROW / rowBytes + MEMORY_PER_FILE_BYTE));
}

/** Average bytes per line in the first 256 KB of an uncompressed text file (undefined when it cannot tell). */
export async function measuredRowBytes(source: ImportSource): Promise<number | undefined> {
  const head = await readRange(source, 0, 256 * 1024);
  if (isGzip(head)) return undefined;
  let lines = 0;
  for (const b of head) if (b === 10) lines++;
  return lines >= 10 ? head.byteLength / lines : undefined;
}

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

/** The import error for a file that did not fit, naming its size and what fits (for rows as wide as this file's, when known). */
export function outOfMemoryError(
  db: Database,
  file: string,
  fileBytes: number,
  cause: unknown,
  rowBytes?: number,
): EngineError {
  const limit = memoryLimitBytes(db);
  const fits = limit ? fitsBytes(limit, rowBytes) : null;
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
