import { describe, expect, it } from 'vitest';
import {
  acceptsInputValue,
  cellId,
  parseNotebook,
  serializeNotebook,
  type InputSpec,
} from '../../src/notebook/format/index.ts';
import { addCell, deleteCell, duplicateCell, moveCell, withInputValues } from '../../src/ui/notebook/edit.ts';

const text = 'Intro text.\n\n```sql a\nSELECT 1 AS x\n```\n\nMiddle text.\n\n```sql b\nSELECT 2 AS y\n```\n';
const shape = (md: string) => parseNotebook(md).cells.map((c) => `${c.kind}:${c.id}`);

describe('notebook edits: prose next to prose', () => {
  // In the file all text between two fenced cells is one block, so these edits must not create a
  // second prose cell that a save would merge back: the text goes into the neighbouring prose cell.
  it('adding text below a prose cell appends a paragraph to it and focuses it', () => {
    const nb = parseNotebook(text);
    const { notebook, index } = addCell(nb, 'prose', cellId('prose#1'));
    expect(notebook.cells.map((c) => c.id)).toEqual(['prose#1', 'a', 'prose#2', 'b']);
    expect(index).toBe(0);
    expect(notebook.cells[0]!.source).toBe('Intro text.\n\nWrite here. Interpolate a value with `{name}`.\n');
    // What is shown is what a reload finds.
    expect(shape(serializeNotebook(notebook))).toEqual(shape(text));
    expect(parseNotebook(serializeNotebook(notebook)).cells[0]!.source).toBe(notebook.cells[0]!.source);
  });

  it('adding text above a prose cell (after a fenced cell) puts a paragraph at its start', () => {
    const { notebook, index } = addCell(parseNotebook(text), 'prose', cellId('a'));
    expect(index).toBe(2);
    expect(notebook.cells[2]!.source).toBe('Write here. Interpolate a value with `{name}`.\n\nMiddle text.\n');
    expect(notebook.cells.length).toBe(4);
  });

  it('adding text between two fenced cells makes a new prose cell', () => {
    const nb = parseNotebook('```sql a\nSELECT 1\n```\n\n```sql b\nSELECT 2\n```\n');
    const { notebook, index } = addCell(nb, 'prose', cellId('a'));
    expect(notebook.cells.map((c) => c.kind)).toEqual(['sql', 'prose', 'sql']);
    expect(index).toBe(1);
    expect(shape(serializeNotebook(notebook))).toEqual(notebook.cells.map((c) => `${c.kind}:${c.id}`));
  });

  it('adding a fenced cell after prose keeps both', () => {
    const { notebook, index } = addCell(parseNotebook(text), 'sql', cellId('prose#1'));
    expect(notebook.cells.map((c) => c.id)).toEqual(['prose#1', 'query_1', 'a', 'prose#2', 'b']);
    expect(index).toBe(1);
  });

  it('deleting or moving the cell between two prose cells joins their text (one block in the file)', () => {
    const joined = deleteCell(parseNotebook(text), cellId('a'));
    expect(joined.cells.map((c) => c.id)).toEqual(['prose#1', 'b']);
    expect(joined.cells[0]!.source).toBe('Intro text.\n\nMiddle text.\n');
    const moved = moveCell(parseNotebook(text), cellId('a'), -1);
    expect(moved.cells.map((c) => c.id)).toEqual(['a', 'prose#1', 'b']);
    expect(moved.cells[1]!.source).toBe('Intro text.\n\nMiddle text.\n');
  });

  it('duplicating a fenced cell renames the copy; duplicating prose repeats the paragraph in the same cell', () => {
    const dup = duplicateCell(parseNotebook(text), cellId('a'));
    expect(dup.cells.map((c) => c.id)).toEqual(['prose#1', 'a', 'a_copy', 'prose#2', 'b']);
    const prose = duplicateCell(parseNotebook(text), cellId('prose#1'));
    expect(prose.cells.map((c) => c.id)).toEqual(['prose#1', 'a', 'prose#2', 'b']);
    expect(prose.cells[0]!.source).toBe('Intro text.\n\nIntro text.\n');
  });
});

