/**
 * Type and format detection for one column of text values (pure). The result drives both the
 * role suggestion and the SQL that parses the full column (see `sql-expressions.ts`).
 */

/** How numbers are written in a column. */
export interface NumberFormat {
  decimal: '.' | ',';
  thousands: '' | ',' | '.' | ' ' | "'";
  /** Currency symbol or code seen in the values (`¥`, `$`, `€`, `£`, `NT$`, `HK$`…), stripped when parsing. */
  currency: string | null;
}

/** How dates are written: DuckDB `strptime` patterns tried in order. */
export interface DateFormat {
  /** e.g. `['%Y-%m-%d', '%Y-%m-%d %H:%M:%S']`. */
  patterns: string[];
  /** Values could be day-first or month-first and none decided it: ask the user. */
  ambiguous: boolean;
  /** Whether values carry a time of day. */
  hasTime: boolean;
  /** Excel serial day numbers (`45292` = 2024-01-01) are dates too (see `isExcelSerial`). */
  excelSerial?: boolean;
}

/** The detected type of a column. */
export type ValueType = 'empty' | 'number' | 'date' | 'boolean' | 'text';

/** What the profiler learned about a column from its sample values. */
export interface ColumnProfile {
  type: ValueType;
  /** Present when `type` is `number`. */
  number?: NumberFormat;
  /** Present when `type` is `date`. */
  date?: DateFormat;
  /** Whether every number is a whole number. */
  integer: boolean;
  /** Sample values that were blank. */
  blanks: number;
  /** Distinct non-blank sample values. */
  distinct: number;
  /** Non-blank sample values. */
  nonBlank: number;
  /** Share of numbers that are negative. */
  negativeShare: number;
  /** Non-blank sample values that do not fit `type` (they become rejected rows when the column is imported as that type). */
  invalid: number;
}

const currencyRe = /^(NT\$|HK\$|US\$|RMB|CNY|USD|EUR|GBP|[¥￥$€£])|(元|RMB|CNY|USD|EUR|GBP|[¥￥$€£])$/;

