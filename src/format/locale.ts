/**
 * The languages a reader can read the workbench in. Defined here, in the pure core, because
 * analysis findings, the CLI's reports and the app's chrome all follow the same choice; the UI's
 * catalogues (src/ui/i18n) re-export these.
 */

/** English (default), Simplified and Traditional Chinese. */
export type Locale = 'en' | 'zh-Hans' | 'zh-Hant';

/** Every locale, in the order a language switch lists them. */
export const locales: readonly Locale[] = ['en', 'zh-Hans', 'zh-Hant'];

/** BCP 47 tag used for `Intl` formatting and a document's `lang` in each locale. */
export const localeTag: Record<Locale, string> = { en: 'en-US', 'zh-Hans': 'zh-CN', 'zh-Hant': 'zh-TW' };

/** Whether `value` names a locale. */
export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'zh-Hans' || value === 'zh-Hant';
}
