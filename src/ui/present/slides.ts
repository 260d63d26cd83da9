/**
 * The slide deck of a notebook, as plain data: a title slide, one slide per finding, and a closing
 * "what to take away" slide with the findings' headlines. Pure (no DOM): the presentation, the
 * print layout and the PowerPoint export all render from this list, so they always show the same
 * slides.
 *
 * Which findings: the notebook's `slides:` front matter when it has one (the author's choice and
 * order, docs/notebook-format.md); otherwise one slide per analysis cell — its first finding that
 * no earlier analysis already said, so a second run of the same analysis (a what-if) shows what it
 * adds, never a repeat — and one per chart cell, in notebook order. Each finding slide carries the
 * analysis's chart (its first, or the one the author named) and speaker notes (the author's, or
 * the prose about the cell). Cells that failed or have not run are counted, never dropped silently.
 */
import { renderFinding } from '../../analyses/messages/finding.ts';
import { localiseCharts } from '../../analyses/messages/localise.ts';
import type { Locale } from '../../format/locale.ts';
import type { Currency } from '../../format/typed.ts';
import type { ChartSpec } from '../../charts/spec.ts';
import { toRows, type Row } from '../../engine/types.ts';
import type { AnalysisCell, CellId, ChartCell, Notebook } from '../../notebook/format/types.ts';
import type { CellState } from '../../notebook/runtime/state.ts';
import { parseSlidePlan } from '../../notebook/format/slide-plan.ts';
import { renderMarkdown } from '../../notebook/markdown.ts';

/** Cells left out of the deck, by reason. */
export interface SkippedCounts {
  /** Cells that failed, or are blocked by a failed cell they depend on. */
  failed: number;
  /** Cells that have not finished a run yet (idle, queued or running). */
  notRun: number;
  /** Analyses that finished with nothing new to say (every finding already on an earlier slide) and no chart. */
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
  /** How many finding slides follow. */
  chartCount: number;
  skipped: SkippedCounts;
  /** What was wrong with the notebook's `slides:` list (English, like the notebook's other problems). */
  problems: string[];
}

/** One finding: a one-line headline over the chart that shows it (or its number, big, when it has none). */
export interface ChartSlide {
  kind: 'chart';
  /** The cell that drew the chart. */
  cellId: CellId;
  /** The finding's id (`headline`, `what_if`), or null for a chart cell. */
  findingId: string | null;
  /** Position of the chart among its cell's charts (0 for chart cells), -1 when the slide has no chart. */
  chartIndex: number;
  /** The slide's one-line message. */
  headline: string;
  /** The finding's headline number as its tile shows it, drawn big when the slide has no chart. */
  figure: string | null;
  /** Where the chart comes from, for the footer: analysis title and cell name, or the data it draws. */
  source: string;
  /** The chart's own title as the notebook draws it (the PowerPoint chart keeps it when it differs from the headline). */
  chartTitle?: string;
  /** The chart as the notebook draws it, minus its title (the headline says it, bigger); null: no chart. */
  spec: ChartSpec | null;
  /** The chart's tables, as `renderChart` expects them. */
  resolve: (name: string) => Row[] | undefined;
  /** Speaker notes: the author's, or the prose about the cell, as plain text ('' when none). */
  notes: string;
}

/** The last slide: the deck's headlines, one line each. */
export interface ClosingSlide {
  kind: 'closing';
  title: string;
  points: string[];
}

/** Any slide; tagged union over `kind`. */
export type Slide = TitleSlide | ChartSlide | ClosingSlide;

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
  /** Title of the closing slide ("What to take away"); no closing slide when absent. */
  takeaways?: string;
  /** Display title of an analysis id (the registry's `title`); the id is shown when this returns undefined. */
  analysisTitle?: (id: string) => string | undefined;
  /** Language the findings are rendered in (English when absent). */
  locale?: Locale;
  /** The dataset's currency for amounts in findings (none when absent). */
  currency?: Currency | null;
}

