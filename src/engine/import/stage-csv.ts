/**
 * Delimited text through DuckDB's own CSV reader: `openCsv` registers the file and gives the
 * `read_csv` call the mapping reads from directly (no staging copy of a large file); `stageCsv`
 * loads it into a VARCHAR table where one is wanted (previews, the folder import's raw tables).
 * UTF-8 files are handed to DuckDB as they are (a browser `File` is registered as a file handle
 * and read in slices); other encodings and whitespace-aligned columns are first rewritten slice by
 * slice into UTF-8 with a tab delimiter.
 */
import { DuckDBDataProtocol } from '@duckdb/duckdb-wasm/blocking';
import { toEngineError, type Database } from '../database.ts';
import { isEngineTrap } from '../traps.ts';
import { internalPath } from '../internal-files.ts';
import { EngineError } from '../types.ts';
import { transcodeToUtf8, CancelledError, type EncodingGuess, type TranscodeStats } from './encoding.ts';
import { importError } from './errors.ts';
import { dropTables, isOutOfMemory, runCancellable } from './run-sql.ts';
import type { CsvDialect } from './sniff-csv.ts';
import {
  concatBytes,
  contentSlices,
  isGzip,
  readRange,
  sourceSize,
  type CancelToken,
  type ImportSource,
} from './source.ts';
import { ident, literal } from './sql-expressions.ts';

/** Options for staging a CSV. */
export interface StageCsvOptions {
  encoding: EncodingGuess;
  dialect: CsvDialect;
  /** Column names (from the header line, or `column0…` without one). */
  headers: readonly string[];
  token?: CancelToken;
  /** Progress of the reading pass, 0…1 (only when the file is transcoded in JS). */
  onProgress?: (fraction: number) => void;
}

/** What staging found. */
export interface StageResult {
  headers: string[];
  rows: number;
  /** Characters that did not decode in the chosen encoding (0 for a clean file). */
  replacements: number;
}

let nextFile = 1;

/** Builds the `read_csv` call for a registered UTF-8 file (pure). */
export function buildReadCsvQuery(
  path: string,
  dialect: CsvDialect,
  gzip: boolean,
  headers: readonly string[],
): string {
  const delim = dialect.delimiter === 'whitespace' ? '\t' : dialect.delimiter;
  // The columns are given (from our own sniffing), so DuckDB's sniffer does not run: it would
  // reject a ragged file with a generic "could not sniff" instead of naming the line.
  const columns = headers.map((h) => `${literal(h)}: 'VARCHAR'`).join(', ');
  const opts = [
    'auto_detect = false',
    `columns = {${columns}}`,
    `delim = ${literal(delim)}`,
    `quote = ${literal(dialect.quote)}`,
    `escape = ${literal(dialect.quote)}`,
    `header = ${dialect.header}`,
    'strict_mode = true',
    'null_padding = false',
  ];
  if (gzip) opts.push("compression = 'gzip'");
  return `read_csv(${literal(path)}, ${opts.join(', ')})`;
}

/** A CSV file registered with DuckDB and ready to be read with `from`. */
export interface OpenedCsv {
  /** The `read_csv(…)` table function: raw VARCHAR columns in file order. */
  from: string;
  /** Characters that did not decode in the chosen encoding (0 for a clean file). */
  replacements: number;
  /**
   * Called with the fraction (0…1) of the registered file DuckDB has read so far, while a query
   * reads it (browser only: there the file is a handle read in slices). Set by the caller.
   */
  onRead: ((fraction: number) => void) | null;
  /** Unregisters the file. */
  close(): void;
}

/**
 * A browser `Blob` as DuckDB's file-reader protocol sees it (`size` and `slice`), telling `onRead`
 * how far DuckDB has read. The runtime reads registered handles only through these two members;
 * slicing the underlying `File` reads from disk, so nothing is copied into memory ahead of time.
 */
function trackedHandle(blob: Blob, onRead: (fraction: number) => void): Pick<Blob, 'size' | 'slice'> {
  let furthest = 0;
  return {
    size: blob.size,
    slice(start?: number, end?: number, type?: string) {
      const to = Math.min(end ?? blob.size, blob.size);
      if (to > furthest) {
        furthest = to;
        onRead(blob.size ? furthest / blob.size : 1);
      }
      return blob.slice(start, end, type);
    },
  };
}

/**
 * Registers `source` with DuckDB for reading with `read_csv`. UTF-8 files are registered as they
 * are (a browser `File` as a handle read in slices); other encodings and whitespace-aligned columns
 * are first rewritten slice by slice into UTF-8 (progress 0…1 through `options.onProgress`).
 */
