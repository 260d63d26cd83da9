/**
 * Column role suggestion (pure): which canonical table a file is, and which of its columns fills
 * each canonical column, from header names (English, simplified and traditional Chinese) and from
 * the detected value types. The user confirms or changes every suggestion in the wizard.
 */
import { distance } from 'fastest-levenshtein';
import { canonicalTable, canonicalTables, type CanonicalColumn, type CanonicalTableName } from '../../model/schema.ts';
import type { ColumnMapping, ExtraColumn, ImportMapping, SourceColumn } from './mapping.ts';
import { costCategoryNames, dateNames, normaliseRoleName, roleNames, unitPriceNames } from './role-names.ts';
import type { ColumnProfile } from './value-formats.ts';

/** A column of the file as the suggester sees it. */
export interface ProfiledColumn {
  name: string;
  profile: ColumnProfile;
  /** Up to 50 distinct sample values of a text column (the cost-category evidence reads them). */
  sample?: string[];
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

/**
 * How well a header name matches a list of role names: 1 exact, 0.7 when it contains one, 0.6
 * for a typo (one edit away from a Latin name of 6+ letters: `custmer_id`, `reveune`), 0 none.
 */
export function nameScore(header: string, names: readonly string[]): number {
  const h = normaliseRoleName(header);
  if (!h) return 0;
  if (names.includes(h)) return 1;
  const partial = names.some((n) => (/[\u3400-\u9fff]/.test(n) ? n.length >= 2 : n.length >= 4) && h.includes(n));
  if (partial) return 0.7;
  if (h.length < 6 || /[\u3400-\u9fff]/.test(h) || realWords.has(h)) return 0;
  const typo = names.some(
    (n) => n.length >= 6 && Math.abs(n.length - h.length) <= 1 && (distance(n, h) === 1 || isTransposition(n, h)),
  );
  return typo ? 0.6 : 0;
}

/** Common headers one edit away from a role name that are words of their own, not typos (`contact` ≠ `contract`). */
const realWords = new Set(['contact', 'status', 'county', 'counts', 'values', 'prices', 'costs']);

/** Two adjacent letters swapped (`reveune` for `revenue`): Levenshtein counts it as two edits. */
function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]] && a[diff[1]] === b[diff[0]!];
}

/** Whether a header names a date (then five-digit numbers in it may be Excel serial dates). */
export function isDateName(header: string): boolean {
  return nameScore(header, dateNames) > 0;
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
    const qty =
      out.quantity && !('multiply' in out.quantity)
        ? columns.find((c) => c.name === (out.quantity as SourceColumn).source)
        : undefined;
    const price = columns.find(
      (c) => !used.has(c.name) && c.profile.type === 'number' && nameScore(c.name, unitPriceNames) > 0,
    );
    if (qty && price) {
      out.revenue = { multiply: [sourceOf(qty), sourceOf(price)] };
      confidence.revenue = 0.9;
      used.add(price.name);
      notes.push(`revenue = ${qty.name} × ${price.name} (no amount column found)`);
    }
  }
  for (const [target, m] of Object.entries(out)) {
    if ('source' in m && m.date?.ambiguous)
      notes.push(`${m.source} (${target}): day-first or month-first cannot be told from the values; please confirm`);
  }
  const missing = def.columns.filter((c) => c.required && !out[c.name]).map((c) => c.name);
  const extras: ExtraColumn[] = columns.filter((c) => !used.has(c.name)).map(extraOf);
  for (const [target, m] of Object.entries(out)) {
    for (const s of 'multiply' in m ? m.multiply : [m]) {
      const p = columns.find((c) => c.name === s.source)?.profile;
      if (p && p.invalid > 0)
        notes.push(
          `${s.source} (${target}): ${p.invalid} of ${p.nonBlank} sampled values are not ${p.type === 'date' ? 'dates' : 'numbers'} in this format; those rows will be rejected with the reason.`,
        );
    }
  }
  const requiredFound = def.columns.filter((c) => c.required && out[c.name]).length;
  const requiredTotal = def.columns.filter((c) => c.required).length;
  const evidence = table === 'service_costs' ? costEvidence(out, columns) : 0;
  // Complete tables: how much of the file the table explains (the confidences of the mapped
  // columns, a product counting for its two columns), plus what the values say. Incomplete ones
  // stay below zero, ordered by the share of required columns found.
  const explained = Object.entries(out).reduce(
    (sum, [t, m]) => sum + (confidence[t] ?? 0) * ('multiply' in m ? 2 : 1),
    0,
  );
  const score = missing.length ? requiredFound / requiredTotal - 1 : explained + evidence;
  return { mapping: { table, columns: out, extras }, confidence, missing, notes, score };
}

/**
 * Cost-to-serve events (`service_costs`) and purchases (`transactions`) can have the very same
 * headers (`customer_id, date, category, amount`). The values tell them apart: categories such as
 * support_call, field_visit, return, discount, bad_debt or 客服来电, 上门服务, 退货, 坏账 are costs of
 * serving a customer, not products. Worth one column's confidence when at least half of the
 * distinct sampled categories are such events.
 */
function costEvidence(out: Record<string, ColumnMapping>, columns: readonly ProfiledColumn[]): number {
  const m = out.category;
  if (!m || 'multiply' in m) return 0;
  const values = columns.find((c) => c.name === m.source)?.sample ?? [];
  if (!values.length) return 0;
  const costs = values.filter((v) => nameScore(v, costCategoryNames) > 0).length;
  return costs >= values.length / 2 ? 1 : 0;
}

/**
 * Keeps an unmapped column with the type its values have. A column with values that do not fit
 * its type stays text: nobody asked for it, so it must not reject rows.
 */
export function extraOf(c: ProfiledColumn): ExtraColumn {
  const typed = c.profile.invalid === 0;
  const type =
    typed && c.profile.type === 'number' ? 'DOUBLE' : typed && c.profile.type === 'date' ? 'DATE' : 'VARCHAR';
  if (type === 'VARCHAR') return { source: c.name, name: c.name, type };
  return { ...sourceOf(c), name: c.name, type };
}

/**
 * Suggests the canonical table and mapping for a file: every table is tried; a table whose
 * required columns are all found beats one that misses some, and among those the table that
 * explains most of the file wins (the sum of the mapped columns' confidences, plus the
 * cost-category evidence for service_costs). A tie goes to the earlier table (transactions first).
 */
export function suggestMapping(columns: readonly ProfiledColumn[], table?: CanonicalTableName): MappingSuggestion {
  if (table) return suggestForTable(table, columns);
  const all = canonicalTables.map((t) => suggestForTable(t.name, columns));
  return all.reduce((best, s) => (s.score > best.score ? s : best));
}
