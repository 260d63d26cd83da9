// Charts that survive a projector (issue 15): colour roles, a minimum font size, legends where
// several series are drawn, the data's own order for categories, annotation labels moved off lines
// and each other, and heat-map numbers in the colour that reads on their cell.
import { describe, expect, it } from 'vitest';
import { renderChart } from '../../src/charts/render.ts';
import { nodeDocument } from '../../src/charts/render-node.ts';
import { ROLES } from '../../src/charts/palette.ts';
import type { ChartSpec } from '../../src/charts/spec.ts';
import type { Row } from '../../src/sql/table.ts';

const document = nodeDocument();
const draw = (spec: ChartSpec, tables: Record<string, Row[]> = {}, theme: 'light' | 'dark' = 'light') =>
  renderChart(spec, (n) => tables[n], { document, width: 640, theme });
const translateY = (el: Element) =>
  Number(/translate\([^,]+,\s*([-\d.]+)\)/.exec(el.getAttribute('transform') ?? '')?.[1]);

const curve: Row[] = Array.from({ length: 21 }, (_, i) => ({ x: i / 20, y: Math.sqrt(i / 20) }));

describe('charts for a board room', () => {
  it('a colour role takes the palette colour in both themes', () => {
    for (const theme of ['light', 'dark'] as const) {
      const svg = draw(
        { data: 'c', marks: [{ type: 'line', x: 'x', y: 'y', stroke: 'primary' }] },
        { c: curve },
        theme,
      );
      expect(svg.querySelector('g[aria-label="line"]')?.getAttribute('stroke')).toBe(ROLES.primary);
    }
  });

  it('raises text below 12px to 12px', () => {
    const svg = draw({
      marks: [{ type: 'text', rows: [{ x: 1, y: 1, t: 'tiny' }], x: 'x', y: 'y', text: 't', options: { fontSize: 9 } }],
    });
    expect(svg.querySelector('g[aria-label="text"]')?.getAttribute('font-size')).toBe('12');
  });

  it('keeps categories in the order the data lists them (a query’s ORDER BY)', () => {
    const rows = [
      { region: 'South', n: 9 },
      { region: 'East', n: 5 },
      { region: 'North', n: 2 },
    ];
    const svg = draw({ data: 'r', marks: [{ type: 'barY', x: 'region', y: 'n' }] }, { r: rows });
    const ticks = [...svg.querySelectorAll('g[aria-label="x-axis tick label"] text')].map((t) => t.textContent);
    expect(ticks).toEqual(['South', 'East', 'North']);
    // A spec that sorts the scale itself keeps its sort.
    const sorted = draw(
      { data: 'r', marks: [{ type: 'barY', x: 'region', y: 'n', sortDomain: { x: 'y' } }] },
      { r: rows },
    );
    expect([...sorted.querySelectorAll('g[aria-label="x-axis tick label"] text')].map((t) => t.textContent)).toEqual([
      'North',
      'East',
      'South',
    ]);
  });

  it('draws a key when two or more series are labelled, and a legend for colour categories', () => {
    const keyed = draw(
      {
        data: 'c',
        marks: [
          { type: 'line', x: 'x', y: 'y', stroke: 'primary', label: 'Today' },
          { type: 'line', x: 'x', y: 'y', stroke: 'positive', label: 'After', options: { strokeDasharray: '6,3' } },
        ],
      },
      { c: curve },
    );
    const key = keyed.querySelector('g[aria-label="series key"]');
    expect([...(key?.querySelectorAll('text') ?? [])].map((t) => t.textContent)).toEqual(['Today', 'After']);
    expect(key?.querySelectorAll('line')[1]?.getAttribute('stroke-dasharray')).toBe('6,3');
    const rows = [
      { x: 1, y: 1, s: 'a' },
      { x: 2, y: 2, s: 'b' },
    ];
    expect(
      draw({ data: 'r', marks: [{ type: 'dot', x: 'x', y: 'y', fill: 's' }] }, { r: rows }).querySelector(
        'g[aria-label="color legend"]',
      ),
    ).not.toBeNull();
    expect(
      draw(
        { data: 'r', color: { legend: false }, marks: [{ type: 'dot', x: 'x', y: 'y', fill: 's' }] },
        { r: rows },
      ).querySelector('g[aria-label="color legend"]'),
    ).toBeNull();
  });

  it('moves a label that would sit on another label', () => {
    const svg = draw({
      marks: [
        {
          type: 'dot',
          rows: [
            { x: 0.2, y: 0.74 },
            { x: 0.2, y: 0.76 },
          ],
          x: 'x',
          y: 'y',
        },
        {
          type: 'text',
          rows: [
            { x: 0.2, y: 0.74, label: 'Revenue: 74%' },
            { x: 0.2, y: 0.76, label: 'Profit: 76%' },
          ],
          x: 'x',
          y: 'y',
          text: 'label',
          options: { dx: 10, textAnchor: 'start', fontSize: 15 },
        },
      ],
      y: { domain: [0, 1] },
      x: { domain: [0, 1] },
    });
    const [a, b] = [...svg.querySelectorAll('g[aria-label="text"] text')];
    expect(Math.abs(translateY(a!) - translateY(b!))).toBeGreaterThanOrEqual(15);
  });

  it('moves a label off the curve it would be struck through by', () => {
    const spec: ChartSpec = {
      data: 'c',
      x: { domain: [0, 1] },
      y: { domain: [0, 1] },
      marks: [
        { type: 'line', x: 'x', y: 'y' },
        {
          type: 'text',
          rows: [{ x: 0.5, y: Math.sqrt(0.5), label: 'A label right on the curve' }],
          x: 'x',
          y: 'y',
          text: 'label',
        },
      ],
    };
    const svg = draw(spec, { c: curve });
    const text = svg.querySelector('g[aria-label="text"] text')!;
    // Without the curve the label stays where it was put; with it, it moves.
    const alone = draw({ ...spec, marks: [spec.marks[1]!] }).querySelector('g[aria-label="text"] text')!;
    expect(translateY(text)).not.toBe(translateY(alone));
  });

  it('prints heat-map numbers dark on light cells and white on dark ones', () => {
    const rows = [
      { a: 'x', b: 'p', v: 0 },
      { a: 'y', b: 'p', v: 100 },
    ];
    const svg = draw(
      {
        data: 'h',
        color: { scheme: 'blues' },
        marks: [
          { type: 'cell', x: 'a', y: 'b', fill: 'v' },
          { type: 'text', x: 'a', y: 'b', text: 'v' },
        ],
      },
      { h: rows },
      'dark',
    );
    const fills = [...svg.querySelectorAll('g[aria-label="text"] text')].map((t) => t.getAttribute('fill'));
    expect(fills).toEqual(['#111827', '#ffffff']);
  });
});