/** Builds the deck: the title slide, the finding slides, then the closing slide. */
export function buildSlides(input: SlidesInput): Slide[] {
  const skipped: SkippedCounts = { failed: 0, notRun: 0, noChart: 0 };
  const plan = parseSlidePlan(input.notebook.frontMatter.extra.slides);
  const problems = [...plan.problems];
  const reader = { locale: input.locale ?? 'en', currency: input.currency ?? null } as const;
  const cells = input.notebook.cells;

  /** The cell's state when it finished; otherwise counts it as skipped and returns undefined. */
  const counted = new Set<CellId>();
  const finished = (cell: ChartCell | AnalysisCell): CellState | undefined => {
    const state = input.states.get(cell.id);
    const status = state?.status ?? 'idle';
    if (status === 'ok') return state;
    if (counted.has(cell.id)) return undefined;
    counted.add(cell.id);
    if (status === 'error' || status === 'blocked') skipped.failed++;
    // Not applicable to this data: nothing to show, and nothing went wrong.
    else if (status !== 'na') skipped.notRun++;
    return undefined;
  };

  const slides: ChartSlide[] = [];
  const shown = new Set<string>();
  const add = (slide: ChartSlide | null) => {
    if (!slide) return;
    const key = `${slide.cellId}\u0000${slide.findingId ?? ''}`;
    if (shown.has(key)) return;
    shown.add(key);
    slides.push(slide);
  };

  if (plan.entries) {
    for (const entry of plan.entries) {
      const [name = '', findingId] = entry.show.split('.', 2);
      const cell = cells.find((c) => c.name === name);
      if (!cell || (cell.kind !== 'analysis' && cell.kind !== 'chart')) {
        problems.push(`slides: ${entry.show}: no analysis or chart cell named ${name}`);
        continue;
      }
      const state = finished(cell);
      if (!state) continue;
      if (cell.kind === 'chart') add(chartCellSlide(cell, state, input, entry.notes));
      else {
        const findings = analysisOutput(state)?.findings ?? [];
        const f = findingId === undefined ? findings[0] : findings.find((x) => x.id === findingId);
        if (!f) {
          problems.push(
            `slides: ${entry.show}: analysis ${name} has no finding ${findingId ?? ''} (findings: ${findings.map((x) => x.id).join(', ') || 'none'})`,
          );
          continue;
        }
        add(findingSlide(cell, state, f.id, entry.chart, entry.notes, input, reader, problems));
      }
    }
  } else {
    // Sentences earlier analyses already said, in the deck's language: a later analysis says something new or nothing.
    const said = new Set<string>();
    for (const cell of cells) {
      if (cell.kind !== 'chart' && cell.kind !== 'analysis') continue;
      const state = finished(cell);
      if (!state) continue;
      if (cell.kind === 'chart') {
        add(chartCellSlide(cell, state, input));
        continue;
      }
      const findings = analysisOutput(state)?.findings ?? [];
      const texts = findings.map((f) => renderFinding(f, reader).text);
      const fresh = findings.find((_, i) => !said.has(texts[i] ?? ''));
      for (const t of texts) said.add(t);
      if (fresh) add(findingSlide(cell, state, fresh.id, undefined, undefined, input, reader, problems));
      else if (findings.length === 0 && (analysisOutput(state)?.charts.length ?? 0) > 0)
        add(findingSlide(cell, state, null, undefined, undefined, input, reader, problems));
      else skipped.noChart++;
    }
  }

  const front = input.notebook.frontMatter;
  const title: TitleSlide = {
    kind: 'title',
    title: front.title || input.untitled,
    description: front.description,
    dataset: input.dataset,
    date: input.date,
    chartCount: slides.length,
    skipped,
    problems,
  };
  const deck: Slide[] = [title, ...slides];
  if (input.takeaways && slides.length > 0)
    deck.push({ kind: 'closing', title: input.takeaways, points: slides.map((s) => s.headline) });
  return deck;
}

function analysisOutput(state: CellState) {
  return state.output?.kind === 'analysis' ? state.output.result : undefined;
}

/** A chart cell's slide, headed by its chart's title. */
function chartCellSlide(cell: ChartCell, state: CellState, input: SlidesInput, notes?: string): ChartSlide | null {
  const out = state.output;
  if (out?.kind !== 'chart') return null;
  const headline = out.spec.title ?? out.spec.subtitle ?? cell.name ?? out.spec.data ?? '';
  return {
    kind: 'chart',
    cellId: cell.id,
    findingId: null,
    chartIndex: 0,
    headline,
    figure: null,
    source: cell.name ?? out.spec.data ?? cell.id,
    ...(out.spec.title ? { chartTitle: out.spec.title } : {}),
    spec: withoutTitle(out.spec),
    resolve: (name) => out.data[name],
    notes: notes ?? proseNotes(input, cell.id),
  };
}

