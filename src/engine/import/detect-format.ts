/**
 * File format detection by content first (magic bytes), extension second (pure): a file renamed
 * to `.csv` is still recognised for what it is, and binary content never reaches the CSV reader.
 */

/** Formats the importer reads. */
export type ImportFormat = 'csv' | 'xlsx' | 'parquet' | 'json' | 'ndjson';

/** What the content looks like. `binary` means none of the supported formats. */
export type DetectedFormat = ImportFormat | 'binary' | 'xls';

const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((x, i) => b[i] === x);

/**
 * Detects the format from the raw head (`raw`, for magic numbers) and the decompressed content
 * head (`content`: same as raw unless gzip), with the file name as a hint for JSON flavours.
 */
export function detectFormat(name: string, raw: Uint8Array, content: Uint8Array): DetectedFormat {
  if (startsWith(raw, [0x50, 0x4b, 0x03, 0x04]) || startsWith(raw, [0x50, 0x4b, 0x05, 0x06])) return 'xlsx';
  if (startsWith(raw, [0x50, 0x41, 0x52, 0x31])) return 'parquet';
  if (startsWith(raw, [0xd0, 0xcf, 0x11, 0xe0])) return 'xls';
  if (looksBinary(content)) return 'binary';
  const text = new TextDecoder('utf-8')
    .decode(content.subarray(0, 4096))
    .replace(/^\ufeff/, '')
    .trimStart();
  const lower = name.toLowerCase().replace(/\.gz$/, '');
  if (/\.(ndjson|jsonl)$/.test(lower)) return 'ndjson';
  if (text.startsWith('[')) return 'json';
  if (text.startsWith('{')) return /\}\s*\r?\n\s*\{/.test(text) || !lower.endsWith('.json') ? 'ndjson' : 'json';
  return 'csv';
}

/**
 * Binary when the head holds NUL bytes outside a UTF-16 pattern or many control characters. Text
 * in any supported encoding has neither (UTF-16 is recognised by its regular zero bytes).
 */
export function looksBinary(b: Uint8Array): boolean {
  const n = Math.min(b.length, 8192);
  if (n === 0) return false;
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return false;
  let zeroEven = 0;
  let zeroOdd = 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const x = b[i]!;
    if (x === 0) i % 2 ? zeroOdd++ : zeroEven++;
    else if (x < 0x09 || (x > 0x0d && x < 0x20 && x !== 0x1b)) control++;
  }
  const half = n / 2;
  const utf16 = (zeroOdd / half > 0.3 && zeroEven / half < 0.05) || (zeroEven / half > 0.3 && zeroOdd / half < 0.05);
  if (utf16) return false;
  return zeroEven + zeroOdd > 0 || control / n > 0.02;
}
