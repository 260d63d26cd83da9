/**
 * An analysis result's chart text and notes in the reader's language. The result carries the
 * English (what the engine computed) and, where an analysis provides them, the same words as
 * catalogue messages (`chartText`, `noteRefs`); these functions swap the English for the
 * reader's rendering. English readers get the objects unchanged (no re-render, no copy).
 */
import type { ChartSpec, MarkSpec } from '../../charts/spec.ts';
import type { AnalysisResult } from '../types.ts';
import { findingCatalogs, type FindingKey } from './catalogs.ts';
import { renderMessage, renderParam, type ChartText, type MessageRef, type RenderOptions } from './render.ts';

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
function fixedNote(text: string): FindingKey | undefined {
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

/** `spec` with its words in the reader's language, where `text` has them. */
export function localiseChart(spec: ChartSpec, text: ChartText | undefined, options: RenderOptions): ChartSpec {
  if (!text || plainEnglish(options)) return spec;
  const r = (m: MessageRef | undefined, fallback: string | null | undefined) =>
    m ? renderParam(m, options) : (fallback ?? undefined);
  const out: ChartSpec = { ...spec };
  if (text.title) out.title = r(text.title, spec.title);
  if (text.subtitle) out.subtitle = r(text.subtitle, spec.subtitle);
  if (text.x && spec.x) out.x = { ...spec.x, label: r(text.x, spec.x.label) };
  if (text.y && spec.y) out.y = { ...spec.y, label: r(text.y, spec.y.label) };
  const labels = text.labels;
  if (labels) {
    out.marks = spec.marks.map((mark): MarkSpec => {
      // A mark's legend key (`label`) is one of the chart's words too.
      const key = (mark as { label?: unknown }).label;
      const m =
        typeof key === 'string' && labels[key]
          ? ({ ...mark, label: renderParam(labels[key], options) } as MarkSpec)
          : mark;
      const rows = (m as { rows?: Record<string, unknown>[] }).rows;
      if (!rows || typeof m.text !== 'string') return m;
      const field = m.text;
      return {
        ...m,
        rows: rows.map((row) =>
          typeof row[field] === 'string' && labels[row[field]]
            ? { ...row, [field]: renderParam(labels[row[field]]!, options) }
            : row,
        ),
      } as MarkSpec;
    });
  }
  return out;
}

/** Every chart of `result` for the reader. */
export function localiseCharts(
  result: Pick<AnalysisResult, 'charts' | 'chartText'>,
  options: RenderOptions,
): ChartSpec[] {
  if (plainEnglish(options) || !result.chartText) return result.charts;
  return result.charts.map((c) => localiseChart(c, c.id ? result.chartText?.[c.id] : undefined, options));
}
