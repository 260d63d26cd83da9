import { frontMatterObject, parseFrontMatter, splitFrontMatter, stringifyFrontMatter } from './front-matter.ts';
import { parseNotebook } from './parse.ts';
import type { Cell, CellId, Notebook } from './types.ts';

/**
 * Writes a notebook back to Markdown. Text that was parsed is written exactly as it was read
 * (`serializeNotebook(parseNotebook(x)) === x`); edited cells and front matter are written in the
 * canonical layout (``` fences; the blank lines before a cell are its `layout.gap`, '\n' for new cells).
 */
export function serializeNotebook(nb: Notebook): string {
  let out = serializeFrontMatter(nb);
  nb.cells.forEach((cell, i) => {
    out += cell.layout.gap;
    out += serializeCell(cell, i === nb.cells.length - 1 && !nb.layout.trailing);
  });
  return out + nb.layout.trailing;
}

function serializeFrontMatter(nb: Notebook): string {
  const raw = nb.layout.frontMatterRaw;
  if (raw) {
    const reparsed = parseFrontMatter(splitFrontMatter(raw).yaml, true).frontMatter;
    if (JSON.stringify(frontMatterObject(reparsed)) === JSON.stringify(frontMatterObject(nb.frontMatter))) return raw;
  } else if (!nb.frontMatter.title && !nb.frontMatter.description && Object.keys(nb.frontMatter.extra).length === 0) {
    return '';
  }
  return stringifyFrontMatter(nb.frontMatter);
}

function serializeCell(cell: Cell, last: boolean): string {
  const withNewline = (s: string) => (s === '' || s.endsWith('\n') ? s : `${s}\n`);
  if (cell.kind === 'prose') return last ? cell.source : withNewline(cell.source);
  const opened = cell.layout.open ? /^(`{3,}|~{3,})[ \t]*(\w+)(?:[ \t]+(\S+))?/.exec(cell.layout.open) : null;
  const sameHead = opened && opened[2] === cell.kind && (opened[3] ?? null) === cell.name;
  // An edited body may lack its final line break; without one the kept closing fence would land on
  // the body's last line and stop closing the cell. (A parsed body always ends with one.)
  if (sameHead && cell.layout.close !== undefined)
    return cell.layout.open! + withNewline(cell.source) + cell.layout.close;
  // A fence longer than any backtick run in the body, so the body can never close it.
  const longest = Math.max(2, ...(cell.source.match(/^`+/gm) ?? []).map((s) => s.length));
  const marker = '`'.repeat(longest + 1);
  return `${marker}${cell.kind}${cell.name ? ` ${cell.name}` : ''}\n${withNewline(cell.source)}${marker}${last ? '' : '\n'}`;
}

/**
 * Returns a new notebook with one cell's source replaced, re-deriving every cell's declarations,
 * references and issues (a rename or a new reference can change other cells).
 */
export function updateCellSource(nb: Notebook, id: CellId, source: string): Notebook {
  const cells = nb.cells.map((c) => (c.id === id ? { ...c, source } : c));
  return parseNotebook(serializeNotebook({ ...nb, cells }));
}
