/**
 * Downloads of a result table as CSV or Excel (.xlsx), built in the page: nothing is uploaded.
 *
 * Both follow the rule every file the app hands to a person follows (`src/engine/csv-field.ts`):
 * a text cell that a spreadsheet could take for a formula (`=`, `+`, `-`, `@`…) starts with `'`.
 * In .xlsx every text cell is written as a string (never a formula) anyway; the prefix keeps the
 * two downloads of one table identical and stays safe if the sheet is saved as CSV again.
 * Numbers and dates stay typed (number and date cells), exact as the engine returned them.
 */
import { neutraliseFormula } from '../../engine/csv-field.ts';
import type { ColumnarTable } from '../../sql/table.ts';
import { downloadBlob } from '../download.ts';
import { tableToCsv } from '../notebook/csv.ts';
import type { CellObject, SheetData } from 'write-excel-file/universal';

/** Excel's row limit (1,048,576 including the header): larger results are cut there, and said so. */
export const MAX_EXPORT_ROWS = 1_048_575;

/** A file name stem from a table's name: letters, digits, `_` and `-` only. */
export function fileStem(name: string): string {
  return name.replace(/[^\p{L}\p{N}_-]+/gu, '_').replace(/^_+|_+$/g, '') || 'table';
}

/** A worksheet name Excel accepts: at most 31 characters, none of `[]:*?/\`. */
export function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet1';
}

/** The table as an .xlsx workbook of one sheet: a bold, frozen header row and typed cells. */
export async function tableToXlsx(table: ColumnarTable, name: string): Promise<Blob> {
  // Loaded on first use: the writer is not part of the page until someone downloads a workbook.
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const header: CellObject[] = table.columns.map((c) => ({ value: c.name, type: String, fontWeight: 'bold' }));
  const rows: SheetData = [header];
  for (let r = 0; r < Math.min(table.rowCount, MAX_EXPORT_ROWS); r++) {
    rows.push(
      table.columns.map((_c, i): CellObject | null => {
        const v = table.data[i]?.[r] ?? null;
        if (v === null) return null;
        if (typeof v === 'number')
          return Number.isFinite(v) ? { value: v, type: Number } : { value: String(v), type: String };
        if (typeof v === 'boolean') return { value: v, type: Boolean };
        if (v instanceof Date) {
          const dateOnly =
            v.getUTCHours() === 0 && v.getUTCMinutes() === 0 && v.getUTCSeconds() === 0 && v.getUTCMilliseconds() === 0;
          return { value: v, type: Date, format: dateOnly ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss' };
        }
        return { value: neutraliseFormula(String(v)), type: String };
      }),
    );
  }
  const columns = table.columns.map((c) => ({ width: Math.min(48, Math.max(10, c.name.length + 2)) }));
  return writeXlsxFile(rows, { sheet: sheetName(name), columns, stickyRowsCount: 1 }).toBlob();
}

/** The table as CSV text with a byte-order mark, so spreadsheet apps read Chinese text correctly. */
export function tableToCsvBlob(table: ColumnarTable): Blob {
  return new Blob(['\ufeff', tableToCsv(table)], { type: 'text/csv;charset=utf-8' });
}

/** Starts the download of `table` as `<name>.csv` or `<name>.xlsx`. */
export async function downloadTable(table: ColumnarTable, name: string, format: 'csv' | 'xlsx'): Promise<void> {
  const stem = fileStem(name);
  if (format === 'csv') downloadBlob(tableToCsvBlob(table), `${stem}.csv`);
  else downloadBlob(await tableToXlsx(table, name), `${stem}.xlsx`);
}
