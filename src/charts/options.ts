/**
 * The whitelist of Plot mark options a spec may set. A spec is untrusted data: options are
 * plain values checked one by one, never functions, never anything that can name a URL
 * (no `href`, `src`, `imageFilter`, CSS `url(…)`). Each option maps to a checker that returns
 * an error message or `undefined`; unknown names are rejected by name.
 */
import { ChartSpecError } from './errors.ts';

/** A plain option value as it arrives from YAML/JSON. */
export type OptionValue = string | number | boolean | null;

/** Checks one option value; returns what is wrong with it, or undefined when it is fine. */
type Check = (value: unknown) => string | undefined;

const finite: Check = (v) => (typeof v === 'number' && Number.isFinite(v) ? undefined : 'a finite number');
const bool: Check = (v) => (typeof v === 'boolean' ? undefined : 'true or false');
const oneOf =
  (...allowed: readonly (string | number | boolean)[]): Check =>
  (v) =>
    allowed.includes(v as string) ? undefined : `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`;
const either =
  (...checks: Check[]): Check =>
  (v) => {
    const problems: string[] = [];
    for (const check of checks) {
      const problem = check(v);
      if (problem === undefined) return undefined;
      problems.push(problem);
    }
    return problems.join(' or ');
  };
/** A column name of the mark's data (checked against the data later, when it is known). */
const column: Check = (v) => (typeof v === 'string' && v.length > 0 ? undefined : 'a column name');
const dasharray: Check = (v) =>
  (typeof v === 'number' && v >= 0) || (typeof v === 'string' && /^[\d.\s,]+$/.test(v))
    ? undefined
    : 'numbers separated by commas, e.g. "4,3"';

const CURVES = [
  'basis',
  'basis-closed',
  'basis-open',
  'bundle',
  'bump-x',
  'bump-y',
  'cardinal',
  'cardinal-closed',
  'cardinal-open',
  'catmull-rom',
  'catmull-rom-closed',
  'catmull-rom-open',
  'linear',
  'linear-closed',
  'monotone-x',
  'monotone-y',
  'natural',
  'step',
  'step-after',
  'step-before',
] as const;
const MARKERS = [
  'none',
  'arrow',
  'arrow-reverse',
  'dot',
  'circle',
  'circle-fill',
  'circle-stroke',
  'tick',
  'tick-x',
  'tick-y',
] as const;
/** Plot's named symbols (for `symbol` as a constant). */
export const SYMBOLS = [
  'asterisk',
  'circle',
  'cross',
  'diamond',
  'diamond2',
  'hexagon',
  'plus',
  'square',
  'square2',
  'star',
  'times',
  'triangle',
  'triangle2',
  'wye',
] as const;
const INTERVALS = [
  'millisecond',
  'second',
  'minute',
  'hour',
  'day',
  'week',
  'month',
  'quarter',
  'half',
  'year',
  'monday',
  'sunday',
] as const;
const FRAME_ANCHORS = [
  'middle',
  'top-left',
  'top',
  'top-right',
  'right',
  'bottom-right',
  'bottom',
  'bottom-left',
  'left',
] as const;

/**
 * Allowed mark options and how each is checked. Options of kind `column` name a column
 * of the mark's data and are checked against it by the mark builder (see `COLUMN_OPTIONS`).
 */
export const MARK_OPTIONS: Readonly<Record<string, Check>> = {
  strokeWidth: finite,
  strokeOpacity: finite,
  fillOpacity: finite,
  strokeDasharray: dasharray,
  strokeDashoffset: finite,
  strokeLinecap: oneOf('butt', 'round', 'square'),
  strokeLinejoin: oneOf('miter', 'round', 'bevel'),
  mixBlendMode: oneOf('normal', 'multiply', 'screen'),
  shapeRendering: oneOf('auto', 'crispEdges', 'geometricPrecision', 'optimizeSpeed'),
  paintOrder: oneOf('normal', 'stroke', 'fill'),
  curve: oneOf(...CURVES),
  tension: finite,
  marker: either(bool, oneOf(...MARKERS)),
  markerStart: either(bool, oneOf(...MARKERS)),
  markerMid: either(bool, oneOf(...MARKERS)),
  markerEnd: either(bool, oneOf(...MARKERS)),
  dx: finite,
  dy: finite,
  rx: finite,
  ry: finite,
  inset: finite,
  insetTop: finite,
  insetRight: finite,
  insetBottom: finite,
  insetLeft: finite,
  textAnchor: oneOf('start', 'middle', 'end'),
  lineAnchor: oneOf('top', 'middle', 'bottom'),
  frameAnchor: oneOf(...FRAME_ANCHORS),
  anchor: oneOf('top', 'right', 'bottom', 'left'),
  lineWidth: finite,
  lineHeight: finite,
  textOverflow: oneOf(
    'clip',
    'ellipsis',
    'clip-start',
    'clip-end',
    'ellipsis-start',
    'ellipsis-middle',
    'ellipsis-end',
  ),
  monospace: bool,
  fontSize: finite,
  fontWeight: either(oneOf('normal', 'bold', 'lighter', 'bolder'), (v) =>
    typeof v === 'number' && v >= 100 && v <= 900 ? undefined : 'a weight from 100 to 900',
  ),
  fontStyle: oneOf('normal', 'italic'),
  fontVariant: oneOf('normal', 'tabular-nums', 'small-caps'),
  rotate: finite,
  clip: either(bool, oneOf('frame')),
  tip: either(bool, oneOf('x', 'y', 'xy')),
  interval: either(oneOf(...INTERVALS), (v) => (typeof v === 'number' && v > 0 ? undefined : 'a positive number')),
  reverse: bool,
  sort: column,
  z: either(column, (v) => (v === null ? undefined : 'null')),
  title: column,
  symbol: column,
};

/** Options whose string value names a column of the mark's data (except the constants listed). */
export const COLUMN_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  sort: [],
  z: [],
  title: [],
  symbol: SYMBOLS,
};

/**
 * Checks a mark's `options` object against the whitelist and returns it as plain values.
 * Throws `chart: unknown mark option "onclick" (mark 1 (line))` and similar.
 */
export function checkMarkOptions(options: unknown, where: string): Record<string, OptionValue> {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new ChartSpecError(`${where}: "options" must be an object of plain values`);
  }
  const out: Record<string, OptionValue> = {};
  for (const [name, value] of Object.entries(options)) {
    const check = Object.hasOwn(MARK_OPTIONS, name) ? MARK_OPTIONS[name] : undefined;
    if (check === undefined) throw new ChartSpecError(`unknown mark option "${name}" (${where})`);
    const problem = check(value);
    if (problem !== undefined) {
      throw new ChartSpecError(`invalid mark option ${name}: ${JSON.stringify(value)} (${where}); expected ${problem}`);
    }
    out[name] = value as OptionValue;
  }
  return out;
}