/** One finding of an analysis cell (or, with `findingId` null, its first chart alone), over the chart chosen for it. */
function findingSlide(
  cell: AnalysisCell,
  state: CellState,
  findingId: string | null,
  chart: string | number | undefined,
  notes: string | undefined,
  input: SlidesInput,
  reader: { locale: Locale; currency: Currency | null },
  problems: string[],
): ChartSlide | null {
  const result = analysisOutput(state);
  if (!result) return null;
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
  const specs = localiseCharts(result, reader);
  let chartIndex = specs.length ? 0 : -1;
  if (chart === 'none') chartIndex = -1;
  else if (chart !== undefined) {
    const i = typeof chart === 'number' ? chart - 1 : specs.findIndex((s) => s.id === chart);
    if (Number.isInteger(i) && i >= 0 && i < specs.length) chartIndex = i;
    else {
      const ids = specs.map((s, n) => s.id ?? String(n + 1)).join(', ');
      problems.push(`slides: ${name}${findingId ? `.${findingId}` : ''}: no chart ${chart} (charts: ${ids || 'none'})`);
    }
  }
  const spec = chartIndex >= 0 ? specs[chartIndex] : undefined;
  const f = findingId === null ? undefined : result.findings.find((x) => x.id === findingId);
  const rendered = f ? renderFinding(f, reader) : undefined;
  const headline = rendered?.text ?? spec?.title ?? spec?.subtitle ?? (analysis || cell.id);
  return {
    kind: 'chart',
    cellId: cell.id,
    findingId,
    chartIndex: spec ? chartIndex : -1,
    headline,
    figure: rendered?.headline ?? null,
    source,
    ...(spec?.title ? { chartTitle: spec.title } : {}),
    spec: spec ? withoutTitle(spec) : null,
    resolve,
    notes: notes ?? proseNotes(input, cell.id),
  };
}

/**
 * The prose about a cell, as plain text, for the speaker: the prose right after it up to the next
 * heading (where the notebook explains what the cell shows), else the prose right before it from
 * its last heading on. Values are interpolated as the notebook shows them.
 */
function proseNotes(input: SlidesInput, id: CellId): string {
  const cells = input.notebook.cells;
  const at = cells.findIndex((c) => c.id === id);
  const after = cells[at + 1];
  const before = cells[at - 1];
  const text = (cell: (typeof cells)[number], part: 'head' | 'tail'): string => {
    const lines = cell.source.split('\n');
    const heading = (l: string) => /^#{1,6}\s/.test(l);
    let keep: string[];
    if (part === 'head') {
      const end = lines.findIndex(heading);
      keep = end < 0 ? lines : lines.slice(0, end);
    } else {
      const start = lines.findLastIndex(heading);
      keep = lines.slice(start + 1);
    }
    const state = input.states.get(cell.id);
    const values = state?.output?.kind === 'prose' ? state.output.values : {};
    return markdownText(renderMarkdown(keep.join('\n'), { values }).html);
  };
  const notes = after?.kind === 'prose' ? text(after, 'head') : '';
  if (notes) return notes;
  return before?.kind === 'prose' ? text(before, 'tail') : '';
}

/**
 * Plain text of the safe HTML `renderMarkdown` writes (paragraphs and list items on their own
 * lines). By hand: the input is our own Markdown renderer's small, escaped output, and slides.ts
 * stays free of the DOM so it runs in Node's tests.
 */
export function markdownText(html: string): string {
  return (
    html
      .replace(/<li>/g, '• ')
      .replace(/<\/(p|li|h[1-6]|pre|blockquote)>|<br\s*\/?>/g, '\n')
      .replace(/<[^>]*>/g, '')
      // Emphasis Markdown could not render (`**114%。` against CJK punctuation) means nothing in plain text.
      .replace(/\*\*|__/g, '')
      .replace(
        /&(lt|gt|quot|#39|amp);/g,
        (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e] ?? '',
      )
      .replace(/[ \t]+\n/g, '\n')
      .replace(/\n{2,}/g, '\n')
      .trim()
  );
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
