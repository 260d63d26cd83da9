import type { Cell } from '../engine/types.ts';
import { t } from './i18n/index.ts';

// Cell values keep one fixed format in every UI language: they are data, and zh-CN/zh-TW
// group digits the same way as en-US anyway.
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

/** A row count in the UI language: "1,234,567 rows", "1,234,567 行", "1,234,567 列". */
export function formatCount(n: number): string {
  return t('count.rows', { count: n });
}

/** Milliseconds for humans, in the UI language. */
export function formatMs(ms: number): string {
  return ms < 1000 ? t('time.ms', { ms: Math.round(ms) }) : t('time.s', { s: (ms / 1000).toFixed(2) });
}
