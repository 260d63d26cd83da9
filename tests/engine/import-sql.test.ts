import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/engine/database.ts';
import { importFile } from '../../src/engine/import/index.ts';
import { dateExpr, numberExpr } from '../../src/engine/import/sql-expressions.ts';
import type { DateFormat, NumberFormat } from '../../src/engine/import/value-formats.ts';
import { parseNumber } from '../../src/engine/import/value-formats.ts';
import { createNodeEngine } from '../../src/engine/node.ts';

// The SQL parsers run against a real DuckDB; values are bound as parameters, never spliced.
let db: Database;
beforeAll(async () => {
  db = await createNodeEngine().database();
});
const evalSql = (expr: string, value: string | null) =>
  db.querySync(`SELECT ${expr} AS v FROM (SELECT CAST($1 AS VARCHAR) AS x)`, [value]).data[0]![0];

const us: NumberFormat = { decimal: '.', thousands: ',', currency: null };
const eu: NumberFormat = { decimal: ',', thousands: '.', currency: null };

describe('numberExpr', () => {
  it.each([
    ['1,234.50', us, 1234.5],
    ['  42 ', us, 42],
    ['-3.5', us, -3.5],
    ['(12.50)', us, -12.5],
    ['¥1,234.50', us, 1234.5],
    ['￥88.00', us, 88],
    ['NT$-30.00', us, -30],
    ['HK$1,000', us, 1000],
    ['1.234,50 €', eu, 1234.5],
    ['12,5', { decimal: ',', thousands: '', currency: null }, 12.5],
    ["1'234.5", { decimal: '.', thousands: "'", currency: null }, 1234.5],
    ['1 234,5', { decimal: ',', thousands: ' ', currency: null }, 1234.5],
    ['ten', us, null],
    ['', us, null],
    [null, us, null],
  ] as const)('%j with %j → %s (same as the preview parser)', (value, format, expected) => {
    expect(evalSql(numberExpr('x', format), value)).toBe(expected);
    if (value) expect(parseNumber(value, format)).toBe(expected);
  });
});

describe('dateExpr', () => {
  const f = (pattern: string): DateFormat => ({ patterns: [pattern], ambiguous: false, hasTime: false });
  it.each([
    ['2024-01-05', f('%Y-%m-%d'), '2024-01-05'],
    ['2010-12-01 08:26:00', f('%Y-%m-%d'), '2010-12-01'],
    ['19970101', f('%Y%m%d'), '1997-01-01'],
    ['25/12/2024', f('%d/%m/%Y'), '2024-12-25'],
    ['12/25/2024 17:05', f('%m/%d/%Y'), '2024-12-25'],
    ['2024/1/5', f('%Y/%m/%d'), '2024-01-05'],
    ['2024年1月5日', f('%Y年%m月%d日'), '2024-01-05'],
    ['2024-02-30', f('%Y-%m-%d'), null],
    ['not a date', f('%d/%m/%Y'), null],
    ['', f('%Y-%m-%d'), null],
  ])('%j with %s → %s', (value, format, expected) => {
    const v = evalSql(dateExpr('x', format), value);
    expect(v === null ? null : (v as Date).toISOString().slice(0, 10)).toBe(expected);
  });
});

describe('the duplicates warning counts only rows that were imported (it says they were kept)', () => {
  const csv = (lines: string[]) => ({
    name: 'dup.csv',
    data: new TextEncoder().encode(['customer_id,date,revenue', ...lines].join('\n') + '\n'),
  });
  const mapping = {
    table: 'transactions' as const,
    columns: { customer_id: { source: 'customer_id' }, date: { source: 'date' }, revenue: { source: 'revenue' } },
    extras: [],
  };
  it.each<[string, string[], number, number | undefined]>([
    // case, data rows, rows rejected, duplicates reported
    ['a kept pair', ['a,2024-01-01,1', 'a,2024-01-01,1', 'b,2024-01-02,2'], 0, 1],
    [
      'a rejected pair (no customer id) is not counted',
      [',2024-01-02,2', ',2024-01-02,2', 'a,2024-01-01,1'],
      2,
      undefined,
    ],
    [
      'a kept pair beside a rejected pair',
      ['a,2024-01-01,1', 'a,2024-01-01,1', ',2024-01-02,2', ',2024-01-02,2'],
      2,
      1,
    ],
    [
      'a kept row repeated by a rejected one (bad date)',
      ['a,2024-01-01,1', 'a,2024-13-45,1', 'a,2024-13-45,1'],
      2,
      undefined,
    ],
  ])('%s', async (_name, lines, rejected, duplicates) => {
    const r = await importFile(db, csv(lines), { mapping });
    expect(r.rejected).toBe(rejected);
    expect(r.warnings.find((w) => w.code === 'duplicates')?.count).toBe(duplicates);
  });
});

describe('day-first or month-first, settled over the whole column', () => {
  const dayFirst: DateFormat = { patterns: ['%d/%m/%Y'], ambiguous: true, hasTime: false };
  const csv = (lines: string[]) => ({
    name: 'd.csv',
    data: new TextEncoder().encode(['customer_id,date,revenue', ...lines].join('\n') + '\n'),
  });
  const mapping = {
    table: 'transactions' as const,
    columns: {
      customer_id: { source: 'customer_id' },
      date: { source: 'date', date: dayFirst },
      revenue: { source: 'revenue' },
    },
    extras: [],
  };

  it('switches to month-first when a later value has a second part above 12', async () => {
    const r = await importFile(db, csv(['a,01/02/2024,1', 'b,03/04/2024,2', 'c,12/25/2024,3']), { mapping });
    expect([r.imported, r.rejected]).toEqual([3, 0]);
    expect(db.querySync("SELECT strftime(date, '%Y-%m-%d') FROM transactions").data[0]).toEqual([
      '2024-01-02',
      '2024-03-04',
      '2024-12-25',
    ]);
  });

  it('keeps the chosen reading and warns when no value decides', async () => {
    const r = await importFile(db, csv(['a,01/02/2024,1', 'b,03/04/2024,2']), { mapping });
    expect(db.querySync("SELECT strftime(date, '%Y-%m-%d') FROM transactions").data[0]).toEqual([
      '2024-02-01',
      '2024-04-03',
    ]);
    expect(r.warnings.find((w) => w.code === 'ambiguous_dates')?.message).toMatch(
      /fits both day-first and month-first; read as day\/month\/year/,
    );
  });
});