describe('acceptsInputValue: restoring a saved value only when the control can hold it', () => {
  const spec = (s: Partial<InputSpec> & Pick<InputSpec, 'type'>): InputSpec => ({ label: 'x', value: null, ...s });
  it.each([
    [spec({ type: 'slider', min: 0, max: 1 }), 0.5, true],
    [spec({ type: 'slider', min: 0, max: 1 }), 2, false],
    [spec({ type: 'slider', min: 0, max: 1 }), '0.5', false],
    [spec({ type: 'number' }), -3, true],
    [spec({ type: 'number' }), Number.NaN, false],
    [spec({ type: 'range', min: 0, max: 10 }), [2, 8], true],
    [spec({ type: 'range', min: 0, max: 10 }), [8, 2], false],
    [spec({ type: 'range', min: 0, max: 10 }), [2, 11], false],
    [
      spec({
        type: 'select',
        options: [
          { value: 'a', label: 'a' },
          { value: 5, label: '5' },
        ],
      }),
      5,
      true,
    ],
    [spec({ type: 'select', options: [{ value: 'a', label: 'a' }] }), 'gone', false],
    [spec({ type: 'select', optionsFrom: { cell: 'q', column: 'c' } }), 'West', true],
    [spec({ type: 'select', optionsFrom: { cell: 'q', column: 'c' } }), { x: 1 }, false],
    [spec({ type: 'toggle' }), true, true],
    [spec({ type: 'toggle' }), 'true', false],
    [spec({ type: 'text' }), "'; DROP TABLE transactions; --", true],
    [spec({ type: 'text' }), 3, false],
    [spec({ type: 'date', min: '2020-01-01' }), '2023-07-01', true],
    [spec({ type: 'date', min: '2020-01-01' }), '2019-12-31', false],
    [spec({ type: 'date' }), '2023-13-45', false],
    // Not set: whatever the date feeds uses its own default (the data's last 12 months).
    [spec({ type: 'date' }), null, true],
  ])('%j accepts %j: %s', (s, value, expected) => {
    expect(acceptsInputValue(s, value)).toBe(expected);
  });
});

describe('a date input without a value is "not set"', () => {
  it('parses without an issue to a null value, keeps its placeholder, and round-trips', () => {
    const src = '# t\n\n```input period_end\ntype: date\nlabel: Period to\nplaceholder: the last transaction\n```\n';
    const nb = parseNotebook(src);
    expect(nb.issues).toEqual([]);
    const cell = nb.cells.find((c) => c.kind === 'input');
    expect(cell?.kind === 'input' ? cell.spec : null).toMatchObject({
      type: 'date',
      value: null,
      placeholder: 'the last transaction',
    });
    expect(serializeNotebook(nb)).toBe(src);
  });
});

describe('notebook edits: starters and downloads', () => {
  it('a chart added to a notebook with no query above it comes with the query it draws', () => {
    const nb = parseNotebook('# New notebook\n\nSome text.\n');
    const { notebook, index } = addCell(nb, 'chart', nb.cells[0]!.id);
    expect(notebook.cells.map((c) => c.kind)).toEqual(['prose', 'sql', 'chart']);
    expect(index).toBe(2);
    const chart = notebook.cells[2]!;
    // The chart reads the new query by name, and the query has the columns the chart draws.
    expect(chart.references.map((r) => r.name)).toEqual([notebook.cells[1]!.name]);
    expect(notebook.cells[1]!.source).toMatch(/SELECT region, count\(\*\) AS customers/);
    expect(chart.source).toMatch(/x: region, y: customers/);
    expect(chart.issues).toEqual([]);
  });

  it('a chart added below a query draws that query', () => {
    const { notebook } = addCell(parseNotebook(text), 'chart', cellId('b'));
    expect(notebook.cells.map((c) => c.kind)).toEqual(['prose', 'sql', 'prose', 'sql', 'chart']);
    expect(notebook.cells[4]!.references.map((r) => r.name)).toEqual(['b']);
  });

  it('withInputValues writes the current input values into the file', () => {
    const md =
      '```input margin\ntype: slider\nlabel: Margin # kept\nmin: 0\nmax: 1\nstep: 0.05\nvalue: 0.35\n```\n\n```input region\ntype: select\noptions: [north, south]\nvalue: north\n```\n';
    const out = serializeNotebook(withInputValues(parseNotebook(md), { margin: 0.6, region: 'north' }));
    expect(out).toContain('value: 0.6\n');
    expect(out).toContain('label: Margin # kept');
    expect(out).toContain('value: north');
    const again = parseNotebook(out).cells.map((c) => (c.kind === 'input' ? c.spec?.value : null));
    expect(again).toEqual([0.6, 'north']);
  });
});

describe('input enabled_when', () => {
  it('reads { input, equals } and reports any other shape', () => {
    const ok = parseNotebook(
      '```input margin\ntype: slider\nmin: 0\nmax: 1\nenabled_when: { input: margin_source, equals: assumed }\n```\n',
    ).cells[0]!;
    expect(ok.kind === 'input' ? ok.spec?.enabledWhen : null).toEqual({ input: 'margin_source', equals: 'assumed' });
    expect(ok.issues).toEqual([]);
    const bad = parseNotebook('```input margin\ntype: slider\nmin: 0\nmax: 1\nenabled_when: margin_source\n```\n')
      .cells[0]!;
    expect(bad.issues.join()).toMatch(/enabled_when must be \{ input: <input name>, equals: <value> \}/);
  });
});
