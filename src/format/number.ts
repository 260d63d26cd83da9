/**
 * Numbers in notes, labels and messages, by kind: a percentage, an amount of money, a count, a
 * multiple ("3.4×") or a plain decimal. Findings use typed values instead (`typed.ts`: per locale,
 * compact, with the dataset's currency); these helpers keep the same rules for the English text
 * that is not translated yet (notes, chart labels).
 *
 * Plain and locale-free (en-US digits and grouping). Currency is unknown here, so money has no symbol. A negative
 * number takes the typographic
 * minus "−", a dash-like "-5.8%" reads badly in prose, and none when the digits shown are all zero.
 * Digits come from `Intl.NumberFormat`, which never switches to exponent notation (`toFixed` and
 * `String` do, from 1e21 up and below 1e-6). Anything that is not a finite number reads "n/a".
 */

const formats = new Map<string, Intl.NumberFormat>();

/** Grouped digits with exactly `digits` decimals (at most `digits` when `trim`), or null when `x` is not finite. */
function digitsOf(
  x: number | null | undefined,
  digits: number,
  trim = false,
): { text: string; negative: boolean } | null {
  if (typeof x !== 'number' || !Number.isFinite(x)) return null;
  const key = `${digits}:${trim}`;
  let f = formats.get(key);
  if (!f)
    formats.set(
      key,
      (f = new Intl.NumberFormat('en-US', { minimumFractionDigits: trim ? 0 : digits, maximumFractionDigits: digits })),
    );
  const text = f.format(Math.abs(x));
  return { text, negative: x < 0 && /[1-9]/.test(text) };
}

function signed(parts: { text: string; negative: boolean } | null, suffix = ''): string {
  return parts === null ? 'n/a' : `${parts.negative ? '−' : ''}${parts.text}${suffix}`;
}

/**
 * A fraction as a percentage: 1.384 → "138%". With `digits`, that many decimals (0.427, 1 →
 * "42.7%"). Without, a whole percent, and one decimal below 10% so a small share does not read as
 * a round one (0.046 → "4.6%", 0.05 → "5%"); a share too small to show stays visibly not nothing
 * (0.0001 → "0.0%").
 */
export function percent(x: number | null | undefined, digits?: number): string {
  if (typeof x !== 'number') return 'n/a';
  const p = x * 100;
  if (digits !== undefined) return signed(digitsOf(p, digits), '%');
  if (Math.abs(p) >= 10 || p === 0) return signed(digitsOf(p, 0), '%');
  const parts = digitsOf(p, 1);
  if (parts && parts.text.endsWith('.0') && parts.text !== '0.0') parts.text = parts.text.slice(0, -2);
  return signed(parts, '%');
}

/**
 * An amount of money, grouped: 1234567.8 → "1,234,568". With `digits`, that many decimals. Without,
 * whole units, and cents below 100 when the amount has them (−12.345 → "−12.35"), so a small
 * amount keeps its meaning.
 */
export function money(x: number | null | undefined, digits?: number): string {
  if (digits !== undefined) return signed(digitsOf(x, digits));
  const cents = typeof x === 'number' && Math.abs(x) < 100 && !Number.isInteger(x);
  return signed(digitsOf(x, cents ? 2 : 0));
}

/** A count, rounded and grouped: "5,268"; with a noun, "1 customer", "5,268 customers" (regular plural). */
export function count(n: number | null | undefined, noun?: string): string {
  const text = signed(digitsOf(n, 0));
  return noun === undefined ? text : `${text} ${noun}${n === 1 ? '' : 's'}`;
}

/** How many times as much: 3.42, 1 → "3.4×". */
export function multiple(x: number | null | undefined, digits: number): string {
  return signed(digitsOf(x, digits), '×');
}

/** A plain number with exactly `digits` decimals, grouped: 1234.5678, 2 → "1,234.57". */
export function decimal(x: number | null | undefined, digits: number): string {
  return signed(digitsOf(x, digits));
}
