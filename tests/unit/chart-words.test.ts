/**
 * Category words in the reader's language: `tickLabels` (axis ticks, legend entries) and
 * `textLabels` (text marks over a table) change what the chart shows, never the data; and
 * `localiseChart` fills them, with fixed phrases found by their English, for a Chinese reader only.
 */
import { describe, expect, it } from 'vitest';
import { localiseChart } from '../../src/analyses/messages/localise.ts';
import { renderChart } from '../../src/charts/render.ts';
import { nodeDocument } from '../../src/charts/render-node.ts';
import type { ChartSpec } from '../../src/charts/spec.ts';
import { validateChartSpec } from '../../src/charts/validate.ts';

const rows = [
  { zone: 'defection', level: 'Satisfied', n: 3 },
  { zone: 'affection', level: 'Not satisfied', n: 5 },
];
const spec: ChartSpec = {
  title: 'Word of mouth happens at the extremes',
  data: 'r',
  x: { label: null, type: 'band', domain: ['Not satisfied', 'Satisfied'] },
  y: { label: 'Share of respondents' },
  color: { type: 'ordinal', domain: ['defection', 'affection'], range: ['negative', 'positive'] },
  marks: [
    { type: 'barY', x: 'level', y: 'n', fill: 'zone' },
    { type: 'text', x: 'level', y: 'n', text: 'zone' },
  ],
};
const texts = (svg: Element) => [...svg.querySelectorAll('text')].map((t) => t.textContent ?? '');

describe('chart words for the reader', () => {
  it('leaves English readers the spec as written', () => {
    expect(localiseChart(spec, undefined, { locale: 'en' })).toBe(spec);
  });

  it('draws ticks, legend entries and text marks in 简体 while the data keeps its values', () => {
    const zh = localiseChart(spec, undefined, { locale: 'zh-Hans' });
    expect(zh.title).toBe('口碑发生在两端');
    expect(zh.y?.label).toBe('受访者占比');
    // A numeric scale gets no words: Plot keeps its own number format there.
    expect(zh.y?.tickLabels).toBeUndefined();
    expect(() => validateChartSpec(zh)).not.toThrow();
    const document = nodeDocument();
    const shown = texts(renderChart(zh, () => rows, { document, width: 640 }));
    for (const word of ['满意', '不满意', '背离区', '情感区']) expect(shown).toContain(word);
    expect(shown.join(' ')).not.toMatch(/Satisfied|defection|affection/);
    expect(rows[0]!.zone).toBe('defection');
    const en = texts(renderChart(spec, () => rows, { document, width: 640 }));
    expect(en).toContain('Not satisfied');
    expect(en).toContain('defection');
  });

  it('refuses words that are not text', () => {
    expect(() =>
      validateChartSpec({ ...spec, x: { tickLabels: { a: 1 } as unknown as Record<string, string> } }),
    ).toThrow(/tickLabels/);
  });
});
