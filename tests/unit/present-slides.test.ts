/**
 * Present mode's deck, as data: which cells become slides, in what order, under which headline,
 * and how the cells left out are counted on the title slide.
 */
import { finding } from '../../src/analyses/messages/finding.ts';
import { tv } from '../../src/format/typed.ts';
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/analyses/types.ts';
import type { ChartSpec } from '../../src/charts/spec.ts';
import { fromRows } from '../../src/engine/types.ts';
import { cellId, parseNotebook } from '../../src/notebook/format/index.ts';
import type { CellId } from '../../src/notebook/format/types.ts';
import type { CellState, CellStatus } from '../../src/notebook/runtime/state.ts';
import { slidePlotHeight } from '../../src/ui/present/chart-svg.ts';
import {
  buildSlides,
  chartSlides,
  deckFileName,
  type ChartSlide,
  type TitleSlide,
} from '../../src/ui/present/slides.ts';

const source = `---
title: Who really makes the profit?
description: The whale curve.
---

# Intro

\`\`\`sql q
SELECT 1 AS x, 2 AS y
\`\`\`

\`\`\`analysis whale
analysis: whale-curve
\`\`\`

\`\`\`chart
data: q
title: Revenue vs profit
marks:
  - { type: line, x: x, y: y }
\`\`\`

\`\`\`analysis diag
analysis: profit-diagnostics
\`\`\`
`;
const notebook = parseNotebook(source);
const ids = notebook.cells.map((c) => c.id as string);

const curve = fromRows(
  [{ customer_share: 0.2, profit_share: 1.38 }],
  [
    { name: 'customer_share', type: 'DOUBLE', kind: 'number' },
    { name: 'profit_share', type: 'DOUBLE', kind: 'number' },
  ],
);
const spec = (title?: string, extra: Partial<ChartSpec> = {}): ChartSpec => ({
  ...(title ? { title } : {}),
  data: 'curve',
  marks: [{ type: 'line', x: 'customer_share', y: 'profit_share' }],
  ...extra,
});
const whaleResult: AnalysisResult = {
  tables: { curve },
  scalars: {},
  charts: [spec('The top 20% earn 138% of profit', { subtitle: 'Cumulative share' }), spec('Profit by decile')],
  findings: [
    finding('top', 'whale.headline.earn', { k: tv.percent(0.2), top: tv.percent(1.38) }, 'top'),
    finding(
      'loss',
      'whale.loss_makers',
      { share: tv.percent(0.31), loss: tv.money(120), loss_share: tv.percent(0.4) },
      'share',
    ),
  ],
  notes: [],
};
const noChartResult: AnalysisResult = {
  tables: {},
  scalars: {},
  charts: [],
  findings: [finding('f', 'whale.empty', {})],
  notes: [],
};

type Kind = 'ok' | 'ok-no-chart' | Exclude<CellStatus, 'ok'> | 'missing';
/** States for the three chart-bearing cells (whale, the chart cell, diag); the sql cell is always ok. */
function states(whale: Kind, chart: Kind, diag: Kind): Map<CellId, CellState> {
  const m = new Map<CellId, CellState>();
  m.set(cellId('q'), { id: cellId('q'), kind: 'sql', status: 'ok', runs: 1 });
  const put = (id: string, kind: 'analysis' | 'chart', k: Kind) => {
    if (k === 'missing') return;
    const status: CellStatus = k === 'ok-no-chart' ? 'ok' : k;
    const st: CellState = { id: cellId(id), kind, status, runs: status === 'ok' ? 1 : 0 };
    if (status === 'ok' && kind === 'analysis')
      st.output = {
        kind: 'analysis',
        result: k === 'ok-no-chart' ? noChartResult : whaleResult,
        tables: { curve: `${id}_curve` },
      };
    if (status === 'ok' && kind === 'chart')
      st.output = { kind: 'chart', spec: { ...spec('Revenue vs profit'), data: 'q' }, data: { q: [{ x: 1, y: 2 }] } };
    if (status === 'error') st.error = 'boom';
    m.set(cellId(id), st);
  };
  put('whale', 'analysis', whale);
  put(
    ids.find((i) => i.startsWith('chart'))!,
    'chart',
    chart,
  );
  put('diag', 'analysis', diag);
  return m;
}

const titles: Record<string, string> = { 'whale-curve': 'Whale curve' };
const deck = (s: Map<CellId, CellState>, dataset = 'sample data') =>
  buildSlides({
    notebook,
    states: s,
    dataset,
    date: new Date('2026-11-22T00:00:00Z'),
    untitled: 'Untitled',
    analysisTitle: (id) => titles[id],
  });

