/**
 * Shapes of the UI message catalogues. A message is a template with `{name}` placeholders, or a
 * set of plural forms chosen by the `count` parameter with `Intl.PluralRules` (CLDR categories),
 * so English can say "1 row" / "2 rows" while Chinese, which has one form, writes a plain string.
 */

/**
 * The UI languages: English (default), Simplified and Traditional Chinese — the same locales the
 * analyses' findings are written in, so defined once in the pure core.
 */
import type { Locale } from '../../format/locale.ts';
export type { Locale } from '../../format/locale.ts';
export { locales } from '../../format/locale.ts';

/** Each locale's name in its own script, as the language switch shows it. */
export const localeNames: Record<Locale, string> = { en: 'English', 'zh-Hans': '简体中文', 'zh-Hant': '繁體中文' };

/** Plural forms keyed by CLDR plural category; `other` is required, the rest fall back to it. */
export interface PluralMessage {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

/** One catalogue entry. */
export type Message = string | PluralMessage;

/** A parameter value: numbers are formatted with the locale's digit grouping. */
export type ParamValue = string | number;

/** Names of the `{placeholders}` in a template string type. */
export type PlaceholdersOf<S> = S extends `${string}{${infer P}}${infer Rest}` ? P | PlaceholdersOf<Rest> : never;

/** Names of the placeholders in any form of a message type. */
export type ParamsOf<M> = M extends string
  ? PlaceholdersOf<M>
  : M extends Record<string, string>
    ? PlaceholdersOf<M[keyof M]>
    : never;
