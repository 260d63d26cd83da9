/**
 * The key of a chart that draws several series with constant colours (today's curve and the
 * what-if curve; revenue beside profit): every mark with a `label` is one entry, drawn in its
 * mark's colour and stroke style. A colour scale has its own legend (`layout.ts`); this is for
 * series a spec colours by hand, which Plot knows nothing about.
 */
import { themeColor } from './marks.ts';
import type { ChartSpec } from './spec.ts';
import type { ChartTheme } from './theme.ts';

/** One entry of a chart's key. */
export interface SeriesKey {
  label: string;
  color: string;
  /** A line sample (lines, rules) or a filled swatch (bars, areas, dots). */
  shape: 'line' | 'swatch';
  /** The line's dash pattern, when it has one. */
  dash?: string;
}

/** The entries of the key: one per labelled mark, when two or more marks are labelled. */
export function seriesKeys(spec: ChartSpec, theme: ChartTheme): SeriesKey[] {
  const keys: SeriesKey[] = [];
  for (const mark of spec.marks) {
    if (mark.label === undefined) continue;
    const line = /^(line|rule|tick)/.test(mark.type);
    const paint = line ? (mark.stroke ?? mark.fill) : (mark.fill ?? mark.stroke);
    const color = typeof paint === 'string' ? themeColor(paint, theme) : theme.primary;
    const dash = mark.options?.strokeDasharray;
    keys.push({
      label: mark.label,
      color,
      shape: line ? 'line' : 'swatch',
      ...(line && dash !== undefined && dash !== null ? { dash: String(dash) } : {}),
    });
  }
  return keys.length >= 2 ? keys : [];
}
