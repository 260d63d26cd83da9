import type { Database } from './database.ts';

/**
 * Splits a script into statements with DuckDB's own tokenizer, so semicolons inside strings,
 * quoted identifiers and comments never split a statement.
 */
export function splitStatements(db: Database, sql: string): string[] {
  const tokens = db.bindings.tokenize(sql);
  const cuts: number[] = [];
  for (let i = 0; i < tokens.offsets.length; i++) {
    const at = tokens.offsets[i]!;
    if (sql[at] === ';') cuts.push(at);
  }
  const out: string[] = [];
  let start = 0;
  for (const cut of [...cuts, sql.length]) {
    const text = sql.slice(start, cut).trim();
    if (text && !isOnlyComments(text)) out.push(text);
    start = cut + 1;
  }
  return out;
}

function isOnlyComments(text: string): boolean {
  return (
    text
      .replace(/--[^\n]*/g, '')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .trim() === ''
  );
}

/** True for statements that produce a row set we can materialise with `CREATE TABLE … AS`. */
export function returnsRows(statement: string): boolean {
  const head = statement.replace(/^(\s|--[^\n]*\n?|\/\*[\s\S]*?\*\/)+/, '');
  return /^(select|with|from|values|table|\()/i.test(head);
}
