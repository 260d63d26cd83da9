// The one SQL quoting and literal policy (src/sql/): names and constants become SQL text that DuckDB
// reads back as exactly the same string, whatever characters they hold; the few option values a
// builder inlines pass a validation first; and no other module escapes quotes for SQL itself.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sqlDate, sqlIdent, sqlInteger, sqlLabel, sqlNumber } from '../../src/sql/literals.ts';
import { quoteIdent, quoteLiteral } from '../../src/sql/quote.ts';

describe('quoteIdent', () => {
  it.each([
    ['customers', '"customers"'],
    ['Total Charges', '"Total Charges"'],
    ['my "odd" table', '"my ""odd"" table"'],
    ['x"; DROP TABLE t; --', '"x""; DROP TABLE t; --"'],
    ['客户', '"客户"'],
    ['', '""'],
  ])('%s → %s', (name, sql) => {
    expect(quoteIdent(name)).toBe(sql);
  });
});

describe('quoteLiteral', () => {
  it.each([
    ['%Y-%m-%d', "'%Y-%m-%d'"],
    ["O'Brien", "'O''Brien'"],
    ["2GB'; SET x = 1; --", "'2GB''; SET x = 1; --'"],
  ])('%s → %s', (value, sql) => {
    expect(quoteLiteral(value)).toBe(sql);
  });
});

describe('validated literals', () => {
  it('write the value as a literal DuckDB reads back', () => {
    expect(sqlNumber(0.35)).toBe('CAST(0.35 AS DOUBLE)');
    expect(sqlInteger(25)).toBe('25');
    expect(sqlDate('2024-01-31')).toBe("DATE '2024-01-31'");
    expect(sqlLabel('support_call')).toBe("'support_call'");
    expect(sqlIdent('region')).toBe('"region"');
  });

  it.each([
    [() => sqlNumber(Number.NaN, 'margin'), /invalid margin: NaN/],
    [() => sqlInteger(-1, 'top_n'), /invalid top_n: -1/],
    [() => sqlInteger(2.5), /invalid integer/],
    [() => sqlDate("2024-01-01' OR 1=1 --"), /invalid date/],
    [() => sqlLabel("x'; DROP TABLE t; --"), /invalid label/],
    [() => sqlIdent('a"b', 'group_by column'), /invalid group_by column/],
  ])('refuse anything else (%#)', (fn, message) => expect(fn).toThrow(message));
});

describe('one policy', () => {
  /** Every .ts and .svelte file under `dir`. */
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(path.join(dir, e.name)) : /\.(ts|svelte)$/.test(e.name) ? [path.join(dir, e.name)] : [],
    );
  const src = path.resolve(import.meta.dirname, '../../src');
  // Doubling a quote by hand is what quoteIdent and quoteLiteral are for. CSV fields quote the same
  // way, but that is CSV, not SQL.
  const ownEscaping = /replace(All)?\(\/['"]\/g|replaceAll\(["']['"]["']/;
  const allowed = new Set([path.join('sql', 'quote.ts'), path.join('engine', 'csv-field.ts')]);

  it('no module outside src/sql quotes SQL names or strings itself', () => {
    const offenders = files(src)
      .map((f) => path.relative(src, f))
      .filter((f) => !allowed.has(f) && ownEscaping.test(readFileSync(path.join(src, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
