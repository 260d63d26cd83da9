/**
 * Periods: the date windows every segmentation analysis works over. Dates are ISO `YYYY-MM-DD`
 * strings (they bind to `$n::DATE`); arithmetic is done in UTC so results never depend on the
 * machine's time zone.
 */
import { msg } from '../messages/chart-words.ts';
import { text } from '../messages/finding.ts';
import type { MessageRef } from '../messages/render.ts';
import type { SqlConnection } from '../../sql/connection.ts';

/** An inclusive date window. */
export interface Period {
  /** First day, `YYYY-MM-DD`. */
  start: string;
  /** Last day (inclusive), `YYYY-MM-DD`. */
  end: string;
}

/** Average days per month (365.25 / 12): turns day spans into months for "average monthly spend". */
export const DAYS_PER_MONTH = 30.4375;

const day = 86_400_000;

function parse(iso: string): Date {
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) throw new Error(`invalid date: ${iso}`);
  return d;
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Adds `n` calendar months (clamped to the month's last day) to a date. */
export function addMonths(date: string, n: number): string {
  const d = parse(date);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return iso(target);
}

/** Adds `n` days to a date. */
export function addDays(date: string, n: number): string {
  return iso(new Date(parse(date).getTime() + n * day));
}

/** The `months`-month window that ends on `end` (inclusive), e.g. 2011-12-09 → 2010-12-10 … 2011-12-09. */
export function windowEndingOn(end: string, months: number): Period {
  return { start: addDays(addMonths(end, -months), 1), end };
}

/** Days in a period, counting both ends. */
export function periodDays(p: Period): number {
  return Math.round((parse(p.end).getTime() - parse(p.start).getTime()) / day) + 1;
}

/** Length of a period in average months (days / 30.4375). */
export function periodMonths(p: Period): number {
  return periodDays(p) / DAYS_PER_MONTH;
}

/** Checks a user-given period; throws a specific message when it is empty or reversed. */
export function checkPeriod(p: Period, label = 'period'): Period {
  if (parse(p.end).getTime() < parse(p.start).getTime()) {
    throw new Error(`invalid ${label}: ends (${p.end}) before it starts (${p.start})`);
  }
  return p;
}

/** First and last transaction dates of the dataset. */
export interface DataRange {
  first: string;
  last: string;
}

/**
 * `SELECT` for the dataset's date range: first and last date of lines with a customer. The
 * summary's `customer_history` has one row per customer with such lines and their first and last
 * dates, so `fromSummary` reads the same two dates there (a row per customer, not per month).
 */
export function buildDataRangeQuery(fromSummary = false): string {
  if (fromSummary)
    return 'SELECT min(first_date) AS first_date, max(last_date) AS last_date, count(*) AS n FROM summary.customer_history';
  return 'SELECT min(date) AS first_date, max(date) AS last_date, count(*) AS n FROM transactions WHERE customer_id IS NOT NULL';
}

/** Reads the dataset's date range; throws when there are no transactions at all. */
export async function dataRange(db: SqlConnection, fromSummary = false): Promise<DataRange> {
  const t = await db.query(buildDataRangeQuery(fromSummary));
  const first = t.data[0]?.[0];
  const last = t.data[1]?.[0];
  if (!(first instanceof Date) || !(last instanceof Date)) {
    throw new Error('no transactions: load a transactions table with customer_id, date and revenue first');
  }
  return { first: iso(first), last: iso(last) };
}

/** Resolves optional start/end options against a default window; the defaults end on the last data date. */
export function resolvePeriod(
  start: string | undefined,
  end: string | undefined,
  range: DataRange,
  months = 12,
  label = 'period',
): Period {
  const e = end ?? range.last;
  const s = start ?? windowEndingOn(e, months).start;
  return checkPeriod({ start: s, end: e }, label);
}

/** The message for a period that holds no transactions (thrown, so the user sees it). */
export function noDataMessage(analysis: string, p: Period, range: DataRange, label = 'period'): string {
  return `${analysis}: no transactions in the ${label} ${p.start} to ${p.end}; the data runs from ${range.first} to ${range.last}. Choose ${/^[aeiou]/.test(label) ? 'an' : 'a'} ${label} inside that range.`;
}

/** Formats an ISO date for prose. */
export function formatPeriod(p: Period): string {
  return `${p.start} to ${p.end}`;
}

/** `formatPeriod` as a message, for chart words in the reader's language. */
export function periodMessage(p: Period): MessageRef {
  return msg('seg.chart.period', { start: text(p.start), end: text(p.end) });
}
