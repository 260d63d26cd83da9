/**
 * A slide's chart as a native PowerPoint chart (pptxgenjs's `addChart`): the series hold the
 * notebook's numbers, so the chart stays editable (PowerPoint's "Edit Data") instead of being a
 * picture. Pure (no DOM, no pptxgenjs import): it only decides whether the spec maps onto one of
 * PowerPoint's chart types and builds the data and options; `export-pptx.ts` draws it.
 *
 * What maps: one family of data marks — lines over a shared numeric x (a scatter chart drawn with
 * lines: PowerPoint's line chart is categorical), lines over categories (line), bars (bar, clustered
 * when `fill` names a column), dots over a numeric x (scatter). Reference rules, text labels and
 * annotation dots drawn from inline rows are the chart's decoration and are left out (the slide's
 * headline says the message). Anything else — facets, areas, cells, dots of several series, lines
 * over different x values — returns null and the slide keeps the picture.
 */
import { roleColor, isColorRole, SERIES } from '../../charts/palette.ts';
import type { ChartSpec, MarkSpec, ScaleSpec } from '../../charts/spec.ts';
import type { Row } from '../../engine/types.ts';
import { compileFormat } from '../../format/specifier.ts';

/** A native chart, ready for `slide.addChart(type, data, options)`. */
export interface NativeChart {
  type: 'line' | 'bar' | 'scatter';
  /** Bars only: columns (vertical) or bars (horizontal). */
  barDir?: 'col' | 'bar';
  /** pptxgenjs's data: for line/bar `{ name, labels, values }` per series; for scatter the x values first, then `{ name, values }` per series. */
  data: { name: string; labels?: string[]; values: (number | null)[] }[];
  /** Series colours, hex without `#`, in series order. */
  colors: string[];
  /** Whether the scatter series are joined by lines (a curve) or drawn as points. */
  lines: boolean;
  xTitle?: string;
  yTitle?: string;
  /** Excel number format codes of the axes, from the spec's d3 `tickFormat`. */
  xFormat?: string;
  yFormat?: string;
  xMin?: number;
  xMax?: number;
  yMin?: number;
  yMax?: number;
}

/**
 * Most points a native chart carries along its x axis; longer series are thinned evenly, keeping
 * each series' highest and lowest point (a whale curve's peak). The analyses' own curves are
 * already downsampled to about a thousand points, which stay whole.
 */
export const MAX_POINTS = 1200;

const DECORATION = new Set(['ruleX', 'ruleY', 'text', 'textX', 'textY', 'frame', 'tickX', 'tickY']);

