/**
 * Structural validation of a chart spec before anything is rendered. Specs arrive from YAML
 * in notebook files, so nothing about their shape can be assumed: every key is checked
 * against the fields `spec.ts` declares, and the first problem is thrown with its place.
 */
import { ChartSpecError, markLabel } from './errors.ts';
import { compileFormat } from '../format/specifier.ts';
import { CHART_LIMITS } from './limits.ts';
import { checkMarkOptions } from './options.ts';
import type { ChartSpec, MarkSpec, MarkType, ScaleSpec } from './spec.ts';

/** Every mark type the renderer supports, in the order of `MarkType`. */
export const MARK_TYPES: readonly MarkType[] = [
  'line',
  'lineX',
  'lineY',
  'area',
  'areaX',
  'areaY',
  'barX',
  'barY',
  'dot',
  'dotX',
  'dotY',
  'ruleX',
  'ruleY',
  'text',
  'textX',
  'textY',
  'cell',
  'cellX',
  'cellY',
  'rect',
  'rectX',
  'rectY',
  'tickX',
  'tickY',
  'frame',
];

/** Mark channels a spec may set directly on a mark. */
export const CHANNELS = [
  'x',
  'y',
  'x1',
  'x2',
  'y1',
  'y2',
  'fill',
  'stroke',
  'text',
  'fx',
  'fy',
  'r',
  'opacity',
] as const;
/** A channel name. */
export type ChannelName = (typeof CHANNELS)[number];

const MARK_KEYS = new Set<string>([
  'type',
  'data',
  'rows',
  'values',
  'textFormat',
  'textLabels',
  'options',
  'sortDomain',
  'label',
  ...CHANNELS,
]);
const SCALE_TYPES = [
  'linear',
  'log',
  'sqrt',
  'band',
  'point',
  'time',
  'utc',
  'ordinal',
  'categorical',
  'sequential',
  'diverging',
];
const SCALE_KEYS = new Set([
  'label',
  'tickFormat',
  'type',
  'domain',
  'range',
  'grid',
  'nice',
  'zero',
  'reverse',
  'scheme',
  'legend',
  'percent',
  'ticks',
  'tickRotate',
  'tickLabels',
]);
const CHART_KEYS = new Set([
  'id',
  'title',
  'subtitle',
  'caption',
  'data',
  'width',
  'height',
  'marginLeft',
  'marginRight',
  'marginTop',
  'marginBottom',
  'x',
  'y',
  'color',
  'fx',
  'fy',
  'marks',
]);
const SCALE_NAMES = ['x', 'y', 'color', 'fx', 'fy'] as const;

/**
 * Checks a spec's shape and returns it typed. Throws `ChartSpecError` naming the problem:
 * `chart: unknown mark type "pie" (mark 1)`, `chart: unknown mark option "onclick" (mark 1 (line))`…
 */
export function validateChartSpec(spec: unknown): ChartSpec {
  if (!isPlainObject(spec)) throw new ChartSpecError('a chart spec must be an object');
  for (const key of Object.keys(spec)) {
    if (!CHART_KEYS.has(key)) throw new ChartSpecError(`unknown chart field "${key}"`);
  }
  for (const key of ['id', 'title', 'subtitle', 'caption', 'data'] as const) {
    if (spec[key] !== undefined && typeof spec[key] !== 'string') {
      throw new ChartSpecError(`"${key}" must be a string`);
    }
  }
  for (const key of ['width', 'height', 'marginLeft', 'marginRight', 'marginTop', 'marginBottom'] as const) {
    const value = spec[key];
    if (value !== undefined && !(typeof value === 'number' && Number.isFinite(value) && value >= 0)) {
      throw new ChartSpecError(`"${key}" must be a non-negative number, got ${JSON.stringify(value)}`);
    }
    const max = key.startsWith('margin') ? CHART_LIMITS.margin : CHART_LIMITS.size;
    if (value !== undefined && value > max) {
      throw new ChartSpecError(`"${key}" is ${value} px; at most ${max} px can be drawn`);
    }
  }
  for (const name of SCALE_NAMES) {
    if (spec[name] !== undefined) validateScale(spec[name], name);
  }
  if (!Array.isArray(spec.marks) || spec.marks.length === 0) {
    throw new ChartSpecError('"marks" must be a non-empty list of marks');
  }
  if (spec.marks.length > CHART_LIMITS.marks) {
    throw new ChartSpecError(`${spec.marks.length} marks; a chart can have at most ${CHART_LIMITS.marks}`);
  }
  spec.marks.forEach(validateMark);
  return spec as unknown as ChartSpec;
}

function validateMark(mark: unknown, index: number): asserts mark is MarkSpec {
  if (!isPlainObject(mark)) throw new ChartSpecError(`mark ${index + 1} must be an object`);
  const type = mark.type;
  if (typeof type !== 'string' || !(MARK_TYPES as readonly string[]).includes(type)) {
    throw new ChartSpecError(
      `unknown mark type ${JSON.stringify(type)} (mark ${index + 1}); expected one of ${MARK_TYPES.join(', ')}`,
    );
  }
  const where = markLabel(index, type);
  for (const key of Object.keys(mark)) {
    if (!MARK_KEYS.has(key)) {
      throw new ChartSpecError(`unknown mark field "${key}" (${where}); further Plot options go under "options"`);
    }
  }
  if (mark.data !== undefined && typeof mark.data !== 'string') {
    throw new ChartSpecError(`"data" must be a table name (${where})`);
  }
  if (mark.rows !== undefined && !(Array.isArray(mark.rows) && mark.rows.every(isPlainObject))) {
    throw new ChartSpecError(`"rows" must be a list of objects (${where})`);
  }
  if (mark.values !== undefined && !(Array.isArray(mark.values) && mark.values.every(isFiniteNumber))) {
    throw new ChartSpecError(`"values" must be a list of numbers (${where})`);
  }
  for (const key of ['rows', 'values'] as const) checkListLength(mark[key], `"${key}" (${where})`);
  for (const channel of CHANNELS) {
    const value = mark[channel];
    if (value !== undefined && value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
      throw new ChartSpecError(`channel ${channel} must be a column name or a constant (${where})`);
    }
  }
  if (mark.label !== undefined && !(typeof mark.label === 'string' && mark.label.length <= 200)) {
    throw new ChartSpecError(`"label" must be a short text naming the series (${where})`);
  }
  if (mark.textFormat !== undefined) checkFormat(mark.textFormat, `textFormat (${where})`);
  if (mark.textLabels !== undefined) checkWords(mark.textLabels, `textLabels (${where})`);
  if (mark.sortDomain !== undefined) checkSortDomain(mark.sortDomain, where);
  checkMarkOptions(mark.options, where);
}

