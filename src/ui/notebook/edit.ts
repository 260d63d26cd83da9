/**
 * Structural edits on a parsed notebook (add, delete, move, duplicate, change a cell's text).
 * Each edit writes the notebook back to Markdown and parses it again, so names, references and
 * issues are always derived the same way as for a file opened from disk.
 */
import { parseNotebook } from '../../notebook/format/parse.ts';
import { serializeNotebook } from '../../notebook/format/serialize.ts';
import type { Cell, CellId, CellKind, InputValue, Notebook } from '../../notebook/format/types.ts';
import { writeKey } from './settings/yaml-edit.ts';

/** Starter text for a new cell of each kind (runs without errors on the sample data). */
const starters: Record<CellKind, (name: string | null) => string> = {
  prose: () => 'Write here. Interpolate a value with `{name}`.\n',
  sql: () => 'SELECT region, count(*) AS customers\nFROM customers\nGROUP BY region\nORDER BY customers DESC\n',
  input: () => 'type: slider\nlabel: A parameter\nmin: 0\nmax: 1\nstep: 0.05\nvalue: 0.5\n',
  chart: () => 'data: query_1\ntitle: A chart\nmarks:\n  - { type: barY, x: region, y: customers }\n',
  analysis: () => 'analysis: whale-curve\noptions:\n  top_k: 20\n',
};

const namePrefix: Record<CellKind, string | null> = {
  prose: null,
  sql: 'query',
  input: 'param',
  chart: null,
  analysis: 'analysis',
};

function reparse(nb: Notebook, cells: Cell[]): Notebook {
  return parseNotebook(serializeNotebook({ ...nb, cells }));
}

/** A name of the form `<prefix>_<n>` not used by any cell. */
function freshName(nb: Notebook, prefix: string): string {
  const used = new Set(nb.cells.map((c) => c.name));
  let n = 1;
  while (used.has(`${prefix}_${n}`)) n++;
  return `${prefix}_${n}`;
}

/** A cell that is only kind, name and text: serialised in the canonical layout. */
function freshCell(kind: CellKind, name: string | null, source: string): Cell {
  return { kind, name, source, layout: { gap: '\n' } } as unknown as Cell;
}

/**
 * Inserts a new cell of `kind` after `after` (or at the end). Returns the notebook and the index of
 * the cell to focus: the new cell, or — for prose next to prose — the prose cell that grew.
 *
 * In the file, everything between two fenced cells is one prose block, so a second prose cell right
 * next to another could not survive a save: it would come back merged. Adding text next to text
 * therefore adds a paragraph to that prose cell instead (below the text above, or above the text below).
 */
export function addCell(nb: Notebook, kind: CellKind, after?: CellId): { notebook: Notebook; index: number } {
  const prefix = namePrefix[kind];
  const name = prefix ? freshName(nb, prefix) : null;
  let source = starters[kind](name);
  const at = after === undefined ? nb.cells.length : nb.cells.findIndex((c) => c.id === after) + 1;
  if (kind === 'chart') {
    // A chart draws a query above it; with none there, it comes with the starter query it draws,
    // so a new chart shows a chart, not "query_1 has no result".
    const sql = nb.cells
      .slice(0, at)
      .reverse()
      .find((c) => c.kind === 'sql' && c.name);
    if (!sql) {
      const query = freshName(nb, 'query');
      const cells = [...nb.cells];
      cells.splice(
        at,
        0,
        freshCell('sql', query, starters.sql(query)),
        freshCell('chart', null, source.replace('query_1', query)),
      );
      ensureGaps(cells);
      return { notebook: reparse(nb, cells), index: at + 1 };
    }
    source = source.replace('query_1', sql.name!);
  }
  if (kind === 'prose') {
    const above = nb.cells[at - 1];
    const below = nb.cells[at];
    if (above?.kind === 'prose') {
      const text = above.source.replace(/(\r?\n)+$/, '');
      return { notebook: setCellSource(nb, above.id, `${text}\n\n${source}`), index: at - 1 };
    }
    if (below?.kind === 'prose')
      return { notebook: setCellSource(nb, below.id, `${source}\n${below.source}`), index: at };
  }
  const cells = [...nb.cells];
  cells.splice(at, 0, freshCell(kind, name, source));
  ensureGaps(cells);
  return { notebook: reparse(nb, cells), index: at };
}

/** Removes a cell. */
export function deleteCell(nb: Notebook, id: CellId): Notebook {
  const cells = nb.cells.filter((c) => c.id !== id);
  if (cells[0]) cells[0] = { ...cells[0], layout: { ...cells[0].layout, gap: cells[0].layout.gap } };
  return reparse(nb, cells);
}

/** Moves a cell one place up (-1) or down (+1). */
export function moveCell(nb: Notebook, id: CellId, by: -1 | 1): Notebook {
  const i = nb.cells.findIndex((c) => c.id === id);
  const j = i + by;
  if (i < 0 || j < 0 || j >= nb.cells.length) return nb;
  const cells = [...nb.cells];
  [cells[i], cells[j]] = [cells[j]!, cells[i]!];
  ensureGaps(cells);
  return reparse(nb, cells);
}

/** Inserts a copy of a cell below it; named cells get a fresh name (`<name>_copy`, …). */
export function duplicateCell(nb: Notebook, id: CellId): Notebook {
  const i = nb.cells.findIndex((c) => c.id === id);
  const cell = nb.cells[i];
  if (!cell) return nb;
  const name = cell.name && cell.kind !== 'prose' ? freshName(nb, `${cell.name}_copy`).replace(/_1$/, '') : null;
  const unique = name && nb.cells.some((c) => c.name === name) ? freshName(nb, `${cell.name}_copy`) : name;
  const cells = [...nb.cells];
  cells.splice(i + 1, 0, freshCell(cell.kind, unique, cell.source));
  ensureGaps(cells);
  return reparse(nb, cells);
}

/** Replaces one cell's text (keeps its fence and layout). */
export function setCellSource(nb: Notebook, id: CellId, source: string): Notebook {
  return reparse(
    nb,
    nb.cells.map((c) => (c.id === id ? { ...c, source } : c)),
  );
}

/**
 * The notebook with each input's `value:` set to `values` (the controls as the user left them),
 * so a downloaded file opens where the user was. Inputs whose value did not change keep their text.
 */
export function withInputValues(nb: Notebook, values: Readonly<Record<string, InputValue>>): Notebook {
  let out = nb;
  for (const cell of nb.cells) {
    if (cell.kind !== 'input' || !cell.name || !cell.spec || !Object.hasOwn(values, cell.name)) continue;
    const value = values[cell.name];
    if (value === undefined || JSON.stringify(value) === JSON.stringify(cell.spec.value)) continue;
    try {
      out = setCellSource(out, cell.id, writeKey(cell.source, ['value'], value));
    } catch {
      // A body that is not valid YAML has no value to move; the cell stays as written.
    }
  }
  return out;
}

/** Changes the title in the front matter. */
export function setTitle(nb: Notebook, title: string): Notebook {
  return parseNotebook(serializeNotebook({ ...nb, frontMatter: { ...nb.frontMatter, title } }));
}

/** Cells next to each other need a blank line between them, or two prose cells would run together. */
function ensureGaps(cells: Cell[]): void {
  cells.forEach((c, i) => {
    if (i > 0 && !/\n/.test(c.layout.gap)) cells[i] = { ...c, layout: { ...c.layout, gap: '\n' } };
  });
}
