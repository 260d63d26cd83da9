/**
 * The notebooks shipped in `notebooks/*.md`, bundled as text at build time (no fetch at run time,
 * so they open offline).
 */
import { parseNotebook } from '../notebook/format/parse.ts';

/** A built-in notebook: id (the file stem), title from its front matter, and its text. */
export interface BuiltinNotebook {
  id: string;
  title: string;
  description: string;
  source: string;
}

const files = import.meta.glob('/notebooks/*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** Every built-in notebook, sorted by title. */
export const builtinNotebooks: BuiltinNotebook[] = Object.entries(files)
  .map(([path, source]) => {
    const id = path.replace(/^.*\//, '').replace(/\.md$/, '');
    const fm = parseNotebook(source).frontMatter;
    return { id, title: fm.title || id, description: fm.description, source };
  })
  .sort((a, b) => a.title.localeCompare(b.title));

/** A built-in notebook by id. */
export function builtinNotebook(id: string): BuiltinNotebook | undefined {
  return builtinNotebooks.find((n) => n.id === id);
}
