/**
 * Rows of loosely typed JS values (from XLSX, Parquet, JSON readers) → columns of text, the shape
 * every staging table has. Keeping staging all-text means one mapping and validation path for
 * every format (pure).
 */

/** A header plus text columns (column-major). */
export interface TextColumns {
  headers: string[];
  columns: (string | null)[][];
  /** Set when header names repeated and were renamed (`duplicateHeadersWarning`). */
  headerWarning?: string;
}

/** Text form of one value: dates as ISO (date only at midnight), objects as JSON. */
export function cellText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return null;
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
  }
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));
}

/**
 * Unique, non-empty header names (`column3` for blanks, `name_2` for repeats), as DuckDB does.
 * Names are compared without case, as DuckDB's column names are.
 */
export function uniqueHeaders(raw: readonly unknown[]): string[] {
  const taken = new Set<string>();
  return raw.map((h, i) => {
    const base = (cellText(h) ?? '').trim() || `column${i}`;
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

/** The warning for header names that were repeated (and renamed by `uniqueHeaders`), or null. */
export function duplicateHeadersWarning(raw: readonly unknown[], unique: readonly string[]): string | null {
  const renamed = unique
    .map((u, i) => ({ from: (cellText(raw[i]) ?? '').trim(), to: u }))
    .filter((r) => r.from !== '' && r.from !== r.to);
  if (!renamed.length) return null;
  const list = renamed.map((r) => `“${r.from}” → ${r.to}`).join(', ');
  return `The header repeats column names; the repeats were renamed so every column is kept: ${list}. Check which copy holds the data you mean.`;
}

/** Row arrays (first row = header) → text columns; short rows are padded with nulls. */
export function rowsToTextColumns(rows: readonly (readonly unknown[])[]): TextColumns {
  const [head, ...body] = rows;
  const width = Math.max(head?.length ?? 0, ...body.map((r) => r.length));
  const raw = Array.from({ length: width }, (_x, i) => head?.[i] ?? null);
  const headers = uniqueHeaders(raw);
  const columns = headers.map((_h, c) => body.map((r) => cellText(r[c])));
  const headerWarning = duplicateHeadersWarning(raw, headers);
  return headerWarning ? { headers, columns, headerWarning } : { headers, columns };
}

/** Objects (JSON records) → text columns over the union of their keys, in first-seen order. */
export function objectsToTextColumns(records: readonly Record<string, unknown>[]): TextColumns {
  const keys: string[] = [];
  const known = new Set<string>();
  for (const r of records)
    for (const k of Object.keys(r))
      if (!known.has(k)) {
        known.add(k);
        keys.push(k);
      }
  return { headers: uniqueHeaders(keys), columns: keys.map((k) => records.map((r) => cellText(r[k]))) };
}
