/**
 * The mapping from a file's columns onto a canonical table, the user's explicit rules, and the
 * column signature that lets a saved mapping be re-applied to the next file with the same columns
 * (pure; storing mappings is the UI's job).
 */
import type { CanonicalTableName } from '../../model/schema.ts';
import type { DateFormat, NumberFormat } from './value-formats.ts';

/** A canonical column read from one source column, with the format to parse it. */
export interface SourceColumn {
  /** Column name in the file (after header normalisation by the CSV reader). */
  source: string;
  /** Number format, for numeric targets (default: `.` decimal, no thousands separator). */
  number?: NumberFormat;
  /** Date format, for date targets (default: ISO). */
  date?: DateFormat;
}

/** A canonical column computed as the product of two source columns (revenue = quantity × unit price). */
export interface ProductColumn {
  multiply: [SourceColumn, SourceColumn];
}

/** How one canonical column is filled. */
export type ColumnMapping = SourceColumn | ProductColumn;

/** A source column kept beside the canonical ones (customer attributes, Telco's TotalCharges…). */
export interface ExtraColumn extends SourceColumn {
  /** Column name in the imported table. */
  name: string;
  type: 'VARCHAR' | 'DOUBLE' | 'DATE' | 'BOOLEAN';
}

/** A complete mapping of one file onto one canonical table. */
export interface ImportMapping {
  table: CanonicalTableName;
  /** Canonical column name → how it is filled. Unmapped optional columns become typed NULLs. */
  columns: Record<string, ColumnMapping>;
  /** Further source columns kept as they are (typed). */
  extras: ExtraColumn[];
}

/** Explicit data rules the user chooses; every affected row is counted in the report. */
export interface ImportRules {
  /** Rows with a negative quantity: keep them as returns (negative revenue), or reject them. */
  negativeQuantity: 'return' | 'reject';
  /** Rows without a customer id: reject (listed as errors to fix) or drop (listed as dropped by rule). */
  missingCustomerId: 'reject' | 'drop';
  /** Cancelled orders (order id starting with `cancellationPrefix`): keep them, or exclude them. */
  cancellations: 'keep' | 'exclude';
  /** Prefix that marks a cancelled order id (UCI Online Retail: `C`). */
  cancellationPrefix: string;
}

/** The rules used when the user has not chosen: keep everything that parses, reject what is missing. */
export const defaultRules: ImportRules = {
  negativeQuantity: 'return',
  missingCustomerId: 'reject',
  cancellations: 'keep',
  cancellationPrefix: 'C',
};

/** True when a column mapping is a product of two columns. */
export function isProduct(m: ColumnMapping): m is ProductColumn {
  return 'multiply' in m;
}

/** Source columns a mapping reads. */
export function mappedSources(m: ColumnMapping): string[] {
  return isProduct(m) ? m.multiply.map((s) => s.source) : [m.source];
}

/** Header normalisation for signatures: case, surrounding and repeated whitespace do not matter. */
export function normaliseHeaderForSignature(h: string): string {
  return h.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * The column signature of a header list: a stable hash (FNV-1a, 32 bit, hex) of the normalised
 * names in order. Two files with the same columns get the same signature, so a saved mapping can be
 * found and re-applied.
 */
export function columnSignature(headers: readonly string[]): string {
  const text = headers.map(normaliseHeaderForSignature).join('\u001f');
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${headers.length}-${h.toString(16).padStart(8, '0')}`;
}

/** A mapping saved by the UI together with the signature of the file it was made for. */
export interface SavedMapping {
  signature: string;
  mapping: ImportMapping;
  rules: ImportRules;
}

/** Finds the saved mapping for these headers, if any, checking every mapped column still exists. */
export function findSavedMapping(saved: readonly SavedMapping[], headers: readonly string[]): SavedMapping | null {
  const sig = columnSignature(headers);
  const hit = saved.find((s) => s.signature === sig);
  if (!hit) return null;
  const names = new Set(headers);
  const ok = Object.values(hit.mapping.columns).every((m) => mappedSources(m).every((s) => names.has(s)));
  return ok ? hit : null;
}

/** Problems that make a mapping unusable (missing required columns, unknown sources). Empty when fine. */
export function validateMapping(
  mapping: ImportMapping,
  headers: readonly string[],
  required: readonly string[],
): string[] {
  const problems: string[] = [];
  const names = new Set(headers);
  for (const r of required) if (!mapping.columns[r]) problems.push(`required column ${r} is not mapped`);
  for (const [target, m] of Object.entries(mapping.columns)) {
    for (const s of mappedSources(m))
      if (!names.has(s)) problems.push(`${target} is mapped to ${s}, which is not a column of the file`);
  }
  for (const e of mapping.extras)
    if (!names.has(e.source)) problems.push(`extra column ${e.source} is not a column of the file`);
  return problems;
}
