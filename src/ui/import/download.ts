/**
 * Browser downloads of CSV (rejected rows): from a Blob the engine or the saved dataset produced.
 */

import { downloadBlob } from '../download.ts';

/** Saves a CSV Blob as a download (UTF-8 with a BOM, so spreadsheet apps read Chinese correctly). */
export function downloadCsv(data: Blob, fileName: string): void {
  downloadBlob(new Blob(['\ufeff', data], { type: 'text/csv;charset=utf-8' }), fileName);
}
