/**
 * Findings in the reader's language, end to end on the built-in notebooks and the sample data:
 * - every finding's tile is the sentence's own number (the tile's text is found in the sentence),
 *   in English, 简体 and 繁體, with and without a currency;
 * - no scientific notation, no unfilled placeholder, and Chinese sentences in Chinese;
 * - default tier names follow the reader's language (水晶…黑金), a notebook's `language:` still wins;
 * - the CLI's `--lang zh-Hant` on the whale notebook gives Chinese findings with the numbers of
 *   the English run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderFinding } from '../../src/analyses/messages/finding.ts';
import { localiseCharts, localiseNotes } from '../../src/analyses/messages/localise.ts';
import type { Finding } from '../../src/analyses/types.ts';
import { loadData, type LoadedData } from '../../src/cli/load-data.ts';
import { runNotebookFile } from '../../src/cli/run.ts';
import type { Locale } from '../../src/format/locale.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const notebooks = path.join(repo, 'notebooks');
const files = readdirSync(notebooks)
  .filter((f) => f.endsWith('.md'))
  .sort();
const locales: Locale[] = ['en', 'zh-Hans', 'zh-Hant'];
const cjk = /[\u4e00-\u9fff]/g;

/** The analysis findings of a run, by cell id. */
function findingsOf(run: Awaited<ReturnType<typeof runNotebookFile>>): [string, Finding[]][] {
  return run.states.flatMap((s) =>
    s.status === 'ok' && s.output?.kind === 'analysis' ? [[s.id, s.output.result.findings] as [string, Finding[]]] : [],
  );
}

describe('findings of every built-in notebook on the sample, in three languages', () => {
  let data: LoadedData;
  beforeAll(async () => {
    data = await loadData();
  }, 300_000);

  it.each(files)(
    '%s: the tile shows the sentence’s number; no exponent, no placeholder left',
    async (notebook) => {
      let tiles = 0;
      for (const locale of locales) {
        // Run in the reader's language (default tier names follow it), render in it.
        const run = await runNotebookFile(path.join(notebooks, notebook), { data, lang: locale });
        expect(run.errors).toEqual([]);
        const all = findingsOf(run).flatMap(([, fs]) => fs);
        // A notebook for other data (the Telco one) does not apply to the sample: it says so instead.
        if (all.length === 0) expect(run.states.some((s) => s.status === 'na')).toBe(true);
        for (const f of all) {
          expect(f.key, `${notebook}: ${f.id} has no catalogue key`).toBeTruthy();
          for (const currency of [null, { symbol: '¥', code: 'CNY' }]) {
            const r = renderFinding(f, { locale, currency });
            const where = `${notebook} ${f.id} (${locale}): ${r.text}`;
            expect(r.text, where).not.toMatch(/\{\w+(\|[^}]*)?\}|⟨/);
            expect(r.text, where).not.toMatch(/\d(\.\d+)?e[+-]?\d/i);
            if (r.headline !== null) {
              tiles++;
              expect(r.text, where).toContain(r.headline);
              expect(r.headline, where).not.toMatch(/e[+-]?\d/);
            }
            if (locale !== 'en') {
              // Chinese sentences are Chinese: data values (segment names) may stay as written.
              const han = (r.text.match(cjk) ?? []).length;
              const latin = (
                r.text.replace(/P\(alive\)|service_costs|hostages|Reichheld & Sasser/g, '').match(/[A-Za-z]{3,}/g) ?? []
              ).join('').length;
              expect(han, where).toBeGreaterThan(latin);
            }
          }
        }
      }
      if (!notebook.startsWith('bundling-and-churn-telco')) expect(tiles).toBeGreaterThan(0);
    },
    300_000,
  );

  it('the whale notebook’s chart words and notes in Chinese: no English left, same numbers', async () => {
    const run = await runNotebookFile(path.join(notebooks, 'who-really-makes-the-profit.md'), {
      data,
      lang: 'zh-Hant',
    });
    const whaleCells = run.states.filter(
      (s) => s.output?.kind === 'analysis' && (s.id === 'whale' || s.id === 'whatif'),
    );
    expect(whaleCells.length).toBe(2);
    for (const s of whaleCells) {
      if (s.output?.kind !== 'analysis') continue;
      const { result } = s.output;
      const reader = { locale: 'zh-Hant' as const, currency: { symbol: 'NT$', code: 'TWD' } };
      const charts = localiseCharts(result, reader);
      const words = charts
        .flatMap((c) => [
          c.title,
          c.subtitle,
          c.x?.label,
          c.y?.label,
          ...c.marks
            .filter((m) => m.type === 'text')
            .flatMap((m) => ((m as { rows?: Record<string, unknown>[] }).rows ?? []).map((r) => r.label)),
          ...c.marks.map((m) => (m as { label?: unknown }).label),
        ])
        .filter((w): w is string => typeof w === 'string');
      expect(words.length).toBeGreaterThan(8);
      for (const w of words) expect(w, w).not.toMatch(/[A-Za-z]{3,}/);
      expect(words).toContain(charts[0]!.title);
      // The chart title says what the headline finding says, with the same figures.
      expect(charts[0]!.title).toMatch(/^前 20% 的顧客貢獻了 \d+% 的利潤$/);
      const notes = localiseNotes(result, reader);
      expect(notes.length).toBe(result.notes.length);
      for (const n of notes) expect(n, n).not.toMatch(/\b(the|of|customers|profit)\b/);
      // English readers get the analysis's own objects back (nothing re-drawn).
      expect(localiseCharts(result, { locale: 'en' })).toBe(result.charts);
    }
  }, 300_000);

  it('default tier names follow the reader’s language; the notebook’s own language wins', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'caw-tiers-'));
    const nb = (options: string) =>
      `---\ntitle: tiers\n---\n\n\`\`\`analysis ladder\nanalysis: tiers\n${options}\`\`\`\n`;
    writeFileSync(path.join(dir, 'plain.md'), nb(''));
    writeFileSync(path.join(dir, 'fixed.md'), nb('options:\n  language: en\n'));
    const tiersOf = async (file: string, lang?: Locale) => {
      const run = await runNotebookFile(path.join(dir, file), { data, ...(lang ? { lang } : {}) });
      const out = run.states.find((s) => s.output?.kind === 'analysis')?.output;
      if (out?.kind !== 'analysis') throw new Error('no analysis output');
      const table = Object.values(out.result.tables)[0]!;
      const col = table.columns.findIndex((c) => c.name === 'tier');
      return new Set(table.data[col] as string[]);
    };
    expect(await tiersOf('plain.md')).toContain('crystal');
    expect(await tiersOf('plain.md', 'zh-Hans')).toEqual(new Set(['水晶', '翡翠', '黄金', '白金', '钻石', '黑金']));
    expect(await tiersOf('plain.md', 'zh-Hant')).toEqual(new Set(['水晶', '翡翠', '黃金', '白金', '鑽石', '黑金']));
    expect(await tiersOf('fixed.md', 'zh-Hant')).toContain('black-gold');
  }, 300_000);
});

