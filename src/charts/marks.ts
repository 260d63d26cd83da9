/**
 * Maps one `MarkSpec` onto an Observable Plot mark. String channels name columns of the mark's
 * data and are checked against it, so a typo is an error rather than an empty chart; numbers and
 * booleans are constants; `fill`/`stroke` may also be a CSS colour. Formatting functions are
 * built here from format strings: a spec itself never carries a function.
 */
import * as Plot from '@observablehq/plot';
import type { Row } from '../sql/table.ts';
import { ChartSpecError, markLabel } from './errors.ts';
import { compileFormat } from '../format/specifier.ts';
import { COLUMN_OPTIONS, checkMarkOptions } from './options.ts';
import type { ChartSpec, MarkSpec, MarkType } from './spec.ts';
import { isColorRole, readable, roleColor } from './palette.ts';
import type { ChartTheme } from './theme.ts';
import { CHANNELS } from './validate.ts';

/** Looks a named result table up; `undefined` when there is no such table. */
export type TableResolver = (name: string) => Row[] | undefined;

/** What a mark needs from the chart around it. */
export interface MarkContext {
  chart: ChartSpec;
  resolve: TableResolver;
  theme: ChartTheme;
}

type MarkFactory = (data: unknown, options: Record<string, unknown>) => Plot.Markish;

const FACTORIES: Record<MarkType, MarkFactory> = {
  line: Plot.line,
  lineX: Plot.lineX,
  lineY: Plot.lineY,
  area: Plot.area,
  areaX: Plot.areaX,
  areaY: Plot.areaY,
  barX: Plot.barX,
  barY: Plot.barY,
  dot: Plot.dot,
  dotX: Plot.dotX,
  dotY: Plot.dotY,
  ruleX: Plot.ruleX,
  ruleY: Plot.ruleY,
  text: Plot.text,
  textX: Plot.textX,
  textY: Plot.textY,
  cell: Plot.cell,
  cellX: Plot.cellX,
  cellY: Plot.cellY,
  rect: Plot.rect,
  rectX: Plot.rectX,
  rectY: Plot.rectY,
  tickX: Plot.tickX,
  tickY: Plot.tickY,
  frame: (_data, options) => Plot.frame(options),
} as Record<MarkType, MarkFactory>;

/** Which default paint a mark family gets from the theme when the spec sets no colour. */
const DEFAULT_PAINT: Partial<Record<MarkType, 'fill' | 'stroke'>> = {
  line: 'stroke',
  lineX: 'stroke',
  lineY: 'stroke',
  area: 'fill',
  areaX: 'fill',
  areaY: 'fill',
  barX: 'fill',
  barY: 'fill',
  dot: 'fill',
  dotX: 'fill',
  dotY: 'fill',
  cell: 'fill',
  cellX: 'fill',
  cellY: 'fill',
  rect: 'fill',
  rectX: 'fill',
  rectY: 'fill',
  tickX: 'stroke',
  tickY: 'stroke',
};