export async function openCsv(db: Database, source: ImportSource, options: StageCsvOptions): Promise<OpenedCsv> {
  const { encoding, dialect } = options;
  const path = internalPath(`import-${nextFile++}-${source.name}`);
  const stats: TranscodeStats = { replacements: 0 };
  const gzip = isGzip(await readRange(source, 0, 2));
  const direct = encoding.encoding === 'utf-8' && dialect.delimiter !== 'whitespace';
  const size = sourceSize(source);
  const opened: OpenedCsv = {
    from: buildReadCsvQuery(path, dialect, direct && gzip, options.headers),
    replacements: 0,
    onRead: null,
    close() {
      try {
        db.bindings.dropFile(path);
      } catch {
        // not registered (failed before registration)
      }
    },
  };
  const register = (data: Blob | Uint8Array) => {
    if (data instanceof Uint8Array) db.bindings.registerFileBuffer(path, data);
    else
      db.bindings.registerFileHandle(
        path,
        trackedHandle(data, (f) => opened.onRead?.(f)),
        DuckDBDataProtocol.BROWSER_FILEREADER,
        true,
      );
  };
  try {
    if (direct) register(source.data);
    else {
      const chunks: Uint8Array[] = [];
      const slices = transcodeToUtf8(
        contentSlices(source),
        encoding.encoding,
        {
          bomBytes: encoding.bomBytes,
          whitespaceColumns: dialect.delimiter === 'whitespace',
          onSlice: (n) => options.onProgress?.(gzip ? 0.5 : Math.min(1, n / Math.max(1, size))),
          isCancelled: () => options.token?.cancelled ?? false,
        },
        stats,
      );
      for await (const c of slices) chunks.push(c);
      // In the browser the UTF-8 copy stays a Blob (outside the wasm heap) read in slices.
      register(
        source.data instanceof Uint8Array || typeof Blob === 'undefined'
          ? concatBytes(chunks)
          : new Blob(chunks as BlobPart[]),
      );
    }
  } catch (e) {
    opened.close();
    throw csvError(db, source, e);
  }
  opened.replacements = stats.replacements;
  return opened;
}

/**
 * Stages `source` into table `staging` (all VARCHAR; the folder import keeps it as the file's raw
 * table). Errors name the file and line and leave no table behind.
 */
export async function stageCsv(
  db: Database,
  source: ImportSource,
  staging: string,
  options: StageCsvOptions,
): Promise<StageResult> {
  const csv = await openCsv(db, source, options);
  try {
    await runCancellable(db, `CREATE OR REPLACE TABLE ${ident(staging)} AS SELECT * FROM ${csv.from}`, options.token);
    const headers = db.querySync(`SELECT * FROM ${ident(staging)} LIMIT 0`).columns.map((c) => c.name);
    const rows = Number(db.querySync(`SELECT count(*) FROM ${ident(staging)}`).data[0]![0]);
    return { headers, rows, replacements: csv.replacements };
  } catch (e) {
    dropTables(db, staging);
    throw csvError(db, source, e);
  } finally {
    csv.close();
  }
}

/** Turns a DuckDB CSV error into an import error naming the line and what to do. */
export function csvError(db: Database, source: ImportSource, e: unknown): EngineError {
  // A crash is not a problem of the file: it must reach the UI as one (banner, restart).
  if (e instanceof EngineError && e.info.code === 'fatal') return e;
  if (isEngineTrap(e)) return toEngineError(e);
  if (e instanceof CancelledError || (e instanceof EngineError && e.info.code === 'cancelled')) {
    return importError(
      {
        file: source.name,
        reason: 'cancelled',
        message: 'the import was cancelled.',
        fix: 'Start it again when ready.',
      },
      e,
    );
  }
  // Left to importFile, which words it with this file's row width (run-sql.ts, `fitsBytes`).
  if (isOutOfMemory(e)) return toEngineError(e);
  if (e instanceof EngineError && e.info.code === 'input') return e;
  const msg = e instanceof Error ? e.message : String(e);
  const line = /Line:\s*(\d+)/i.exec(msg)?.[1];
  const expected = /Expected Number of Columns:\s*(\d+)\s*Found:\s*(\d+)/i.exec(msg);
  if (expected || /too many columns|Column count mismatch|fewer columns|more columns/i.test(msg)) {
    return importError(
      {
        file: source.name,
        reason: 'ragged_rows',
        message: expected
          ? `this line has ${expected[2]} fields where the header has ${expected[1]}.`
          : 'a line has a different number of fields than the header.',
        fix: 'Check that line for a stray delimiter or an unclosed quote, or choose another delimiter.',
        ...(line ? { line: Number(line) } : {}),
      },
      e,
    );
  }
  return importError(
    {
      file: source.name,
      reason: 'csv_error',
      message: `the file could not be read as delimited text (${msg.split('\n')[0]}).`,
      fix: 'Check the delimiter, quote and encoding settings, or export the file again.',
      ...(line ? { line: Number(line) } : {}),
    },
    e,
  );
}
