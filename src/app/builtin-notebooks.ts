/**
 * The notebooks shipped in `notebooks/*.md`, bundled as text at build time (no fetch at run time,
 * so they open offline).
 */
import { parseNotebook } from '../notebook/format/parse.ts';
import type { NotebookLanguage } from '../notebook/format/types.ts';
import { routeHash } from './route.ts';

/** A built-in notebook: id (the file stem), title from its front matter, and its text. */
export interface BuiltinNotebook {
  id: string;
  title: string;
  description: string;
  /** The language it is written in (front matter `language`). */
  language: NotebookLanguage;
  /** For a translation (`who-really-makes-the-profit.zh-Hans.md`), the id of the notebook it translates. */
  translationOf: string | null;
  /** Front matter `order`: a notebook with one is listed before those without, lowest first (the scorecard is 1). */
  order: number;
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
      order: typeof fm.extra.order === 'number' ? fm.extra.order : Infinity,
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
  return sortBuiltins(builtinNotebooks, language);
}

/**
 * `notebooks` in the sidebar's order for a reader of `language`: that language's first, then by
 * front matter `order` (the board's first page, the scorecard, leads), then by title.
 */
export function sortBuiltins<T extends Pick<BuiltinNotebook, 'language' | 'order' | 'title'>>(
  notebooks: readonly T[],
  language: NotebookLanguage,
): T[] {
  const own = (n: T) => (n.language === language ? 0 : 1);
  const order = (a: T, b: T) => (a.order === b.order ? 0 : a.order < b.order ? -1 : 1);
  return [...notebooks].sort((a, b) => own(a) - own(b) || order(a, b) || a.title.localeCompare(b.title, language));
}

/**
 * The built-in notebook a link to `id` opens for a reader of `language`: its translation into that
 * language when there is one, else the notebook itself (undefined for an unknown id).
 */
export function builtinIn(id: string, language: NotebookLanguage): BuiltinNotebook | undefined {
  const original = builtinNotebook(id);
  if (!original) return undefined;
  const source = original.translationOf ?? original.id;
  return (
    builtinNotebooks.find((n) => n.language === language && (n.id === source || n.translationOf === source)) ?? original
  );
}

/** The in-page link that opens built-in notebook `id`: `#notebook=<id>`, the app's own address of it (`route.ts`). */
export const notebookLink = (id: string): string => routeHash({ kind: 'notebook', id, read: false, inputs: null });

/** The notebook id of a `#notebook=<id>` link, or null. */
export function notebookFromHash(hash: string): string | null {
  const m = /^#notebook=([\w.-]+)$/.exec(hash);
  return m ? decodeURIComponent(m[1]!) : null;
}