/** The number a rendered figure stands for: "1.29M" → 1.29e6, "39.7萬" → 3.97e5, "−12%" → −12. */
function valueOf(text: string): number {
  const m = /([−-]?)[^\d]*([\d,]+(?:\.\d+)?)\s*(k|M|B|T|万亿|万|亿|兆|萬|億)?/.exec(text);
  if (!m) return Number.NaN;
  const scale: Record<string, number> = {
    k: 1e3,
    M: 1e6,
    B: 1e9,
    T: 1e12,
    万: 1e4,
    萬: 1e4,
    亿: 1e8,
    億: 1e8,
    万亿: 1e12,
    兆: 1e12,
  };
  return (m[1] ? -1 : 1) * Number(m[2]!.replace(/,/g, '')) * (m[3] ? scale[m[3]]! : 1);
}

describe('the CLI in Traditional Chinese', () => {
  it('--lang zh-Hant on the whale notebook: Chinese findings, the English run’s numbers', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'caw-cli-lang-'));
    const run = (lang: string) => {
      const out = path.join(dir, `${lang}.json`);
      const html = path.join(dir, `${lang}.html`);
      const r = spawnSync(
        path.join(repo, 'node_modules/.bin/tsx'),
        [
          'src/cli/main.ts',
          'run',
          'notebooks/who-really-makes-the-profit.md',
          '--json',
          out,
          '--html',
          html,
          '--lang',
          lang,
        ],
        {
          cwd: repo,
          encoding: 'utf8',
          env: { ...process.env, TZ: 'UTC' },
        },
      );
      expect(r.status, r.stderr).toBe(0);
      const json = JSON.parse(readFileSync(out, 'utf8')) as {
        cells: { id: string; findings: { id: string; text: string; headline: string | null; params: unknown }[] }[];
      };
      return {
        findings: json.cells.flatMap((c) => c.findings.map((f) => ({ cell: c.id, ...f }))),
        html: readFileSync(html, 'utf8'),
      };
    };
    const en = run('en');
    const zh = run('zh-Hant');
    expect(zh.findings.length).toBeGreaterThan(3);
    expect(zh.findings.map((f) => [f.cell, f.id])).toEqual(en.findings.map((f) => [f.cell, f.id]));
    zh.findings.forEach((f, i) => {
      const e = en.findings[i]!;
      expect(f.params).toEqual(e.params);
      expect(f.text).toMatch(/顧客|利潤/);
      expect(f.text).not.toMatch(/\b(the|of|customers|profit)\b/);
      if (e.headline !== null) {
        const a = valueOf(e.headline);
        const b = valueOf(f.headline!);
        // Same figure: equal up to the rounding of the compact forms (k vs 萬).
        expect(Math.abs(a - b), `${e.headline} vs ${f.headline}`).toBeLessThanOrEqual(
          Math.max(1e-9, Math.abs(a) * 0.01),
        );
      }
    });
    const headline = zh.findings.find((f) => f.id === 'headline')!;
    expect(headline.text).toMatch(/^前 \d+% 的顧客/);
    expect(zh.html).toContain('<html lang="zh-Hant">');
    expect(zh.html).toContain(headline.text.slice(0, 12));
  }, 300_000);

  it('refuses an unknown language', () => {
    const r = spawnSync(
      path.join(repo, 'node_modules/.bin/tsx'),
      ['src/cli/main.ts', 'run', 'notebooks/who-really-makes-the-profit.md', '--lang', 'fr'],
      { cwd: repo, encoding: 'utf8' },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--lang must be one of en, zh-Hans, zh-Hant');
  });
});
