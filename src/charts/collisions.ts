/**
 * Label collision avoidance for annotations. Analyses place their labels where the data usually
 * leaves room, but data moves (a slider, another dataset): a label can land on a curve, on a dot
 * or on another label ("Profit: 74%" printed over "Revenue: 14%"). After Plot has drawn, each
 * annotation label is checked against the lines and dots of the chart and the labels placed
 * before it, and moved up or down, a line height at a time, to the nearest free place inside the
 * plot. Labels of a data-label mark (a heat map's numbers: more than `MAX_ANNOTATIONS` texts)
 * stay where they are, in their cells.
 *
 * Plot has no collision avoidance for text (its `dodge` transform places dots); this works on
 * Plot's SVG output with estimated text widths (`text-metrics.ts`), so the result is the same in
 * the browser and in Node.
 */
import { luminance } from './palette.ts';
import { textWidth } from './text-metrics.ts';
import type { ChartTheme } from './theme.ts';

/** A text mark with more texts than this labels data, not an annotation: it is not moved. */
const MAX_ANNOTATIONS = 12;
/** Tries at most this many line heights up and down. */
const MAX_STEPS = 6;

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
type Segment = [number, number, number, number];

function translation(transform: string | null): [number, number] {
  const m = /translate\(\s*(-?[\d.e+-]+)(?:[\s,]+(-?[\d.e+-]+))?\s*\)/.exec(transform ?? '');
  return m ? [Number(m[1]), Number(m[2] ?? 0)] : [0, 0];
}

/** The points of a path's `d` (lines exactly; curves through their control points). */
function pathPoints(d: string): [number, number][] {
  const numbers = (d.match(/-?\d*\.?\d+(?:e[-+]?\d+)?/gi) ?? []).map(Number);
  const points: [number, number][] = [];
  for (let i = 0; i + 1 < numbers.length; i += 2) points.push([numbers[i]!, numbers[i + 1]!]);
  return points;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/** Whether segment (x1,y1)–(x2,y2) crosses box `b` (Liang–Barsky clipping). */
function crosses([x1, y1, x2, y2]: Segment, b: Box): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const edges: [number, number][] = [
    [-dx, x1 - b.x0],
    [dx, b.x1 - x1],
    [-dy, y1 - b.y0],
    [dy, b.y1 - y1],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const r = q / p;
      if (p < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
      if (t0 > t1) return false;
    }
  }
  return true;
}

/** An `rgb(r, g, b)` or hex colour as 0…255 channels, or null. */
function channels(color: string | null): number[] | null {
  if (color === null) return null;
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(color);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  const hex = /^#([0-9a-f]{6})$/i.exec(color) ?? /^#([0-9a-f]{3})$/i.exec(color);
  if (!hex) return null;
  const h = hex[1]!.length === 3 ? [...hex[1]!].map((c) => c + c).join('') : hex[1]!;
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
}

/**
 * Data labels printed on the cells of a heat map take the colour that reads on the cell under
 * them — near-black on a light cell, white on a dark one — instead of the theme's text colour
 * with a halo, which turns into a smudge on a pale cell in the dark theme.
 */
export function contrastCellLabels(plot: Element): void {
  const cells = [...plot.querySelectorAll('g[aria-label="cell"] rect')].map((rect) => {
    const [ox, oy] = translation(rect.parentElement?.getAttribute('transform') ?? null);
    const x = Number(rect.getAttribute('x') ?? 0) + ox;
    const y = Number(rect.getAttribute('y') ?? 0) + oy;
    return {
      x0: x,
      y0: y,
      x1: x + Number(rect.getAttribute('width') ?? 0),
      y1: y + Number(rect.getAttribute('height') ?? 0),
      fill: channels(rect.getAttribute('fill') ?? rect.parentElement?.getAttribute('fill') ?? null),
    };
  });
  if (cells.length === 0) return;
  for (const group of plot.querySelectorAll('g[aria-label="text"]')) {
    const [gx, gy] = translation(group.getAttribute('transform'));
    for (const text of group.querySelectorAll(':scope > text')) {
      const [tx, ty] = translation(text.getAttribute('transform'));
      const x = tx + gx;
      const y = ty + gy;
      const cell = cells.find((c) => x >= c.x0 && x <= c.x1 && y >= c.y0 && y <= c.y1);
      if (!cell?.fill) continue;
      const light = luminance(cell.fill) > 0.3;
      text.setAttribute('fill', light ? '#111827' : '#ffffff');
      text.setAttribute('stroke', 'none');
    }
  }
}

