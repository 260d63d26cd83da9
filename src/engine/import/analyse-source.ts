/**
 * First look at a file without DuckDB: format, encoding and CSV dialect from its head. Bad input
 * that can be recognised here (empty, binary, legacy .xls) fails here with a clear error.
 */
import { decodeHead, detectEncoding, type EncodingGuess, type TextEncodingName } from './encoding.ts';
import { detectFormat, type ImportFormat } from './detect-format.ts';
import { counted } from './counts.ts';
import { formatBytes, importError } from './errors.ts';
import { headLines, sniffCsv, splitLine, type CsvDialect } from './sniff-csv.ts';
import { duplicateHeadersWarning, uniqueHeaders } from './text-columns.ts';
import { checkWholeFileSize } from './whole-file-limits.ts';
import { isGzip, readContentHead, readRange, sourceSize, type ImportSource } from './source.ts';

/** How much of a file the detectors look at. */
export const HEAD_BYTES = 1 << 20;

/** Choices the user may force instead of detection. */
export interface SourceOverrides {
  /** Force the text encoding (CSV, JSON). */
  encoding?: TextEncodingName;
  /** Force parts of the CSV dialect. */
  dialect?: Partial<CsvDialect>;
  /** XLSX: the sheet to read (default: the first). */
  sheet?: string;
}

/** What the first look found. */
export interface SourceAnalysis {
  format: ImportFormat;
  gzip: boolean;
  /** Text formats: the detected (or forced) encoding. */
  encoding?: EncodingGuess;
  /** CSV: the detected dialect with overrides applied. */
  dialect?: CsvDialect;
  /** CSV: column names from the header line (or `column0…` when there is none). */
  headers?: string[];
  /** CSV: header names repeated and renamed (`duplicateHeadersWarning`). */
  headerWarning?: string;
  /** The decoded head (CSV), for previews; at most `HEAD_BYTES` of content. */
  headText?: string;
  /** Whether the head is the whole content. */
  complete: boolean;
}

/** Looks at the head of `source`. Throws an import error for empty, binary or unsupported files. */
export async function analyseSource(source: ImportSource, overrides: SourceOverrides = {}): Promise<SourceAnalysis> {
  const size = sourceSize(source);
  if (size === 0)
    throw importError({
      file: source.name,
      reason: 'empty_file',
      message: 'the file is empty (0 bytes).',
      fix: 'Export the data again; the file may have been saved before the export finished.',
    });
  const raw = await readRange(source, 0, 16);
  const gzip = isGzip(raw);
  const content = await readContentHead(source, HEAD_BYTES + 1);
  const complete = content.byteLength <= HEAD_BYTES;
  const head = content.subarray(0, HEAD_BYTES);
  const format = detectFormat(source.name, raw, head);
  if (format === 'binary') {
    throw importError({
      file: source.name,
      reason: 'binary_file',
      message: 'the file is not text, a workbook, Parquet or JSON (it looks like binary data, perhaps renamed).',
      fix: 'Choose the original CSV/XLSX/Parquet/JSON export.',
    });
  }
  if (format === 'xls') {
    throw importError({
      file: source.name,
      reason: 'unreadable_xlsx',
      message: 'this is an old Excel 97–2003 (.xls) workbook, which is not supported.',
      fix: 'Open it in Excel and save it as .xlsx or CSV.',
    });
  }
  checkWholeFileSize(source.name, format, size);
  if (format !== 'csv' && format !== 'json' && format !== 'ndjson') return { format, gzip, complete };
  const encoding = detectEncoding(head, overrides.encoding ? { override: overrides.encoding } : {});
  const headText = decodeHead(head, encoding);
  if (headText.trim() === '')
    throw importError({
      file: source.name,
      reason: 'empty_file',
      message: 'the file holds no data (only blank space).',
      fix: 'Export the data again.',
    });
  if (format !== 'csv') return { format, gzip, encoding, headText, complete };
  const dialect = sniffCsv(headText, complete, overrides.dialect ?? {});
  const first = splitLine(headLines(headText, true, 1)[0] ?? '', dialect.delimiter, dialect.quote);
  const headers = dialect.header ? uniqueHeaders(first) : first.map((_v, i) => `column${i}`);
  const replacements = (headText.match(/\ufffd/g) ?? []).length;
  if (replacements > 0) {
    const warning = `${counted(replacements, 'character')} in the first ${formatBytes(head.byteLength)} could not be decoded as ${encoding.encoding}; the text may be garbled — check the preview and choose another encoding.`;
    encoding.warning = encoding.warning ? `${encoding.warning} ${warning}` : warning;
  }
  const headerWarning = dialect.header ? duplicateHeadersWarning(first, headers) : null;
  return { format, gzip, encoding, dialect, headers, headText, complete, ...(headerWarning ? { headerWarning } : {}) };
}
