/**
 * Composes the final chart as ONE standalone SVG: title, subtitle, colour legend, the Plot
 * output and a caption. Plot itself would wrap titles and swatch legends in an HTML `<figure>`;
 * a single SVG instead exports to slides and PDF as is, keeps its background in dark mode and
 * inlines into the HTML report without any stylesheet.
 */
import type * as Plot from '@observablehq/plot';
import { compileFormat } from '../format/specifier.ts';
import type { ChartSpec } from './spec.ts';
import { textWidth, wrapText } from './text-metrics.ts';
import type { SeriesKey } from './keys.ts';
import type { ChartTheme } from './theme.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Padding around titles, legend and caption, in px. */
const PAD = 12;
const SWATCH = 14;

/** Everything the layout needs besides the spec. */
export interface LayoutInput {
  document: Document;
  spec: ChartSpec;
  theme: ChartTheme;
  /** The Plot output: an SVG element (never a figure: titles and legends are drawn here). */
  plot: SVGSVGElement & Plot.Plot;
  className: string;
  /** The key of series coloured by hand (`keys.ts`); drawn when not empty. */
  keys?: readonly SeriesKey[];
}

/** Wraps the Plot SVG with titles, legend and caption into one outer SVG. */
export function composeChart({ document, spec, theme, plot, className, keys = [] }: LayoutInput): SVGSVGElement {
  const width = Number(plot.getAttribute('width'));
  const plotHeight = Number(plot.getAttribute('height'));
  const outer = document.createElementNS(SVG_NS, 'svg');
  const body = document.createElementNS(SVG_NS, 'g');
  let y = 0;

  const addLines = (text: string, size: number, colour: string, bold: boolean, role: string) => {
    const lines = wrapText(text, width - 2 * PAD, size, bold);
    const group = element(document, 'g', {
      'aria-label': role,
      fill: colour,
      'font-size': size,
      'text-anchor': 'start',
    });
    if (bold) group.setAttribute('font-weight', '700');
    for (const line of lines) {
      y += Math.round(size * 1.3);
      const t = element(document, 'text', { x: PAD, y: y - Math.round(size * 0.3) });
      t.textContent = line;
      group.append(t);
    }
    body.append(group);
  };

  if (spec.title !== undefined || spec.subtitle !== undefined) y += PAD - 4;
  if (spec.title !== undefined) addLines(spec.title, theme.titleSize, theme.foreground, true, 'title');
  if (spec.subtitle !== undefined) addLines(spec.subtitle, theme.subtitleSize, theme.muted, false, 'subtitle');
  if (wantsLegend(plot, spec)) {
    y += PAD / 2;
    y += drawLegend(document, body, plot, spec, theme, width, y);
  }
  if (keys.length > 0) {
    y += PAD / 2;
    y += drawKeys(document, body, keys, theme, width, y);
  }
  if (y > 0) y += PAD / 2;

  plot.setAttribute('x', '0');
  plot.setAttribute('y', String(y));
  body.append(plot);
  y += plotHeight;

  if (spec.caption !== undefined) {
    y += 2;
    addLines(spec.caption, theme.captionSize, theme.muted, false, 'caption');
    y += PAD - 4;
  }

  const height = Math.ceil(y);
  setAttributes(outer, {
    class: className.replace(/-plot$/, '-chart'),
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'font-family': theme.fontFamily,
    'font-size': theme.fontSize,
    color: theme.foreground,
    fill: 'currentColor',
    style: `display:block;max-width:100%;height:auto;color:${theme.foreground};background:${theme.background}`,
  });
  if (spec.title !== undefined) outer.setAttribute('aria-label', spec.title);
  outer.append(element(document, 'rect', { width: '100%', height: '100%', fill: theme.background }), body);
  return outer;
}

/**
 * Whether the colour scale gets a legend: when the spec asks for one; and, unless it says
 * `legend: false`, when categories (two or more) are told apart by colour alone — not when the
 * colour repeats what the mark's x or y axis already names.
 */
