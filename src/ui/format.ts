import type { Cell } from '../engine/types.ts';

const intFmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const numFmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

/** Formats a cell for a table: thousands separators, ISO dates (time only when present). */
export function formatCell(value: Cell): string {
  if (value === null) return '∅';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
  }
  if (typeof value === 'number') return Number.isInteger(value) ? intFmt.format(value) : numFmt.format(value);
  return String(value);
}

/** "1,234,567 rows". */
export function formatCount(n: number, noun = 'row'): string {
  return `${intFmt.format(n)} ${noun}${n === 1 ? '' : 's'}`;
}

/** Milliseconds for humans. */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
