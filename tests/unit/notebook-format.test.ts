import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNotebook, serializeNotebook, updateCellSource, cellId } from '../../src/notebook/format/index.ts';

const goldenDir = path.resolve(import.meta.dirname, '../notebook');
const shippedDir = path.resolve(import.meta.dirname, '../../notebooks');
const cases = readdirSync(goldenDir)
  .filter((f) => f.endsWith('.md'))
  .sort();
const shipped = existsSync(shippedDir)
  ? readdirSync(shippedDir)
      .filter((f) => f.endsWith('.md'))
      .sort()
  : [];

describe('notebook format: golden files (tests/notebook/<case>.md → <case>.json)', () => {
  it('has golden cases', () => expect(cases.length).toBeGreaterThanOrEqual(5));
  it.each(cases)('%s parses to the saved JSON', (file) => {
    const text = readFileSync(path.join(goldenDir, file), 'utf8');
    const actual = JSON.parse(JSON.stringify(parseNotebook(text)));
    const expectedFile = path.join(goldenDir, file.replace(/\.md$/, '.json'));
    // UPDATE_GOLDEN=1 rewrites the expected files; review the diff before committing.
    if (process.env.UPDATE_GOLDEN) writeFileSync(expectedFile, JSON.stringify(actual, null, 2) + '\n');
    expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
  });
  it.each(cases)('%s round-trips byte for byte', (file) => {
    const text = readFileSync(path.join(goldenDir, file), 'utf8');
    expect(serializeNotebook(parseNotebook(text))).toBe(text);
  });
});

describe('notebook format: every shipped notebook', () => {
  it.each(shipped.length ? shipped : ['(none yet)'])('%s round-trips byte for byte and has no issues', (file) => {
    if (!shipped.length) return;
    const text = readFileSync(path.join(shippedDir, file), 'utf8');
    const nb = parseNotebook(text);
    expect(serializeNotebook(nb)).toBe(text);
    expect([...nb.issues, ...nb.cells.flatMap((c) => c.issues)]).toEqual([]);
  });
});

describe('notebook format: edits', () => {
  const text = readFileSync(path.join(goldenDir, 'basic.md'), 'utf8');

  it('rewrites only the edited cell and re-derives references', () => {
    const nb = parseNotebook(text);
    const next = updateCellSource(nb, cellId('top_regions'), 'SELECT * FROM whale_curve WHERE x < $margin\n');
    const out = serializeNotebook(next);
    expect(out).toBe(text.replace(/SELECT region[\s\S]*?DESC\n/, 'SELECT * FROM whale_curve WHERE x < $margin\n'));
    const cell = next.cells.find((c) => c.id === 'top_regions')!;
    expect(cell.references).toEqual([
      { name: 'margin', via: 'param' },
      { name: 'whale', member: 'curve', via: 'table' },
    ]);
  });

  it('writes changed front matter as YAML and keeps extra keys', () => {
    const nb = parseNotebook(text);
    nb.frontMatter.title = 'New title';
    const out = serializeNotebook(nb);
    expect(
      out.startsWith(
        '---\ntitle: New title\ndescription: One line.\nlanguage: en\ndataset: sample\nauthor: Workbench team\ntags:\n',
      ),
    ).toBe(true);
    expect(parseNotebook(out).frontMatter.extra).toEqual({ author: 'Workbench team', tags: ['profit', 'whale'] });
  });

  it('reads the tables a notebook requires, rejects names outside the data model, and writes them back', () => {
    const nb = parseNotebook('---\ntitle: T\nrequires: [customers, surveys, customers]\n---\nHi\n');
    expect(nb.frontMatter.requires).toEqual(['customers', 'surveys']);
    expect(nb.frontMatter.extra).toEqual({});
    expect(parseNotebook('---\ntitle: T\nrequires: orders\n---\n').issues).toEqual([
      'front matter: requires lists tables of the data model (transactions, customers, service_costs, surveys) or their columns as table.column; "orders" is neither',
    ]);
    nb.frontMatter.title = 'U';
    expect(serializeNotebook(nb)).toContain('requires:\n  - customers\n  - surveys\n');
    expect(parseNotebook(serializeNotebook(nb)).frontMatter.requires).toEqual(['customers', 'surveys']);
  });

  it('writes a new cell with a fence longer than any backtick run in its body', () => {
    const nb = parseNotebook('Intro\n');
    nb.cells.push({
      ...nb.cells[0]!,
      kind: 'sql',
      id: cellId('q'),
      name: 'q',
      source: "SELECT '```' AS s",
      layout: { gap: '\n' },
    } as never);
    expect(serializeNotebook(nb)).toBe("Intro\n\n```sql q\nSELECT '```' AS s\n```");
  });
});

describe('notebook format: specific validation messages', () => {
  const issues = (md: string) => parseNotebook(md).cells.flatMap((c) => c.issues);
  it.each([
    [
      '```input margin\ntype: slidr\n```\n',
      'input margin: unknown type "slidr" (expected one of slider, range, number, select, toggle, text, date)',
    ],
    ['```input m\ntype: slider\nmin: 0\nmax: 1\nvalue: 2\n```\n', 'input m: value 2 is outside [0, 1]'],
    ['```input m\ntype: select\n```\n', 'input m: a select needs options (a list) or options_from (sql_cell.column)'],
    [
      '```input m\ntype: select\noptions_from: nope\n```\n',
      'input m: options_from must be "sql_cell.column", got "nope"',
    ],
    ['```input m\ntype: toggle\nvalue: 1\n```\n', 'input m: value must be true or false, got 1'],
    [
      '```input m\ntype: range\nmin: 0\nmax: 10\nvalue: [8, 2]\n```\n',
      'input m: value [8, 2] must be [from, to] with from ≤ to',
    ],
    ['```sql\nSELECT 1\n```\n', 'sql on line 1: missing name (write `sql <name>`)'],
    ['```sql 1x\nSELECT 1\n```\n', 'sql 1x: invalid name "1x" (use letters, digits and _; start with a letter)'],
    [
      '```chart\ndata: t\nmarks: []\n```\n',
      'chart on line 1: marks must be a non-empty list, e.g. - { type: barY, x: region, y: customers }',
    ],
    ['```analysis a\noptions: {}\n```\n', 'analysis a: missing analysis: <id> (e.g. analysis: whale-curve)'],
    [
      '```input m\ntype: [\n```\n',
      'input m: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] at line 2, column 1',
    ],
  ])('%j → %s', (md, message) => {
    expect(issues(md)).toContain(message);
  });
});

describe('serializing edited cells', () => {
  it('keeps the closing fence on its own line when an edited body lacks a final line break', () => {
    const nb = parseNotebook('```sql a\nSELECT 1\n```\n\n```sql b\nSELECT 2\n```\n');
    const edited = updateCellSource(nb, nb.cells[0]!.id, 'SELECT 42');
    expect(serializeNotebook(edited)).toBe('```sql a\nSELECT 42\n```\n\n```sql b\nSELECT 2\n```\n');
    expect(edited.cells.map((c) => c.name)).toEqual(['a', 'b']);
  });
});
