/**
 * The findings catalogues by locale. English is the source: its keys are `FindingKey`, and the
 * Chinese catalogues must have exactly those keys (the type says so; tests/unit/findings-catalogues
 * also checks placeholders and that no English sentence is left in a Chinese catalogue).
 */
import type { Locale } from '../../format/locale.ts';
import { findingsEn } from './en.ts';
import { findingsZhHans } from './zh-hans.ts';
import { findingsZhHant } from './zh-hant.ts';

/** A sentence's key, e.g. `whale.headline.but`. */
export type FindingKey = keyof typeof findingsEn;

/** Every findings catalogue, keyed by locale. */
export const findingCatalogs: Record<Locale, Record<FindingKey, string>> = {
  en: findingsEn,
  'zh-Hans': findingsZhHans,
  'zh-Hant': findingsZhHant,
};
