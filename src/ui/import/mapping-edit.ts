/**
 * The wizard's mapping editor as pure functions: which file column fills each canonical column,
 * which other columns are kept, and the `ImportMapping` that results. No DOM, no engine; only
 * `formatLabel` reads the UI language.
 */
import { canonicalTable, type CanonicalTableName } from '../../model/schema.ts';
import { isProduct, type ColumnMapping, type ImportMapping, type SourceColumn } from '../../engine/import/mapping.ts';
import { extraOf, type ProfiledColumn } from '../../engine/import/roles.ts';
import { t } from '../i18n/index.ts';

/** Choice value meaning "computed as the product of two columns" (revenue = quantity × unit price). */
export const PRODUCT = '\u0000product';

/** What the user edits: canonical column → file column (or `PRODUCT`, or '' for none), and columns left out. */
export interface MappingDraft {
  table: CanonicalTableName;
  choice: Record<string, string>;
  /** The product mapping from the suggestion, kept while its choice is `PRODUCT`. */
  products: Record<string, ColumnMapping>;
  /** File columns the user chose not to keep as extra columns. */
  dropped: string[];
}

/** A draft from a mapping (suggested or saved). */
export function draftFrom(mapping: ImportMapping, columns: readonly ProfiledColumn[]): MappingDraft {
  const choice: Record<string, string> = {};
  const products: Record<string, ColumnMapping> = {};
  for (const [target, m] of Object.entries(mapping.columns)) {
    if (isProduct(m)) {
      choice[target] = PRODUCT;
      products[target] = m;
    } else choice[target] = m.source;
  }
  const kept = new Set(mapping.extras.map((e) => e.source));
  const used = new Set(Object.values(choice));
  const dropped = columns.map((c) => c.name).filter((n) => !kept.has(n) && !used.has(n));
  return { table: mapping.table, choice, products, dropped };
}

/** Source columns the draft maps onto canonical columns. */
export function usedSources(draft: MappingDraft): Set<string> {
  const used = new Set<string>();
  for (const [target, v] of Object.entries(draft.choice)) {
    if (v === PRODUCT) {
      const p = draft.products[target];
      if (p && isProduct(p)) p.multiply.forEach((s) => used.add(s.source));
    } else if (v) used.add(v);
  }
  return used;
}

/** The `ImportMapping` for a draft; formats come from the detected column profiles. */
export function mappingFrom(draft: MappingDraft, columns: readonly ProfiledColumn[]): ImportMapping {
  const byName = new Map(columns.map((c) => [c.name, c]));
  const out: Record<string, ColumnMapping> = {};
  for (const [target, v] of Object.entries(draft.choice)) {
    if (!v) continue;
    if (v === PRODUCT) {
      const p = draft.products[target];
      if (p) out[target] = p;
      continue;
    }
    const col = byName.get(v);
    if (!col) continue;
    const s: SourceColumn = { source: col.name };
    if (col.profile.number) s.number = col.profile.number;
    if (col.profile.date) s.date = col.profile.date;
    out[target] = s;
  }
  const used = usedSources(draft);
  const canonical = new Set(canonicalTable(draft.table).columns.map((c) => c.name.toLowerCase()));
  const extras = columns
    .filter((c) => !used.has(c.name) && !draft.dropped.includes(c.name))
    .map((c) => {
      const e = extraOf(c);
      // A kept column may not take a canonical column's name (DuckDB names are case-insensitive).
      return canonical.has(e.name.toLowerCase()) ? { ...e, name: `source_${e.name}` } : e;
    });
  return { table: draft.table, columns: out, extras };
}

/** Required canonical columns the draft leaves empty. */
export function missingRequired(draft: MappingDraft): string[] {
  return canonicalTable(draft.table)
    .columns.filter((c) => c.required && !draft.choice[c.name])
    .map((c) => c.name);
}

/**
 * How a detected format reads in the wizard, in the UI language (`date %d/%m/%Y`, `number,
 * decimal comma, thousands “.”`…). The patterns and symbols themselves are shown as detected.
 */
export function formatLabel(col: ProfiledColumn | undefined): string {
  if (!col) return '';
  const label = typeLabel(col);
  const p = col.profile;
  return p.invalid > 0 && (p.type === 'date' || p.type === 'number')
    ? t('import.format.invalid', { before: label, count: p.invalid, total: p.nonBlank })
    : label;
}

function typeLabel(col: ProfiledColumn): string {
  const p = col.profile;
  if (p.type === 'date' && p.date?.excelSerial && !p.date.patterns.length) return t('import.format.excelSerial');
  if (p.type === 'date' && p.date?.patterns.length) {
    const patterns = p.date.patterns.reduce((first, second) => t('import.format.or', { first, second }));
    const label = t(p.date.ambiguous ? 'import.format.dateAmbiguous' : 'import.format.date', { patterns });
    return p.date.excelSerial ? t('import.format.orExcelSerial', { before: label }) : label;
  }
  if (p.type === 'number' && p.number) {
    const n = p.number;
    // Each detail extends the label, so each language places its own separator.
    let label = t('import.format.number');
    if (n.decimal === ',') label = t('import.format.decimalComma', { before: label });
    if (n.thousands) label = t('import.format.thousands', { before: label, separator: n.thousands });
    if (n.currency) label = t('import.format.currency', { before: label, currency: n.currency });
    return label;
  }
  return t(typeKeys[p.type]);
}

/** A detected type without format details. */
const typeKeys = {
  empty: 'import.format.empty',
  text: 'import.format.text',
  boolean: 'import.format.boolean',
  number: 'import.format.number',
  date: 'import.format.dateAny',
} as const satisfies Record<ProfiledColumn['profile']['type'], string>;
