/**
 * A declarative chart specification: plain JSON that names a result table and lists
 * Observable Plot marks. Notebook `chart` cells are written in it; analyses return it.
 * It is data, never code, so a notebook from a stranger cannot run script through it.
 * The renderer (`render.ts`) maps it onto `Plot.plot`.
 */
import type { Row } from '../sql/table.ts';

/** Mark types the renderer supports (each maps to the Plot mark of the same name). */
export type MarkType =
  | 'line'
  | 'lineX'
  | 'lineY'
  | 'area'
  | 'areaX'
  | 'areaY'
  | 'barX'
  | 'barY'
  | 'dot'
  | 'dotX'
  | 'dotY'
  | 'ruleX'
  | 'ruleY'
  | 'text'
  | 'textX'
  | 'textY'
  | 'cell'
  | 'cellX'
  | 'cellY'
  | 'rect'
  | 'rectX'
  | 'rectY'
  | 'tickX'
  | 'tickY'
  | 'frame';

/**
 * A channel: a column name of the mark's data, or a constant. A constant `fill`/`stroke` is a
 * colour role (`primary`, `secondary`, `positive`, `negative`, `accent`, `neutral`,
 * `series-1`…`series-8`: `palette.ts`), which draws right in both themes, or a CSS colour.
 */
export type ChannelValue = string | number | boolean | null;

/** One mark of a chart. */
export interface MarkSpec {
  type: MarkType;
  /** Name of the result table the mark draws; defaults to the chart's `data`. */
  data?: string;
  /** Inline rows (for annotations such as a labelled point); used instead of `data` when given. */
  rows?: Row[];
  /** Constant positions for rules/ticks, e.g. `ruleY` at `[1]` for a 100% reference line. */
  values?: number[];
  x?: ChannelValue;
  y?: ChannelValue;
  x1?: ChannelValue;
  x2?: ChannelValue;
  y1?: ChannelValue;
  y2?: ChannelValue;
  fill?: ChannelValue;
  stroke?: ChannelValue;
  text?: ChannelValue;
  fx?: ChannelValue;
  fy?: ChannelValue;
  r?: ChannelValue;
  opacity?: ChannelValue;
  /**
   * Orders an ordinal scale's domain by another channel of this mark (Plot's mark `sort` option),
   * e.g. `{ x: '-y' }` lists bars by descending height, `{ y: 'x', limit: 10 }` keeps the top 10.
   * Keys: x, y, fx, fy, color; values: a channel name, prefixed with `-` for descending.
   */
  sortDomain?: { x?: string; y?: string; fx?: string; fy?: string; color?: string; limit?: number };
  /**
   * The series this mark draws, as the chart's key names it ("Today", "After fixing the worst").
   * When two or more marks have one, the chart shows a key with each label in its mark's colour.
   */
  label?: string;
  /** Number format for a `text` channel when it is numeric, as in `AxisSpec.tickFormat`. */
  textFormat?: string;
  /**
   * Words to show for text values of the `text` channel (`{ defection: '流失区' }`): the data keeps
   * its values, the reader sees these (a value not listed is shown as it is).
   */
  textLabels?: Record<string, string>;
  /** Further Plot mark options: plain values only (strokeWidth, curve, dx, dy, textAnchor, fontSize, fontWeight, lineAnchor, strokeDasharray, fillOpacity, tip, sort, interval, inset…). */
  options?: Record<string, string | number | boolean | null>;
}

/** One positional or colour scale. */
export interface ScaleSpec {
  label?: string | null;
  /** A d3-format string (`%`, `.0%`, `$,.0f`, `,d`, `.2s`) or a d3-time-format string prefixed with `time:`. */
  tickFormat?: string;
  type?:
    | 'linear'
    | 'log'
    | 'sqrt'
    | 'band'
    | 'point'
    | 'time'
    | 'utc'
    | 'ordinal'
    | 'categorical'
    | 'sequential'
    | 'diverging';
  domain?: (number | string)[];
  range?: (number | string)[];
  grid?: boolean;
  nice?: boolean;
  zero?: boolean;
  reverse?: boolean;
  /** Plot colour scheme name (colour scales only). */
  scheme?: string;
  /**
   * Show a legend (colour scales only). A categorical colour scale with two or more values gets
   * one unless this is `false` (or the colour repeats the mark's x or y); a continuous one only
   * when it is `true`.
   */
  legend?: boolean;
  /** Percent scale: multiply values by 100 for ticks (Plot's `percent`). */
  percent?: boolean;
  /** Approximate number of ticks (positional scales); fewer ticks read better on a projector. */
  ticks?: number;
  /** Rotation of tick labels in degrees, e.g. `-30` for long category names. */
  tickRotate?: number;
  /**
   * Words to show for category values on the axis or in the legend (`{ Satisfied: '满意' }`): the
   * data keeps its values, the reader sees these (a value not listed is shown as it is).
   */
  tickLabels?: Record<string, string>;
}

/** A whole chart. */
export interface ChartSpec {
  /** Stable id within its cell/analysis (used for export and tests). */
  id?: string;
  title?: string;
  subtitle?: string;
  caption?: string;
  /** Default result table for the marks. */
  data?: string;
  width?: number;
  height?: number;
  marginLeft?: number;
  marginRight?: number;
  marginTop?: number;
  marginBottom?: number;
  x?: ScaleSpec;
  y?: ScaleSpec;
  color?: ScaleSpec;
  fx?: ScaleSpec;
  fy?: ScaleSpec;
  marks: MarkSpec[];
}
