/**
 * Browser downloads of CSV (rejected rows): from a Blob the engine or the saved dataset produced.
 */

import { neutraliseCsv } from '../../engine/csv-rewrite.ts';
import { downloadBlob } from '../download.ts';

/**
 * Saves a CSV Blob as a download (UTF-8 with a BOM, so spreadsheet apps read Chinese correctly).
 * Rejected rows are the cells that failed to import, often the very text an attacker planted, and
 * a saved copy comes straight from DuckDB's COPY: every cell is neutralised on the way out.
 */
export async function downloadCsv(data: Blob, fileName: string): Promise<void> {
  const text = neutraliseCsv(await data.text());
  downloadBlob(new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' }), fileName);
}