/** The native chart for `spec` over `resolve`'s tables, or null when only a picture shows it faithfully. */
export function nativeChart(spec: ChartSpec, resolve: (name: string) => Row[] | undefined): NativeChart | null {
  const marks = spec.marks.filter((m) => !DECORATION.has(m.type) && !(m.rows && m.type.startsWith('dot')));
  if (marks.length === 0 || marks.some((m) => m.fx !== undefined || m.fy !== undefined || m.rows)) return null;
  const types = new Set(marks.map((m) => family(m.type)));
  if (types.size !== 1) return null;
  const kind = [...types][0];
  const rowsOf = (m: MarkSpec) => ((m.data ?? spec.data) ? resolve((m.data ?? spec.data)!) : undefined);
  const axes = {
    xTitle: axisTitle(spec.x),
    yTitle: axisTitle(spec.y),
    xFormat: formatCode(spec.x?.tickFormat),
    yFormat: formatCode(spec.y?.tickFormat),
    ...domain('x', spec.x),
    ...domain('y', spec.y),
  };
  if (kind === 'line' || kind === 'dot') {
    const series: { name: string; x: unknown[]; y: unknown[]; color: string }[] = [];
    for (const [i, m] of marks.entries()) {
      const rows = rowsOf(m);
      if (!rows || typeof m.x !== 'string' || typeof m.y !== 'string') return null;
      const x = m.x;
      const y = m.y;
      const groupBy = channelField(m.stroke ?? m.fill, rows);
      if (groupBy) {
        if (kind === 'dot') return null;
        for (const [key, group] of groups(rows, groupBy))
          series.push({
            name: key,
            x: group.map((r) => r[x]),
            y: group.map((r) => r[y]),
            color: colour(series.length),
          });
      } else
        series.push({
          name: m.label ?? y,
          x: rows.map((r) => r[x]),
          y: rows.map((r) => r[y]),
          color: colour(i, m.stroke ?? m.fill),
        });
    }
    const first = series[0];
    if (!first) return null;
    const numericX = first.x.every((v) => typeof v === 'number');
    if (kind === 'dot' && (!numericX || series.length > 1)) return null;
    if (numericX) {
      // Scatter series share one x column: lines over different x values would be misdrawn.
      if (series.some((s) => !sameValues(s.x, first.x))) return null;
      const keep = thin(
        first.x.length,
        series.map((s) => s.y),
      );
      return {
        type: 'scatter',
        data: [
          { name: axes.xTitle ?? 'x', values: keep.map((i) => num(first.x[i])) },
          ...series.map((s) => ({ name: s.name, values: keep.map((i) => num(s.y[i])) })),
        ],
        colors: series.map((s) => s.color),
        lines: kind === 'line',
        ...axes,
      };
    }
    // Categories: each series is placed on the first series' labels.
    const labels = first.x.map(label);
    if (labels.length > MAX_POINTS) return null;
    return {
      type: 'line',
      data: series.map((s) => {
        const at = new Map(s.x.map((v, i) => [label(v), s.y[i]]));
        return { name: s.name, labels, values: labels.map((l) => num(at.get(l))) };
      }),
      colors: series.map((s) => s.color),
      lines: true,
      ...axes,
      xMin: undefined,
      xMax: undefined,
    };
  }
  if (kind === 'barY' || kind === 'barX') {
    if (marks.length !== 1) return null;
    const m = marks[0]!;
    const rows = rowsOf(m);
    const cat = kind === 'barY' ? m.x : m.y;
    const val = kind === 'barY' ? m.y : m.x;
    if (!rows || typeof cat !== 'string' || typeof val !== 'string') return null;
    if (!rows.every((r) => r[val] === null || typeof r[val] === 'number')) return null;
    const catAxis = kind === 'barY' ? spec.x : spec.y;
    const valAxis = kind === 'barY' ? spec.y : spec.x;
    // PowerPoint's bar categories are text: numeric ones (a share, a year of tenure) are written
    // with the axis's own number format, as the notebook's ticks show them.
    const catLabel = categoryLabel(catAxis?.tickFormat);
    const labels = [...new Set(rows.map((r) => catLabel(r[cat])))];
    if (labels.length > MAX_POINTS) return null;
    const groupBy = channelField(m.fill, rows);
    const series = groupBy
      ? [...groups(rows, groupBy)].map(([name, group]) => ({ name, rows: group }))
      : [{ name: m.label ?? val, rows }];
    return {
      type: 'bar',
      barDir: kind === 'barY' ? 'col' : 'bar',
      data: series.map((s) => {
        const at = new Map(s.rows.map((r) => [catLabel(r[cat]), r[val]]));
        return { name: s.name, labels, values: labels.map((l) => num(at.get(l))) };
      }),
      colors: series.map((s, i) => (groupBy ? colour(i) : colour(i, m.fill))),
      lines: false,
      // PowerPoint's category axis is always the "x" options, its value axis the "y" ones.
      xTitle: axisTitle(catAxis),
      yTitle: axisTitle(valAxis),
      xFormat: formatCode(catAxis?.tickFormat),
      yFormat: formatCode(valAxis?.tickFormat),
      ...domain('y', valAxis),
    };
  }
  return null;
}

function family(type: MarkSpec['type']): string {
  if (type === 'line' || type === 'lineY') return 'line';
  if (type === 'dot') return 'dot';
  if (type === 'barY' || type === 'barX') return type;
  return type;
}

