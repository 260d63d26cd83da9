/**
 * The slide deck of a notebook, as plain data: a title slide, then one slide per chart that the
 * notebook's finished chart and analysis cells drew. Pure (no DOM): the presentation, the print
 * layout and the PowerPoint export all render from this list, so they always show the same slides.
 *
 * Headlines follow the "one message per slide" rule of board decks: an analysis's first chart is
 * titled with its first finding ("the top 20% of customers earn 138% of profit"), a chart cell's
 * with the chart's own title. Cells that failed or have not run are counted, never dropped silently.
 */
import { renderFinding } from '../../analyses/messages/finding.ts';
import { localiseCharts } from '../../analyses/messages/localise.ts';
import type { Locale } from '../../format/locale.ts';
import type { Currency } from '../../format/typed.ts';
import type { ChartSpec } from '../../charts/spec.ts';
import { toRows, type Row } from '../../engine/types.ts';
import type { AnalysisCell, CellId, ChartCell, Notebook } from '../../notebook/format/types.ts';
import type { CellState } from '../../notebook/runtime/state.ts';

/** Chart-bearing cells left out of the deck, by reason. */
export interface SkippedCounts {
  /** Cells that failed, or are blocked by a failed cell they depend on. */
  failed: number;
  /** Cells that have not finished a run yet (idle, queued or running). */
  notRun: number;
  /** Analyses that finished but drew no chart. */
  noChart: number;
}

/** The opening slide. */
export interface TitleSlide {
  kind: 'title';
  title: string;
  description: string;
  /** Name of the dataset the results were computed on. */
  dataset: string;
  /** When the deck was made (shown as a date). */
  date: Date;
  /** How many chart slides follow. */
  chartCount: number;
  skipped: SkippedCounts;
}

/** One chart, big, under a one-line headline. */
export interface ChartSlide {
  kind: 'chart';
  /** The cell that drew the chart. */
  cellId: CellId;
  /** Position of the chart among its cell's charts (0 for chart cells). */
  chartIndex: number;
  /** The slide's one-line message. */
  headline: string;
  /** Where the chart comes from, for the footer: analysis title and cell name, or the data it draws. */
  source: string;
  /** The chart as the notebook draws it, minus its title: on a slide the headline says it, bigger. */
  spec: ChartSpec;
  /** The chart's tables, as `renderChart` expects them. */
  resolve: (name: string) => Row[] | undefined;
}

/** Any slide; tagged union over `kind`. */
export type Slide = TitleSlide | ChartSlide;

/** What `buildSlides` needs. */
export interface SlidesInput {
  notebook: Notebook;
  /** The runtime's cell states, by id (`NotebookSession.states`). */
  states: ReadonlyMap<CellId, CellState>;
  /** Active dataset's display name. */
  dataset: string;
  date: Date;
  /** Title used when the notebook has none. */
  untitled: string;
  /** Display title of an analysis id (the registry's `title`); the id is shown when this returns undefined. */
  analysisTitle?: (id: string) => string | undefined;
  /** Language the findings are rendered in (English when absent). */
  locale?: Locale;
  /** The dataset's currency for amounts in findings (none when absent). */
  currency?: Currency | null;
}

/** Builds the deck: the title slide first, then the chart slides in notebook order. */
export function buildSlides(input: SlidesInput): Slide[] {
  const skipped: SkippedCounts = { failed: 0, notRun: 0, noChart: 0 };
  const charts: ChartSlide[] = [];
  for (const cell of input.notebook.cells) {
    if (cell.kind !== 'chart' && cell.kind !== 'analysis') continue;
    const state = input.states.get(cell.id);
    const status = state?.status ?? 'idle';
    if (status === 'error' || status === 'blocked') skipped.failed++;
    // Not applicable to this data: nothing to show, and nothing went wrong.
    else if (status === 'na') continue;
    else if (status !== 'ok') skipped.notRun++;
    else {
      const made = cellSlides(cell, state, input);
      if (made.length === 0 && cell.kind === 'analysis') skipped.noChart++;
      charts.push(...made);
    }
  }
  const front = input.notebook.frontMatter;
  const title: TitleSlide = {
    kind: 'title',
    title: front.title || input.untitled,
    description: front.description,
    dataset: input.dataset,
    date: input.date,
    chartCount: charts.length,
    skipped,
  };
  return [title, ...charts];
}

/** The chart slides of one finished cell (none when its output carries no chart). */
function cellSlides(cell: ChartCell | AnalysisCell, state: CellState | undefined, input: SlidesInput): ChartSlide[] {
  const out = state?.output;
  if (cell.kind === 'chart' && out?.kind === 'chart') {
    const headline = out.spec.title ?? out.spec.subtitle ?? cell.name ?? out.spec.data ?? '';
    const source = cell.name ?? out.spec.data ?? cell.id;
    return [chartSlide(cell.id, 0, headline, source, out.spec, (name) => out.data[name])];
  }
  if (cell.kind === 'analysis' && out?.kind === 'analysis') {
    const { result } = out;
    const name = cell.name ?? '';
    const cache = new Map<string, Row[]>();
    // Same lookup as the notebook's AnalysisView: `whale.curve` and `curve` both name the table.
    const resolve = (table: string): Row[] | undefined => {
      const key = name && table.startsWith(`${name}.`) ? table.slice(name.length + 1) : table;
      const columnar = result.tables[key];
      if (!columnar) return undefined;
      let rows = cache.get(key);
      if (!rows) cache.set(key, (rows = toRows(columnar)));
      return rows;
    };
    const analysis = cell.analysis ? (input.analysisTitle?.(cell.analysis) ?? cell.analysis) : '';
    const source = [analysis, cell.name].filter((s) => s).join(' · ') || cell.id;
    const reader = { locale: input.locale ?? 'en', currency: input.currency ?? null } as const;
    return localiseCharts(result, reader).map((spec, i) => {
      // The first finding is the analysis's message; later charts speak through their own titles.
      const first = i === 0 ? result.findings[0] : undefined;
      const finding = first ? renderFinding(first, reader).text : undefined;
      const headline = finding ?? spec.title ?? spec.subtitle ?? (analysis || cell.id);
      return chartSlide(cell.id, i, headline, source, spec, resolve);
    });
  }
  return [];
}

function chartSlide(
  cellId: CellId,
  chartIndex: number,
  headline: string,
  source: string,
  spec: ChartSpec,
  resolve: ChartSlide['resolve'],
): ChartSlide {
  return { kind: 'chart', cellId, chartIndex, headline, source, spec: withoutTitle(spec), resolve };
}

/**
 * The spec without its title. The headline above the chart is either that title or the finding
 * the chart illustrates (which says the same thing with the number), so a second title only
 * repeats it and takes height from the chart. The subtitle stays: it tells what is plotted.
 */
function withoutTitle(spec: ChartSpec): ChartSpec {
  const { title: _title, ...rest } = spec;
  return rest;
}

/** The chart slides of a deck (everything after the title slide). */
export function chartSlides(slides: readonly Slide[]): ChartSlide[] {
  return slides.filter((s): s is ChartSlide => s.kind === 'chart');
}

/** A file name from the notebook title: lower case, words joined by `-`, letters of any script kept. */
export function deckFileName(title: string, extension: string): string {
  const base =
    title
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '') || 'presentation';
  return `${base}.${extension}`;
}
