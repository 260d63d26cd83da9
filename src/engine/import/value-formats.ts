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
}

const currencyRe = /^(NT\$|HK\$|US\$|RMB|CNY|USD|EUR|GBP|[¥￥$€£])|(元|RMB|CNY|USD|EUR|GBP|[¥￥$€£])$/;

/** Strips currency, sign wrappers and spaces: what is left must be digits and separators. */
function numberCore(v: string): { core: string; currency: string | null; negative: boolean } | null {
  let s = v.trim();
  let negative = false;
  if (/^\(.*\)$/.test(s)) (negative = true), (s = s.slice(1, -1).trim());
  if (s.startsWith('-') || s.startsWith('+')) (negative = s.startsWith('-')), (s = s.slice(1).trim());
  let currency: string | null = null;
  const m = currencyRe.exec(s);
  if (m) {
    currency = m[1] ?? m[2] ?? null;
    s = s.replace(currencyRe, '').trim();
  }
  if (s.startsWith('-')) (negative = true), (s = s.slice(1));
  if (!/^\d[\d.,' ]*$|^[.,]\d+$/.test(s)) return null;
  if (/^\d+(\.\d+)?[eE][-+]?\d+$/.test(s)) return { core: s, currency, negative };
  return { core: s, currency, negative };
}

/** Infers the number format of numeric-looking values, or null when some value is not a number. */
export function detectNumberFormat(values: readonly string[], hint: Partial<NumberFormat> = {}): NumberFormat | null {
  let currency: string | null = null;
  let commaDecimal = 0;
  let dotDecimal = 0;
  let thousands: NumberFormat['thousands'] = '';
  for (const v of values) {
    const c = numberCore(v);
    if (!c) return null;
    currency ??= c.currency;
    const s = c.core;
    if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s) && s.includes('.')) (thousands = ','), dotDecimal++;
    else if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s) && s.includes(',')) (thousands = '.'), commaDecimal++;
    else if (/^\d{1,3}( \d{3})+([.,]\d+)?$/.test(s)) thousands = ' ';
    else if (/^\d{1,3}('\d{3})+(\.\d+)?$/.test(s)) thousands = "'";
    else if (/^\d*,\d+$/.test(s) && !/^\d{1,3},\d{3}$/.test(s)) commaDecimal++;
    else if (/^\d{1,3}(,\d{3})+$/.test(s)) thousands = thousands || ',';
    else if (/^\d*\.\d+$/.test(s) || /^\d+$/.test(s)) dotDecimal += s.includes('.') ? 1 : 0;
    else if (/^\d{1,3}(\.\d{3})+$/.test(s)) thousands = thousands || '.';
    else return null;
  }
  let decimal: NumberFormat['decimal'] = hint.decimal ?? (commaDecimal > dotDecimal ? ',' : '.');
  if (commaDecimal > 0 && dotDecimal === 0 && thousands !== ',') decimal = ',';
  if (decimal === ',' && thousands === ',') thousands = '';
  if (decimal === '.' && thousands === '.') decimal = ',';
  return { decimal, thousands: hint.thousands ?? thousands, currency };
}

const timeSuffixes = ['', ' %H:%M:%S', ' %H:%M', 'T%H:%M:%S', ' %H:%M:%S.%f', 'T%H:%M:%S.%f'];

function withTimes(date: string, hasTime: boolean): string[] {
  return hasTime ? timeSuffixes.map((t) => date + t) : [date];
}

