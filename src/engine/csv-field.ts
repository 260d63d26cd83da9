/**
 * The one rule every CSV the app or the CLI hands to a person follows: RFC 4180 quoting, and no
 * cell a spreadsheet would run as a formula (CSV injection, as OWASP describes it). A cell whose
 * text starts with `=`, `+`, `-`, `@`, a tab or a carriage return, their full-width forms
 * `＝＋－＠`, or any of those after leading whitespace, gets a leading `'`: Excel, LibreOffice
 * and Google Sheets then show the text as typed and never evaluate it. Numbers stay numbers:
 * a number, or text that is exactly a number such as `-12.5`, is written unchanged.
 */
import { exactDecimal } from '../format/exact.ts';

/** Text a spreadsheet may take for a formula. `\s` covers spaces, NBSP and the ideographic space. */
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;
/** A plain decimal number, which spreadsheets read as a number, never as a formula. */
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** `text` made safe to open in a spreadsheet (a leading `'` when it could start a formula). */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !NUMBER.test(text) ? `'${text}` : text;
}

/** One CSV field: empty for null, numbers as exact decimals (no float noise, no exponent), dates as ISO (a bare date at midnight UTC as `YYYY-MM-DD`), quoted when needed. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return exactDecimal(value);
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  const text =
    value instanceof Date
      ? value.toISOString().replace('T00:00:00.000Z', '')
      : // eslint-disable-next-line @typescript-eslint/no-base-to-string -- what is left is text (cells are numbers, text, booleans or dates)
        neutraliseFormula(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record (no line break). */
export function csvLine(values: readonly unknown[]): string {
  return values.map(csvField).join(',');
}
