/** UI translations: the locale state, `t()`, the catalogues and the pure helpers behind them. */
export { i18n, t, tAround, LOCALE_KEY } from './locale.svelte.ts';
export { catalogs } from './catalogs.ts';
export type { MessageParams, TranslateArgs } from './catalogs.ts';
export { en } from './messages-en.ts';
export type { MessageKey } from './messages-en.ts';
export { zhHans } from './messages-zh-hans.ts';
export { zhHant } from './messages-zh-hant.ts';
export { detectLocale, localeFromTag, isLocale } from './detect.ts';
export { translate, interpolate, selectForm, placeholders, formatNumber, localeTag } from './translate.ts';
export { locales, localeNames } from './types.ts';
export { default as LanguageSwitch } from './LanguageSwitch.svelte';
export type { Locale, Message, PluralMessage, ParamValue } from './types.ts';
