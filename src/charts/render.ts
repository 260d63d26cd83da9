/**
 * Renders a declarative `ChartSpec` with Observable Plot into one standalone SVG element.
 * Works wherever a DOM `Document` exists: the browser, or jsdom in Node (`render-node.ts`).
 * The spec is untrusted: it is validated and bounded first (`limits.ts`), and every problem is a
 * `ChartSpecError`, so a hostile spec gets a message instead of freezing the page.
 */
import * as Plot from '@observablehq/plot';
import type { Row } from '../sql/table.ts';
import { checkDataLimits } from './data-limits.ts';
import { ChartSpecError } from './errors.ts';
import { stableHash, normalizeIds } from './ids.ts';
import { composeChart } from './layout.ts';
import { avoidLabelCollisions, contrastCellLabels } from './collisions.ts';
import { dataOrder } from './data-order.ts';
import { seriesKeys } from './keys.ts';
import { buildMark, themeColor } from './marks.ts';
import { buildScale } from './scales.ts';
import type { ChartSpec } from './spec.ts';
import { textWidth } from './text-metrics.ts';
import { chartTheme, type ChartTheme } from './theme.ts';
import { validateChartSpec } from './validate.ts';

/** Options of `renderChart`. */
export interface RenderChartOptions {
  /** Document to create elements in; defaults to the global `document` (browser). */
  document?: Document;
  /** Colour theme; light by default. */
  theme?: 'light' | 'dark';
  /** Width in px when the spec sets none (e.g. the width of the container); 800 by default. */
  width?: number;
  /**
   * The layout an earlier render of the same chart settled on (`renderChartWithLayout`): the
   * first pass starts from it, so a chart redrawn with new data (a slider step) usually needs one
   * Plot pass instead of two. Margins never shrink below it, so a chart does not jitter while its
   * data changes. Without it the output depends on the spec and data alone.
   */
  layout?: ChartLayout;
}

/** What the second pass added to Plot's options: the house colours and wider margins. */
export interface ChartLayout {
  /**
   * The colours chosen, for the colour scale's type and the kinds of value its columns held then
   * (`colorKinds`): the hint applies only while both are the same.
   */
  color?: { type: string; kinds: string; options: Plot.ScaleOptions };
  marginLeft?: number;
  marginRight?: number;
}

/** The result tables a chart reads (its marks' `data`, or the chart's), each once. */
export function chartTables(spec: ChartSpec): string[] {
  const names = new Set<string>();
  for (const mark of spec.marks ?? []) {
    if (mark.rows !== undefined || mark.values !== undefined) continue;
    const name = mark.data ?? spec.data;
    if (name !== undefined) names.add(name);
  }
  return [...names];
}

/** Default chart width: wide enough for a slide, narrow enough for a report page. */
export const DEFAULT_WIDTH = 800;
/** Class name given to Plot's SVG (fixed, so output is identical from run to run). */
const CLASS_NAME = 'cw-plot';
/** Plot's default left margin; widened when tick labels need more room. */
const PLOT_MARGIN_LEFT = 40;
/** Plot's default right margin; widened when the last x tick label would be cut. */
const PLOT_MARGIN_RIGHT = 20;

/**
 * Renders `spec` over the tables `resolve` returns. Throws `ChartSpecError` for an invalid spec,
 * an unknown table or column, or a chart Plot cannot draw.
 */
export function renderChart(
  spec: ChartSpec,
  resolve: (name: string) => Row[] | undefined,
  options: RenderChartOptions = {},
): SVGElement | HTMLElement {
  return renderChartWithLayout(spec, resolve, options).chart;
}