export function wantsLegend(plot: Plot.Plot, spec: ChartSpec): boolean {
  if (spec.color?.legend !== undefined) return spec.color.legend;
  const scale = plot.scale('color');
  if (scale === undefined || (scale.type !== 'ordinal' && scale.type !== 'categorical')) return false;
  if ([...(scale.domain ?? [])].length < 2) return false;
  const redundant = spec.marks.some((m) =>
    [m.fill, m.stroke].some((c) => typeof c === 'string' && (c === m.x || c === m.y)),
  );
  return !redundant;
}

/** Draws the key of hand-coloured series at `top`: a line sample or swatch and the label; returns its height. */
function drawKeys(
  document: Document,
  parent: Element,
  keys: readonly SeriesKey[],
  theme: ChartTheme,
  width: number,
  top: number,
): number {
  const group = element(document, 'g', { 'aria-label': 'series key', 'text-anchor': 'start' });
  const rowHeight = Math.round(theme.fontSize * 1.7);
  const SAMPLE = 22;
  let x = PAD;
  let row = 0;
  for (const key of keys) {
    const itemWidth = Math.ceil(SAMPLE + 6 + textWidth(key.label, theme.fontSize));
    if (x > PAD && x + itemWidth > width - PAD) {
      x = PAD;
      row++;
    }
    const mid = top + row * rowHeight + rowHeight / 2;
    if (key.shape === 'line') {
      group.append(
        element(document, 'line', {
          x1: x,
          x2: x + SAMPLE,
          y1: mid,
          y2: mid,
          stroke: key.color,
          'stroke-width': 3,
          ...(key.dash ? { 'stroke-dasharray': key.dash } : {}),
        }),
      );
    } else {
      group.append(
        element(document, 'rect', {
          x: x + (SAMPLE - SWATCH) / 2,
          y: mid - SWATCH / 2,
          width: SWATCH,
          height: SWATCH,
          rx: 2,
          fill: key.color,
        }),
      );
    }
    const t = element(document, 'text', { x: x + SAMPLE + 6, y: mid, dy: '0.35em' });
    t.textContent = key.label;
    group.append(t);
    x += Math.round(itemWidth + theme.fontSize * 1.2);
  }
  parent.append(group);
  return (row + 1) * rowHeight;
}

/** Draws the colour legend at `top`; returns its height. */
function drawLegend(
  document: Document,
  parent: Element,
  plot: Plot.Plot,
  spec: ChartSpec,
  theme: ChartTheme,
  width: number,
  top: number,
): number {
  const scale = plot.scale('color');
  if (scale === undefined) return 0;
  if (scale.type === 'ordinal' || scale.type === 'categorical') {
    return drawSwatches(document, parent, scale, spec, theme, width, top);
  }
  return drawRamp(document, parent, scale, spec, theme, width, top);
}

/**
 * A continuous colour legend as an SVG gradient with nice ticks. Plot's own ramp paints a canvas
 * into a `data:` image, which jsdom cannot do and which would put a URL into every report.
 */
