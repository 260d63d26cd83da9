/**
 * Present's deck for the flagship notebook, computed on the sample data in Node (the CLI's code
 * path, real DuckDB-WASM): the slides the notebook's `slides:` list asks for, in its order, each
 * finding once, the closing slide with their headlines; without the list, one slide per finding
 * and no repeat of the what-if analysis's shared findings. The native chart of the first slide
 * holds the whale curve's own numbers.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadData, type LoadedData } from '../../src/cli/load-data.ts';
import { runNotebookFile } from '../../src/cli/run.ts';
import { toRows } from '../../src/engine/types.ts';
import { parseNotebook } from '../../src/notebook/format/index.ts';
import type { CellState } from '../../src/notebook/runtime/state.ts';
import type { CellId, Notebook } from '../../src/notebook/format/types.ts';
import { nativeChart } from '../../src/ui/present/native-chart.ts';
import { buildSlides, chartSlides, type ClosingSlide, type TitleSlide } from '../../src/ui/present/slides.ts';

const file = path.resolve(import.meta.dirname, '../../notebooks/who-really-makes-the-profit.md');
let data: LoadedData;
let states: ReadonlyMap<CellId, CellState>;
let notebook: Notebook;

beforeAll(async () => {
  data = await loadData();
  const run = await runNotebookFile(file, { data });
  expect(run.errors).toEqual([]);
  states = new Map(run.states.map((s) => [s.id, s]));
  notebook = run.notebook;
}, 240_000);

const deck = (nb: Notebook, locale: 'en' | 'zh-Hans' = 'en') =>
  buildSlides({
    notebook: nb,
    states,
    dataset: 'sample',
    date: new Date(0),
    untitled: 'Untitled',
    takeaways: 'What to take away',
    locale,
  });
const findings = (cell: string) => {
  const out = states.get(cell as CellId)?.output;
  return out?.kind === 'analysis' ? out.result.findings : [];
};

describe('the flagship notebook as a deck', () => {
  it("follows the author's slides: list: order, charts, notes, closing slide", () => {
    const slides = deck(notebook);
    const title = slides[0] as TitleSlide;
    expect(title.problems).toEqual([]);
    const shown = chartSlides(slides);
    expect(shown.map((s) => `${s.cellId}.${s.findingId}`)).toEqual([
      'whale.headline',
      'whale.peak',
      'diagnostics.waterfall',
      'diagnostics.cost_driver',
      'whatif.what_if',
    ]);
    expect(shown.map((s) => s.spec?.id ?? null)).toEqual([
      'revenue-vs-profit',
      'whale-curve',
      'waterfall',
      null,
      'whale-curve',
    ]);
    expect(shown[0]!.headline).toBe(findings('whale').find((f) => f.id === 'headline')!.text);
    expect(shown[4]!.headline).toBe(findings('whatif').find((f) => f.id === 'what_if')!.text);
    // No chart: the cost driver's multiple, big, as its tile shows it.
    expect(shown[3]!.figure).toMatch(/^\d+(\.\d)?×$/);
    expect(shown[3]!.notes).toMatch(/^Ask the room/);
    // Default notes: the prose after the analysis, its values filled in.
    expect(shown[1]!.notes).toMatch(/^Read it from left to right/);
    expect(shown[1]!.notes).not.toMatch(/[{}]/);
    const headlines = shown.map((s) => s.headline);
    expect(new Set(headlines).size).toBe(headlines.length);
    expect(slides.at(-1)).toEqual({
      kind: 'closing',
      title: 'What to take away',
      points: headlines,
    } satisfies ClosingSlide);
    expect(slides).toHaveLength(headlines.length + 2);
  });

  it('without the list: one slide per analysis and chart cell, the what-if saying only what it adds', () => {
    const text = readFileSync(file, 'utf8').replace(/^# Present's slides[\s\S]*?(?=^---$)/m, '');
    const plain = parseNotebook(text);
    expect(plain.frontMatter.extra.slides).toBeUndefined();
    const shown = chartSlides(deck(plain, 'zh-Hans'));
    expect(shown.map((s) => `${s.cellId}.${s.findingId}`)).toEqual([
      'whale.headline',
      'chart#1.null',
      'diagnostics.waterfall',
      'whatif.what_if',
    ]);
    const headlines = shown.map((s) => s.headline);
    expect(new Set(headlines).size).toBe(headlines.length);
    expect(headlines[0]).toMatch(/^前 20% 的客户/);
  });

  it('the first slide is a native chart holding the whale curve, point for point', () => {
    const slide = chartSlides(deck(notebook))[0]!;
    const chart = nativeChart(slide.spec!, slide.resolve);
    const out = states.get('whale' as CellId)!.output;
    if (out?.kind !== 'analysis') throw new Error('whale did not run');
    const curve = toRows(out.result.tables.curve!);
    expect(chart?.type).toBe('scatter');
    // The series keep the chart's own legend keys, the axes its titles (without Plot's arrows).
    expect(chart?.data.map((s) => s.name)).toEqual([
      'Share of customers',
      'Revenue (customers ranked by revenue)',
      'Profit (customers ranked by profit)',
    ]);
    expect([chart?.xTitle, chart?.yTitle]).toEqual(['Share of customers', 'Cumulative share']);
    expect(chart?.data[0]!.values).toEqual(curve.map((r) => r.customer_share));
    expect(chart?.data[1]!.values).toEqual(curve.map((r) => r.revenue_share));
    expect(chart?.data[2]!.values).toEqual(curve.map((r) => r.profit_share));
    expect(Math.max(...chart!.data[2]!.values.map(Number))).toBe(out.result.scalars.peak_share);
    expect([chart?.xFormat, chart?.yFormat]).toEqual(['0%', '0%']);
  });
});