/** Moves annotation labels of a Plot SVG off lines, dots and each other (see the module comment). */
export function avoidLabelCollisions(plot: Element, theme: ChartTheme): void {
  const height = Number(plot.getAttribute('height')) || Infinity;
  const width = Number(plot.getAttribute('width')) || Infinity;
  const segments: Segment[] = [];
  for (const path of plot.querySelectorAll('g[aria-label="line"] path')) {
    const [ox, oy] = translation(path.parentElement?.getAttribute('transform') ?? null);
    const points = pathPoints(path.getAttribute('d') ?? '');
    for (let i = 1; i < points.length; i++) {
      segments.push([points[i - 1]![0] + ox, points[i - 1]![1] + oy, points[i]![0] + ox, points[i]![1] + oy]);
    }
  }
  const placed: Box[] = [];
  for (const circle of plot.querySelectorAll('g[aria-label="dot"] circle')) {
    const [ox, oy] = translation(circle.parentElement?.getAttribute('transform') ?? null);
    const [tx, ty] = translation(circle.getAttribute('transform'));
    const cx = Number(circle.getAttribute('cx') ?? 0) + tx + ox;
    const cy = Number(circle.getAttribute('cy') ?? 0) + ty + oy;
    const r = Number(circle.getAttribute('r') ?? 3);
    placed.push({ x0: cx - r, y0: cy - r, x1: cx + r, y1: cy + r });
  }

  for (const group of plot.querySelectorAll('g[aria-label="text"]')) {
    const texts = [...group.children].filter((c) => c.tagName.toLowerCase() === 'text');
    if (texts.length === 0 || texts.length > MAX_ANNOTATIONS) continue;
    const [gx, gy] = translation(group.getAttribute('transform'));
    const size = parseFloat(group.getAttribute('font-size') ?? '') || theme.fontSize;
    const bold = /bold|[6-9]00/.test(group.getAttribute('font-weight') ?? '');
    for (const text of texts) {
      // Several lines (tspans) are laid out by Plot around their anchor: left as they are.
      if (text.querySelector('tspan') !== null) continue;
      const [tx, ty] = translation(text.getAttribute('transform'));
      const anchor = text.getAttribute('text-anchor') ?? group.getAttribute('text-anchor') ?? 'middle';
      const w = textWidth(text.textContent ?? '', size, bold);
      const x = tx + gx;
      const baseline = ty + gy + (parseFloat(text.getAttribute('y') ?? '0') || 0) * size;
      const x0 = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
      const boxAt = (shift: number): Box => ({
        x0: x0 - 2,
        x1: x0 + w + 2,
        y0: baseline - 0.8 * size + shift,
        y1: baseline + 0.22 * size + shift,
      });
      const hits = (b: Box) =>
        placed.filter((p) => overlaps(p, b)).length + segments.filter((s) => crosses(s, b)).length;
      const inside = (b: Box) => b.y0 >= 0 && b.y1 <= height && b.x0 >= -2 && b.x1 <= width + 2;
      let best = 0;
      let bestHits = hits(boxAt(0));
      if (bestHits > 0) {
        const step = Math.ceil(size * 1.15);
        for (let k = 1; k <= MAX_STEPS && bestHits > 0; k++) {
          for (const shift of [-k * step, k * step]) {
            const b = boxAt(shift);
            if (!inside(b)) continue;
            const n = hits(b);
            if (n < bestHits) {
              best = shift;
              bestHits = n;
              if (n === 0) break;
            }
          }
        }
      }
      if (best !== 0) text.setAttribute('transform', `translate(${tx},${Math.round((ty + best) * 100) / 100})`);
      placed.push(boxAt(best));
    }
  }
}
