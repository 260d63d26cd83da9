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
import { cellId, parseNotebook, serializeNotebook } from '../../src/notebook/format/index.ts';
import { renderMarkdown } from '../../src/notebook/markdown.ts';
import type { CellId } from '../../src/notebook/format/types.ts';
import type { CellState, CellStatus } from '../../src/notebook/runtime/state.ts';
import { slidePlotHeight } from '../../src/ui/present/chart-svg.ts';
import {
  buildSlides,
  chartSlides,
  deckFileName,
  markdownText,
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

Read it from the left: the **top** customers come first.

## Next section

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
    // The second analysis says the same sentences: it adds no slide.
    expect(headlines).toHaveLength(2);
  });

  it.each([
    {
      name: 'everything ran: one slide per analysis finding and per chart cell; a repeated analysis adds nothing',
      states: states('ok', 'ok', 'ok'),
      headlines: ['The top 20% of customers earn 138% of profit.', 'Revenue vs profit'],
      sources: ['Whale curve · whale', 'q'],
      skipped: { failed: 0, notRun: 0, noChart: 1 },
    },
    {
      name: 'a failed analysis and a blocked chart are counted as failed; the later analysis then speaks',
      states: states('error', 'blocked', 'ok'),
      headlines: ['The top 20% of customers earn 138% of profit.'],
      sources: ['profit-diagnostics · diag'],
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
      name: 'an analysis without charts still gives its finding a slide',
      states: states('ok-no-chart', 'ok', 'idle'),
      headlines: ['No customer was active in the period, so there is no whale curve to draw.', 'Revenue vs profit'],
      sources: ['Whale curve · whale', 'q'],
      skipped: { failed: 0, notRun: 1, noChart: 0 },
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
    expect(first!.spec?.title).toBeUndefined();
    expect(first!.chartTitle).toBe('The top 20% earn 138% of profit');
    expect(first!.spec?.subtitle).toBe('Cumulative share');
    expect(second).toBeUndefined();
    expect(first!.chartIndex).toBe(0);
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
        problems: [],
      },
    ]);
  });
});

/** The same notebook with a `slides:` list in its front matter. */
const planned = (slides: string) =>
  parseNotebook(source.replace('description: The whale curve.\n', `description: The whale curve.\nslides:\n${slides}`));
const plannedDeck = (slides: string, s = states('ok', 'ok', 'ok')) =>
  buildSlides({
    notebook: planned(slides),
    states: s,
    dataset: 'd',
    date: new Date(0),
    untitled: 'Untitled',
    takeaways: 'What to take away',
  });

