/**
 * The findings catalogues (src/analyses/messages): every key in all three languages with the same
 * placeholders, no English sentence left in a Chinese catalogue, no character of the other script,
 * every key the analyses use present, and the renderer's rules (typed parameters, English plural
 * choice, lists, nested clauses, currency, fallback).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingCatalogs, type FindingKey } from '../../src/analyses/messages/catalogs.ts';
import { clause, currencyUnit, finding, list, renderFinding, term, text } from '../../src/analyses/messages/finding.ts';
import { analysisTitleIn, localiseChart, localiseNotes } from '../../src/analyses/messages/localise.ts';
import { listAnalyses } from '../../src/analyses/registry.ts';
import type { ChartText } from '../../src/analyses/messages/render.ts';
import type { ChartSpec } from '../../src/charts/spec.ts';
import { renderMessage, renderTemplate, templatePlaceholders } from '../../src/analyses/messages/render.ts';
import { tv } from '../../src/format/typed.ts';
import type { Locale } from '../../src/format/locale.ts';

const en = findingCatalogs.en;
const enKeys = Object.keys(en).sort() as FindingKey[];
const chinese: Locale[] = ['zh-Hans', 'zh-Hant'];

/**
 * Latin words a Chinese finding may keep: names of tables and columns the user must type
 * (service_costs, hostages), the model's notation P(alive), method, model and author names (Wilson intervals,
 * RFM, BG/NBD, BG/BB, sBG, Gamma-Gamma, Gupta & Lehmann). Anything
 * else in Latin letters is an English word left behind.
 */
