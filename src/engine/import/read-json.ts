/**
 * JSON (an array of records) and NDJSON (one record per line) → text columns. The text is decoded
 * with the same encoding detection as CSV. Nested values are kept as JSON text.
 */
import { detectEncoding, type TextEncodingName } from './encoding.ts';
import { importError } from './errors.ts';
import { concatBytes, contentSlices, sourceSize, type ImportSource } from './source.ts';
import { objectsToTextColumns, type TextColumns } from './text-columns.ts';
import { tooBigError, wholeFileLimits } from './whole-file-limits.ts';

/** Parses records from JSON or NDJSON text; errors name the line. */
export function parseJsonRecords(file: string, text: string, ndjson: boolean): Record<string, unknown>[] {
  const fail = (message: string, line: number | undefined, e: unknown) =>
    importError(
      {
        file,
        reason: 'unreadable_json',
        message,
        fix: 'Fix the JSON at that place, or export the file again.',
        ...(line ? { line } : {}),
      },
      e,
    );
  if (!ndjson) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw fail(`the file is not valid JSON (${e instanceof Error ? e.message : String(e)}).`, undefined, e);
    }
    if (!Array.isArray(value) || value.some((r) => r === null || typeof r !== 'object' || Array.isArray(r))) {
      throw fail('a JSON file must hold an array of objects, one per row.', undefined, undefined);
    }
    return value as Record<string, unknown>[];
  }
  const out: Record<string, unknown>[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!.trim();
    if (!l) continue;
    let v: unknown;
    try {
      v = JSON.parse(l);
    } catch (e) {
      throw fail(`line ${i + 1} is not a JSON object.`, i + 1, e);
    }
    if (v === null || typeof v !== 'object' || Array.isArray(v))
      throw fail(`line ${i + 1} is not a JSON object.`, i + 1, undefined);
    out.push(v as Record<string, unknown>);
  }
  return out;
}

/** Reads a JSON/NDJSON source as text columns. */
export async function readJson(
  source: ImportSource,
  ndjson: boolean,
  encoding?: TextEncodingName,
): Promise<TextColumns> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const s of contentSlices(source)) {
    total += s.byteLength;
    // A gzip file's size says little about its content: stop before the text outgrows a JS string.
    if (total > wholeFileLimits[ndjson ? 'ndjson' : 'json'])
      throw tooBigError(source.name, ndjson ? 'ndjson' : 'json', sourceSize(source), { decompressed: true });
    parts.push(s);
  }
  const bytes = concatBytes(parts);
  const guess = detectEncoding(bytes.subarray(0, 1 << 20), encoding ? { override: encoding } : {});
  const text = new TextDecoder(guess.encoding, { ignoreBOM: true }).decode(bytes.subarray(guess.bomBytes));
  return objectsToTextColumns(parseJsonRecords(source.name, text, ndjson));
}
