/**
 * Loads a delimited text file into a staging table of VARCHAR columns with DuckDB's own CSV
 * reader. UTF-8 files are handed to DuckDB as they are (a browser `File` is registered as a file
 * handle and read in slices); other encodings and whitespace-aligned columns are first rewritten
 * slice by slice into UTF-8 with a tab delimiter.
 */
import { DuckDBDataProtocol } from '@duckdb/duckdb-wasm/blocking';
import type { Database } from '../database.ts';
import { EngineError } from '../types.ts';
import { transcodeToUtf8, CancelledError, type EncodingGuess, type TranscodeStats } from './encoding.ts';
import { importError } from './errors.ts';
import { dropTables, isOutOfMemory, outOfMemoryError, runCancellable } from './run-sql.ts';
import type { CsvDialect } from './sniff-csv.ts';
import { concatBytes, contentSlices, isGzip, readRange, sourceSize, type CancelToken, type ImportSource } from './source.ts';
import { literal } from './sql-expressions.ts';

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
export function buildReadCsvQuery(path: string, dialect: CsvDialect, gzip: boolean, headers: readonly string[]): string {
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

/** Stages `source` into table `staging`. Errors name the file and line and leave no table behind. */
export async function stageCsv(db: Database, source: ImportSource, staging: string, options: StageCsvOptions): Promise<StageResult> {
  const { encoding, dialect } = options;
  const path = `import-${nextFile++}-${source.name.replace(/[^\w.-]+/g, '_')}`;
  const stats: TranscodeStats = { replacements: 0 };
  const gzip = isGzip(await readRange(source, 0, 2));
  const direct = encoding.encoding === 'utf-8' && dialect.delimiter !== 'whitespace';
  const size = sourceSize(source);
  try {
    if (direct) {
      if (source.data instanceof Uint8Array) db.bindings.registerFileBuffer(path, source.data);
      else db.bindings.registerFileHandle(path, source.data, DuckDBDataProtocol.BROWSER_FILEREADER, true);
    } else {
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
      if (source.data instanceof Uint8Array || typeof Blob === 'undefined') db.bindings.registerFileBuffer(path, concatBytes(chunks));
      else db.bindings.registerFileHandle(path, new Blob(chunks as BlobPart[]), DuckDBDataProtocol.BROWSER_FILEREADER, true);
    }
    await runCancellable(db, `CREATE OR REPLACE TABLE "${staging}" AS SELECT * FROM ${buildReadCsvQuery(path, dialect, direct && gzip, options.headers)}`, options.token);
    const headers = db.querySync(`SELECT * FROM "${staging}" LIMIT 0`).columns.map((c) => c.name);
    const rows = Number(db.querySync(`SELECT count(*) FROM "${staging}"`).data[0]![0]);
    return { headers, rows, replacements: stats.replacements };
  } catch (e) {
    dropTables(db, staging);
    throw csvError(db, source, e);
  } finally {
    try {
      db.bindings.dropFile(path);
    } catch {
      // not registered (failed before registration)
    }
  }
}

/** Turns a DuckDB CSV error into an import error naming the line and what to do. */
export function csvError(db: Database, source: ImportSource, e: unknown): EngineError {
  if (e instanceof CancelledError || (e instanceof EngineError && e.info.code === 'cancelled')) {
    return importError({ file: source.name, reason: 'cancelled', message: 'the import was cancelled.', fix: 'Start it again when ready.' }, e);
  }
  if (isOutOfMemory(e)) return outOfMemoryError(db, source.name, sourceSize(source), e);
  if (e instanceof EngineError && e.info.code === 'input') return e;
  const msg = e instanceof Error ? e.message : String(e);
  const line = /Line:\s*(\d+)/i.exec(msg)?.[1];
  const expected = /Expected Number of Columns:\s*(\d+)\s*Found:\s*(\d+)/i.exec(msg);
  if (expected || /too many columns|Column count mismatch|fewer columns|more columns/i.test(msg)) {
    return importError(
      {
        file: source.name,
        reason: 'ragged_rows',
        message: expected ? `this line has ${expected[2]} fields where the header has ${expected[1]}.` : 'a line has a different number of fields than the header.',
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
