/**
 * An analysis result's chart text and notes in the reader's language. The result carries the
 * English (what the engine computed) and, where an analysis provides them, the same words as
 * catalogue messages (`chartText`, `noteRefs`); these functions swap the English for the
 * reader's rendering. English readers get the objects unchanged (no re-render, no copy).
 */
import type { ChartSpec, MarkSpec, ScaleSpec } from '../../charts/spec.ts';
import type { AnalysisResult } from '../types.ts';
import type { Locale } from '../../format/locale.ts';
import { findingCatalogs, type FindingKey } from './catalogs.ts';
import {
  renderMessage,
  renderParam,
  type ChartText,
  type MessageParam,
  type MessageRef,
  type RenderOptions,
} from './render.ts';

/** English without a currency: exactly what the analysis wrote. */
function plainEnglish(options: RenderOptions): boolean {
  return options.locale === 'en' && !options.currency;
}

/** The English text of a message, as an analysis writes it into a spec or a note. */
export function english(ref: MessageRef): string {
  return renderParam(ref, { locale: 'en' });
}

/** Notes whose English is a fixed catalogue sentence (no parameters), by that sentence. */
let fixedNotes: Map<string, FindingKey> | null = null;
export function fixedNote(text: string): FindingKey | undefined {
  if (!fixedNotes) {
    fixedNotes = new Map();
    for (const [key, en] of Object.entries(findingCatalogs.en) as [FindingKey, string][])
      if (key.startsWith('note.') && !en.includes('{')) fixedNotes.set(en, key);
  }
  return fixedNotes.get(text);
}

/** The result's notes for the reader: messages where the result has them, fixed sentences from the catalogue, else as written. */
export function localiseNotes(result: Pick<AnalysisResult, 'notes' | 'noteRefs'>, options: RenderOptions): string[] {
  if (plainEnglish(options)) return result.notes;
  return result.notes.map((note, i) => {
    const ref = result.noteRefs?.[i];
    if (ref) return renderParam(ref, options);
    const key = fixedNote(note);
    return key ? renderMessage(key, {}, options) : note;
  });
}

/** Chart words whose English is a fixed catalogue phrase (`chart.*`, no parameters), by that phrase. */
let fixedWords: Map<string, FindingKey> | null = null;
/** Category values analyses write into their tables (`chart.value.*`): shown in the reader's words. */
let valueKeys: [string, FindingKey][] | null = null;
function fixedWord(text: string): FindingKey | undefined {
  if (!fixedWords) {
    fixedWords = new Map();
    valueKeys = [];
    for (const [key, en] of Object.entries(findingCatalogs.en) as [FindingKey, string][]) {
      if (!key.startsWith('chart.') || en.includes('{')) continue;
      fixedWords.set(en, key);
      if (key.startsWith('chart.value.')) valueKeys.push([en, key]);
    }
  }
  return fixedWords.get(text);
}

/**
 * A category value an analysis writes (a segment such as "Top 20%") as a message parameter: the
 * catalogue's word where `chart.value.*` has it, else the value as written (data stays data).
 */
export function categoryParam(value: string): MessageParam {
  const key = fixedWord(value);
  return key?.startsWith('chart.value.') ? { kind: 'term', key } : { kind: 'text', value };
}

/**
 * Whether a scale shows categories (its ticks or legend entries can be words): the colour scale, a
 * band/point/ordinal scale or one whose domain has text. A numeric axis keeps Plot's own tick format.
 */
function categorical(axis: string, scale: ScaleSpec): boolean {
  if (axis === 'color') return true;
  if (scale.type && ['band', 'point', 'ordinal', 'categorical'].includes(scale.type)) return true;
  return scale.domain?.some((d) => typeof d === 'string') ?? false;
}

/**
 * `spec` with its words in the reader's language: the messages of `text` where the analysis gave
 * them, else fixed phrases of the catalogue found by their English (the way fixed notes are), and
 * the category values of its tables (ticks, legend entries, text marks) as `tickLabels` /
 * `textLabels`, so the data keeps its values and only what the reader sees changes.
 */
export function localiseChart(spec: ChartSpec, text: ChartText | undefined, options: RenderOptions): ChartSpec {
  if (plainEnglish(options)) return spec;
  const t: ChartText = text ?? {};
  const word = (m: MessageRef | undefined, english: string | null | undefined): string | null | undefined => {
    if (m) return renderParam(m, options);
    if (typeof english !== 'string') return english;
    const key = fixedWord(english);
    return key ? renderMessage(key, {}, options) : english;
  };
  fixedWord('');
  const values: Record<string, string> = {};
  for (const [en, key] of valueKeys ?? []) values[en] = renderMessage(key, {}, options);
  for (const [en, m] of Object.entries(t.values ?? {})) values[en] = renderParam(m, options);
  const hasValues = Object.keys(values).length > 0;
  const labelled = (m: MessageRef | undefined, v: string): string => {
    if (m) return renderParam(m, options);
    return values[v] ?? word(undefined, v) ?? v;
  };

  const out: ChartSpec = { ...spec };
  for (const part of ['title', 'subtitle', 'caption'] as const) {
    const w = word(t[part], spec[part]);
    if (typeof w === 'string') out[part] = w;
  }
  for (const axis of ['x', 'y', 'fx', 'fy', 'color'] as const) {
    const scale = spec[axis];
    if (!scale) continue;
    const label = word(t[axis], scale.label);
    out[axis] = {
      ...scale,
      ...(label !== undefined ? { label } : {}),
      ...(hasValues && categorical(axis, scale) ? { tickLabels: { ...values, ...scale.tickLabels } } : {}),
    };
  }
  const labels = t.labels ?? {};
  out.marks = spec.marks.map((mark): MarkSpec => {
    let m = mark;
    // A mark's legend key (`label`) is one of the chart's words too.
    if (typeof m.label === 'string') m = { ...m, label: labelled(labels[m.label], m.label) };
    if (!m.type.startsWith('text') || typeof m.text !== 'string') return m;
    const field = m.text;
    if (m.rows)
      return {
        ...m,
        rows: m.rows.map((row) => {
          const v = row[field];
          return typeof v === 'string' ? { ...row, [field]: labelled(labels[v], v) } : row;
        }),
      };
    return hasValues ? { ...m, textLabels: { ...values, ...m.textLabels } } : m;
  });
  return out;
}

/** Every chart of `result` for the reader. */
export function localiseCharts(
  result: Pick<AnalysisResult, 'charts' | 'chartText'>,
  options: RenderOptions,
): ChartSpec[] {
  if (plainEnglish(options)) return result.charts;
  return result.charts.map((c) => localiseChart(c, c.id ? result.chartText?.[c.id] : undefined, options));
}

/** An analysis's title in `locale` (`analysis.title.<id>` of the catalogues), or undefined for an id it does not know. */
export function analysisTitleIn(id: string, locale: Locale): string | undefined {
  const key = `analysis.title.${id}`;
  return Object.hasOwn(findingCatalogs.en, key) ? findingCatalogs[locale][key as FindingKey] : undefined;
}
