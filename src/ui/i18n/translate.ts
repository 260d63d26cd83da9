/**
 * The pure core of the UI translations: pick the plural form, fill the placeholders. No DOM and
 * no state, so it is unit-tested directly; `locale.svelte.ts` binds it to the current locale.
 *
 * Why no library: the UI needs three catalogues, `{name}` interpolation and plural forms, which
 * `Intl.PluralRules` and `Intl.NumberFormat` already provide; ICU MessageFormat libraries add
 * a parser and tens of kB for features (select, nested plurals) this UI does not use.
 */
import type { Locale, Message, ParamValue } from './types.ts';

import { localeTag } from '../../format/locale.ts';

/** BCP 47 tag used for `Intl` formatting and the document's `lang` in each locale. */
export { localeTag };

const pluralRules = new Map<Locale, Intl.PluralRules>();
const numberFormats = new Map<Locale, Intl.NumberFormat>();

function rulesFor(locale: Locale): Intl.PluralRules {
  let r = pluralRules.get(locale);
  if (!r) pluralRules.set(locale, (r = new Intl.PluralRules(localeTag[locale])));
  return r;
}

/** Formats a number for `locale`: digit grouping, up to 4 decimals (no rounding of integers). */
export function formatNumber(n: number, locale: Locale): string {
  let f = numberFormats.get(locale);
  if (!f) numberFormats.set(locale, (f = new Intl.NumberFormat(localeTag[locale], { maximumFractionDigits: 4 })));
  return f.format(n);
}

/** Chooses the template of `message` for `count` (the `other` form when there is no count). */
export function selectForm(message: Message, locale: Locale, count: ParamValue | undefined): string {
  if (typeof message === 'string') return message;
  if (typeof count !== 'number') return message.other;
  return message[rulesFor(locale).select(count)] ?? message.other;
}

/** Replaces each `{name}` with its parameter; an unknown name is left visible rather than hidden. */
export function interpolate(template: string, locale: Locale, params: Record<string, ParamValue> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? formatNumber(v, locale) : v;
  });
}

/** Translates one message: plural form by `params.count`, then placeholders. */
export function translate(message: Message, locale: Locale, params: Record<string, ParamValue> = {}): string {
  return interpolate(selectForm(message, locale, params.count), locale, params);
}

/** The `{placeholder}` names used in every form of a message, sorted (for catalogue checks). */
export function placeholders(message: Message): string[] {
  const forms =
    typeof message === 'string' ? [message] : Object.values(message).filter((v): v is string => typeof v === 'string');
  const names = new Set<string>();
  for (const f of forms) for (const m of f.matchAll(/\{(\w+)\}/g)) names.add(m[1] ?? '');
  return [...names].sort();
}
