/**
 * Numbers written for machines to read back (CSV exports): the decimal a person typed, not the
 * binary float's noise. Sums of money like 1200.1 + 4160.46 come out of IEEE arithmetic as
 * 5360.560000000001; written as is, every spreadsheet shows the noise. Rounding to 15 significant
 * digits (what a double holds exactly in decimal) removes it and keeps every real digit, and the
 * text is written out in plain positional notation, never as `1e+21` or `1e-7`.
 */

/** `x` as plain decimal text without float noise: 5360.560000000001 → "5360.56", 1e21 → "1000000000000000000000". */
export function exactDecimal(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
  if (x === 0) return '0';
  // Integers (ids, counts) carry no noise; a 16-digit id must keep its last digit.
  if (Number.isSafeInteger(x)) return String(x);
  const clean = Number(x.toPrecision(15));
  const text = String(clean);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  // Expand exponent notation by moving the decimal point in the digit string.
  const [, minus, lead, tail = '', exp] = m;
  const digits = lead! + tail;
  const point = 1 + Number(exp);
  if (point <= 0) return `${minus}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${minus}${digits}${'0'.repeat(point - digits.length)}`;
  return `${minus}${digits.slice(0, point)}.${digits.slice(point)}`;
}
