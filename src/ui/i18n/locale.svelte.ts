/**
 * The current UI language as Svelte 5 rune state, and `t()` bound to it. Reading `t(...)` in a
 * template subscribes to the locale, so switching language re-renders the chrome in place.
 * The choice is remembered in localStorage; a first visit starts from `navigator.languages`.
 */
import { catalogs, type TranslateArgs } from './catalogs.ts';
import { detectLocale, isLocale } from './detect.ts';
import type { MessageKey } from './messages-en.ts';
import { localeTag, translate } from './translate.ts';
import type { Locale } from './types.ts';

/** localStorage key of the chosen UI language. */
export const LOCALE_KEY = 'caw.locale';

function initialLocale(): Locale {
  try {
    const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(LOCALE_KEY) : null;
    if (isLocale(saved)) return saved;
  } catch {
    // Storage blocked: fall through to the browser's language.
  }
  if (typeof navigator === 'undefined') return 'en';
  return detectLocale(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

class I18n {
  /** The UI language now shown. */
  locale: Locale = $state(initialLocale());
  /** BCP 47 tag of the locale, for `Intl` formatting and `<html lang>` (picks CJK glyph forms). */
  readonly tag = $derived(localeTag[this.locale]);

  constructor() {
    this.apply();
  }

  /** Switches the UI language and remembers it. */
  set(locale: Locale): void {
    this.locale = locale;
    this.apply();
    try {
      localStorage.setItem(LOCALE_KEY, locale);
    } catch {
      // Private mode: the choice just isn't remembered.
    }
  }

  private apply(): void {
    // `lang` makes the browser pick Simplified or Traditional glyph shapes from the CJK fonts.
    if (typeof document !== 'undefined') document.documentElement.lang = this.locale === 'en' ? 'en' : this.locale;
  }
}

/** The app's one locale state. */
export const i18n = new I18n();

/** The message `key` in the current UI language, with its placeholders filled. */
export function t<K extends MessageKey>(key: K, ...args: TranslateArgs<K>): string {
  const params = (args[0] ?? {}) as Record<string, string | number>;
  return translate(catalogs[i18n.locale][key], i18n.locale, params);
}

/**
 * The text of message `key` before and after the placeholder `slot`, so a template can wrap
 * the slot's value in markup (e.g. `<strong>`) wherever the language puts it.
 */
export function tAround(
  key: MessageKey,
  slot: string,
  params: Record<string, string | number> = {},
): [before: string, after: string] {
  const marker = '\u0000';
  params = { ...params, [slot]: marker };
  const text = translate(catalogs[i18n.locale][key], i18n.locale, params);
  const at = text.indexOf(marker);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + marker.length)];
}
