/** CSV export of result tables, downloaded through a Blob URL (nothing is uploaded). */
import { downloadBlob } from '../download.ts';
import { csvLine } from '../../engine/csv-field.ts';
import { toRows, type ColumnarTable } from '../../engine/types.ts';

/** A table as RFC 4180 CSV text with a header row, every cell safe to open in a spreadsheet (`csv-field.ts`). */
export function tableToCsv(table: ColumnarTable): string {
  const names = table.columns.map((c) => c.name);
  const lines = [csvLine(names)];
  for (const row of toRows(table)) lines.push(csvLine(names.map((n) => row[n])));
  return lines.join('\r\n') + '\r\n';
}

/** Starts a download of `text` as a file named `filename`. */
export function downloadText(text: string, filename: string, type: string): void {
  downloadBlob(new Blob([text], { type }), filename);
}
