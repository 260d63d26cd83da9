/**
 * Findings as data, rendered where the reader's language is known. An analysis says *which*
 * sentence (a catalogue key) and *with which numbers* (typed parameters); the app renders it in
 * the UI language (switching language re-renders, nothing re-runs), the CLI in its `--lang`.
 *
 * Template syntax, kept small on purpose (three catalogues, no nesting of plural forms):
 * - `{name}` — the parameter, formatted by its kind and the locale;
 * - `{name|one|other}` — English plural: `one` when the parameter's number is 1, else `other`
 *   (Chinese has one form and never needs it).
 *
 * Why no MessageFormat library: findings need typed numbers with the dataset's currency and
 * compact forms, which ICU MessageFormat does not know; the rest is these two rules.
 */
import { formatTyped, isTypedValue, type Currency, type TypedValue } from '../../format/typed.ts';
import type { Locale } from '../../format/locale.ts';
import { localeTag } from '../../format/locale.ts';
import { findingCatalogs, type FindingKey } from './catalogs.ts';

/** Text from the data (a tier, segment or reason name), shown as is in every language. */
export interface TextParam {
  kind: 'text';
  value: string;
}

/** A word or phrase from the catalogues ("profit", "revenue"), translated with the sentence. */
export interface TermParam {
  kind: 'term';
  key: FindingKey;
}

/** A clause of its own (a sentence part that depends on the data), rendered with the sentence. */
export interface MessageRef {
  kind: 'msg';
  key: FindingKey;
  params: Record<string, MessageParam>;
}

/**
 * A chart's words as messages: title, subtitle, axis labels, and the labels of text marks keyed
 * by their English text (the spec carries the English; `localiseChart` swaps in the reader's).
 */
export interface ChartText {
  title?: MessageRef;
  subtitle?: MessageRef;
  caption?: MessageRef;
  /** Scale labels (axes, facets, the colour legend's title). */
  x?: MessageRef;
  y?: MessageRef;
  fx?: MessageRef;
  fy?: MessageRef;
  color?: MessageRef;
  labels?: Record<string, MessageRef>;
  /** Category values of the chart's tables (axis ticks, legend entries, text marks), by value. */
  values?: Record<string, MessageRef>;
}

/** Several values joined as the language joins them ("a, b or c"; "a、b或c"). */
export interface ListParam {
  kind: 'list';
  items: MessageParam[];
  conj: 'or' | 'and';
}

/** The dataset's currency as a unit in an axis label: " (¥)", "（¥）", or nothing when none is set. */
export interface CurrencyUnitParam {
  kind: 'currency';
}

/** One parameter of a message. */
export type MessageParam = TypedValue | TextParam | TermParam | MessageRef | ListParam | CurrencyUnitParam;

/** Parameters by placeholder name. */
export type MessageParams = Record<string, MessageParam>;

/** Who reads, and in which currency amounts are. */
export interface RenderOptions {
  locale: Locale;
  currency?: Currency | null;
}

/** A finding's sentence and its tile, rendered for one reader. */
export interface RenderedFinding {
  text: string;
  /** The headline number as the tile shows it (the same text appears in `text`). */
  headline: string | null;
}

const lists = new Map<string, Intl.ListFormat>();

function listText(items: string[], conj: 'or' | 'and', locale: Locale): string {
  const key = `${locale}:${conj}`;
  let f = lists.get(key);
  if (!f)
    lists.set(
      key,
      (f = new Intl.ListFormat(localeTag[locale], { type: conj === 'or' ? 'disjunction' : 'conjunction' })),
    );
  return f.format(items);
}

/** One parameter as text. */
export function renderParam(p: MessageParam, options: RenderOptions): string {
  if (isTypedValue(p)) return formatTyped(p, { locale: options.locale, currency: options.currency ?? null });
  switch (p.kind) {
    case 'text':
      return p.value;
    case 'term':
      return renderMessage(p.key, {}, options);
    case 'msg':
      return renderMessage(p.key, p.params, options);
    case 'currency': {
      const c = options.currency;
      if (!c) return '';
      const unit = c.symbol || c.code;
      return options.locale === 'en' ? ` (${unit})` : `（${unit}）`;
    }
    case 'list':
      return listText(
        p.items.map((i) => renderParam(i, options)),
        p.conj,
        options.locale,
      );
  }
}

/** The number behind a parameter, for English plural choice (null when it has none). */
function numberOf(p: MessageParam | undefined): number | null {
  return p && isTypedValue(p) && typeof p.value === 'number' ? p.value : null;
}

/** Renders the message `key` with `params` for `options.locale`; a key missing there falls back to English. */
export function renderMessage(key: FindingKey, params: MessageParams, options: RenderOptions): string {
  const template = findingCatalogs[options.locale][key] ?? findingCatalogs.en[key];
  if (template === undefined) return `⟨${key}⟩`;
  return renderTemplate(template, params, options);
}

/** Fills one template (see the syntax above); an unknown placeholder stays visible. */
export function renderTemplate(template: string, params: MessageParams, options: RenderOptions): string {
  return template.replace(/\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
    const p = params[name];
    if (one !== undefined) return numberOf(p) === 1 ? one : (other ?? '');
    return p === undefined ? whole : renderParam(p, options);
  });
}

/** Placeholder names a template uses (plural choices included), sorted: for catalogue checks. */
export function templatePlaceholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)(?:\|[^|}]*\|[^}]*)?\}/g)].map((m) => m[1]!))].sort();
}
