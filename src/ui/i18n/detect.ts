/** Which UI language to start in on a first visit, from the browser's preferred languages. */
import type { Locale } from './types.ts';

/**
 * Maps a BCP 47 tag to a UI locale: Traditional Chinese for zh-TW, zh-HK, zh-MO and any
 * `zh-Hant…` tag; Simplified for every other Chinese tag; otherwise English.
 */
export function localeFromTag(tag: string): Locale | null {
  const t = tag.toLowerCase().replace(/_/g, '-');
  if (t !== 'zh' && !t.startsWith('zh-')) return null;
  const parts = t.split('-');
  if (parts.includes('hant')) return 'zh-Hant';
  if (parts.includes('hans')) return 'zh-Hans';
  if (parts.includes('tw') || parts.includes('hk') || parts.includes('mo')) return 'zh-Hant';
  return 'zh-Hans';
}

/**
 * The locale for a first visit: the browser's most preferred language decides (a Chinese
 * speaker whose first language is English gets English, as the browser itself does).
 */
export function detectLocale(languages: readonly string[]): Locale {
  const first = languages[0];
  return (first && localeFromTag(first)) || 'en';
}

/** True when `value` (e.g. read back from localStorage) names a supported locale. */
export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'zh-Hans' || value === 'zh-Hant';
}
