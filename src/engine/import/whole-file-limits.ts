/**
 * XLSX, Parquet and JSON are converted whole in memory by JS readers (only CSV is streamed into
 * DuckDB in slices). Past a few hundred MB that would exhaust the worker's JS heap and kill the
 * engine, so larger files are refused up front with a clear message, and an allocation failure
 * during conversion becomes the same message instead of a crash.
 */
import type { EngineError } from '../types.ts';
import type { ImportFormat } from './detect-format.ts';
import { formatBytes, importError } from './errors.ts';

/**
 * Largest file each in-memory format accepts, in bytes. JSON is decoded into one JS string, and
 * V8 caps strings at about 512 M characters; XLSX is zip-compressed (the XML it holds is typically
 * 5–10× larger) and Parquet is compressed and columnar, and both become one JS object per row.
 */
export const wholeFileLimits: Record<Exclude<ImportFormat, 'csv'>, number> = {
  json: 400 * 1024 ** 2,
  ndjson: 400 * 1024 ** 2,
  xlsx: 100 * 1024 ** 2,
  parquet: 250 * 1024 ** 2,
};

const label: Record<Exclude<ImportFormat, 'csv'>, string> = {
  json: 'JSON',
  ndjson: 'NDJSON',
  xlsx: 'XLSX',
  parquet: 'Parquet',
};

/**
 * The error for a file too large to convert in memory. `bytes` is its size; with `decompressed`,
 * the gzip content was found to exceed the limit while reading.
 */
export function tooBigError(
  file: string,
  format: Exclude<ImportFormat, 'csv'>,
  bytes: number,
  options: { decompressed?: boolean; cause?: unknown } = {},
): EngineError {
  const limit = wholeFileLimits[format];
  const size = options.decompressed ? `more than ${formatBytes(limit)} once decompressed` : formatBytes(bytes);
  return importError(
    {
      file,
      reason: 'too_big',
      message: `the file (${size}) is too large to convert: ${label[format]} files are read whole into memory, up to about ${formatBytes(limit)}.`,
      fix: 'Save or export it as CSV, which is read in slices, or split it into smaller files.',
      extra: { fileBytes: bytes, limitBytes: limit },
    },
    options.cause,
  );
}

/** Throws `tooBigError` when a non-CSV file is over its format's limit. */
export function checkWholeFileSize(file: string, format: ImportFormat, bytes: number): void {
  if (format !== 'csv' && bytes > wholeFileLimits[format]) throw tooBigError(file, format, bytes);
}

/** True for the JS engine's own allocation failures (array buffers, strings, arrays, heap). */
export function isJsAllocationFailure(e: unknown): boolean {
  return (
    e instanceof RangeError ||
    /allocation failed|Invalid string length|Invalid array length|out of memory/i.test(
      e instanceof Error ? e.message : String(e),
    )
  );
}
