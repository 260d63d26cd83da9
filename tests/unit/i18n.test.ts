/**
 * UI translations: every catalogue has exactly the English keys and, per key, the same
 * `{placeholders}` (so no string is missing or loses a value in Chinese); plural forms; the
 * first-visit language from the browser's languages.
 */
import { describe, expect, it } from 'vitest';
// The pure modules (index.ts also exports the rune state, which needs the Svelte compiler).
import { catalogs } from '../../src/ui/i18n/catalogs.ts';
import { detectLocale, localeFromTag } from '../../src/ui/i18n/detect.ts';
import { en } from '../../src/ui/i18n/messages-en.ts';
import { interpolate, placeholders, translate } from '../../src/ui/i18n/translate.ts';
import type { Locale, Message } from '../../src/ui/i18n/types.ts';

const others: Locale[] = ['zh-Hans', 'zh-Hant'];
const hasCjk = (s: string) => /[\u4e00-\u9fff]/.test(s);

describe('catalogues', () => {
  const enKeys = Object.keys(en).sort();

  it.each(others)('%s has exactly the English keys', (locale) => {
    expect(Object.keys(catalogs[locale]).sort()).toEqual(enKeys);
  });

  it.each(others)('%s uses the same placeholders as English for every key', (locale) => {
    const mismatched = enKeys.filter((k) => {
      const key = k as keyof typeof en;
      return placeholders(catalogs[locale][key]).join() !== placeholders(en[key]).join();
    });
    expect(mismatched).toEqual([]);
  });

  it.each(others)('%s is written in Chinese (only brand and format names stay Latin)', (locale) => {
    const latinOnly = Object.entries(catalogs[locale])
      .filter(([, m]) => !hasCjk(typeof m === 'string' ? m : m.other))
      .map(([k]) => k);
    expect(latinOnly).toEqual(['cell.kind.sql']);
  });

  it('English plural messages have one and other forms and take a count', () => {
    for (const [key, m] of Object.entries(en) as [string, Message][]) {
      if (typeof m === 'string') continue;
      expect([key, Object.keys(m).sort()]).toEqual([key, ['one', 'other']]);
      expect([key, placeholders(m).includes('count')]).toEqual([key, true]);
    }
  });

  it('every form of a plural message uses the same placeholders', () => {
    for (const [key, m] of Object.entries(en) as [string, Message][]) {
      if (typeof m === 'string') continue;
      expect([key, placeholders(m.one ?? '')]).toEqual([key, placeholders(m.other)]);
    }
  });

  // Characters that exist in only one script: a Simplified form in the Traditional catalogue
  // (or the reverse) is the typical slip when one is derived from the other.
  it.each([
    ['zh-Hant', '数据导运执档设项网页们这时会个为后发实对与从关开选择删储读务调复'],
    ['zh-Hans', '數據導運執檔設項網頁們這時會個為後發實對與從關開選擇刪儲讀務調複'],
  ] as const)('%s has no character of the other script', (locale, foreign) => {
    const slips = Object.entries(catalogs[locale]).flatMap(([k, m]) =>
      [...(typeof m === 'string' ? m : m.other)].filter((c) => foreign.includes(c)).map((c) => `${k}: ${c}`),
    );
    expect(slips).toEqual([]);
  });
});

describe('translate', () => {
  it.each([
    ['en', 'count.rows', 0, '0 rows'],
    ['en', 'count.rows', 1, '1 row'],
    ['en', 'count.rows', 2, '2 rows'],
    ['en', 'count.rows', 1_000_000, '1,000,000 rows'],
    ['en', 'count.columns', 1, '1 column'],
    ['en', 'import.start', 1, 'Import 1 file'],
    ['en', 'import.start', 3, 'Import 3 files'],
    ['zh-Hans', 'count.rows', 1, '1 行'],
    ['zh-Hans', 'count.rows', 12_345, '12,345 行'],
    ['zh-Hans', 'count.columns', 2, '2 列'],
    ['zh-Hant', 'count.rows', 1, '1 列'],
    ['zh-Hant', 'count.columns', 2, '2 欄'],
    ['zh-Hant', 'import.start', 2, '匯入 2 個檔案'],
  ] as const)('%s %s count=%d → %s', (locale, key, count, expected) => {
    expect(translate(catalogs[locale][key], locale, { count })).toBe(expected);
  });

  it('fills several placeholders and formats numbers with the locale grouping', () => {
    expect(translate(en['preview.first'], 'en', { shown: 100, count: 7043 })).toBe('First 100 of 7,043 rows.');
    expect(translate(catalogs['zh-Hant']['preview.first'], 'zh-Hant', { shown: 100, count: 7043 })).toBe(
      '顯示前 100 列，共 7,043 列。',
    );
    expect(translate(catalogs['zh-Hans']['datasets.confirmDelete'], 'zh-Hans', { name: 'Telco' })).toBe(
      '从此浏览器中删除“Telco”？你的原始文件不受影响。',
    );
  });

  // Engine text stays English inside the localised wording; composed labels nest one message in another.
  it.each([
    ['en', 'datasets.rejectsFile', { file: 'a.csv', count: 135_080 }, 'a.csv · 135,080 rows (CSV)'],
    ['en', 'datasets.rejectsFile', { file: 'a.csv', count: 1 }, 'a.csv · 1 row (CSV)'],
    ['zh-Hant', 'datasets.rejectsFile', { file: 'a.csv', count: 2 }, 'a.csv · 2 列（CSV）'],
    [
      'zh-Hans',
      'import.at.lineColumn',
      { message: 'Bad value', line: '12', column: 'Qty' },
      'Bad value（第 12 行，列 Qty）',
    ],
    ['zh-Hant', 'import.notice.stopped', { message: 'Out of memory' }, '匯入已中止：Out of memory'],
    [
      'en',
      'import.format.thousands',
      { before: 'number, decimal comma', separator: '.' },
      'number, decimal comma, thousands “.”',
    ],
  ] as const)('%s %s', (locale, key, params, expected) => {
    expect(translate(catalogs[locale][key], locale, params)).toBe(expected);
  });

  it('leaves an unknown placeholder visible and strings untouched', () => {
    expect(interpolate('Delete {title}', 'en', {})).toBe('Delete {title}');
    expect(interpolate('{a} and {b}', 'en', { a: 'x', b: '{a}' })).toBe('x and {a}');
  });
});

describe('first-visit language', () => {
  it.each([
    [['zh-TW'], 'zh-Hant'],
    [['zh-HK', 'en'], 'zh-Hant'],
    [['zh-MO'], 'zh-Hant'],
    [['zh-Hant'], 'zh-Hant'],
    [['zh-Hant-CN'], 'zh-Hant'],
    [['zh_TW'], 'zh-Hant'],
    [['zh-CN'], 'zh-Hans'],
    [['zh'], 'zh-Hans'],
    [['zh-SG'], 'zh-Hans'],
    [['zh-Hans-HK'], 'zh-Hans'],
    [['en-GB', 'zh-TW'], 'en'],
    [['ja-JP'], 'en'],
    [['zu'], 'en'],
    [[], 'en'],
  ] as const)('%j → %s', (languages, expected) => {
    expect(detectLocale(languages)).toBe(expected);
  });

  it('ignores tags that only start with the letters zh', () => {
    expect(localeFromTag('zha')).toBeNull();
  });
});
