/**
 * The time unit the models count in. BG/NBD and Gamma-Gamma work in continuous time: recency and
 * T are day differences divided by the unit's length in days, so a "month" here is an average
 * month (365.25/12 = 30.4375 days), not a calendar month. Only α (a purchase-rate scale) depends on
 * the unit; r, a, b, P(alive) and expected purchases over the same span do not.
 */

/** A time unit of the CLV models. */
export type TimeUnit = 'days' | 'weeks' | 'months';

/** The allowed time units (for option specs). */
export const timeUnits: readonly TimeUnit[] = ['days', 'weeks', 'months'];

/** Length of one unit in days. */
export function unitDays(unit: TimeUnit): number {
  switch (unit) {
    case 'days':
      return 1;
    case 'weeks':
      return 7;
    case 'months':
      return 365.25 / 12;
    default:
      throw new Error(`invalid time unit: ${JSON.stringify(unit)} (expected days, weeks or months)`);
  }
}

/** Singular name for text, e.g. `week`. */
export function unitName(unit: TimeUnit): string {
  return unit.slice(0, -1);
}

/** Units per year (365.25 days), for converting an annual discount rate. */
export function unitsPerYear(unit: TimeUnit): number {
  return 365.25 / unitDays(unit);
}
