/**
 * Column role suggestion (pure): which canonical table a file is, and which of its columns fills
 * each canonical column, from header names (English, simplified and traditional Chinese) and from
 * the detected value types. The user confirms or changes every suggestion in the wizard.
 */
import { canonicalTable, canonicalTables, type CanonicalColumn, type CanonicalTableName } from '../../model/schema.ts';
import type { ColumnMapping, ExtraColumn, ImportMapping, SourceColumn } from './mapping.ts';
import { normaliseRoleName, roleNames, unitPriceNames } from './role-names.ts';
import type { ColumnProfile } from './value-formats.ts';

/** A column of the file as the suggester sees it. */
export interface ProfiledColumn {
  name: string;
  profile: ColumnProfile;
}

/** A suggested mapping with how sure we are of it. */
export interface MappingSuggestion {
  mapping: ImportMapping;
  /** 0…1 per canonical column: 1 = exact header name, lower for partial names or data-only guesses. */
  confidence: Record<string, number>;
  /** Required canonical columns nothing could be found for (the wizard must ask). */
  missing: string[];
  /** Notes for the user: derived revenue, ambiguous dates… */
  notes: string[];
  /** Overall score used to pick the table (higher is better). */
  score: number;
}

/** How well a header name matches a list of role names: 1 exact, 0.7 when it contains one, 0 none. */
export function nameScore(header: string, names: readonly string[]): number {
  const h = normaliseRoleName(header);
  if (!h) return 0;
  if (names.includes(h)) return 1;
  const partial = names.some((n) => (/[\u3400-\u9fff]/.test(n) ? n.length >= 2 : n.length >= 4) && h.includes(n));
  return partial ? 0.7 : 0;
}

/** Whether a profiled column can fill a canonical column of this type. */
function typeFits(col: CanonicalColumn, p: ColumnProfile): boolean {
  if (p.type === 'empty') return !col.required;
  switch (col.type) {
    case 'DATE':
      return p.type === 'date';
    case 'DOUBLE':
      return p.type === 'number';
    case 'INTEGER':
      return p.type === 'number' && p.integer;
    case 'BOOLEAN':
      return p.type === 'boolean';
    case 'VARCHAR':
      return p.type !== 'date' || col.name.endsWith('_id');
  }
}

function sourceOf(c: ProfiledColumn): SourceColumn {
  const s: SourceColumn = { source: c.name };
  if (c.profile.number) s.number = c.profile.number;
  if (c.profile.date) s.date = c.profile.date;
  return s;
}

/** Suggests how the columns fill one canonical table. */
export function suggestForTable(table: CanonicalTableName, columns: readonly ProfiledColumn[]): MappingSuggestion {
  const def = canonicalTable(table);
  const names = roleNames[table];
  const candidates: { target: CanonicalColumn; col: ProfiledColumn; score: number }[] = [];
  for (const target of def.columns) {
    for (const col of columns) {
      const s = nameScore(col.name, names[target.name] ?? []);
      if (s > 0 && typeFits(target, col.profile)) candidates.push({ target, col, score: s });
    }
  }
  // Greedy: best matches first, each file column used once, each target filled once.
  candidates.sort((a, b) => b.score - a.score || def.columns.indexOf(a.target) - def.columns.indexOf(b.target));
  const used = new Set<string>();
  const out: Record<string, ColumnMapping> = {};
  const confidence: Record<string, number> = {};
  const notes: string[] = [];
  for (const c of candidates) {
    if (used.has(c.col.name) || out[c.target.name]) continue;
    out[c.target.name] = sourceOf(c.col);
    confidence[c.target.name] = c.score;
    used.add(c.col.name);
  }
  // From the data: a lone date column is the date even when its name says nothing.
  for (const target of def.columns.filter((t) => t.type === 'DATE' && t.required && !out[t.name])) {
    const dates = columns.filter((c) => c.profile.type === 'date' && !used.has(c.name));
    if (dates.length === 1) {
      out[target.name] = sourceOf(dates[0]!);
      confidence[target.name] = 0.5;
      used.add(dates[0]!.name);
    }
  }
  if (table === 'transactions' && !out.revenue) {
    const qty = out.quantity && !('multiply' in out.quantity) ? columns.find((c) => c.name === (out.quantity as SourceColumn).source) : undefined;
    const price = columns.find((c) => !used.has(c.name) && c.profile.type === 'number' && nameScore(c.name, unitPriceNames) > 0);
    if (qty && price) {
      out.revenue = { multiply: [sourceOf(qty), sourceOf(price)] };
      confidence.revenue = 0.9;
      used.add(price.name);
      notes.push(`revenue = ${qty.name} × ${price.name} (no amount column found)`);
    }
  }
  for (const [target, m] of Object.entries(out)) {
    if ('source' in m && m.date?.ambiguous) notes.push(`${m.source} (${target}): day-first or month-first cannot be told from the values; please confirm`);
  }
  const missing = def.columns.filter((c) => c.required && !out[c.name]).map((c) => c.name);
  const extras: ExtraColumn[] = columns.filter((c) => !used.has(c.name)).map(extraOf);
  const requiredFound = def.columns.filter((c) => c.required && out[c.name]).length;
  const requiredTotal = def.columns.filter((c) => c.required).length;
  const optionalFound = Object.keys(out).length - requiredFound;
  const score = missing.length ? requiredFound / requiredTotal - 1 : requiredTotal + optionalFound * 0.25;
  return { mapping: { table, columns: out, extras }, confidence, missing, notes, score };
}

/** Keeps an unmapped column with the type its values have. */
export function extraOf(c: ProfiledColumn): ExtraColumn {
  const type = c.profile.type === 'number' ? 'DOUBLE' : c.profile.type === 'date' ? 'DATE' : 'VARCHAR';
  return { ...sourceOf(c), name: c.name, type };
}

/**
 * Suggests the canonical table and mapping for a file: every table is tried and the one whose
 * required columns are all found with the most optional ones wins (transactions on a tie).
 */
export function suggestMapping(columns: readonly ProfiledColumn[], table?: CanonicalTableName): MappingSuggestion {
  if (table) return suggestForTable(table, columns);
  const all = canonicalTables.map((t) => suggestForTable(t.name, columns));
  return all.reduce((best, s) => (s.score > best.score ? s : best));
}