const allowedLatin =
  /\b[a-z]+_[a-z_]+\b|\b[a-z]+\.[a-z_]+\b|\bmin\(|hostages|P\(alive\)|Reichheld|Sasser|Wilson|Gupta|Lehmann|RFM|BG\/NBD|BG\/BB|\bsBG\b|Gamma-Gamma|`[^`]*`/g;

describe('findings catalogues', () => {
  it.each(chinese)('%s has exactly the English keys', (locale) => {
    expect(Object.keys(findingCatalogs[locale]).sort()).toEqual(enKeys);
  });

  it.each(chinese)('%s uses the same placeholders as English for every key', (locale) => {
    const mismatched = enKeys.filter(
      (k) => templatePlaceholders(findingCatalogs[locale][k]).join() !== templatePlaceholders(en[k]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it.each(chinese)('%s has no English sentence left (only table names and notation stay Latin)', (locale) => {
    const left = enKeys.filter((k) => {
      const t = findingCatalogs[locale][k].replace(/\{[^}]*\}/g, '').replace(allowedLatin, '');
      return /[A-Za-z]{2,}/.test(t);
    });
    expect(left).toEqual([]);
  });

  it.each(chinese)('%s writes every sentence with words in Chinese (not copied from English)', (locale) => {
    const same = enKeys.filter((k) => /[A-Za-z]/.test(en[k]) && findingCatalogs[locale][k] === en[k]);
    expect(same).toEqual([]);
  });

  it.each(chinese)('%s uses no English plural choice (Chinese has one form)', (locale) => {
    expect(enKeys.filter((k) => /\{\w+\|/.test(findingCatalogs[locale][k]))).toEqual([]);
  });

  it.each([
    ['zh-Hant', '数据导运执档设项网页们这时会个为后发实对与从关开选择删储读务调复润获顾买让户赚亏损贡献'],
    ['zh-Hans', '數據導運執檔設項網頁們這時會個為後發實對與從關開選擇刪儲讀務調複潤獲顧買讓戶賺虧損貢獻'],
  ] as const)('%s has no character of the other script', (locale, foreign) => {
    const slips = enKeys.filter((k) => [...findingCatalogs[locale][k]].some((ch) => foreign.includes(ch)));
    expect(slips).toEqual([]);
  });

  it('every analysis has its title in each language, the English one its registry title', () => {
    for (const def of listAnalyses()) {
      const key = `analysis.title.${def.id}`;
      expect(key in en, key).toBe(true);
      expect(en[key as FindingKey]).toBe(def.title);
      for (const locale of chinese) expect(analysisTitleIn(def.id, locale)).not.toBe(def.title);
    }
    expect(analysisTitleIn('whale-curve', 'zh-Hant')).toBe('鯨魚曲線：利潤到底是誰創造的');
    expect(analysisTitleIn('no-such-analysis', 'zh-Hans')).toBeUndefined();
  });

  it('every key the analyses name exists in the catalogues', () => {
    const root = path.resolve(import.meta.dirname, '../../src/analyses');
    const used = new Set<string>();
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (e.name !== 'messages') walk(full);
        } else if (e.name.endsWith('.ts')) {
          for (const m of readFileSync(full, 'utf8').matchAll(
            /(?:finding\(\s*'\w+',\s*|clause\(\s*|term\(\s*|note\(\s*)'([\w.]+)'/g,
          ))
            used.add(m[1]!);
        }
      }
    };
    walk(root);
    expect(used.size).toBeGreaterThan(60);
    expect([...used].filter((k) => !(k in en))).toEqual([]);
  });
});

describe('rendering findings', () => {
  it('formats typed parameters for the reader and picks English plurals', () => {
    const params = { fixed: tv.count(1), share: tv.percent(0.2) };
    expect(renderTemplate('{fixed} {fixed|customer|customers} ({share})', params, { locale: 'en' })).toBe(
      '1 customer (20%)',
    );
    expect(renderTemplate('{fixed} {fixed|customer|customers}', { fixed: tv.count(2) }, { locale: 'en' })).toBe(
      '2 customers',
    );
  });

  it('renders terms, clauses and lists in the same language as the sentence', () => {
    const f = finding(
      'top_tiers',
      'tiers.top.revenue',
      { customers: tv.percent(0.12), names: list([text('钻石'), text('黑金')]), value: tv.percent(0.5) },
      'value',
    );
    expect(renderFinding(f, { locale: 'zh-Hans' }).text).toBe('12% 的客户属于钻石或黑金，贡献了 50% 的收入。');
    const g = finding(
      'x',
      'rfm.champions',
      { customers: tv.percent(0.1), share: tv.percent(0.4), what: term('term.profit') },
      'share',
    );
    expect(g.text).toBe('Champions (recent and frequent) are 10% of customers and bring 40% of profit.');
    expect(renderFinding(g, { locale: 'zh-Hant' }).text).toContain('40% 的利潤');
    const h = renderMessage(
      'tiers.bottom',
      {
        tier: text('crystal'),
        customers: tv.percent(0.4),
        revenue: tv.percent(0.1),
        tail: clause('tiers.bottom.loses', { profit: tv.percent(-0.05) }),
      },
      { locale: 'en' },
    );
    expect(h).toBe(
      'The crystal tier holds 40% of customers but only 10% of revenue, and loses money (−5% of total profit).',
    );
  });

  it('gives the tile the same text the sentence holds, with the currency', () => {
    const f = finding(
      'loss_makers',
      'whale.loss_makers',
      { share: tv.percent(0.3), loss: tv.money(397_292), loss_share: tv.percent(0.6) },
      'loss',
    );
    for (const locale of ['en', 'zh-Hans', 'zh-Hant'] as const) {
      const r = renderFinding(f, { locale, currency: { symbol: '¥', code: 'CNY' } });
      expect(r.headline).not.toBeNull();
      expect(r.text).toContain(r.headline!);
    }
    expect(renderFinding(f, { locale: 'zh-Hans', currency: { symbol: '¥', code: 'CNY' } }).headline).toBe('¥39.7万');
    expect(f.text).toContain('397.3k');
    expect(f.value).toBe(397_292);
  });

  it('writes the dataset currency as an axis unit, and nothing when none is set', () => {
    const params = { unit: currencyUnit() };
    expect(renderMessage('diagnostics.chart.money', params, { locale: 'en' })).toBe('↑ Money');
    expect(
      renderMessage('diagnostics.chart.money', params, { locale: 'en', currency: { symbol: '$', code: 'USD' } }),
    ).toBe('↑ Money ($)');
    expect(
      renderMessage('diagnostics.chart.money', params, { locale: 'zh-Hans', currency: { symbol: '¥', code: 'CNY' } }),
    ).toBe('↑ 金额（¥）');
  });

  it('localises chart words and notes, and leaves plain English untouched', () => {
    const text = {
      title: clause('whale.chart.title.share', { k: tv.percent(0.2), share: tv.percent(1.14) }),
      y: clause('whale.chart.y.money', { unit: currencyUnit() }),
      labels: { 'Top 20% → 114%': clause('whale.chart.top', { k: tv.percent(0.2), share: tv.percent(1.14) }) },
    } as ChartText;
    const spec: ChartSpec = {
      id: 'c',
      title: 'The top 20% of customers earn 114% of profit',
      y: { label: '↑ Cumulative profit' },
      marks: [{ type: 'text', rows: [{ x: 0.2, y: 1.14, label: 'Top 20% → 114%' }], x: 'x', y: 'y', text: 'label' }],
    };
    expect(localiseChart(spec, text, { locale: 'en' })).toBe(spec);
    const zh = localiseChart(spec, text, { locale: 'zh-Hant', currency: { symbol: 'NT$', code: 'TWD' } });
    expect(zh.title).toBe('前 20% 的顧客貢獻了 114% 的利潤');
    expect(zh.y?.label).toBe('↑ 累計利潤（NT$）');
    expect(zh.marks[0]!.rows![0]!.label).toBe('前 20% → 114%');
    expect(localiseChart(spec, text, { locale: 'en', currency: { symbol: '$', code: 'USD' } }).y?.label).toBe(
      '↑ Cumulative profit ($)',
    );
    const notes = localiseNotes(
      {
        notes: [
          'Gross margin is revenue minus the recorded cost of goods (every transaction line has a cost).',
          'A note of the user’s own.',
        ],
      },
      { locale: 'zh-Hans' },
    );
    expect(notes).toEqual(['毛利 = 收入减去记录的商品成本（每笔交易明细都有成本）。', 'A note of the user’s own.']);
  });

  it('refuses a headline that is not a typed parameter of the sentence', () => {
    expect(() => finding('x', 'whale.headline.earn', { k: tv.percent(0.2), top: tv.percent(1.2) }, 'nope')).toThrow(
      /headline nope/,
    );
  });

  it('keeps the text of a finding saved without a key', () => {
    const old = { id: 'a', text: 'An old sentence.', value: 3 } as unknown as Parameters<typeof renderFinding>[0];
    expect(renderFinding(old, { locale: 'zh-Hans' })).toEqual({ text: 'An old sentence.', headline: null });
  });
});
