/**
 * Writing a chart's words as catalogue messages: the spec gets the English (what code and tests
 * read), the result's `chartText` the messages, and `localiseChart` swaps in the reader's words.
 * Fixed phrases (`chart.*` keys without parameters) need no message: `localiseChart` finds them by
 * their English; a phrase with numbers or names goes through here.
 */
import type { ChartSpec } from '../../charts/spec.ts';
import { clause } from './finding.ts';
import { english } from './localise.ts';
import type { ChartText, MessageParams, MessageRef } from './render.ts';
import type { FindingKey } from './catalogs.ts';

/** A message with its parameters. */
export const msg = (key: FindingKey, params: MessageParams = {}): MessageRef => clause(key, params) as MessageRef;

/** The parts of a chart that take one message each. */
export type ChartPart = 'title' | 'subtitle' | 'caption' | 'x' | 'y' | 'fx' | 'fy' | 'color';

/** A chart's words, recorded in `text` as they are written into the spec. */
export function chartWords(text: ChartText) {
  return {
    /** The English of `ref` for the spec's `part`; `ref` kept for the reader. */
    set(part: ChartPart, ref: MessageRef): string {
      text[part] = ref;
      return english(ref);
    },
    /** The English of `ref` as a text-mark label or a mark's key; `ref` kept for the reader. */
    label(ref: MessageRef): string {
      const en = english(ref);
      (text.labels ??= {})[en] = ref;
      return en;
    },
    /** The English of `ref` as a category value in a table (tick, legend entry, text mark). */
    value(ref: MessageRef): string {
      const en = english(ref);
      (text.values ??= {})[en] = ref;
      return en;
    },
  };
}

/** An analysis's one chart and its words, as the result's `charts` and `chartText`. */
export function oneChart(
  id: string,
  build: (text: ChartText) => ChartSpec,
): { charts: ChartSpec[]; chartText: Record<string, ChartText> } {
  const text: ChartText = {};
  return { charts: [build(text)], chartText: { [id]: text } };
}

/** Chart words of several charts, by chart id: `of(id)` writes them, `chartText` goes into the result. */
export function chartTexts() {
  const chartText: Record<string, ChartText> = {};
  return { chartText, of: (id: string) => chartWords((chartText[id] ??= {})) };
}