/** The column a colour channel names (not a colour or a colour role), or undefined. */
function channelField(value: MarkSpec['stroke'], rows: Row[]): string | undefined {
  if (typeof value !== 'string' || isColorRole(value) || value.startsWith('#')) return undefined;
  return rows.length > 0 && Object.hasOwn(rows[0]!, value) ? value : undefined;
}

function groups(rows: Row[], field: string): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const r of rows) {
    const key = label(r[field]);
    let g = out.get(key);
    if (!g) out.set(key, (g = []));
    g.push(r);
  }
  return out;
}

/** Colour of the i-th series: the mark's colour role when it has one, else the palette in order. */
function colour(i: number, value?: MarkSpec['stroke']): string {
  const hex =
    typeof value === 'string' && isColorRole(value)
      ? roleColor(value, '#6b7280')
      : typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value)
        ? value
        : SERIES[i % SERIES.length]!;
  return hex.replace('#', '').toUpperCase();
}

function label(v: unknown): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (v === null || v === undefined) return '';
  return typeof v === 'number' || typeof v === 'boolean' ? String(v) : (v as string);
}

/** A category's label: a number in the axis's d3 format when it has one that compiles, else as `label` writes it. */
function categoryLabel(tickFormat: string | undefined): (v: unknown) => string {
  let format: ((v: unknown) => string) | null = null;
  try {
    format = tickFormat ? compileFormat(tickFormat) : null;
  } catch {
    // A format the notebook got wrong: the chart itself falls back the same way.
  }
  return (v) => (format && typeof v === 'number' ? format(v) : label(v));
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function sameValues(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Indices of about MAX_POINTS points spread evenly over `n`, with the first, the last and every series' extremes. */
function thin(n: number, series: unknown[][]): number[] {
  if (n <= MAX_POINTS) return Array.from({ length: n }, (_, i) => i);
  const keep = new Set(Array.from({ length: MAX_POINTS }, (_, i) => Math.round((i * (n - 1)) / (MAX_POINTS - 1))));
  for (const ys of series) {
    let hi = -1;
    let lo = -1;
    ys.forEach((v, i) => {
      if (typeof v !== 'number') return;
      if (hi < 0 || v > (ys[hi] as number)) hi = i;
      if (lo < 0 || v < (ys[lo] as number)) lo = i;
    });
    if (hi >= 0) keep.add(hi);
    if (lo >= 0) keep.add(lo);
  }
  return [...keep].sort((a, b) => a - b);
}

/** An axis label without Plot's direction arrows (`↑ Cumulative share` → `Cumulative share`). */
function axisTitle(scale: ScaleSpec | undefined): string | undefined {
  const text = scale?.label?.replace(/^[\s↑↓←→]+|[\s↑↓←→]+$/g, '');
  return text || undefined;
}

function domain(axis: 'x' | 'y', scale: ScaleSpec | undefined): Partial<NativeChart> {
  const d = scale?.domain;
  if (!d || d.length !== 2 || typeof d[0] !== 'number' || typeof d[1] !== 'number') return {};
  return axis === 'x' ? { xMin: d[0], xMax: d[1] } : { yMin: d[0], yMax: d[1] };
}

/**
 * An Excel number format for a d3-format specifier: the notebook's `.0%` is PowerPoint's `0%`,
 * `,.0f` is `#,##0`. Anything it does not know becomes `General` (PowerPoint's own choice).
 */
export function formatCode(specifier: string | undefined): string | undefined {
  if (!specifier) return undefined;
  const m = /^([$]?)(,?)(?:\.(\d+))?([%fde]?)$/.exec(specifier);
  if (!m) return 'General';
  const [, currency = '', group = '', digits, type = ''] = m;
  if (type === 'e') return 'General';
  const decimals = type === 'd' ? 0 : Number(digits ?? (type === '%' || type === 'f' ? 6 : 0));
  const body = (group ? '#,##0' : '0') + (decimals > 0 ? `.${'0'.repeat(decimals)}` : '');
  return `${currency ? '"$"' : ''}${body}${type === '%' ? '%' : ''}`;
}
