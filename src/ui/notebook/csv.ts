/** CSV export of result tables, downloaded through a Blob URL (nothing is uploaded). */
import { downloadBlob } from '../download.ts';
import { toRows, type ColumnarTable } from '../../engine/types.ts';

function field(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = v instanceof Date ? v.toISOString().replace('T00:00:00.000Z', '') : String(v);
  // Quote fields with separators, quotes or line breaks (RFC 4180); guard against formula injection in spreadsheets.
  const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A table as RFC 4180 CSV text with a header row. */
export function tableToCsv(table: ColumnarTable): string {
  const names = table.columns.map((c) => c.name);
  const lines = [names.map(field).join(',')];
  for (const row of toRows(table)) lines.push(names.map((n) => field(row[n])).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** Starts a download of `text` as a file named `filename`. */
export function downloadText(text: string, filename: string, type: string): void {
  downloadBlob(new Blob([text], { type }), filename);
}
