import { describe, expect, it } from 'vitest';
import { bindSqlParameters, singleQuery, sqlIdentifiers, sqlParameters } from '../../src/notebook/format/index.ts';

const values: Record<string, number | string> = { a: 1, b: 'two', r_from: 10, r_to: 20 };
const bind = (sql: string) =>
  bindSqlParameters(sql, (p) => values[p.member ? `${p.name}_${p.member}` : p.name] ?? null);

describe('binding $name parameters outside strings, comments and quoted identifiers', () => {
  it.each([
    ['SELECT $a', 'SELECT $1', [1]],
    ['SELECT $a, $b, $a', 'SELECT $1, $2, $1', [1, 'two']],
    ["SELECT '$a', $b", "SELECT '$a', $1", ['two']],
    ["SELECT 'it''s $a', $b", "SELECT 'it''s $a', $1", ['two']],
    ["SELECT E'\\' $a', $b", "SELECT E'\\' $a', $1", ['two']],
    ['SELECT "$a" FROM t WHERE x = $b', 'SELECT "$a" FROM t WHERE x = $1', ['two']],
    ['SELECT 1 -- $a\n, $b', 'SELECT 1 -- $a\n, $1', ['two']],
    ['SELECT /* $a /* nested $a */ $a */ $b', 'SELECT /* $a /* nested $a */ $a */ $1', ['two']],
    ['SELECT $$ $a $$, $tag$ $a $tag$, $b', 'SELECT $$ $a $$, $tag$ $a $tag$, $1', ['two']],
    ['SELECT x$a FROM t', 'SELECT x$a FROM t', []],
    ['SELECT * FROM t WHERE v BETWEEN $r.from AND $r.to', 'SELECT * FROM t WHERE v BETWEEN $1 AND $2', [10, 20]],
    ["SELECT $b -- '\nFROM t WHERE s = ';'", "SELECT $1 -- '\nFROM t WHERE s = ';'", ['two']],
  ])('%j → %j', (sql, expected, params) => {
    expect(bind(sql)).toEqual({ sql: expected, params });
  });

  it('refuses positional parameters', () => {
    expect(() => bind('SELECT $1')).toThrow(
      "positional parameter $1 is not allowed in a notebook; use $name with an input's name",
    );
  });

  it('lists parameters and identifiers found outside literals', () => {
    expect(sqlParameters("SELECT $a, '$b', $r.to -- $c")).toEqual([{ name: 'a' }, { name: 'r', member: 'to' }]);
    expect(sqlIdentifiers('SELECT "My Col", x FROM top_regions /* other */ WHERE y = \'z\'')).toEqual([
      'SELECT',
      'My Col',
      'x',
      'FROM',
      'top_regions',
      'WHERE',
      'y',
    ]);
  });
});

describe('one query per sql cell', () => {
  it.each([
    ['SELECT 1;', 'SELECT 1'],
    ['SELECT 1; -- done\n', 'SELECT 1'],
    ["SELECT ';' AS s", "SELECT ';' AS s"],
    ['WITH t AS (SELECT 1) SELECT * FROM t', 'WITH t AS (SELECT 1) SELECT * FROM t'],
    ['-- intro\nFROM customers', '-- intro\nFROM customers'],
  ])('%j → %j', (sql, expected) => expect(singleQuery(sql)).toBe(expected));

  it.each([
    ['SELECT 1; SELECT 2', 'a sql cell holds one query; split the statements into separate cells'],
    ['DROP TABLE transactions', 'a sql cell must be a query (SELECT, WITH, FROM…), not DROP'],
    ['  -- nothing\n', 'the cell is empty: write a query, e.g. SELECT * FROM transactions'],
  ])('%j → %s', (sql, message) => expect(() => singleQuery(sql)).toThrow(message));
});
