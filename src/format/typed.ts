/**
 * Typed values: a number that knows what it is (a count, an amount of money, a share, a
 * multiple, percentage points, a duration, a date, a plain decimal) and is formatted from that,
 * per locale. A finding carries its numbers this way, so the sentence and the headline tile show
 * the same figure from one source, in the reader's language, with the dataset's currency.
 *
 * Rules, the same in every locale:
 * - never scientific notation (`Intl.NumberFormat` does not switch to exponents, `String` does);
 * - a negative number takes the typographic minus "−", and none when every digit shown is 0;
 * - anything that is not a finite number reads "n/a" (不适用 / 不適用);
 * - counts and money from 100,000 up are written compactly: 991.9k, 1.29M in English, 99.2万,
 *   1.29亿 in Simplified and 99.2萬, 1.29億 in Traditional Chinese (two decimals below 10 of the
 *   unit, one below 1,000, none above). The same form is used in sentences and in tiles, so a
 *   tile's text is always found in its sentence.
 *
 * Compact forms are written here rather than with `Intl`'s `notation: 'compact'`: Intl rounds to
 * significant digits that differ between ICU versions (Node and Chromium disagree), writes "K",
 * and has no rule for keeping a tile and a sentence identical.
 */
import type { Locale } from './locale.ts';
import { localeTag } from './locale.ts';

/** What a number is. */
export type ValueKind = 'count' | 'money' | 'percent' | 'ratio' | 'pp' | 'duration' | 'date' | 'decimal';

/** Units a duration is counted in. */
export type DurationUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** A number with its kind. `value` is a fraction for `percent` and `pp` (0.138 = 13.8%, 13.8 points). */
export interface TypedValue {
  kind: ValueKind;
  /** The number; for `date`, an ISO date (`2024-06-30` or `2024-06`) or epoch milliseconds. */
  value: number | string | null;
  /** Decimals to show; each kind has its default. */
  digits?: number;
  /** Show a "+" on positive values (changes). */
  signed?: boolean;
  /** The unit of a `duration`. */
  unit?: DurationUnit;
}

/** The dataset's currency: a symbol written before amounts ("¥", "$", "€") and its ISO 4217 code. */
export interface Currency {
  symbol: string;
  code: string;
}

/** How to format. */
export interface FormatOptions {
  locale?: Locale;
  /** Money's currency; none (plain amounts) by default. */
  currency?: Currency | null;
  /** Write counts and money in full, never compactly (tables, exports). */
  full?: boolean;
}

/** Counts and money from this size up are written compactly. */
export const COMPACT_FROM = 100_000;

const NA: Record<Locale, string> = { en: 'n/a', 'zh-Hans': '不适用', 'zh-Hant': '不適用' };

/** Compact units, largest first, per locale. */
const UNITS: Record<Locale, readonly (readonly [number, string])[]> = {
  en: [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'k'],
  ],
  'zh-Hans': [
    [1e12, '万亿'],
    [1e8, '亿'],
    [1e4, '万'],
  ],
  'zh-Hant': [
    [1e12, '兆'],
    [1e8, '億'],
    [1e4, '萬'],
  ],
};

const formats = new Map<string, Intl.NumberFormat>();

/** Grouped digits of |x| with `min`–`max` decimals in `locale`. */
function grouped(x: number, locale: Locale, min: number, max: number): string {
  const key = `${locale}:${min}:${max}`;
  let f = formats.get(key);
  if (!f)
    formats.set(
      key,
      (f = new Intl.NumberFormat(localeTag[locale], {
        minimumFractionDigits: min,
        maximumFractionDigits: max,
        useGrouping: true,
      })),
    );
  return f.format(Math.abs(x));
}

/** A sign for digits `text` of `x`: "−" when negative and not all zeros, "+" when asked and positive. */
function sign(x: number, text: string, signed: boolean | undefined): string {
  const nonZero = /[1-9]/.test(text);
  if (x < 0 && nonZero) return '−';
  if (signed && x > 0 && nonZero) return '+';
  return '';
}

