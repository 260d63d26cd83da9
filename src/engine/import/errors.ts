/**
 * Import errors: one `EngineError` with code `input` whose details name the file, the row or line
 * and the column when known, a machine-readable `reason`, and `fix`: what the user can do.
 */
import { EngineError } from '../types.ts';

/** Why an import failed, for the UI to pick its own wording or help link. */
export type ImportErrorReason =
  | 'empty_file'
  | 'no_rows'
  | 'binary_file'
  | 'unreadable_xlsx'
  | 'unreadable_parquet'
  | 'unreadable_json'
  | 'sheet_not_found'
  | 'ragged_rows'
  | 'csv_error'
  | 'out_of_memory'
  | 'too_big'
  | 'bad_mapping'
  | 'all_rejected'
  | 'cancelled';

/** What an import error says. */
export interface ImportErrorSpec {
  file: string;
  reason: ImportErrorReason;
  /** What went wrong, in plain words (the file name is prefixed automatically). */
  message: string;
  /** What the user can do about it. */
  fix: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** 1-based data row, when known. */
  row?: number;
  column?: string;
  /** Extra numbers (sizes, limits). */
  extra?: Record<string, string | number>;
}

/** Builds the `EngineError` for a failed import. */
export function importError(spec: ImportErrorSpec, cause?: unknown): EngineError {
  const where = [
    spec.line !== undefined ? `line ${spec.line}` : '',
    spec.row !== undefined ? `row ${spec.row}` : '',
    spec.column ? `column "${spec.column}"` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const details: Record<string, string | number> = {
    file: spec.file,
    reason: spec.reason,
    fix: spec.fix,
    ...spec.extra,
  };
  if (spec.line !== undefined) details.line = spec.line;
  if (spec.row !== undefined) details.row = spec.row;
  if (spec.column) details.column = spec.column;
  return new EngineError(
    {
      code: spec.reason === 'cancelled' ? 'cancelled' : 'input',
      message: `${spec.file}${where ? ` (${where})` : ''}: ${spec.message} ${spec.fix}`,
      details,
    },
    cause === undefined ? undefined : { cause },
  );
}

/** Formats a byte count for messages (`64 MB`, `1.5 GB`). */
export function formatBytes(n: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  let x = n;
  while (x >= 1024 && i < units.length - 1) {
    x /= 1024;
    i++;
  }
  return `${i === 0 ? x : x >= 10 ? Math.round(x) : Math.round(x * 10) / 10} ${units[i]}`;
}

/** Parses a DuckDB memory setting such as `64.0 MiB`, `3.1 GiB`, `64MB` into bytes. */
export function parseMemorySetting(s: string): number | null {
  const m = /^\s*([\d.]+)\s*([KMGT]?)(i?B)?\s*$/i.exec(s);
  if (!m) return null;
  const unit = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 }[
    m[2]!.toUpperCase() as '' | 'K' | 'M' | 'G' | 'T'
  ];
  return Number(m[1]) * unit;
}
