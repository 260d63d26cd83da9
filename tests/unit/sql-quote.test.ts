// The one SQL quoting helper: names and constants become SQL text that DuckDB reads back as exactly
// the same string, whatever characters they hold.
import { describe, expect, it } from 'vitest';
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
