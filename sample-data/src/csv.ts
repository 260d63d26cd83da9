/**
 * CSV formatting of rows: comma separated, header line, `.` decimals, empty field = NULL,
 * RFC 4180 quoting only where a value needs it, `\n` line ends.
 */
import { columns, type SampleFile } from './rows.ts';

type Value = string | number | null;

/** One CSV field. Numbers print in shortest round-trip form (amounts are already rounded to cents). */
export function csvField(v: Value): string {
  if (v === null) return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`cannot write non-finite number: ${v}`);
    return String(v);
  }
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The header line of a file (with its newline). */
export function csvHeader(file: SampleFile): string {
  return columns[file].join(',') + '\n';
}

/** One row as a CSV line (with its newline), fields in the file's column order. */
export function csvLine(file: SampleFile, row: object): string {
  const r = row as Record<string, Value>;
  return columns[file].map((c) => csvField(r[c] ?? null)).join(',') + '\n';
}
