/**
 * Issue 16, point 3: a built-in notebook and its translations stay in step. A translation
 * (`<id>.<language>.md`, front matter `translation_of: <id>`) has the same cells in the same order:
 * the same inputs (type, bounds, default, option values; only labels differ), the same analyses
 * with the same options, the same SQL (comments and column headings aside) and the same chart data
 * and marks, and each prose cell quotes the same numbers as the original's. Words differ, numbers cannot.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findInterpolations, parseNotebook } from '../../src/notebook/format/index.ts';
import { parseSlidePlan } from '../../src/notebook/format/slide-plan.ts';
import type { Cell, Notebook } from '../../src/notebook/format/types.ts';

const dir = path.resolve(import.meta.dirname, '../../notebooks');
const read = (f: string): Notebook => parseNotebook(readFileSync(path.join(dir, f), 'utf8'));
const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
const translations = files.filter((f) => /\.(zh-Hans|zh-Hant)\.md$/.test(f));

/** A query without its comments, column aliases (`AS "利润"` may translate `AS profit`) and CASE output labels. */
function sqlShape(sql: string): string {
  return (
    sql
      .replace(/--.*$/gm, '')
      .replace(/\s+AS\s+("[^"]*"|\w+)/gi, '')
      // Labels a CASE writes out ('0–11 months'), not values it compares against.
      .replace(/\b(THEN|ELSE)\s+'[^']*'/gi, '$1 _')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** What must be equal between a cell and its translation. */
function shape(c: Cell): unknown {
  switch (c.kind) {
    case 'prose':
      // Every number the original quotes (a quote with a number format), in the same format.
      // Quotes without one are words or labels (`{segment}`, `{whatif.period}` = "quarter"), which
      // would read as English inside Chinese prose: a translation may word those itself.
      return {
        kind: c.kind,
        quotes: findInterpolations(c.source)
          .filter((i) => i.format !== undefined)
          .map((i) => `${i.name}.${i.member ?? ''}:${i.format}`)
          .sort(),
      };
    case 'sql':
      // Comments and column headings (`AS "…"`, quoted) may be translated; the query may not.
      return { kind: c.kind, name: c.name, sql: sqlShape(c.source) };
    case 'input': {
      const {
        label: _label,
        placeholder: _placeholder,
        options,
        ...rest
      } = c.spec ?? ({} as NonNullable<typeof c.spec>);
      return { kind: c.kind, name: c.name, ...rest, options: options?.map((o) => o.value) };
    }
    case 'analysis':
      return { kind: c.kind, name: c.name, analysis: c.analysis, options: c.options };
    case 'chart': {
      const spec = c.spec as unknown as Record<string, unknown> | null;
      // A mark's `label` is its legend key, a word: translated like the titles.
      const marks = (spec?.marks as Record<string, unknown>[] | undefined)?.map(({ label: _label, ...m }) => m);
      return { kind: c.kind, name: c.name, data: spec?.data, marks };
    }
  }
}

describe('built-in notebooks and their translations', () => {
  it('every built-in notebook exists in both Chinese scripts', () => {
    const originals = files.filter((f) => !translations.includes(f));
    expect(originals.length).toBeGreaterThan(0);
    const missing = originals
      .flatMap((f) => ['zh-Hans', 'zh-Hant'].map((l) => f.replace(/\.md$/, `.${l}.md`)))
      .filter((t) => !files.includes(t));
    expect(missing).toEqual([]);
  });

  it.each(translations)('%s keeps in step with the notebook it translates', (file) => {
    const nb = read(file);
    expect(nb.issues).toEqual([]);
    const language = file.match(/\.(zh-Hans|zh-Hant)\.md$/)![1];
    expect(nb.frontMatter.language).toBe(language);
    const of = nb.frontMatter.extra.translation_of;
    expect(typeof of).toBe('string');
    expect(file).toBe(`${String(of)}.${language}.md`);
    const original = read(`${String(of)}.md`);
    expect(nb.frontMatter.requires).toEqual(original.frontMatter.requires);
    expect(nb.frontMatter.dataset).toBe(original.frontMatter.dataset);
    // The same slides in the same order, with the same charts; only the speaker notes are translated.
    const slides = (x: typeof nb) =>
      parseSlidePlan(x.frontMatter.extra.slides).entries?.map(({ show, chart, notes }) => ({
        show,
        chart,
        notes: !!notes,
      }));
    expect(slides(nb)).toEqual(slides(original));
    expect(nb.cells.map(shape)).toEqual(original.cells.map(shape));
  });

  it.each(translations)('%s is written in its language: mostly Chinese characters in prose and labels', (file) => {
    const nb = read(file);
    const text = nb.cells
      .map((c) =>
        c.kind === 'prose' ? c.source.replace(/\{[^}]*\}/g, '') : c.kind === 'input' ? (c.spec?.label ?? '') : '',
      )
      .join('\n')
      .replace(/`[^`]*`/g, '');
    const cjk = (text.match(/[\u3400-\u9fff]/g) ?? []).length;
    const latin = (text.match(/[A-Za-z]/g) ?? []).length;
    expect(cjk / Math.max(1, cjk + latin)).toBeGreaterThan(0.9);
  });
});
