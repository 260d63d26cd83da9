import { parse, stringify } from 'yaml';
import { canonicalTables } from '../../model/schema.ts';
import type { FrontMatter, NotebookLanguage } from './types.ts';
import { isRequirement } from './requirements.ts';
import { parseSlidePlan } from './slide-plan.ts';

/** Languages a notebook may declare. */
export const languages: readonly NotebookLanguage[] = ['en', 'zh-Hans', 'zh-Hant'];

const known = ['title', 'description', 'language', 'dataset', 'requires'];

/** Splits `---\n…\n---\n` off the start of a file. Returns '' for a file without front matter. */
export function splitFrontMatter(text: string): { raw: string; yaml: string; rest: string } {
  const m = /^---[ \t]*\r?\n([\s\S]*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|$(?![\s\S]))/m.exec(text);
  if (!m || m.index !== 0) return { raw: '', yaml: '', rest: text };
  return { raw: m[0], yaml: m[1]!, rest: text.slice(m[0].length) };
}

/** Reads the front matter's YAML, with defaults for missing keys and specific messages for bad ones. */
export function parseFrontMatter(yaml: string, present: boolean): { frontMatter: FrontMatter; issues: string[] } {
  const issues: string[] = [];
  const fm: FrontMatter = { title: '', description: '', language: 'en', dataset: 'sample', requires: [], extra: {} };
  if (!present) return { frontMatter: fm, issues };
  let raw: unknown;
  try {
    raw = parse(yaml);
  } catch (e) {
    issues.push(
      `front matter: invalid YAML: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]!.replace(/:$/, '')}`,
    );
    return { frontMatter: fm, issues };
  }
  if (raw === null || raw === undefined) return { frontMatter: fm, issues };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    issues.push('front matter: expected "key: value" lines (title, description, language, dataset)');
    return { frontMatter: fm, issues };
  }
  const obj = raw as Record<string, unknown>;
  for (const key of ['title', 'description', 'dataset'] as const) {
    const v = obj[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') issues.push(`front matter: ${key} must be text, got ${JSON.stringify(v)}`);
    else fm[key] = v;
  }
  if (obj.language !== undefined) {
    if (typeof obj.language === 'string' && (languages as readonly string[]).includes(obj.language))
      fm.language = obj.language as NotebookLanguage;
    else
      issues.push(`front matter: unknown language ${JSON.stringify(obj.language)} (expected ${languages.join(', ')})`);
  }
  if (obj.requires !== undefined && obj.requires !== null) {
    const names = canonicalTables.map((t) => t.name);
    const list = Array.isArray(obj.requires) ? obj.requires : [obj.requires];
    for (const v of list) {
      if (isRequirement(v)) {
        if (!fm.requires.includes(v)) fm.requires.push(v);
      } else
        issues.push(
          `front matter: requires lists tables of the data model (${names.join(', ')}) or their columns as table.column; ${JSON.stringify(v)} is neither`,
        );
    }
  }
  for (const [k, v] of Object.entries(obj)) if (!known.includes(k)) fm.extra[k] = v;
  // `slides:` stays as written (in `extra`, so it round-trips); its shape is checked here, its
  // names against the cells when Present builds the deck.
  issues.push(...parseSlidePlan(obj.slides).problems.map((p) => `front matter: ${p}`));
  return { frontMatter: fm, issues };
}

/** The front matter as a plain object in file order: known keys first, then the extra ones. */
export function frontMatterObject(fm: FrontMatter): Record<string, unknown> {
  const out: Record<string, unknown> = { title: fm.title };
  if (fm.description) out.description = fm.description;
  out.language = fm.language;
  out.dataset = fm.dataset;
  if (fm.requires.length) out.requires = [...fm.requires];
  return { ...out, ...fm.extra };
}

/** Writes front matter as a `---` block (used when it changed since parsing). */
export function stringifyFrontMatter(fm: FrontMatter): string {
  return `---\n${stringify(frontMatterObject(fm), { lineWidth: 0 })}---\n`;
}