const SORT_SCALES = new Set(['x', 'y', 'fx', 'fy', 'color']);

/** `sortDomain`: scale → channel (optionally `-channel`), plus an optional positive `limit`. */
function checkSortDomain(sort: unknown, where: string): void {
  if (!isPlainObject(sort)) throw new ChartSpecError(`"sortDomain" must be an object such as { x: "-y" } (${where})`);
  for (const [key, value] of Object.entries(sort)) {
    if (key === 'limit') {
      if (!Number.isInteger(value) || (value as number) <= 0)
        throw new ChartSpecError(`sortDomain limit must be a positive whole number (${where})`);
      continue;
    }
    if (!SORT_SCALES.has(key))
      throw new ChartSpecError(`sortDomain: unknown scale "${key}" (${where}); expected x, y, fx, fy or color`);
    const channel = typeof value === 'string' ? value.replace(/^-/, '') : '';
    if (!(CHANNELS as readonly string[]).includes(channel)) {
      throw new ChartSpecError(`sortDomain ${key}: ${JSON.stringify(value)} is not a channel of the mark (${where})`);
    }
  }
}

function validateScale(scale: unknown, name: string): asserts scale is ScaleSpec {
  if (!isPlainObject(scale)) throw new ChartSpecError(`scale ${name} must be an object`);
  for (const key of Object.keys(scale)) {
    if (!SCALE_KEYS.has(key)) throw new ChartSpecError(`unknown scale option "${key}" (scale ${name})`);
  }
  const fail = (key: string, expected: string): never => {
    throw new ChartSpecError(`invalid ${name}.${key}: ${JSON.stringify(scale[key])}; expected ${expected}`);
  };
  if (scale.label !== undefined && scale.label !== null && typeof scale.label !== 'string') fail('label', 'a string');
  if (scale.type !== undefined && !SCALE_TYPES.includes(scale.type as string)) {
    fail('type', `one of ${SCALE_TYPES.join(', ')}`);
  }
  for (const key of ['domain', 'range'] as const) {
    const v = scale[key];
    if (v !== undefined && !(Array.isArray(v) && v.every((e) => typeof e === 'string' || isFiniteNumber(e)))) {
      fail(key, 'a list of numbers or strings');
    }
    checkListLength(v, `${name}.${key}`);
  }
  for (const key of ['grid', 'nice', 'zero', 'reverse', 'legend', 'percent'] as const) {
    if (scale[key] !== undefined && typeof scale[key] !== 'boolean') fail(key, 'true or false');
  }
  if (scale.scheme !== undefined && !(typeof scale.scheme === 'string' && /^[A-Za-z][\w-]*$/.test(scale.scheme))) {
    fail('scheme', 'a Plot colour scheme name such as "blues"');
  }
  if (scale.ticks !== undefined && !(isFiniteNumber(scale.ticks) && scale.ticks >= 0)) fail('ticks', 'a count');
  // Plot draws every tick it is asked for, synchronously: a huge count would freeze the page.
  if (isFiniteNumber(scale.ticks) && scale.ticks > CHART_LIMITS.ticks)
    fail('ticks', `a count of at most ${CHART_LIMITS.ticks}`);
  if (scale.tickRotate !== undefined && !isFiniteNumber(scale.tickRotate)) fail('tickRotate', 'degrees');
  if (scale.tickFormat !== undefined) checkFormat(scale.tickFormat, `${name}.tickFormat`);
  if (scale.tickLabels !== undefined) checkWords(scale.tickLabels, `${name}.tickLabels`);
  if ((scale.legend === true || scale.scheme !== undefined) && name !== 'color') {
    fail(scale.legend === true ? 'legend' : 'scheme', 'nothing: only the color scale has a legend or scheme');
  }
}

/** A map of value → words (`tickLabels`, `textLabels`): strings only, bounded like an inline list. */
function checkWords(value: unknown, where: string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ChartSpecError(`${where} must map values to words`);
  const entries = Object.entries(value);
  checkListLength(entries, where);
  for (const [k, v] of entries) if (typeof v !== 'string') throw new ChartSpecError(`${where}.${k} must be text`);
}

function checkListLength(list: unknown, where: string): void {
  if (Array.isArray(list) && list.length > CHART_LIMITS.list) {
    throw new ChartSpecError(`${where} has ${list.length} entries; at most ${CHART_LIMITS.list} can be given inline`);
  }
}

function checkFormat(value: unknown, where: string): void {
  if (typeof value !== 'string') throw new ChartSpecError(`${where} must be a format string`);
  try {
    compileFormat(value);
  } catch (cause) {
    throw new ChartSpecError(`${(cause as Error).message} (${where})`, { cause });
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
