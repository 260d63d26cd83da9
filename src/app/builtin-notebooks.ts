/**
 * The notebooks shipped in `notebooks/*.md`, bundled as text at build time (no fetch at run time,
 * so they open offline).
 */
import { parseNotebook } from '../notebook/format/parse.ts';
import type { NotebookLanguage } from '../notebook/format/types.ts';

/** A built-in notebook: id (the file stem), title from its front matter, and its text. */
export interface BuiltinNotebook {
  id: string;
  title: string;
  description: string;
  /** The language it is written in (front matter `language`). */
  language: NotebookLanguage;
  /** For a translation (`who-really-makes-the-profit.zh-Hans.md`), the id of the notebook it translates. */
  translationOf: string | null;
  source: string;
}

const files = import.meta.glob<string>('/notebooks/*.md', { query: '?raw', import: 'default', eager: true });

/** Every built-in notebook, sorted by title. */
export const builtinNotebooks: BuiltinNotebook[] = Object.entries(files)
  .map(([path, source]) => {
    const id = path.replace(/^.*\//, '').replace(/\.md$/, '');
    const fm = parseNotebook(source).frontMatter;
    const of = fm.extra.translation_of;
    return {
      id,
      title: fm.title || id,
      description: fm.description,
      language: fm.language,
      translationOf: typeof of === 'string' ? of : null,
      source,
    };
  })
  .sort((a, b) => a.title.localeCompare(b.title));

/** A built-in notebook by id. */
export function builtinNotebook(id: string): BuiltinNotebook | undefined {
  return builtinNotebooks.find((n) => n.id === id);
}

/**
 * The built-in notebooks as the sidebar lists them for a reader of `language`: those written in
 * it first, then the others (a workshop in Chinese finds its notebooks at the top, and the ones
 * not translated yet are still there), each group by title.
 */
export function builtinsFor(language: NotebookLanguage): BuiltinNotebook[] {
  const own = (n: BuiltinNotebook) => (n.language === language ? 0 : 1);
  return [...builtinNotebooks].sort((a, b) => own(a) - own(b) || a.title.localeCompare(b.title, language));
}
