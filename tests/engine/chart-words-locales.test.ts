/**
 * Every analysis's chart words in 简体 and 繁體: each built-in notebook (English source) runs on
 * the data it is written for, in the reader's language, and every word its analysis charts show
 * a reader — titles, subtitles, captions, axis and legend titles, series keys, annotation labels,
 * category ticks and labels drawn from the tables — is rendered for zh-Hans and zh-Hant and must
 * hold no English word. Proper names and notation (P(alive), BG/NBD, RFM, Wilson…) are allowed.
 * One test per analysis, so a chart left in English names its analysis.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { localiseCharts } from '../../src/analyses/messages/localise.ts';
import type { AnalysisResult } from '../../src/analyses/types.ts';
import type { ChartSpec, ScaleSpec } from '../../src/charts/spec.ts';
import { loadData, type LoadedData } from '../../src/cli/load-data.ts';
import { runNotebookFile } from '../../src/cli/run.ts';
import type { Locale } from '../../src/format/locale.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const notebooks = path.join(repo, 'notebooks');
const sources = readdirSync(notebooks)
  .filter((f) => f.endsWith('.md') && !/\.zh-Han[st]\.md$/.test(f))
  .sort();
const chinese: Locale[] = ['zh-Hans', 'zh-Hant'];

/** Names and notation that stay Latin in a Chinese chart. */
const allowed =
  /P\(alive\)|BG\/NBD|Gamma-Gamma|RFM|MVC|MGC|BZ|CLV|Wilson|Reichheld|Sasser|NPS|\bn=|service_costs|DSL|Fiber optic|\b[RFM]\b/g;

/**
 * Values of the data itself, shown as written in every language: the sample's region names, the
 * churn reasons it records, the Telco file's contract types.
 */
const dataValues = new Set([
  'Central',
  'East',
  'North',
  'South',
  'West',
  'competitor offer',
  'moved',
  'price',
  'product fit',
  'service',
  'Month-to-month',
  'One year',
  'Two year',
]);

/** English words left in `text` (three letters or more, after the allowed names). */
export function englishWords(text: string): string[] {
  return text.replace(allowed, '').match(/[A-Za-z]{3,}/g) ?? [];
}

/** The values of `column` in `table` of `result`, as text. */
function columnText(result: AnalysisResult, table: string | undefined, column: string): string[] {
  const t = table === undefined ? undefined : result.tables[table];
  const i = t?.columns.findIndex((c) => c.name === column) ?? -1;
  if (!t || i < 0) return [];
  return (t.data[i] as unknown[]).filter((v): v is string => typeof v === 'string');
}

/** Every word a reader sees in `chart` (its table's text values shown as the chart's labels say). */
export function chartWords(chart: ChartSpec, result: AnalysisResult): string[] {
  const words: (string | null | undefined)[] = [chart.title, chart.subtitle, chart.caption];
  for (const axis of ['x', 'y', 'fx', 'fy', 'color'] as const) {
    const scale: ScaleSpec | undefined = chart[axis];
    if (!scale) continue;
    words.push(scale.label);
    const shown = (v: unknown) => (typeof v === 'string' ? (scale.tickLabels?.[v] ?? v) : null);
    words.push(...(scale.domain ?? []).map(shown));
    // Categories drawn from a table on this scale (ticks, legend entries).
    for (const m of chart.marks) {
      const channel = axis === 'color' ? (m.fill ?? m.stroke) : m[axis];
      if (typeof channel === 'string' && (scale.type === 'band' || scale.type === 'point' || axis === 'color'))
        words.push(...columnText(result, m.data ?? chart.data, channel).map(shown));
    }
  }
  for (const m of chart.marks) {
    if (typeof m.label === 'string') words.push(m.label);
    if (!m.type.startsWith('text') || typeof m.text !== 'string') continue;
    const field = m.text;
    if (m.rows) words.push(...m.rows.map((r) => r[field]).filter((v): v is string => typeof v === 'string'));
    else words.push(...columnText(result, m.data ?? chart.data, field).map((v) => m.textLabels?.[v] ?? v));
  }
  return words.filter((w): w is string => typeof w === 'string' && w.length > 0);
}

/** Analysis results of every built-in notebook, by analysis id, for one reader's language. */
async function resultsByAnalysis(data: LoadedData, telco: LoadedData, lang: Locale) {
  const out = new Map<string, AnalysisResult[]>();
  for (const file of sources) {
    const run = await runNotebookFile(path.join(notebooks, file), {
      data: file.startsWith('bundling') ? telco : data,
      lang,
    });
    expect(run.errors).toEqual([]);
    for (const cell of run.notebook.cells) {
      if (cell.kind !== 'analysis' || !cell.analysis) continue;
      const state = run.states.find((s) => s.id === cell.id);
      if (state?.status !== 'ok' || state.output?.kind !== 'analysis') continue;
      const list = out.get(cell.analysis) ?? [];
      list.push(state.output.result);
      out.set(cell.analysis, list);
    }
  }
  return out;
}

const analyses = [
  'satisfaction-loyalty',
  'loyalty-quadrant',
  'word-of-mouth',
  'satisfaction-what-if',
  'cohorts',
  'customer-equity',
  'retention-what-if',
  'leaky-bucket',
  'margin-multiple',
  'bundling',
  'churn-reasons',
  'tiers',
  'rfm',
  'value-loyalty',
  'mvc-mgc-bz',
  'migration',
  'clv-bgnbd',
  'sbg-retention',
  'whale-curve',
  'profit-diagnostics',
];

/** Analyses of the built-in notebooks that draw no chart: the scorecard's tiles are findings. */
const chartless = ['scorecard'];

describe('chart words of every analysis in 简体 and 繁體', () => {
  const results = new Map<Locale, Map<string, AnalysisResult[]>>();
  beforeAll(async () => {
    const data = await loadData();
    const telco = await loadData(path.join(repo, 'tests/notebook/data/telco'));
    for (const lang of chinese) results.set(lang, await resultsByAnalysis(data, telco, lang));
  }, 600_000);

  it('the built-in notebooks use exactly these analyses, and the others draw no chart', () => {
    const used = [...results.get('zh-Hans')!.entries()];
    expect(
      used
        .map(([id]) => id)
        .filter((id) => !analyses.includes(id))
        .sort(),
    ).toEqual(chartless);
    // The chart-less ones really draw nothing (their words are findings, checked with the catalogues).
    for (const [id, runs] of used) if (chartless.includes(id)) expect(runs.flatMap((r) => r.charts)).toEqual([]);
    expect(
      used
        .map(([id]) => id)
        .filter((id) => analyses.includes(id))
        .sort(),
    ).toEqual([...analyses].sort());
  });

  it.each(analyses)('%s: no English word in its charts', (analysis) => {
    const left: string[] = [];
    for (const lang of chinese) {
      const runs = results.get(lang)!.get(analysis) ?? [];
      let seen = 0;
      for (const result of runs) {
        const reader = { locale: lang, currency: { symbol: '¥', code: 'CNY' } };
        for (const chart of localiseCharts(result, reader)) {
          for (const w of chartWords(chart, result)) {
            seen++;
            if (!dataValues.has(w) && englishWords(w).length > 0) left.push(`${chart.id ?? ''} (${lang}): ${w}`);
          }
        }
      }
      expect(seen, `${analysis} (${lang}) shows no chart words`).toBeGreaterThan(0);
    }
    expect([...new Set(left)]).toEqual([]);
  });
});
