/**
 * The hand-written naive reference queries (bench/reference/<analysis>.sql) and the check that
 * they are a fair yardstick: each query returns one row whose columns are named after the
 * analysis's headline numbers (`AnalysisResult.scalars`), and those numbers must equal the
 * analysis's own output on the same data. Pure, apart from reading the files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Where the reference queries live. */
export const referenceDir = path.resolve(import.meta.dirname);

/** Relative tolerance of the agreement check (absolute below 1). */
export const HEADLINE_TOLERANCE = 1e-9;

/** Analyses with no reference query, and why. */
export const withoutReference: Record<string, string> = {
  'margin-multiple': 'a closed-form table from its options; it reads no data',
  scorecard:
    "composes other analyses' numbers per quarter; tests/engine/scorecard.test.ts checks them against those analyses and a hand-computed fixture",
};

/** The analyses that have a reference query, sorted. */
export function referenceIds(): string[] {
  return readdirSync(referenceDir)
    .filter((f) => f.endsWith('.sql'))
    .map((f) => f.slice(0, -4))
    .sort();
}

/**
 * Variants of reference queries for data that takes an analysis down another path, each in its
 * folder as `<variant>/<analysis>.sql`: `quarterly` for data with under two complete years (the
 * retention analyses measure quarters), `revenue-valued` for data without any cost (customers are
 * valued by revenue).
 */
export const referenceVariants = ['quarterly', 'revenue-valued'] as const;
export type ReferenceVariant = (typeof referenceVariants)[number];

/** The analyses with a reference query in `variant`, sorted. */
export function variantIds(variant: ReferenceVariant): string[] {
  return readdirSync(path.join(referenceDir, variant))
    .filter((f) => f.endsWith('.sql'))
    .map((f) => f.slice(0, -4))
    .sort();
}

/** The SQL text of an analysis's reference query (or of its `variant`). */
export function referenceSql(id: string, variant?: ReferenceVariant): string {
  return readFileSync(path.join(referenceDir, ...(variant ? [variant] : []), `${id}.sql`), 'utf8');
}

/** The headline numbers a reference query names in its header comment (`-- headline: a, b, c`). */
export function declaredHeadline(sql: string): string[] {
  const m = /^--\s*headline:\s*(.+)$/m.exec(sql);
  return m
    ? m[1]!
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
}

/** One headline number, from the reference query and from the analysis. */
export interface HeadlineCheck {
  name: string;
  reference: number | string | null;
  analysis: number | string | null | undefined;
  ok: boolean;
}

const plain = (v: unknown): number | string | null => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'boolean') return v ? 1 : 0;
  return String(v);
};

/** True when two headline values agree: numbers within `tolerance` (relative, absolute below 1), others exactly. */
export function agrees(
  a: number | string | null,
  b: number | string | null | undefined,
  tolerance = HEADLINE_TOLERANCE,
): boolean {
  if (b === undefined) return false;
  if (typeof a === 'number' && typeof b === 'number')
    return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
  return a === b;
}

/**
 * Compares the reference query's row with the analysis's scalars, column by column (every column
 * of the row is a headline number; the analysis must report each under the same name).
 */
export function compareHeadline(
  referenceRow: Record<string, unknown>,
  scalars: Record<string, unknown>,
  tolerance = HEADLINE_TOLERANCE,
): HeadlineCheck[] {
  return Object.entries(referenceRow).map(([name, v]) => {
    const reference = plain(v);
    const analysis = name in scalars ? plain(scalars[name]) : undefined;
    return { name, reference, analysis, ok: agrees(reference, analysis, tolerance) };
  });
}
