/**
 * Prose and cell helpers for the segmentation findings ("12% of customers … earn 61% of profit").
 * Numbers themselves are formatted by `src/format/number.ts`.
 */
import { percent } from '../../format/number.ts';
import { tv } from '../../format/typed.ts';
import { clause, term } from '../messages/finding.ts';
import type { MessageParam } from '../messages/render.ts';
import type { FindingKey } from '../messages/catalogs.ts';

/**
 * A share of a total that can exceed 100% or go negative (profit: some customers lose money),
 * said so a reader does not take it for a typo: "104% of profit — more than all of it, because
 * the others together lose money".
 */
export function shareOf(x: number, what: string, others = 'the others'): string {
  if (x > 1.005) return `${percent(x)} of ${what} — more than all of it, because ${others} together lose money`;
  return `${percent(x)} of ${what}`;
}

/**
 * `shareOf` as a finding clause: `what` and `others` are catalogue terms (`term.profit`,
 * `term.other_tiers`), so the clause reads right in every language.
 */
export function shareOfClause(
  x: number,
  what: FindingKey,
  others: FindingKey,
  amounts?: { value: number; total: number },
): MessageParam {
  // A share of a total at or below zero reads backwards ("the loss-makers earn 100% of profit"):
  // say the amount, and why no share is given.
  if (amounts && amounts.total <= 0) {
    return amounts.total < 0
      ? clause('seg.amount_of.loss', {
          amount: tv.money(amounts.value, 0),
          what: term(what),
          loss: tv.money(-amounts.total, 0),
        })
      : clause('seg.amount_of.zero', { amount: tv.money(amounts.value, 0), what: term(what) });
  }
  return x > 1.005
    ? clause('seg.share_of.over', { share: tv.percent(x), what: term(what), others: term(others) })
    : clause('seg.share_of', { share: tv.percent(x), what: term(what) });
}

/** Joins names as prose: "a", "a or b", "a, b or c". */
export function orList(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** A number from a query cell (BIGINT/DECIMAL arrive as numbers; NULL as null). */
export function num(v: unknown): number {
  return typeof v === 'number' ? v : v === null || v === undefined ? 0 : Number(v);
}

/** A nullable number from a query cell. */
export function numOrNull(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}

/** Safe ratio: 0 when the denominator is 0 (shares of an empty total). */
export function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}
