/**
 * How a result table shows each column: numbers right-aligned in one format per column (so the
 * digits of a column line up), chosen from what the column holds, and a width in pixels that the
 * header and every row share, so a header always sits over its values however wide the table.
 *
 * The kind of a numeric column is read from its type, its name and its values, in this order:
 * - whole-number types (and columns whose values are all whole) are counts, grouped ("12,480");
 *   identifiers and years among them ("customer_id", "year") are written without grouping;
 * - fractions whose name says share, rate or percent ("profit_share", "churn_rate") are percents;
 * - other decimals keep the same number of decimals down the column: none from a typical size of
 *   1,000 up (amounts), two from 1 up, and three significant digits below.
 * Formats come from `src/format` (grouping, typographic minus, never exponent notation).
 */
import { textWidth } from '../../charts/text-metrics.ts';
import { decimal, percent } from '../../format/number.ts';
import type { Cell, ColumnInfo, ColumnarTable } from '../../sql/table.ts';

/** How one column is shown. */
export interface ColumnFormat {
  /** Numbers (and only numbers) are right-aligned. */
  align: 'left' | 'right';
  /** The text of one value (`∅` for NULL). */
  format: (value: Cell) => string;
  /** Width in px shared by the header cell and every body cell of the column. */
  width: number;
}

/** Font size of body cells and header names in the grid, in px (the component's CSS). */
export const CELL_FONT = 13;
/** Font size of the type line under a header name, in px. */
const TYPE_FONT = 10.5;
/** Horizontal padding of a cell (both sides), in px. */
const PADDING = 20;
/** Width bounds of a column, in px: long text is cut with an ellipsis (the full text is its tooltip). */
export const MIN_WIDTH = 64;
export const MAX_WIDTH = 360;

const INTEGER_TYPES = /^(TINYINT|SMALLINT|INTEGER|INT|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/i;
const IDENTIFIER = /(^|_)(id|ids|year|yr|code|zip|postcode|no|number)$/i;
const PERCENT = /(share|rate|pct|percent|proportion|probability|p_alive)/i;

/** A date as ISO text (time only when it has one). */
function formatDate(value: Date): string {
  const iso = value.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}

/** The number formatter for a column, from its name, type and sample values. */
export function numberFormat(column: ColumnInfo, values: readonly Cell[]): (n: number) => string {
  const numbers = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const whole = INTEGER_TYPES.test(column.type) || (numbers.length > 0 && numbers.every(Number.isInteger));
  if (whole && IDENTIFIER.test(column.name)) return (n) => (Number.isInteger(n) ? String(n) : decimal(n, 2));
  if (whole) return (n) => decimal(n, Number.isInteger(n) ? 0 : 2);
  if (PERCENT.test(column.name) && numbers.every((n) => Math.abs(n) <= 10)) return (n) => percent(n, 1);
  const sizes = numbers.map(Math.abs).sort((a, b) => a - b);
  const typical = sizes[Math.floor(sizes.length / 2)] ?? 0;
  const digits =
    typical >= 1000
      ? 0
      : typical >= 1
        ? 2
        : typical === 0
          ? 2
          : Math.min(6, Math.max(2, 2 - Math.floor(Math.log10(typical))));
  return (n) => decimal(n, digits);
}

/** One formatter per value kind. */
function valueFormat(column: ColumnInfo, values: readonly Cell[]): (value: Cell) => string {
  const number = numberFormat(column, values);
  return (value) => {
    if (value === null || value === undefined) return '∅';
    if (typeof value === 'number') return Number.isFinite(value) ? number(value) : String(value);
    if (value instanceof Date) return formatDate(value);
    return String(value);
  };
}

/** Width in px of `text` at `size` px (bold for header names). */
export type MeasureText = (text: string, size: number, bold: boolean) => number;

/** Estimated widths (`text-metrics.ts`): the same in Node and the browser, for tests and as a fallback. */
export const estimateText: MeasureText = (text, size, bold) => textWidth(text, size, bold);

/**
 * The format and width of every column of a table, from its columns and a sample of its rows (the
 * first page): one width per column for the header and all rows alike. In the browser `measure`
 * measures with the page's own font (`canvasMeasure`), so nothing is cut that fits.
 */
export function columnFormats(
  columns: readonly ColumnInfo[],
  sample: ColumnarTable,
  measure: MeasureText = estimateText,
  headers?: readonly string[],
): ColumnFormat[] {
  return columns.map((column, i) => {
    const values = sample.data[i] ?? [];
    const format = valueFormat(column, values);
    const header = headers?.[i] ?? column.name;
    let widest = Math.max(measure(header, CELL_FONT, true), measure(column.type, TYPE_FONT, false));
    // The first rows decide (up to 200): a wider value further down is cut with an ellipsis.
    for (let r = 0; r < Math.min(values.length, 200); r++)
      widest = Math.max(widest, measure(format(values[r] ?? null), CELL_FONT, false));
    const width = Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + PADDING)));
    const numeric = column.kind === 'number' || values.some((v) => typeof v === 'number');
    return { align: numeric ? 'right' : 'left', format, width };
  });
}

/**
 * Measures text with a canvas in `font` (the grid's CSS font family), as the browser will draw it;
 * a couple of pixels are added for sub-pixel rounding. Falls back to estimates without a canvas.
 *
 * Widths are summed per character, each character measured once: a result table re-measures up
 * to 200 values per column whenever its data changes, and during a slider drag every value is new,
 * so measuring whole strings cost ~100 ms of `measureText` per drag step on the UI thread (a CPU
 * profile of the whale notebook). Summing ignores kerning and ligatures, which narrow text in the
 * grid's fonts, so a column is not made narrower than its text. One measurer per font, shared by
 * every table of the page.
 */
export function canvasMeasure(font: string): MeasureText {
  let m = measurers.get(font);
  if (!m) measurers.set(font, (m = charMeasure(font)));
  return m;
}

const measurers = new Map<string, MeasureText>();

function charMeasure(font: string): MeasureText {
  const context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!context) return estimateText;
  const chars = new Map<string, number>();
  return (text, size, bold) => {
    const prefix = `${size}|${bold ? 1 : 0}|`;
    let width = 2;
    for (const ch of text) {
      // Digits as the widest digit: the grid draws them tabular (equal widths), which a canvas
      // cannot be asked for.
      const digit = ch >= '0' && ch <= '9';
      const key = prefix + (digit ? 'digit' : ch);
      let w = chars.get(key);
      if (w === undefined) {
        context.font = `${bold ? '600 ' : ''}${size}px ${font}`;
        w = digit
          ? Math.max(...'0123456789'.split('').map((d) => context.measureText(d).width))
          : context.measureText(ch).width;
        chars.set(key, w);
      }
      width += w;
    }
    return width;
  };
}

/** Width of the row-number column for a table of `rowCount` rows, in px. */
export function indexWidth(rowCount: number): number {
  return Math.round(Math.max(40, textWidth(decimal(rowCount, 0), 11.5) + 18));
}