/** |x| with a compact unit when it is large enough, else grouped with `digits` decimals. */
function magnitude(x: number, locale: Locale, digits: number, full: boolean): string {
  const abs = Math.abs(x);
  if (!full && abs >= COMPACT_FROM) {
    const units = UNITS[locale];
    const step = locale === 'en' ? 1000 : 10000;
    for (let i = 0; i < units.length; i++) {
      const [size, unit] = units[i]!;
      if (abs < size) continue;
      const scaled = abs / size;
      const decimals = scaled < 10 ? 2 : scaled < 1000 ? 1 : 0;
      const rounded = Number(scaled.toFixed(decimals));
      // 999.96k rounds to 1000.0k: say 1.00M instead (only when there is a larger unit).
      if (rounded >= step && i > 0) {
        const [bigger, biggerUnit] = units[i - 1]!;
        return `${grouped(abs / bigger, locale, 2, 2)}${biggerUnit}`;
      }
      return `${grouped(scaled, locale, decimals, decimals)}${unit}`;
    }
  }
  return grouped(x, locale, digits, digits);
}

/** Percent digits by the share's size: whole percent, one decimal below 10% (0.046 → 4.6%, 0.05 → 5%). */
function percentText(p: number, locale: Locale, digits: number | undefined): string {
  if (digits !== undefined) return grouped(p, locale, digits, digits);
  if (Math.abs(p) >= 10 || p === 0) return grouped(p, locale, 0, 0);
  const text = grouped(p, locale, 1, 1);
  return text.endsWith('.0') && text !== '0.0' ? text.slice(0, -2) : text;
}

const DURATION: Record<Locale, Record<DurationUnit, [one: string, other: string]>> = {
  en: {
    day: ['day', 'days'],
    week: ['week', 'weeks'],
    month: ['month', 'months'],
    quarter: ['quarter', 'quarters'],
    year: ['year', 'years'],
  },
  'zh-Hans': {
    day: ['天', '天'],
    week: ['周', '周'],
    month: ['个月', '个月'],
    quarter: ['个季度', '个季度'],
    year: ['年', '年'],
  },
  'zh-Hant': {
    day: ['天', '天'],
    week: ['週', '週'],
    month: ['個月', '個月'],
    quarter: ['季', '季'],
    year: ['年', '年'],
  },
};

/** Percentage points: "points" in English prose (a share's change, not a share), 个百分点 / 個百分點. */
const PP: Record<Locale, [one: string, other: string]> = {
  en: [' point', ' points'],
  'zh-Hans': [' 个百分点', ' 个百分点'],
  'zh-Hant': [' 個百分點', ' 個百分點'],
};
const TIMES: Record<Locale, string> = { en: '×', 'zh-Hans': ' 倍', 'zh-Hant': ' 倍' };

/** The date in `v`, as a UTC date and whether it names a whole month. */
function toDate(v: number | string): { date: Date; month: boolean } | null {
  if (typeof v === 'number') return Number.isFinite(v) ? { date: new Date(v), month: false } : null;
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(v);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, m[3] ? Number(m[3]) : 1));
  return Number.isNaN(date.getTime()) ? null : { date, month: !m[3] };
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateText(v: number | string, locale: Locale): string | null {
  const d = toDate(v);
  if (!d) return null;
  const key = `${locale}:${d.month}`;
  let f = dateFormats.get(key);
  if (!f) {
    const opts: Intl.DateTimeFormatOptions = d.month
      ? { year: 'numeric', month: locale === 'en' ? 'short' : 'long', timeZone: 'UTC' }
      : { year: 'numeric', month: locale === 'en' ? 'short' : 'long', day: 'numeric', timeZone: 'UTC' };
    dateFormats.set(key, (f = new Intl.DateTimeFormat(localeTag[locale], opts)));
  }
  return f.format(d.date);
}

