/**
 * The default tier ladder: crystal → jade → gold → platinum → diamond → black-gold, the grading
 * used by Chinese-language loyalty programmes (水晶, 翡翠, 黃金, 白金, 鑽石, 黑金). Names are
 * editable per notebook (`tier_names`) and localised by `language`.
 */

/** Languages the default tier names exist in. */
export type TierLanguage = 'en' | 'zh-Hant' | 'zh-Hans';

/** Default tier names from lowest to highest, by language. */
export const defaultTierNames: Record<TierLanguage, readonly string[]> = {
  en: ['crystal', 'jade', 'gold', 'platinum', 'diamond', 'black-gold'],
  'zh-Hant': ['水晶', '翡翠', '黃金', '白金', '鑽石', '黑金'],
  'zh-Hans': ['水晶', '翡翠', '黄金', '白金', '钻石', '黑金'],
};

/**
 * Default quantile cut points (cumulative customer shares) for six tiers: a pyramid of
 * 40% crystal, 25% jade, 15% gold, 10% platinum, 7% diamond, 3% black-gold.
 */
export const defaultTierQuantiles: readonly number[] = [0.4, 0.65, 0.8, 0.9, 0.97];

/**
 * Picks tier names: the user's list when given, else the defaults in `language` (`auto`: the
 * reader's language was not known to the engine, so English). Throws on duplicates.
 */
export function tierNames(custom: readonly string[] | undefined, language: TierLanguage | 'auto' = 'en'): string[] {
  const names =
    custom && custom.length > 0 ? [...custom] : [...defaultTierNames[language === 'auto' ? 'en' : language]];
  if (names.length < 2) throw new Error(`invalid tier_names: need at least two tiers (got ${names.length})`);
  if (new Set(names).size !== names.length)
    throw new Error(`invalid tier_names: names must be distinct (${names.join(', ')})`);
  return names;
}

/**
 * Quantile cut points for `n` tiers: the defaults for six tiers, else equal shares
 * (`k / n`), unless the user gave their own (strictly increasing, inside (0, 1)).
 */
export function tierQuantiles(n: number, custom?: readonly number[]): number[] {
  const q =
    custom && custom.length > 0
      ? [...custom]
      : n === 6
        ? [...defaultTierQuantiles]
        : Array.from({ length: n - 1 }, (_, i) => (i + 1) / n);
  if (q.length !== n - 1)
    throw new Error(`invalid tier quantiles: ${n} tiers need ${n - 1} cut points (got ${q.length})`);
  q.forEach((v, i) => {
    if (!(v > 0 && v < 1)) throw new Error(`invalid tier quantile: ${v} (must be between 0 and 1)`);
    if (i > 0 && v <= q[i - 1]!) throw new Error(`invalid tier quantiles: must increase (${q.join(', ')})`);
  });
  return q;
}

/** Checks user-entered thresholds (lower bounds of tiers 2…n): n − 1 strictly increasing amounts. */
export function checkThresholds(n: number, thresholds: readonly number[]): number[] {
  if (thresholds.length !== n - 1) {
    throw new Error(`invalid tier thresholds: ${n} tiers need ${n - 1} amounts (got ${thresholds.length})`);
  }
  thresholds.forEach((v, i) => {
    if (i > 0 && v <= thresholds[i - 1]!) throw new Error(`invalid tier threshold: ${v} (thresholds must increase)`);
  });
  return [...thresholds];
}