function drawRamp(
  document: Document,
  parent: Element,
  scale: Plot.Scale,
  spec: ChartSpec,
  theme: ChartTheme,
  width: number,
  top: number,
): number {
  const domain = [...(scale.domain ?? [])].map(Number);
  const lo = Math.min(...domain);
  const hi = Math.max(...domain);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return 0;
  const rampWidth = Math.min(320, width - 2 * PAD);
  const label = spec.color?.label ?? scale.label ?? null;
  const group = element(document, 'g', { 'aria-label': 'color legend', 'text-anchor': 'middle' });
  let y = top;
  if (label !== null && label !== '') {
    const t = element(document, 'text', {
      x: PAD,
      y: y + theme.fontSize,
      'text-anchor': 'start',
      'font-weight': '700',
    });
    t.textContent = label;
    group.append(t);
    y += Math.round(theme.fontSize * 1.5);
  }
  const gradient = element(document, 'linearGradient', { id: 'ramp', x1: 0, x2: 1, y1: 0, y2: 0 });
  const STOPS = 16;
  for (let i = 0; i <= STOPS; i++) {
    const value = lo + ((hi - lo) * i) / STOPS;
    gradient.append(
      element(document, 'stop', { offset: `${(100 * i) / STOPS}%`, 'stop-color': String(scale.apply?.(value)) }),
    );
  }
  const defs = element(document, 'defs', {});
  defs.append(gradient);
  group.append(defs, element(document, 'rect', { x: PAD, y, width: rampWidth, height: 12, fill: 'url(#ramp)' }));
  const format = spec.color?.tickFormat === undefined ? (v: number) => String(v) : compileFormat(spec.color.tickFormat);
  for (const tick of niceTicks(lo, hi, 4)) {
    const x = Math.round((PAD + (rampWidth * (tick - lo)) / (hi - lo || 1)) * 10) / 10;
    group.append(element(document, 'line', { x1: x, x2: x, y1: y, y2: y + 16, stroke: 'currentColor' }));
    const t = element(document, 'text', { x, y: y + 16 + theme.fontSize });
    t.textContent = format(tick);
    group.append(t);
  }
  parent.append(group);
  return y - top + 16 + Math.round(theme.fontSize * 1.4);
}

/** About `count` round tick values within [lo, hi] (steps of 1, 2 or 5 × 10^k, as d3's ticks). */
export function niceTicks(lo: number, hi: number, count: number): number[] {
  if (hi <= lo) return [lo];
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let k = Math.ceil(lo / step); k * step <= hi + step * 1e-9; k++) {
    ticks.push(Number((k * step).toPrecision(12)));
  }
  return ticks;
}

function drawSwatches(
  document: Document,
  parent: Element,
  scale: Plot.Scale,
  spec: ChartSpec,
  theme: ChartTheme,
  width: number,
  top: number,
): number {
  const base = spec.color?.tickFormat === undefined ? String : compileFormat(spec.color.tickFormat);
  const words = spec.color?.tickLabels;
  const format = words === undefined ? base : (v: unknown) => words[String(v)] ?? base(v);
  const group = element(document, 'g', { 'aria-label': 'color legend', 'text-anchor': 'start' });
  const rowHeight = Math.round(theme.fontSize * 1.7);
  let x = PAD;
  let row = 0;
  const place = (itemWidth: number): [number, number] => {
    if (x > PAD && x + itemWidth > width - PAD) {
      x = PAD;
      row++;
    }
    const at: [number, number] = [x, top + row * rowHeight];
    x += Math.round(itemWidth + theme.fontSize * 1.2);
    return at;
  };
  const label = spec.color?.label ?? null;
  if (label !== null && label !== '') {
    const [lx, ly] = place(Math.ceil(textWidth(label, theme.fontSize, true)));
    const t = element(document, 'text', { x: lx, y: ly + rowHeight / 2, dy: '0.35em', 'font-weight': '700' });
    t.textContent = label;
    group.append(t);
  }
  for (const value of scale.domain ?? []) {
    const text = format(value);
    const [sx, sy] = place(Math.ceil(SWATCH + 6 + textWidth(text, theme.fontSize)));
    const colour = String(scale.apply?.(value) ?? theme.primary);
    group.append(
      element(document, 'rect', {
        x: sx,
        y: sy + (rowHeight - SWATCH) / 2,
        width: SWATCH,
        height: SWATCH,
        rx: 2,
        fill: colour,
      }),
    );
    const t = element(document, 'text', { x: sx + SWATCH + 6, y: sy + rowHeight / 2, dy: '0.35em' });
    t.textContent = text;
    group.append(t);
  }
  parent.append(group);
  return (row + 1) * rowHeight;
}

function element(document: Document, name: string, attributes: Record<string, string | number>): Element {
  const el = document.createElementNS(SVG_NS, name);
  setAttributes(el, attributes);
  return el;
}

function setAttributes(el: Element, attributes: Record<string, string | number>): void {
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, String(value));
}
