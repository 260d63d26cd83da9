/**
 * Honest sort order. Plot sorts the categories of a band or point scale in natural order
 * (alphabetically, or ascending numbers); a chart over a query that says `ORDER BY revenue DESC`
 * would then show its bars in another order than the query's. Here the categories take the order
 * in which the chart's data lists them, mark by mark: what the query (or the analysis) sorted is
 * what the chart shows. A spec that sets the scale's `domain`, sorts it (`sortDomain`), or makes
 * it a continuous scale is left alone.
 */
import type { Cell, Row } from '../sql/table.ts';
import type { ChartSpec, MarkSpec, MarkType } from './spec.ts';

/** Mark types whose x (or y) is always a band scale: bars, cells and ticks across categories. */
const BAND_X: ReadonlySet<MarkType> = new Set(['barY', 'cell', 'cellX', 'tickY']);
const BAND_Y: ReadonlySet<MarkType> = new Set(['barX', 'cell', 'cellY', 'tickX']);
const ORDINAL_TYPES = new Set(['band', 'point', 'ordinal', 'categorical']);

function rowsOf(mark: MarkSpec, spec: ChartSpec, resolve: (name: string) => Row[] | undefined): Row[] {
  if (mark.rows !== undefined) return mark.rows;
  const name = mark.data ?? spec.data;
  const rows = name === undefined ? undefined : resolve(name);
  return Array.isArray(rows) ? rows : [];
}

/** Whether a channel's values make Plot choose an ordinal scale (text or true/false). */
function categorical(values: readonly Cell[]): boolean {
  const first = values.find((v) => v !== null && v !== undefined);
  return typeof first === 'string' || typeof first === 'boolean';
}

/**
 * The domain of scale `scale` in the order the data lists its values, or undefined when the
 * scale is not a category scale or the spec orders it itself.
 */
export function dataOrder(
  spec: ChartSpec,
  resolve: (name: string) => Row[] | undefined,
  scale: 'x' | 'y',
): Cell[] | undefined {
  const given = spec[scale];
  if (given?.domain !== undefined) return undefined;
  if (given?.type !== undefined && !ORDINAL_TYPES.has(given.type)) return undefined;
  const band = scale === 'x' ? BAND_X : BAND_Y;
  let ordinal = given?.type !== undefined;
  const seen = new Set<unknown>();
  const order: Cell[] = [];
  for (const mark of spec.marks) {
    const column = mark[scale];
    if (typeof column !== 'string') continue;
    // The spec sorts this scale itself, or bins values into intervals: Plot's order stands.
    if (mark.sortDomain?.[scale] !== undefined || mark.options?.interval !== undefined) return undefined;
    const rows = rowsOf(mark, spec, resolve);
    const values = rows.map((r) => r[column] ?? null);
    if (!rows.some((r) => column in r)) continue;
    if (band.has(mark.type) || categorical(values)) ordinal = true;
    for (const v of values) {
      const key = v instanceof Date ? v.getTime() : v;
      if (v === null || seen.has(key)) continue;
      seen.add(key);
      order.push(v);
    }
  }
  return ordinal && order.length > 0 ? order : undefined;
}