/** `renderChart`, also returning the layout it settled on (for `options.layout` next time). */
export function renderChartWithLayout(
  spec: ChartSpec,
  resolve: (name: string) => Row[] | undefined,
  options: RenderChartOptions = {},
): { chart: SVGElement | HTMLElement; layout: ChartLayout } {
  const checked = validateChartSpec(spec);
  // Before Plot: it draws synchronously, so an oversized chart must fail here or it freezes the page.
  checkDataLimits(checked, resolve);
  const document = options.document ?? globalThis.document;
  if (document === undefined) throw new ChartSpecError('no DOM document: pass options.document (jsdom in Node)');
  const theme = chartTheme(options.theme);
  const context = { chart: checked, resolve, theme };
  const marks = checked.marks.map((mark, i) => buildMark(mark, i, context));
  const base = plotOptions(checked, theme, marks, document, options.width);
  // Honest order: categories in the order the data lists them (the query's ORDER BY), not sorted.
  for (const scale of ['x', 'y'] as const) {
    const domain = dataOrder(checked, resolve, scale);
    if (domain !== undefined) base[scale] = { ...base[scale], domain };
  }

  // Colours chosen for other kinds of value (text then, numbers now) are chosen afresh.
  const kinds = colorKinds(checked, resolve);
  const hint =
    options.layout?.color !== undefined && options.layout.color.kinds !== kinds
      ? { ...options.layout, color: undefined }
      : options.layout;
  let used = withLayout(base, checked, hint);
  let plot = runPlot(used);
  // Second pass, only when needed: house palette for colour scales and room for long tick labels.
  const adjusted = adjustAfterFirstPass(plot, checked, theme, used);
  if (adjusted !== undefined) {
    used = adjusted;
    plot = runPlot(adjusted);
  }

  plot.querySelector('style')?.remove();
  plot.removeAttribute('style');
  plot.setAttribute('font-family', theme.fontFamily);
  plot.setAttribute('font-size', String(theme.fontSize));
  avoidLabelCollisions(plot, theme);
  contrastCellLabels(plot);
  const chart = composeChart({
    document,
    spec: checked,
    theme,
    plot,
    className: CLASS_NAME,
    keys: seriesKeys(checked, theme),
  });
  normalizeIds(chart, `cw-${stableHash(JSON.stringify(checked))}`);
  const layout: ChartLayout = {};
  const finalType = plot.scale('color')?.type;
  if (used.color !== base.color && used.color !== undefined && finalType !== undefined)
    layout.color = { type: String(finalType), kinds, options: used.color };
  if (checked.marginLeft === undefined && used.marginLeft !== undefined) layout.marginLeft = used.marginLeft;
  if (checked.marginRight === undefined && used.marginRight !== undefined) layout.marginRight = used.marginRight;
  return { chart, layout };
}

/**
 * The kind of value (text, number, date…) in each column a mark colours by, e.g.
 * `0.fill:string`: Plot picks the colour scale's type from them, so a layout hint's colours hold
 * only while they are the same.
 */
function colorKinds(spec: ChartSpec, resolve: (name: string) => Row[] | undefined): string {
  const out: string[] = [];
  spec.marks.forEach((mark, i) => {
    const rows = mark.rows ?? ((mark.data ?? spec.data) ? resolve((mark.data ?? spec.data)!) : undefined);
    for (const channel of ['fill', 'stroke'] as const) {
      const column = mark[channel];
      if (typeof column !== 'string' || !Array.isArray(rows)) continue;
      const value = rows.find((r) => r[column] !== null && r[column] !== undefined)?.[column];
      const kind = value instanceof Date ? 'date' : typeof value;
      out.push(`${i}.${channel}:${kind}`);
    }
  });
  return out.join('|');
}

/** `base` with an earlier render's layout applied (only where the spec leaves the choice to us). */
function withLayout(base: Plot.PlotOptions, spec: ChartSpec, layout: ChartLayout | undefined): Plot.PlotOptions {
  if (layout === undefined) return base;
  const out: Plot.PlotOptions = { ...base };
  if (layout.color !== undefined) out.color = layout.color.options;
  if (spec.marginLeft === undefined && layout.marginLeft !== undefined) out.marginLeft = layout.marginLeft;
  if (spec.marginRight === undefined && layout.marginRight !== undefined) out.marginRight = layout.marginRight;
  return out;
}

