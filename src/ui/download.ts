/** Saves a Blob as a file download (the browser's own download; nothing is sent anywhere). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: Chromium starts reading the object URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