/** CSS colours a constant `fill`/`stroke` may be: hex, a colour keyword, rgb()/hsl(); never `url(…)`. */
const COLOR = /^(#[0-9a-f]{3,8}|[a-z]+|(rgba?|hsla?)\([\d\s.,%]+\))$/i;

/** Builds the Plot mark for `mark`, the `index`-th mark of the chart. */
export function buildMark(mark: MarkSpec, index: number, context: MarkContext): Plot.Markish {
  const where = markLabel(index, mark.type);
  const { data, columns, source } = markData(mark, where, context);
  const options: Record<string, unknown> = { ...checkMarkOptions(mark.options, where) };

  for (const [name, allowedConstants] of Object.entries(COLUMN_OPTIONS)) {
    const value = options[name];
    if (typeof value === 'string' && !allowedConstants.includes(value)) {
      checkColumn(value.replace(/^-/, ''), name, columns, source, where);
    }
  }

  for (const channel of CHANNELS) {
    const value = mark[channel];
    if (value === undefined) continue;
    if (typeof value !== 'string') {
      options[channel] = value;
      continue;
    }
    if (
      (channel === 'fill' || channel === 'stroke') &&
      !columns?.has(value) &&
      (isColorRole(value) || COLOR.test(value))
    ) {
      options[channel] = themeColor(value, context.theme);
      continue;
    }
    checkColumn(value, channel, columns, source, where);
    options[channel] = channelOf(
      value,
      channel === 'text' ? mark.textFormat : undefined,
      channel === 'text' ? mark.textLabels : undefined,
    );
  }

  // Plot's imputed domain sort ({ x: '-y', limit }); its keys and channels were validated.
  if (mark.sortDomain !== undefined) options.sort = { ...mark.sortDomain };

  const paint = DEFAULT_PAINT[mark.type];
  if (paint !== undefined && options.fill === undefined && options.stroke === undefined) {
    options[paint] = context.theme.primary;
  }
  if (mark.type.startsWith('text') && options.stroke === undefined) {
    // A halo in the background colour keeps annotations legible where they cross lines and grids.
    // (Plot turns the default fill off once a stroke is set, so the fill is restated.)
    Object.assign(options, {
      fill: 'currentColor',
      stroke: context.theme.background,
      paintOrder: 'stroke',
      strokeWidth: 3,
      ...options,
    });
  }
  // Nothing under the theme's smallest size: a 9px label cannot be read from the back of a room.
  if (
    mark.type.startsWith('text') &&
    typeof options.fontSize === 'number' &&
    options.fontSize < context.theme.minFontSize
  ) {
    options.fontSize = context.theme.minFontSize;
  }
  if (mark.type.startsWith('line') && options.strokeWidth === undefined) {
    options.strokeWidth = context.theme.lineWidth;
  }
  return FACTORIES[mark.type](data, options);
}

/**
 * A constant colour as drawn in `theme`: a role (`primary`, `series-2`…) becomes its colour, a
 * literal hex colour too faint on the theme's background is darkened or lightened to 3:1.
 */
export function themeColor(value: string, theme: ChartTheme): string {
  if (isColorRole(value)) return roleColor(value, theme.muted);
  return readable(value, theme.background, theme.foreground);
}

/**
 * A column channel. A plain string would do for Plot, except that Plot reads a string that
 * parses as a colour (a column named "red") as a constant; a transform with a label avoids that
 * and also carries the text format.
 */
function channelOf(column: string, format: string | undefined, words?: Record<string, string>): unknown {
  const f = format === undefined ? undefined : compileFormat(format);
  const shown = (v: unknown) => (typeof v === 'string' && words?.[v] !== undefined ? words[v] : v);
  return {
    transform: (rows: Row[]) => rows.map((row) => shown(f === undefined ? row[column] : f(row[column]))),
    label: column,
  };
}

interface MarkData {
  data: unknown;
  /** Column names of the data, or undefined when they cannot be known (no rows, constant values). */
  columns: Set<string> | undefined;
  /** How to name the data in messages. */
  source: string;
}

function markData(mark: MarkSpec, where: string, context: MarkContext): MarkData {
  if (mark.rows !== undefined) {
    return { data: mark.rows, columns: columnsOf(mark.rows, mark.rows.length), source: 'rows' };
  }
  if (mark.values !== undefined) return { data: mark.values, columns: new Set(), source: 'values' };
  const name = mark.data ?? context.chart.data;
  if (name === undefined) {
    if (mark.type === 'frame') return { data: undefined, columns: new Set(), source: 'frame' };
    throw new ChartSpecError(`${where} has no data: set "data" on the chart or the mark, or give "rows" or "values"`);
  }
  const rows = context.resolve(name);
  if (rows === undefined) throw new ChartSpecError(`no data table "${name}" (${where})`);
  if (!Array.isArray(rows)) throw new ChartSpecError(`data table "${name}" is not a list of rows (${where})`);
  return { data: rows, columns: rows.length === 0 ? undefined : columnsOf(rows, 1), source: `table "${name}"` };
}

/** Column names from the first `count` rows (inline rows may differ; result tables never do). */
function columnsOf(rows: readonly Row[], count: number): Set<string> {
  const names = new Set<string>();
  for (let i = 0; i < Math.min(count, rows.length); i++) {
    for (const key of Object.keys(rows[i] ?? {})) names.add(key);
  }
  return names;
}

function checkColumn(
  column: string,
  channel: string,
  columns: Set<string> | undefined,
  source: string,
  where: string,
): void {
  if (columns === undefined || columns.has(column)) return;
  if (source === 'values') {
    throw new ChartSpecError(`${channel}: "${column}" is not allowed with constant "values" (${where})`);
  }
  const known = [...columns].join(', ') || 'none';
  throw new ChartSpecError(`${channel}: column "${column}" not found in ${source} (${where}); columns: ${known}`);
}