function plotOptions(
  spec: ChartSpec,
  theme: ChartTheme,
  marks: Plot.Markish[],
  document: Document,
  width: number | undefined,
): Plot.PlotOptions {
  const options: Plot.PlotOptions = {
    document,
    className: CLASS_NAME,
    width: spec.width ?? width ?? DEFAULT_WIDTH,
    style: {
      fontSize: `${theme.fontSize}px`,
      fontFamily: theme.fontFamily,
      color: theme.foreground,
      background: 'none',
    },
    marks,
  };
  if (spec.height !== undefined) options.height = spec.height;
  for (const key of ['marginLeft', 'marginRight', 'marginTop', 'marginBottom'] as const) {
    if (spec[key] !== undefined) options[key] = spec[key];
  }
  // Room for 13px tick labels plus the x-axis label under them (Plot's 30px assumes 10px text).
  options.marginBottom ??= 40;
  // Room for the y-axis label above the top tick; with facets Plot reserves the top for fx labels itself.
  if (!spec.marks.some((mark) => mark.fx !== undefined)) options.marginTop ??= 30;
  for (const key of ['x', 'y', 'color', 'fx', 'fy'] as const) {
    const scale = buildScale(spec[key]);
    if (scale !== undefined) options[key] = scale;
  }
  // Colour roles in a colour range (`range: [positive, negative]`) take the theme's colours.
  const range = (options.color as { range?: unknown[] } | undefined)?.range;
  if (range !== undefined)
    options.color = { ...options.color, range: range.map((v) => (typeof v === 'string' ? themeColor(v, theme) : v)) };
  // Fewer, larger ticks than Plot's defaults (35px apart on y, 80px on x): legible from the back of a room.
  options.x = { tickSpacing: 100, ...options.x };
  options.y = { tickSpacing: 50, ...options.y };
  // A top tick above the highest bar/point reads better than a bar overshooting the last gridline.
  if (spec.y?.nice === undefined && spec.y?.domain === undefined) options.y = { ...options.y, nice: true };
  if (spec.color?.type === 'diverging' && spec.color.scheme === undefined && spec.color.range === undefined) {
    options.color = { ...options.color, scheme: theme.divergingScheme as Plot.ColorScheme };
  }
  return options;
}

function runPlot(options: Plot.PlotOptions): SVGSVGElement & Plot.Plot {
  try {
    return Plot.plot(options) as SVGSVGElement & Plot.Plot;
  } catch (cause) {
    throw new ChartSpecError(`Plot could not draw this chart: ${(cause as Error).message}`, { cause });
  }
}

/** Plot options for a second pass, or undefined when the first pass is final. */
function adjustAfterFirstPass(
  plot: Plot.Plot & Element,
  spec: ChartSpec,
  theme: ChartTheme,
  base: Plot.PlotOptions,
): Plot.PlotOptions | undefined {
  let next: Plot.PlotOptions | undefined;
  const color = plot.scale('color');
  // `base` may already carry the colours (an earlier render's layout): then nothing changes.
  const current = base.color as { range?: unknown; scheme?: unknown } | undefined;
  if (color !== undefined && spec.color?.scheme === undefined && spec.color?.range === undefined) {
    if (color.type === 'ordinal' || color.type === 'categorical') {
      if (current?.range === undefined) next = { ...base, color: { ...base.color, range: [...theme.palette] } };
    } else if (!String(color.type).startsWith('diverging') && color.type !== 'identity') {
      if (current?.scheme === undefined)
        next = { ...base, color: { ...base.color, scheme: theme.sequentialScheme as Plot.ColorScheme } };
    }
  }
  if (spec.marginLeft === undefined) {
    const labels = [...plot.querySelectorAll('g[aria-label="y-axis tick label"] text')];
    const widest = Math.max(0, ...labels.map((t) => textWidth(t.textContent ?? '', theme.fontSize)));
    const needed = Math.ceil(widest + 14);
    if (needed > (base.marginLeft ?? PLOT_MARGIN_LEFT)) next = { ...(next ?? base), marginLeft: needed };
  }
  if (spec.marginRight === undefined) {
    // The last x tick label is centred on the right edge of the frame: half of it must fit the margin.
    const last = [...plot.querySelectorAll('g[aria-label="x-axis tick label"] text')].at(-1);
    const needed = Math.ceil(textWidth(last?.textContent ?? '', theme.fontSize) / 2 + 4);
    if (needed > (base.marginRight ?? PLOT_MARGIN_RIGHT)) next = { ...(next ?? base), marginRight: needed };
  }
  return next;
}
