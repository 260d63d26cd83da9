/**
 * Browser downloads of CSV (rejected rows): from a Blob the engine or the saved dataset produced.
 */

/** Saves a CSV Blob as a download (UTF-8 with a BOM, so spreadsheet apps read Chinese correctly). */
export function downloadCsv(data: Blob, fileName: string): void {
  const url = URL.createObjectURL(new Blob(['\ufeff', data], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