/** Formats a typed value for a reader in `options.locale` (English by default). */
export function formatTyped(v: TypedValue, options: FormatOptions = {}): string {
  const locale = options.locale ?? 'en';
  const x = v.value;
  if (v.kind === 'date') {
    return (x === null ? null : dateText(x, locale)) ?? NA[locale];
  }
  if (typeof x !== 'number' || !Number.isFinite(x)) return NA[locale];
  const full = options.full ?? false;
  switch (v.kind) {
    case 'count': {
      const text = magnitude(Math.round(x), locale, 0, full);
      return `${sign(x, text, v.signed)}${text}`;
    }
    case 'money': {
      // Whole units, and cents below 100 when the amount has them, so a small amount keeps its meaning.
      const digits = v.digits ?? (Math.abs(x) < 100 && !Number.isInteger(x) ? 2 : 0);
      const text = magnitude(x, locale, digits, full);
      const c = options.currency;
      const unit = c ? c.symbol || `${c.code}\u00a0` : '';
      return `${sign(x, text, v.signed)}${unit}${text}`;
    }
    case 'percent': {
      const text = percentText(x * 100, locale, v.digits);
      return `${sign(x, text, v.signed)}${text}%`;
    }
    case 'pp': {
      const text = grouped(x * 100, locale, v.digits ?? 0, v.digits ?? 0);
      return `${sign(x, text, v.signed)}${text}${PP[locale][text === '1' ? 0 : 1]}`;
    }
    case 'ratio': {
      const text = grouped(x, locale, v.digits ?? 1, v.digits ?? 1);
      return `${sign(x, text, v.signed)}${text}${TIMES[locale]}`;
    }
    case 'duration': {
      const digits = v.digits ?? (Number.isInteger(x) ? 0 : 1);
      const text = grouped(x, locale, digits, digits);
      const [one, other] = DURATION[locale][v.unit ?? 'day'];
      return `${sign(x, text, v.signed)}${text} ${text === '1' ? one : other}`;
    }
    case 'decimal': {
      const text = grouped(x, locale, v.digits ?? 0, v.digits ?? 0);
      return `${sign(x, text, v.signed)}${text}`;
    }
  }
}

/** The kinds, for checks and option lists. */
export const valueKinds: readonly ValueKind[] = [
  'count',
  'money',
  'percent',
  'ratio',
  'pp',
  'duration',
  'date',
  'decimal',
];

/** Constructors that read like the sentence: `tv.percent(0.38)`, `tv.money(1200)`, `tv.ratio(3.8, 1)`. */
export const tv = {
  count: (value: number | null, signed?: boolean): TypedValue => ({
    kind: 'count',
    value,
    ...(signed ? { signed } : {}),
  }),
  money: (value: number | null, digits?: number, signed?: boolean): TypedValue => ({
    kind: 'money',
    value,
    ...(digits !== undefined ? { digits } : {}),
    ...(signed ? { signed } : {}),
  }),
  percent: (value: number | null, digits?: number, signed?: boolean): TypedValue => ({
    kind: 'percent',
    value,
    ...(digits !== undefined ? { digits } : {}),
    ...(signed ? { signed } : {}),
  }),
  ratio: (value: number | null, digits = 1): TypedValue => ({ kind: 'ratio', value, digits }),
  pp: (value: number | null, digits = 0, signed?: boolean): TypedValue => ({
    kind: 'pp',
    value,
    digits,
    ...(signed ? { signed } : {}),
  }),
  duration: (value: number | null, unit: DurationUnit, digits?: number): TypedValue => ({
    kind: 'duration',
    value,
    unit,
    ...(digits !== undefined ? { digits } : {}),
  }),
  date: (value: string | number | null): TypedValue => ({ kind: 'date', value }),
  decimal: (value: number | null, digits = 0): TypedValue => ({ kind: 'decimal', value, digits }),
};

/** Whether `v` is a typed value (a finding parameter may also be text, a term or a sub-message). */
export function isTypedValue(v: unknown): v is TypedValue {
  return typeof v === 'object' && v !== null && valueKinds.includes((v as { kind: ValueKind }).kind);
}
