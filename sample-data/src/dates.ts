/**
 * Calendar arithmetic on whole UTC days (days since 1970-01-01). Plain integers keep the
 * simulation fast and free of time zones; ISO strings are made only when writing rows.
 */

const MS_PER_DAY = 86_400_000;

/** Day number of a calendar date (month 1–12). */
export function dayOf(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** Day number of the first day of month `index`, counted in months from January 2023 (negative = earlier). */
export function monthStart(index: number): number {
  return Math.round(Date.UTC(2023, index, 1) / MS_PER_DAY);
}

/** Number of days in month `index` (same counting as `monthStart`). */
export function monthLength(index: number): number {
  return monthStart(index + 1) - monthStart(index);
}

/** Calendar month (1–12) of month `index`. */
export function calendarMonth(index: number): number {
  return (((index % 12) + 12) % 12) + 1;
}

/** Month index (from January 2023) that contains a day number. */
export function monthIndexOf(day: number): number {
  const d = new Date(day * MS_PER_DAY);
  return (d.getUTCFullYear() - 2023) * 12 + d.getUTCMonth();
}

const isoCache = new Map<number, string>();

/** `YYYY-MM-DD` of a day number (cached: the simulation only touches a few thousand distinct days). */
export function isoDate(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    isoCache.set(day, s);
  }
  return s;
}

/** Observation window of the dataset: 2023-01-01 .. 2024-12-31, as 24 months. */
export const WINDOW = {
  firstDay: dayOf(2023, 1, 1),
  lastDay: dayOf(2024, 12, 31),
  months: 24,
} as const;
