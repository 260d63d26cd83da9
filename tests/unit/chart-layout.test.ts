/**
 * The layout hint that lets a redrawn chart (a slider step) start from the layout its last draw
 * settled on: same picture as a fresh draw when the data needs at least that room, margins that
 * never shrink under the hint, and colours chosen afresh when the colour scale changes kind.
 */
import { describe, expect, it } from 'vitest';
import { chartTables, renderChart, renderChartWithLayout, type ChartLayout } from '../../src/charts/render.ts';
import { nodeDocument } from '../../src/charts/render-node.ts';
import type { ChartSpec } from '../../src/charts/spec.ts';
import type { Row } from '../../src/engine/types.ts';

const document = nodeDocument();
const spec: ChartSpec = { data: 'r', marks: [{ type: 'barY', x: 'region', y: 'revenue', fill: 'region' }] };
const rowsOf = (scale: number): Row[] =>
  ['North', 'South', 'East'].map((region, i) => ({ region, revenue: (i + 1) * scale }));
const draw = (rows: Row[], layout?: ChartLayout) =>
  renderChartWithLayout(spec, (n) => (n === 'r' ? rows : undefined), { document, width: 640, layout });
const marginOf = (svg: Element) =>
  Number(svg.querySelector('svg.cw-plot, svg')?.getAttribute('viewBox')?.split(' ')[2] ?? 0);

describe('chart layout hint', () => {
  it('records the wider left margin and the house palette the second pass chose', () => {
    const { layout } = draw(rowsOf(1_000_000_000));
    expect(layout.marginLeft).toBeGreaterThan(40);
    expect(layout.color?.type).toBe('ordinal');
    expect(layout.color?.kinds).toBe('0.fill:string');
    expect(Array.isArray(layout.color?.options.range)).toBe(true);
  });

  it('draws the same picture from the hint as afresh when the data needs that room', () => {
    const first = draw(rowsOf(1_000_000_000));
    const fresh = draw(rowsOf(2_000_000_000)).chart.outerHTML;
    const hinted = draw(rowsOf(2_000_000_000), first.layout).chart.outerHTML;
    expect(hinted).toBe(fresh);
  });

  it('keeps the hinted margin when the new data needs less, and widens it when it needs more', () => {
    const wide = draw(rowsOf(1_000_000_000)).layout;
    const narrow = draw(rowsOf(1), wide);
    expect(narrow.layout.marginLeft).toBe(wide.marginLeft);
    expect(draw(rowsOf(1)).layout.marginLeft).toBeUndefined();
    const wider = draw(rowsOf(1e15), { ...wide });
    expect(wider.layout.marginLeft).toBeGreaterThan(wide.marginLeft!);
    expect(marginOf(wider.chart)).toBeGreaterThan(0);
  });

  it('chooses the colours afresh when the colour scale changes kind', () => {
    const ordinal = draw(rowsOf(100)).layout;
    // The same chart, its colour column now numbers: the palette for text must not stay.
    const numeric = spec;
    const rows: Row[] = [1, 2, 3].map((x) => ({ region: x, revenue: x * 10 }));
    const fresh = renderChartWithLayout(numeric, () => rows, { document, width: 640 });
    const hinted = renderChartWithLayout(numeric, () => rows, { document, width: 640, layout: ordinal });
    expect(hinted.layout.color?.type).toBe(fresh.layout.color?.type);
    const fills = (svg: Element) =>
      [...svg.querySelectorAll('g[aria-label="bar"] rect')].map((r) => r.getAttribute('fill'));
    expect(fills(hinted.chart)).toEqual(fills(fresh.chart));
    expect(new Set(fills(fresh.chart)).size).toBe(3);
  });

  it('renders exactly as before without a hint', () => {
    const rows = rowsOf(1_000_000);
    expect(draw(rows).chart.outerHTML).toBe(renderChart(spec, () => rows, { document, width: 640 }).outerHTML);
  });

  it('lists the tables a chart reads, each once', () => {
    expect(
      chartTables({
        data: 'a',
        marks: [
          { type: 'line', x: 'x', y: 'y' },
          { type: 'dot', data: 'b', x: 'x', y: 'y' },
          { type: 'text', rows: [], x: 'x', y: 'y' },
          { type: 'ruleY', values: [1] },
          { type: 'dot', x: 'x', y: 'y' },
        ],
      }),
    ).toEqual(['a', 'b']);
  });
});
