/**
 * XLSX through read-excel-file's universal build (pure JS: fflate + a SAX parser, so it runs in a
 * Web Worker and in Node alike). Dates formatted as dates arrive as `Date` and become ISO text.
 */
import readXlsxFile from 'read-excel-file/universal';
import { importError } from './errors.ts';
import type { ImportSource } from './source.ts';
import { rowsToTextColumns, type TextColumns } from './text-columns.ts';

/** All sheets of a workbook (names and rows). */
async function readWorkbook(source: ImportSource): Promise<{ sheet: string; data: unknown[][] }[]> {
  try {
    const input = source.data instanceof Uint8Array ? source.data.slice().buffer : source.data;
    return await readXlsxFile(input);
  } catch (e) {
    throw importError(
      {
        file: source.name,
        reason: 'unreadable_xlsx',
        message: `the workbook could not be read (${e instanceof Error ? e.message : String(e)}); it may be truncated or damaged.`,
        fix: 'Open it in Excel and save it again as .xlsx, or export the sheet as CSV.',
      },
      e,
    );
  }
}

/** Names of the sheets in a workbook. */
export async function listSheets(source: ImportSource): Promise<string[]> {
  return (await readWorkbook(source)).map((s) => s.sheet);
}

/** One sheet as text columns (default: the first); the first non-empty row is the header. */
export async function readXlsxSheet(
  source: ImportSource,
  sheet?: string,
): Promise<{ sheets: string[]; sheet: string; data: TextColumns }> {
  const book = await readWorkbook(source);
  const chosen = sheet === undefined ? book[0] : book.find((s) => s.sheet === sheet);
  if (!chosen) {
    throw importError({
      file: source.name,
      reason: 'sheet_not_found',
      message: `there is no sheet named "${sheet}".`,
      fix: `Choose one of: ${book.map((s) => s.sheet).join(', ')}.`,
    });
  }
  const rows = chosen.data.filter((r) => r.some((v) => v !== null && v !== undefined && v !== ''));
  return { sheets: book.map((s) => s.sheet), sheet: chosen.sheet, data: rowsToTextColumns(rows) };
}
