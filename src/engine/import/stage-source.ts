/**
 * Any supported file → a staging table of VARCHAR columns (the single input to mapping and
 * validation). CSV goes through DuckDB's reader; XLSX, Parquet and JSON through JS readers and Arrow.
 */
import type { Database } from '../database.ts';
import type { SourceAnalysis, SourceOverrides } from './analyse-source.ts';
import { importError } from './errors.ts';
import { readJson } from './read-json.ts';
import { readParquet } from './read-parquet.ts';
import { readXlsxSheet } from './read-xlsx.ts';
import { isOutOfMemory, outOfMemoryError } from './run-sql.ts';
import { stageTextColumns } from './stage-arrow.ts';
import { stageCsv } from './stage-csv.ts';
import type { TextColumns } from './text-columns.ts';
import { isJsAllocationFailure, tooBigError } from './whole-file-limits.ts';
import { EngineError } from '../types.ts';
import { sourceSize, type CancelToken, type ImportSource } from './source.ts';

/** What was staged. */
export interface Staged {
  headers: string[];
  rows: number;
  /** XLSX: all sheet names and the one read. */
  sheets?: string[];
  sheet?: string;
  /** Characters that did not decode (text formats). */
  replacements: number;
  /** Header names repeated and renamed (the import and the wizard warn). */
  headerWarning?: string;
}

/** Options for `stageSource`. */
export interface StageOptions extends SourceOverrides {
  token?: CancelToken;
  onProgress?: (fraction: number) => void;
}

/** Stages `source` (already analysed) into table `staging`. Zero data rows is an error. */
export async function stageSource(
  db: Database,
  source: ImportSource,
  analysis: SourceAnalysis,
  staging: string,
  options: StageOptions = {},
): Promise<Staged> {
  let staged: Staged;
  if (analysis.format === 'csv') {
    staged = await stageCsv(db, source, staging, {
      encoding: analysis.encoding!,
      dialect: analysis.dialect!,
      headers: analysis.headers!,
      ...(options.token ? { token: options.token } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    if (analysis.headerWarning) staged.headerWarning = analysis.headerWarning;
  } else {
    const format = analysis.format;
    let read: { data: TextColumns; sheets?: string[]; sheet?: string };
    try {
      read =
        format === 'xlsx'
          ? await readXlsxSheet(source, options.sheet)
          : {
              data:
                format === 'parquet'
                  ? await readParquet(source)
                  : await readJson(source, format === 'ndjson', options.encoding),
            };
    } catch (e) {
      // The JS heap ran out while converting: the same clear message as a file over the limit.
      const cause = e instanceof EngineError && e.cause !== undefined ? e.cause : e;
      if (isJsAllocationFailure(cause)) throw tooBigError(source.name, format, sourceSize(source), { cause });
      throw e;
    }
    try {
      stageTextColumns(db, staging, read.data);
    } catch (e) {
      if (isOutOfMemory(e)) throw outOfMemoryError(db, source.name, sourceSize(source), e);
      throw e;
    }
    staged = { headers: read.data.headers, rows: read.data.columns[0]?.length ?? 0, replacements: 0 };
    if (read.data.headerWarning) staged.headerWarning = read.data.headerWarning;
    if (read.sheets) Object.assign(staged, { sheets: read.sheets, sheet: read.sheet });
  }
  if (staged.rows === 0) {
    throw importError({
      file: source.name,
      reason: 'no_rows',
      message: staged.headers.length
        ? `the file has a header (${staged.headers.slice(0, 5).join(', ')}${staged.headers.length > 5 ? ', …' : ''}) but no data rows.`
        : 'the file has no rows.',
      fix: 'Export the data again, including the rows.',
      line: 2,
    });
  }
  return staged;
}