/** Parses one value with a number format, as the SQL in `sql-expressions.ts` does (for previews). */
export function parseNumber(v: string, format: NumberFormat): number | null {
  const c = numberCore(v);
  if (!c) return null;
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
  if (all(new RegExp(String.raw`^\d{4}-\d{1,2}-\d{1,2}` + time))) return { patterns: withTimes('%Y-%m-%d', hasTime), ambiguous: false, hasTime };
  if (all(new RegExp(String.raw`^\d{4}/\d{1,2}/\d{1,2}` + time))) return { patterns: withTimes('%Y/%m/%d', hasTime), ambiguous: false, hasTime };
  if (all(new RegExp(String.raw`^\d{4}\.\d{1,2}\.\d{1,2}` + time))) return { patterns: withTimes('%Y.%m.%d', hasTime), ambiguous: false, hasTime };
  if (all(new RegExp(String.raw`^\d{4}年\d{1,2}月\d{1,2}日` + time))) return { patterns: withTimes('%Y年%m月%d日', hasTime), ambiguous: false, hasTime };
  if (all(/^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/)) return { patterns: ['%Y%m%d'], ambiguous: false, hasTime: false };
  const dmy = values.map((v) => /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})/.exec(v.trim()));
  if (dmy.every((m) => m !== null) && all(new RegExp(String.raw`^\d{1,2}([/.-])\d{1,2}\1\d{4}` + time))) {
    const sep = dmy[0]![2]!;
    const firstOver12 = dmy.some((m) => Number(m![1]) > 12);
    const secondOver12 = dmy.some((m) => Number(m![3]) > 12);
    if (firstOver12 && secondOver12) return null;
    const dayFirst = firstOver12 || !secondOver12; // undecided → day-first, flagged ambiguous
    const pattern = dayFirst ? `%d${sep}%m${sep}%Y` : `%m${sep}%d${sep}%Y`;
    return { patterns: withTimes(pattern, hasTime), ambiguous: !firstOver12 && !secondOver12, hasTime };
  }
  return null;
}

/** The day-first/month-first alternative of a slash date format (for the "which is it?" question). */
export function swapDayMonth(format: DateFormat): DateFormat {
  return { ...format, patterns: format.patterns.map((p) => p.replace(/^%([dm])(.)%([dm])/, (_m, a: string, sep: string, b: string) => `%${b}${sep}%${a}`)), ambiguous: false };
}

/** Share of values that must fit a type for the column to get it. */
export const MOSTLY = 0.75;

/** Profiles a column from its sample values. `hint` carries the file-level number style. */
export function profileColumn(values: readonly (string | null)[], hint: Partial<NumberFormat> = {}): ColumnProfile {
  const nonBlankValues = values.filter((v): v is string => v !== null && v.trim() !== '');
  const blanks = values.length - nonBlankValues.length;
  const base = { blanks, distinct: new Set(nonBlankValues).size, nonBlank: nonBlankValues.length, integer: false, negativeShare: 0 };
  if (nonBlankValues.length === 0) return { ...base, type: 'empty' };
  // A few bad values (typos, "n/a") must not hide the column's type: they are what the import
  // reports as rejected rows. So a type wins when it fits at least `MOSTLY` of the values.
  const mostly = (ok: (v: string) => boolean) => {
    const fit = nonBlankValues.filter(ok);
    return fit.length >= MOSTLY * nonBlankValues.length ? fit : null;
  };
  const dateLike = mostly((v) => /^\d{1,4}[-/.年]\d{1,2}|^\d{8}$/.test(v.trim()));
  const date = dateLike ? detectDateFormat(dateLike) : null;
  // 8-digit numbers could be YYYYMMDD dates or ids; a date reading wins only when all are valid dates.
  if (date) return { ...base, type: 'date', date };
  const numberLike = mostly((v) => numberCore(v) !== null);
  const number = numberLike ? detectNumberFormat(numberLike, hint) : null;
  if (number) {
    const parsed = numberLike!.map((v) => parseNumber(v, number));
    const integer = parsed.every((x) => x !== null && Number.isInteger(x));
    const negatives = parsed.filter((x) => x !== null && x < 0).length;
    return { ...base, type: 'number', number, integer, negativeShare: negatives / numberLike!.length };
  }
  if (nonBlankValues.every((v) => /^(true|false|yes|no|y|n|是|否|0|1)$/i.test(v.trim()))) return { ...base, type: 'boolean' };
  return { ...base, type: 'text' };
}
