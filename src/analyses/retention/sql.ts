/**
 * Small SQL helpers shared by the retention builders. Values are bound as `$n` parameters by the
 * `run` functions; only identifiers (checked against the dataset profile first, quoted with
 * `src/sql/quote.ts`) and whitelisted keywords are written into SQL text.
 */
import { DEFAULT_MARGIN_PCT, resolveMarginSource } from '../profitability/customer-profit.ts';
import type { DatasetProfile } from '../../model/profile.ts';
import { quoteLiteral } from '../../sql/quote.ts';
import { tv } from '../../format/typed.ts';
import { note } from '../messages/notes.ts';
import type { MessageRef } from '../messages/render.ts';

/** Calendar periods the retention analyses count in. Always explicit in outputs and labels. */
export type PeriodUnit = 'month' | 'quarter' | 'year';

/** The allowed period units (for option specs). */
export const periodUnits: readonly PeriodUnit[] = ['month', 'quarter', 'year'];

/** Checks a period unit before it is written into SQL as a `date_trunc`/`date_diff` part. */
export function periodPart(unit: string): string {
  if (!(periodUnits as readonly string[]).includes(unit))
    throw new Error(`invalid period: ${JSON.stringify(unit)} (expected month, quarter or year)`);
  return quoteLiteral(unit);
}

/**
 * Resolves a user-named column of `customers` against the profile (case-insensitively, since
 * exports spell headers freely) and returns its exact name; throws a message listing the columns.
 */
export function customerColumn(profile: DatasetProfile, name: string, what: string): string {
  const columns = profile.tables.customers?.columns ?? [];
  const found = columns.find((c) => c === name) ?? columns.find((c) => c.toLowerCase() === name.toLowerCase());
  if (!found)
    throw new Error(`${what}: the customers table has no column "${name}" (columns: ${columns.join(', ') || 'none'})`);
  return found;
}

/**
 * SQL expression for the gross margin of one `transactions` row, the same rule as the shared
 * customer-profit query (`../profitability/customer-profit.ts`): revenue − cost where a cost is
 * recorded, else revenue × the assumed margin. `$marginParam` is the placeholder bound to the
 * assumed margin fraction.
 */
export function marginExpression(profile: DatasetProfile, marginParam: string): string {
  return resolveMarginSource({ profile }) === 'cost'
    ? `(revenue - coalesce(cost, revenue * (1 - ${marginParam})))`
    : `(revenue * ${marginParam})`;
}

/** Plain note on where margins come from, for the analysis notes. */
export function marginNote(profile: DatasetProfile, marginPct: number): MessageRef | null {
  return resolveMarginSource({ profile }) === 'cost'
    ? null
    : note('note.retention.assumed_margin', { margin: tv.percent(marginPct, 0) });
}

export { DEFAULT_MARGIN_PCT };
