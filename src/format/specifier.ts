/**
 * Number and date formats written as strings in specs and prose: a d3-format specifier
 * (`%`, `.1%`, `$,.0f`, `,d`, `.2s`) or a d3-time-format specifier prefixed with `time:`
 * (`time:%Y-%m`). Dates from the engine are UTC instants, so time formats use UTC.
 * Strings in, functions out: a spec never carries a function.
 */
import { format as d3Format, formatSpecifier } from 'd3-format';
import { utcFormat } from 'd3-time-format';

/** Prefix that marks a d3-time-format specifier. */
export const TIME_PREFIX = 'time:';

/** A compiled formatter. Values it cannot format (a string under a number format) come back as `String(value)`. */
export type Formatter = (value: unknown) => string;

/**
 * Compiles a format string. Throws `Error('invalid format: …')` for a specifier d3 rejects,
 * so callers can wrap it with the place it came from.
 */
export function compileFormat(specifier: string): Formatter {
  if (specifier.startsWith(TIME_PREFIX)) {
    const pattern = specifier.slice(TIME_PREFIX.length);
    if (pattern.length === 0) throw new Error(`invalid format: "${specifier}" (empty time format)`);
    const f = utcFormat(pattern);
    return (value) => {
      const date = toDate(value);
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a cell that is not a date is shown as it is
      return date === null ? String(value ?? '') : f(date);
    };
  }
  let f: (n: number) => string;
  try {
    f = d3Format(withDefaultPrecision(specifier));
  } catch (cause) {
    throw new Error(`invalid format: "${specifier}"`, { cause });
  }
  return (value) => {
    if (typeof value === 'number') return f(value);
    if (typeof value === 'bigint') return f(Number(value));
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a cell that is not a number is shown as it is
    return String(value ?? '');
  };
}

/**
 * d3 gives `%` and `f` a precision of 6 when none is written (`1.38` → `138.000000%`). Prose and
 * ticks written as `{x:%}` mean "a percentage", so a missing precision becomes 2 with trailing
 * zeros trimmed: `138%`, `12.35%`, `0.5%`.
 */
function withDefaultPrecision(specifier: string): string {
  const parsed = formatSpecifier(specifier);
  if (parsed.precision === undefined && (parsed.type === '%' || parsed.type === 'f')) {
    parsed.precision = 2;
    parsed.trim = true;
    return parsed.toString();
  }
  return specifier;
}

function toDate(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'number') return new Date(value);
  if (typeof value === 'string') {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}