/** Strips currency, sign wrappers and spaces: what is left must be digits and separators. */
function numberCore(v: string): { core: string; currency: string | null; negative: boolean } | null {
  let s = v.trim();
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = s.startsWith('-');
    s = s.slice(1).trim();
  }
  let currency: string | null = null;
  const m = currencyRe.exec(s);
  if (m) {
    currency = m[1] ?? m[2] ?? null;
    s = s.replace(currencyRe, '').trim();
  }
  if (s.startsWith('-')) {
    negative = true;
    s = s.slice(1);
  }
  if (!/^\d[\d.,' ]*$|^[.,]\d+$/.test(s)) return null;
  if (/^\d+(\.\d+)?[eE][-+]?\d+$/.test(s)) return { core: s, currency, negative };
  return { core: s, currency, negative };
}

/** How one number-looking value votes on the column's separators (null: it fits no style). */
type NumberVote = { decimal?: NumberFormat['decimal']; thousands?: NumberFormat['thousands']; weak?: boolean } | null;

function voteOf(s: string): NumberVote {
  if (/^\d{1,3}(,\d{3})+\.\d+$/.test(s)) return { decimal: '.', thousands: ',' };
  if (/^\d{1,3}(\.\d{3})+,\d+$/.test(s)) return { decimal: ',', thousands: '.' };
  if (/^\d{1,3}( \d{3})+([.,]\d+)?$/.test(s))
    return { thousands: ' ', ...(/[.,]\d+$/.test(s) ? { decimal: s.includes(',') ? ',' : '.' } : {}) };
  if (/^\d{1,3}('\d{3})+(\.\d+)?$/.test(s)) return { thousands: "'", ...(s.includes('.') ? { decimal: '.' } : {}) };
  // `1,234` and `1.234` could be either a grouped integer or a decimal: weak votes.
  if (/^\d{1,3},\d{3}$/.test(s)) return { thousands: ',', weak: true };
  if (/^\d{1,3}\.\d{3}$/.test(s)) return { decimal: '.', weak: true };
  if (/^\d*,\d+$/.test(s)) return { decimal: ',' };
  if (/^\d{1,3}(,\d{3}){2,}$/.test(s)) return { thousands: ',' };
  if (/^\d{1,3}(\.\d{3}){2,}$/.test(s)) return { thousands: '.' };
  if (/^\d*\.\d+$/.test(s)) return { decimal: '.' };
  if (/^\d+$/.test(s)) return {};
  return null;
}

/** The most frequent key of a tally (first seen wins a tie), or undefined for an empty tally. */
function majority<K>(tally: Map<K, number>): K | undefined {
  let best: K | undefined;
  let n = 0;
  for (const [k, c] of tally) if (c > n) [best, n] = [k, c];
  return best;
}

/**
 * The number format most values are written in. Every value votes for the decimal mark and
 * thousands separator its shape implies (`1,234.50` for `.` and `,`; `12,5` for a decimal comma);
 * ambiguous shapes (`1,234`, `1.234`) count only when nothing else decides. So one odd value never
 * decides the format of forty others; values that fit no style do not vote. The file-level
 * `hint` (from the CSV sniffer) settles a column whose values do not tell.
 */
export function majorityNumberFormat(values: readonly string[], hint: Partial<NumberFormat> = {}): NumberFormat {
  const decimals = new Map<NumberFormat['decimal'], number>();
  const thousands = new Map<NumberFormat['thousands'], number>();
  const weakDecimals = new Map<NumberFormat['decimal'], number>();
  const weakThousands = new Map<NumberFormat['thousands'], number>();
  const currencies = new Map<string, number>();
  for (const v of values) {
    const c = numberCore(v);
    const vote = c ? voteOf(c.core) : null;
    if (!c || !vote) continue;
    if (c.currency) currencies.set(c.currency, (currencies.get(c.currency) ?? 0) + 1);
    const [d, t] = vote.weak ? [weakDecimals, weakThousands] : [decimals, thousands];
    if (vote.decimal) d.set(vote.decimal, (d.get(vote.decimal) ?? 0) + 1);
    if (vote.thousands) t.set(vote.thousands, (t.get(vote.thousands) ?? 0) + 1);
  }
  let decimal =
    majority(decimals) ?? hint.decimal ?? (weakThousands.size === 0 ? majority(weakDecimals) : undefined) ?? '.';
  // A `.`-grouped column (`1.234.567`) has a decimal comma even if no value shows one.
  if (!decimals.size && majority(thousands) === '.') decimal = ',';
  const compatible = (m: Map<NumberFormat['thousands'], number>) => new Map([...m].filter(([k]) => k !== decimal));
  // The ambiguous shapes group thousands by whichever mark is not the decimal one.
  const weakSep =
    decimal === ',' ? (weakDecimals.has('.') ? '.' : undefined) : weakThousands.has(',') ? ',' : undefined;
  const sep = majority(compatible(thousands)) ?? weakSep ?? '';
  return { decimal, thousands: hint.thousands ?? sep, currency: majority(currencies) ?? null };
}

/** Infers the number format of numeric-looking values, or null when some value is not a number. */
export function detectNumberFormat(values: readonly string[], hint: Partial<NumberFormat> = {}): NumberFormat | null {
  if (values.some((v) => !numberCore(v) || !voteOf(numberCore(v)!.core))) return null;
  return majorityNumberFormat(values, hint);
}

/**
 * The shape a number must have in `format` once sign and currency are off: digits grouped by the
 * thousands separator (a space or apostrophe is always allowed, as it cannot be a decimal mark) or
 * ungrouped, then an optional decimal part. A regular expression, shared by the SQL parse and
 * `parseNumber`, so the preview and the import agree on which values are rejected.
 */
export function numberGrammar(format: NumberFormat): string {
  const esc = (ch: string) => (ch === '.' ? '\\.' : ch);
  const groups = [...new Set([format.thousands, ' ', "'"].filter((x) => x !== '' && x !== format.decimal))]
    .map(esc)
    .join('');
  const d = esc(format.decimal);
  return String.raw`(\d{1,3}([${groups}]\d{3})+|\d+)(${d}\d*)?|${d}\d+`;
}

const timeSuffixes = ['', ' %H:%M:%S', ' %H:%M', 'T%H:%M:%S', ' %H:%M:%S.%f', 'T%H:%M:%S.%f'];

function withTimes(date: string, hasTime: boolean): string[] {
  return hasTime ? timeSuffixes.map((t) => date + t) : [date];
}

/** Parses one value with a number format, as the SQL in `sql-expressions.ts` does (for previews). */
export function parseNumber(v: string, format: NumberFormat): number | null {
  const c = numberCore(v);
  if (!c) return null;
  if (!new RegExp(`^(?:${numberGrammar(format)})$`).test(c.core)) return null;
  let s = c.core.replace(/[' ]/g, '');
  if (format.thousands) s = s.split(format.thousands).join('');
  if (format.decimal === ',') s = s.replace(',', '.');
  const x = Number(s);
  return Number.isFinite(x) && s !== '' ? (c.negative ? -x : x) : null;
}

/** Infers a date format, or null when some value is not a date in one consistent format. */
export function detectDateFormat(values: readonly string[]): DateFormat | null {
  if (values.length === 0) return null;
  const hasTime = values.some((v) => /\d[ T]\d{1,2}:\d{2}/.test(v.trim()));
  const all = (re: RegExp) => values.every((v) => re.test(v.trim()));
  const time = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$`;
  if (all(new RegExp(String.raw`^\d{4}-\d{1,2}-\d{1,2}` + time)))
    return { patterns: withTimes('%Y-%m-%d', hasTime), ambiguous: false, hasTime };
  if (all(new RegExp(String.raw`^\d{4}/\d{1,2}/\d{1,2}` + time)))
    return { patterns: withTimes('%Y/%m/%d', hasTime), ambiguous: false, hasTime };
  if (all(new RegExp(String.raw`^\d{4}\.\d{1,2}\.\d{1,2}` + time)))
    return { patterns: withTimes('%Y.%m.%d', hasTime), ambiguous: false, hasTime };
  if (all(new RegExp(String.raw`^\d{4}年\d{1,2}月\d{1,2}日` + time)))
    return { patterns: withTimes('%Y年%m月%d日', hasTime), ambiguous: false, hasTime };
  if (all(/^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/))
    return { patterns: ['%Y%m%d'], ambiguous: false, hasTime: false };
  const dmy = values.map((v) => /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})/.exec(v.trim()));
  if (dmy.every((m) => m !== null) && all(new RegExp(String.raw`^\d{1,2}([/.-])\d{1,2}\1\d{4}` + time))) {
    const sep = dmy[0]![2]!;
    const firstOver12 = dmy.some((m) => Number(m[1]) > 12);
    const secondOver12 = dmy.some((m) => Number(m[3]) > 12);
    if (firstOver12 && secondOver12) return null;
    const dayFirst = firstOver12 || !secondOver12; // undecided → day-first, flagged ambiguous
    const pattern = dayFirst ? `%d${sep}%m${sep}%Y` : `%m${sep}%d${sep}%Y`;
    return { patterns: withTimes(pattern, hasTime), ambiguous: !firstOver12 && !secondOver12, hasTime };
  }
  return null;
}

/** The day-first/month-first alternative of a slash date format (for the "which is it?" question). */
export function swapDayMonth(format: DateFormat): DateFormat {
  return {
    ...format,
    patterns: format.patterns.map((p) =>
      p.replace(/^%([dm])(.)%([dm])/, (_m, a: string, sep: string, b: string) => `%${b}${sep}%${a}`),
    ),
    ambiguous: false,
  };
}

/** Share of the non-blank values that must fit a type for the column to get it. */
export const MOSTLY = 0.75;

/**
 * Excel serial day numbers accepted as dates: 29221 (1980-01-01) to 73050 (2099-12-31), counted
 * from 1899-12-30 as Excel's 1900 date system does (its phantom 29 February 1900 lies below the
 * range). Outside this range a five-digit number is far more likely an amount or an id.
 */
export const EXCEL_SERIAL_MIN = 29221;
export const EXCEL_SERIAL_MAX = 73050;

/** Whether a value is an Excel serial day number in the plausible range (a fraction is a time of day). */
export function isExcelSerial(v: string): boolean {
  const s = v.trim();
  if (!/^\d{5}(\.\d+)?$/.test(s)) return false;
  const x = Number(s);
  return x >= EXCEL_SERIAL_MIN && x < EXCEL_SERIAL_MAX + 1;
}

/** The date shape a value has (values of one shape share a format), or null when it is none. */
function dateShape(v: string): string | null {
  const s = v.trim();
  let m: RegExpExecArray | null;
  if ((m = /^\d{4}([-/.])\d{1,2}\1\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(s))) return `ymd${m[1]}`;
  if (/^\d{4}年\d{1,2}月\d{1,2}日/.test(s)) return 'ymd年';
  if ((m = /^(\d{1,2})([/.-])(\d{1,2})\2\d{4}(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(s))) {
    // Day-first and month-first values are different shapes; `01/02/2024` fits both.
    const order = Number(m[1]) > 12 ? 'd' : Number(m[3]) > 12 ? 'm' : '?';
    return `dmy${m[2]}${order}`;
  }
  return null;
}

/**
 * The date format most values are written in, with how many values fit it. Values are grouped by
 * shape (ISO, `YYYY/MM/DD`, `DD/MM/YYYY`, `MM/DD/YYYY`, `2024年1月5日`…); the largest group wins,
 * and `DD/MM` values that fit either order join the day-first or month-first group they agree
 * with. `YYYYMMDD` is only taken when every value is one (eight-digit ids look the same).
 */
export function majorityDateFormat(values: readonly string[]): { format: DateFormat; fits: number } | null {
  if (values.length === 0) return null;
  const strict = detectDateFormat(values);
  if (strict) return { format: strict, fits: values.length };
  const groups = new Map<string, string[]>();
  for (const v of values) {
    const shape = dateShape(v);
    if (!shape) continue;
    const g = groups.get(shape);
    if (g) g.push(v);
    else groups.set(shape, [v]);
  }
  for (const sep of ['/', '.', '-']) {
    const either = groups.get(`dmy${sep}?`);
    if (!either) continue;
    const [d, m] = [groups.get(`dmy${sep}d`) ?? [], groups.get(`dmy${sep}m`) ?? []];
    if (!d.length && !m.length) continue;
    groups.set(d.length >= m.length ? `dmy${sep}d` : `dmy${sep}m`, [...(d.length >= m.length ? d : m), ...either]);
    groups.delete(`dmy${sep}?`);
  }
  let best: string[] = [];
  for (const g of groups.values()) if (g.length > best.length) best = g;
  const format = best.length ? detectDateFormat(best) : null;
  return format ? { format, fits: best.length } : null;
}

/** Options for `profileColumn`. */
export interface ProfileOptions {
  /** The header suggests a date: five-digit numbers in the Excel serial range are then read as dates. */
  dateName?: boolean;
}

/**
 * Profiles a column from its sample values. `hint` carries the file-level number style.
 *
 * A few bad values (typos, `n/a`, `12.5.3`, a date in another format) must not hide the column's
 * type: a type wins when at least `MOSTLY` (75%) of the non-blank values fit it, and the values
 * that do not fit are counted in `invalid`. At import they are rejected rows with a reason.
 */
export function profileColumn(
  values: readonly (string | null)[],
  hint: Partial<NumberFormat> = {},
  options: ProfileOptions = {},
): ColumnProfile {
  const nonBlankValues = values.filter((v): v is string => v !== null && v.trim() !== '');
  const blanks = values.length - nonBlankValues.length;
  const n = nonBlankValues.length;
  const base = {
    blanks,
    distinct: new Set(nonBlankValues).size,
    nonBlank: n,
    integer: false,
    negativeShare: 0,
    invalid: 0,
  };
  if (n === 0) return { ...base, type: 'empty' };
  const enough = (fits: number) => fits > 0 && fits >= MOSTLY * n;
  const serials = options.dateName ? nonBlankValues.filter(isExcelSerial).length : 0;
  const textual = majorityDateFormat(nonBlankValues.filter((v) => !(options.dateName && isExcelSerial(v))));
  const dateFits = (textual?.fits ?? 0) + serials;
  if (enough(dateFits)) {
    const date: DateFormat = textual ? { ...textual.format } : { patterns: [], ambiguous: false, hasTime: false };
    if (serials > 0) date.excelSerial = true;
    return { ...base, type: 'date', date, invalid: n - dateFits };
  }
  const number = majorityNumberFormat(nonBlankValues, hint);
  const parsed = nonBlankValues.map((v) => parseNumber(v, number)).filter((x): x is number => x !== null);
  if (enough(parsed.length)) {
    const whole = parsed.filter((x) => Number.isInteger(x)).length;
    const negatives = parsed.filter((x) => x < 0).length;
    return {
      ...base,
      type: 'number',
      number,
      integer: whole === parsed.length || enough(whole),
      negativeShare: negatives / parsed.length,
      invalid: n - parsed.length,
    };
  }
  if (nonBlankValues.every((v) => /^(true|false|yes|no|y|n|是|否|0|1)$/i.test(v.trim())))
    return { ...base, type: 'boolean' };
  return { ...base, type: 'text' };
}