describe('buildSlides', () => {
  it('writes the headline findings in the deck language, with the currency', () => {
    const slides = buildSlides({
      notebook,
      states: states('ok', 'ok', 'ok'),
      dataset: '示例数据',
      date: new Date('2026-11-22T00:00:00Z'),
      untitled: '未命名',
      locale: 'zh-Hans',
      currency: { symbol: '¥', code: 'CNY' },
    });
    const headlines = slides.filter((x) => x.kind === 'chart').map((x) => (x as { headline: string }).headline);
    expect(headlines[0]).toBe('前 20% 的客户贡献了 138% 的利润。');
    expect(headlines[3]).toBe(headlines[0]);
  });

  it.each([
    {
      name: 'everything ran: one slide per chart, in notebook order',
      states: states('ok', 'ok', 'ok'),
      headlines: [
        'The top 20% of customers earn 138% of profit.',
        'Profit by decile',
        'Revenue vs profit',
        'The top 20% of customers earn 138% of profit.',
        'Profit by decile',
      ],
      sources: [
        'Whale curve · whale',
        'Whale curve · whale',
        'q',
        'profit-diagnostics · diag',
        'profit-diagnostics · diag',
      ],
      skipped: { failed: 0, notRun: 0, noChart: 0 },
    },
    {
      name: 'a failed analysis and a blocked chart are counted as failed',
      states: states('error', 'blocked', 'ok'),
      headlines: ['The top 20% of customers earn 138% of profit.', 'Profit by decile'],
      sources: ['profit-diagnostics · diag', 'profit-diagnostics · diag'],
      skipped: { failed: 2, notRun: 0, noChart: 0 },
    },
    {
      name: 'cells still queued, running, idle or never seen are counted as not run',
      states: states('queued', 'running', 'missing'),
      headlines: [],
      sources: [],
      skipped: { failed: 0, notRun: 3, noChart: 0 },
    },
    {
      name: 'an analysis without charts is counted, not shown',
      states: states('ok-no-chart', 'ok', 'idle'),
      headlines: ['Revenue vs profit'],
      sources: ['q'],
      skipped: { failed: 0, notRun: 1, noChart: 1 },
    },
  ])('$name', ({ states: s, headlines, sources, skipped }) => {
    const slides = deck(s);
    const title = slides[0] as TitleSlide;
    expect(title).toMatchObject({
      kind: 'title',
      title: 'Who really makes the profit?',
      description: 'The whale curve.',
      dataset: 'sample data',
      chartCount: headlines.length,
      skipped,
    });
    const charts = chartSlides(slides);
    expect(slides.length).toBe(1 + headlines.length);
    expect(charts.map((c) => c.headline)).toEqual(headlines);
    expect(charts.map((c) => c.source)).toEqual(sources);
  });

  it('drops the chart title (the headline says it) and keeps the subtitle', () => {
    const [first, second] = chartSlides(deck(states('ok', 'missing', 'missing')));
    expect(first!.spec.title).toBeUndefined();
    expect(first!.spec.subtitle).toBe('Cumulative share');
    expect(second!.spec.title).toBeUndefined();
    expect([first!.chartIndex, second!.chartIndex]).toEqual([0, 1]);
  });

  it.each([
    ['curve', 1],
    ['whale.curve', 1],
    ['whale.nope', undefined],
  ])('resolves analysis table %s like the notebook does', (name, rows) => {
    const slide = chartSlides(deck(states('ok', 'missing', 'missing')))[0] as ChartSlide;
    expect(slide.resolve(name)?.length).toBe(rows);
  });

  it("resolves a chart cell's data from its output", () => {
    const slide = chartSlides(deck(states('missing', 'ok', 'missing')))[0] as ChartSlide;
    expect(slide.resolve('q')).toEqual([{ x: 1, y: 2 }]);
  });

  it('uses the untitled label for a notebook without a title', () => {
    const slides = buildSlides({
      notebook: parseNotebook('Just prose.\n'),
      states: new Map(),
      dataset: 'd',
      date: new Date(0),
      untitled: 'Untitled notebook',
    });
    expect(slides).toEqual([
      {
        kind: 'title',
        title: 'Untitled notebook',
        description: '',
        dataset: 'd',
        date: new Date(0),
        chartCount: 0,
        skipped: { failed: 0, notRun: 0, noChart: 0 },
      },
    ]);
  });
});

describe('deckFileName', () => {
  it.each([
    ['Who really makes the profit?', 'pptx', 'who-really-makes-the-profit.pptx'],
    ['  客户价值 / 2026 ', 'pptx', '客户价值-2026.pptx'],
    ['???', 'pdf', 'presentation.pdf'],
  ])('%s → %s', (title, ext, expected) => expect(deckFileName(title, ext)).toBe(expected));
});

describe('slidePlotHeight', () => {
  it.each([
    [{ marks: [] }, 447],
    [{ subtitle: 's', marks: [] }, 425],
    [{ subtitle: 's', caption: 'c', color: { legend: true }, marks: [] }, 369],
  ] as [ChartSpec, number][])('%j → %d', (s, h) => expect(slidePlotHeight(s)).toBe(h));
});
