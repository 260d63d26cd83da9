// Every CSV the app writes follows one rule (src/engine/csv-field.ts): RFC 4180 quoting and no
// cell a spreadsheet would run as a formula, while numbers stay numbers.
import { describe, expect, it } from 'vitest';
import { csvField, csvLine, neutraliseFormula } from '../../src/engine/csv-field.ts';
import { neutraliseCsv, parseCsv } from '../../src/engine/csv-rewrite.ts';
import { rejectsToCsv } from '../../src/engine/import/report.ts';
import type { ColumnarTable } from '../../src/engine/types.ts';
import { tableToCsv } from '../../src/ui/notebook/csv.ts';
import { formulaCells, harmlessCells } from '../fixtures/formula-cells.ts';

/** A one-column table of `values`. */
const table = (values: unknown[]): ColumnarTable =>
  ({
    columns: [{ name: 'value', type: 'VARCHAR' }],
    rowCount: values.length,
    data: [values],
  }) as unknown as ColumnarTable;
/** The cells of CSV text, read back as a spreadsheet would see them. */
const cells = (csv: string) =>
  parseCsv(csv)
    .slice(1)
    .map((r) => r[0] ?? '');

describe('neutraliseFormula', () => {
  it.each(formulaCells.map((c) => [JSON.stringify(c), c]))('prefixes %s', (_name, cell) => {
    expect(neutraliseFormula(cell)).toBe(`'${cell}`);
  });

  it.each(harmlessCells.filter((c) => typeof c === 'string').map((c) => [JSON.stringify(c), c]))(
    'leaves %s alone',
    (_name, cell) => {
      expect(neutraliseFormula(cell)).toBe(cell);
    },
  );

  it('is idempotent: a neutralised cell is not prefixed twice', () => {
    for (const cell of formulaCells) expect(neutraliseFormula(neutraliseFormula(cell))).toBe(`'${cell}`);
  });
});

describe('csvField', () => {
  it.each<[unknown, string]>([
    [-12.5, '-12.5'],
    ['-12.5', '-12.5'],
    [null, ''],
    [undefined, ''],
    [true, 'true'],
    [new Date('2024-03-01T00:00:00Z'), '2024-03-01'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=1+1', "'=1+1"],
    ['=SUM(A1,B1)', `"'=SUM(A1,B1)"`],
    ['\r=1', `"'\r=1"`],
  ])('%j → %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

describe('every writer neutralises every formula cell', () => {
  const all = [...formulaCells, ...harmlessCells];
  const expected = [...formulaCells.map((c) => `'${c}`), ...harmlessCells.map(String)];
  it.each<[string, (values: unknown[]) => string]>([
    ['analysis and result tables (tableToCsv)', (v) => tableToCsv(table(v))],
    ['rejected rows (rejectsToCsv)', (v) => rejectsToCsv(table(v))],
    [
      'saved rejected rows from DuckDB COPY (neutraliseCsv)',
      (v) =>
        neutraliseCsv(
          `value\n${v.map((x) => (typeof x === 'string' && /[",\r\n]/.test(x) ? `"${x.replace(/"/g, '""')}"` : String(x))).join('\n')}\n`,
        ),
    ],
  ])('%s', (_name, write) => {
    const out = cells(write(all));
    expect(out).toEqual(expected);
    expect(out.filter((c, i) => i < formulaCells.length && c.startsWith("'")).length).toBe(formulaCells.length);
  });
});

describe('parseCsv', () => {
  it.each<[string, (string | null)[][]]>([
    [
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'a,b\n1,\n',
      [
        ['a', 'b'],
        ['1', null],
      ],
    ],
    ['a\n""\n', [['a'], ['']]],
    ['a\n"x,""y""\r\nz"\n', [['a'], ['x,"y"\r\nz']]],
    [
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
  ])('%j', (text, expected) => {
    expect(parseCsv(text)).toEqual(expected);
  });

  it('a header line passes through unchanged', () => {
    expect(neutraliseCsv('row,column,reason,kind,value\r\n')).toBe('row,column,reason,kind,value\r\n');
    expect(csvLine(['row', 'value'])).toBe('row,value');
  });
});