describe("the author's slides: list", () => {
  it('shows the findings the author chose, in their order, with the chart and notes they chose', () => {
    const slides = plannedDeck(
      [
        '  - diag.loss',
        '  - { show: whale.top, chart: 2, notes: "Pause here." }',
        '  - { show: whale.loss, chart: none }',
        '  - chart#1',
        '',
      ].join('\n'),
    );
    const [title] = slides as [TitleSlide];
    // An unnamed chart cell cannot be chosen: its id is not a name a notebook author writes.
    expect(title.problems).toEqual(['slides: entry 4: write a cell or cell.finding (e.g. whale.headline)']);
    const charts = chartSlides(slides);
    expect(charts.map((c) => [c.cellId, c.findingId, c.chartIndex])).toEqual([
      ['diag', 'loss', 0],
      ['whale', 'top', 1],
      ['whale', 'loss', -1],
    ]);
    expect(charts[1]!.notes).toBe('Pause here.');
    expect(charts[1]!.chartTitle).toBe('Profit by decile');
    // No chart: the slide shows the finding's number, as its tile does.
    expect(charts[2]!.spec).toBeNull();
    expect(charts[2]!.figure).toBe('31%');
  });

  it('names what it cannot show: an unknown cell, finding or chart, and a repeat', () => {
    const slides = plannedDeck(
      ['  - whale.nope', '  - { show: whale, chart: pie }', '  - nobody', '  - whale.top', '  - 42', ''].join('\n'),
    );
    const title = slides[0] as TitleSlide;
    expect(title.problems).toEqual([
      'slides: entry 5: write a cell or cell.finding (e.g. whale.headline)',
      'slides: whale.nope: analysis whale has no finding nope (findings: top, loss)',
      'slides: whale.top: no chart pie (charts: 1, 2)',
      'slides: nobody: no analysis or chart cell named nobody',
    ]);
    // `whale` is its first finding, `top`: the later `whale.top` is the same slide and is not repeated.
    expect(chartSlides(slides).map((c) => `${c.cellId}.${c.findingId}`)).toEqual(['whale.top']);
  });

  it('a malformed list is a problem of the notebook itself, and the file round-trips unchanged', () => {
    const text = source.replace('description: The whale curve.\n', 'description: x\nslides: { show: whale }\n');
    const nb = parseNotebook(text);
    expect(nb.issues).toEqual(['front matter: slides: expected a list of findings']);
    expect(serializeNotebook(nb)).toBe(text);
  });

  it('a chart cell is named by its name; cells that did not finish are counted', () => {
    const nb = parseNotebook(
      source
        .replace('```chart\n', '```chart revenue\n')
        .replace('description: The whale curve.\n', 'description: x\nslides: [revenue, diag]\n'),
    );
    const s = states('ok', 'missing', 'error');
    s.set(cellId('revenue'), { ...s.get(cellId(ids.find((i) => i.startsWith('chart'))!))!, id: cellId('revenue') });
    const st: CellState = {
      id: cellId('revenue'),
      kind: 'chart',
      status: 'ok',
      runs: 1,
      output: { kind: 'chart', spec: { ...spec('Revenue vs profit'), data: 'q' }, data: { q: [{ x: 1, y: 2 }] } },
    };
    s.set(cellId('revenue'), st);
    const slides = buildSlides({ notebook: nb, states: s, dataset: 'd', date: new Date(0), untitled: 'U' });
    expect(chartSlides(slides).map((c) => c.headline)).toEqual(['Revenue vs profit']);
    expect((slides[0] as TitleSlide).skipped).toEqual({ failed: 1, notRun: 0, noChart: 0 });
  });
});

describe('closing slide and speaker notes', () => {
  it('ends with the headlines of every finding slide, in order, once', () => {
    const slides = buildSlides({
      notebook,
      states: states('ok', 'ok', 'ok'),
      dataset: 'd',
      date: new Date(0),
      untitled: 'U',
      takeaways: 'What to take away',
    });
    const last = slides.at(-1);
    expect(last).toEqual({
      kind: 'closing',
      title: 'What to take away',
      points: ['The top 20% of customers earn 138% of profit.', 'Revenue vs profit'],
    });
    const headlines = chartSlides(slides).map((c) => c.headline);
    expect(new Set(headlines).size).toBe(headlines.length);
  });

  it('has no closing slide when nothing is shown', () => {
    const slides = plannedDeck('  - nobody\n', states('ok', 'ok', 'ok'));
    expect(slides.map((s) => s.kind)).toEqual(['title']);
  });

  it('takes the notes from the prose after the cell, up to the next heading, as plain text', () => {
    const [whale, chart] = chartSlides(deck(states('ok', 'ok', 'missing')));
    expect(whale!.notes).toBe('Read it from the left: the top customers come first.');
    // The chart cell has no prose after it; the prose before it from its last heading is "# Intro"'s rest: none here.
    expect(chart!.notes).toBe('');
  });

  it('bold next to CJK punctuation is bold, and plain text drops it', () => {
    // CommonMark alone left these as literal ** (markdown.ts now uses markdown-it-cjk-friendly).
    const html = renderMarkdown('总利润的**{a:.0%}**。顶点就是**盈亏平衡点**：虚线', { values: { a: 1.14 } }).html;
    expect(html).not.toContain('**');
    expect(html).toContain('<strong>盈亏平衡点</strong>');
    expect(markdownText(html)).toBe('总利润的114%。顶点就是盈亏平衡点：虚线');
  });

  it('turns rendered Markdown into plain lines', () => {
    expect(markdownText('<p>A &amp; B</p>\n<ul>\n<li>one</li>\n<li><strong>two</strong></li>\n</ul>\n')).toBe(
      'A & B\n• one\n• two',
    );
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
