/**
 * A small SQL scanner that knows DuckDB's quoting rules well enough to find `$name` parameters and
 * identifiers *outside* strings, comments and quoted identifiers. Pure, so the format and the
 * runtime can use it without an engine; the rewrite it enables (`$name` → `$1…$n`) is what keeps
 * parameter values out of SQL text.
 *
 * Lexical rules follow PostgreSQL's scanner, which DuckDB's parser derives from:
 * `'…'` (with `''`), `E'…'` (with backslash escapes), `"…"` (with `""`), `$tag$…$tag$`,
 * `-- …` to end of line and nested `/* … *\/` comments.
 */

/** One lexical piece of SQL. `start`/`end` are offsets into the text. */
export interface SqlToken {
  type: 'word' | 'quoted' | 'string' | 'comment' | 'param' | 'positional' | 'semicolon' | 'space' | 'other';
  start: number;
  end: number;
  /** For `word`/`quoted`: the identifier; for `param`: the parameter name. */
  value?: string;
  /** For `param`: `from`/`to` in `$range.from`. */
  member?: string;
}

const identStart = /[A-Za-z_\u0080-\uffff]/;
const identPart = /[A-Za-z0-9_$\u0080-\uffff]/;

/** Splits SQL into tokens. Unterminated strings/comments run to the end (DuckDB reports the error). */
export function scanSql(sql: string): SqlToken[] {
  const out: SqlToken[] = [];
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i]!;
    const start = i;
    if (/\s/.test(c)) {
      while (i < n && /\s/.test(sql[i]!)) i++;
      out.push({ type: 'space', start, end: i });
    } else if (c === '-' && sql[i + 1] === '-') {
      while (i < n && sql[i] !== '\n') i++;
      out.push({ type: 'comment', start, end: i });
    } else if (c === '/' && sql[i + 1] === '*') {
      let depth = 0;
      while (i < n) {
        if (sql[i] === '/' && sql[i + 1] === '*') {
          depth++;
          i += 2;
        } else if (sql[i] === '*' && sql[i + 1] === '/') {
          depth--;
          i += 2;
          if (depth === 0) break;
        } else i++;
      }
      out.push({ type: 'comment', start, end: i });
    } else if (c === "'" || ((c === 'E' || c === 'e') && sql[i + 1] === "'" && !precededByIdent(sql, i))) {
      const backslash = c !== "'";
      i += backslash ? 2 : 1;
      while (i < n) {
        if (backslash && sql[i] === '\\') {
          i += 2;
          continue;
        }
        if (sql[i] === "'") {
          if (sql[i + 1] === "'") {
            i += 2;
            continue;
          }
          i++;
          break;
        }
        i++;
      }
      out.push({ type: 'string', start, end: i });
    } else if (c === '"') {
      i++;
      let value = '';
      while (i < n) {
        if (sql[i] === '"') {
          if (sql[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += sql[i];
        i++;
      }
      out.push({ type: 'quoted', start, end: i, value });
    } else if (c === '$') {
      const tag = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(sql.slice(i));
      const named = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)(?:\.(from|to)\b)?/.exec(sql.slice(i));
      const digits = /^\$(\d+)/.exec(sql.slice(i));
      if (tag) {
        const close = sql.indexOf(tag[0], i + tag[0].length);
        i = close < 0 ? n : close + tag[0].length;
        out.push({ type: 'string', start, end: i });
      } else if (named) {
        i += named[0].length;
        out.push({ type: 'param', start, end: i, value: named[1]!, ...(named[2] ? { member: named[2] } : {}) });
      } else if (digits) {
        i += digits[0].length;
        out.push({ type: 'positional', start, end: i, value: digits[1]! });
      } else {
        i++;
        out.push({ type: 'other', start, end: i });
      }
    } else if (identStart.test(c)) {
      while (i < n && identPart.test(sql[i]!)) i++;
      out.push({ type: 'word', start, end: i, value: sql.slice(start, i) });
    } else if (c === ';') {
      i++;
      out.push({ type: 'semicolon', start, end: i });
    } else {
      i++;
      out.push({ type: 'other', start, end: i });
    }
  }
  return out;
}

function precededByIdent(sql: string, i: number): boolean {
  return i > 0 && identPart.test(sql[i - 1]!);
}

/** A `$name` (or `$name.from`/`$name.to`) parameter as written in SQL. */
export interface SqlParamRef {
  name: string;
  member?: string;
}

/** The distinct `$name` parameters of a query, in order of first use. */
export function sqlParameters(sql: string): SqlParamRef[] {
  const seen = new Set<string>();
  const out: SqlParamRef[] = [];
  for (const t of scanSql(sql)) {
    if (t.type !== 'param') continue;
    const key = t.member ? `${t.value}.${t.member}` : t.value!;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ name: t.value!, ...(t.member ? { member: t.member } : {}) });
  }
  return out;
}

/** Identifiers (bare or double-quoted) outside strings and comments, deduplicated, as written. */
export function sqlIdentifiers(sql: string): string[] {
  const out = new Set<string>();
  for (const t of scanSql(sql)) if (t.type === 'word' || t.type === 'quoted') out.add(t.value!);
  return [...out];
}

/**
 * Rewrites `$name` parameters to positional `$1…$n` (one position per distinct name/member) and
 * returns the values in position order, looked up with `valueOf`. Values are never put in the text.
 * Throws when the query uses positional parameters itself (they could not be bound by name).
 */
export function bindSqlParameters<V>(sql: string, valueOf: (ref: SqlParamRef) => V): { sql: string; params: V[] } {
  const positions = new Map<string, number>();
  const params: V[] = [];
  let text = '';
  let last = 0;
  for (const t of scanSql(sql)) {
    if (t.type === 'positional')
      throw new Error(`positional parameter $${t.value} is not allowed in a notebook; use $name with an input's name`);
    if (t.type !== 'param') continue;
    const key = t.member ? `${t.value}.${t.member}` : t.value!;
    let pos = positions.get(key);
    if (pos === undefined) {
      params.push(valueOf({ name: t.value!, ...(t.member ? { member: t.member } : {}) }));
      pos = params.length;
      positions.set(key, pos);
    }
    text += sql.slice(last, t.start) + `$${pos}`;
    last = t.end;
  }
  return { sql: text + sql.slice(last), params };
}

/**
 * Checks that the text is one query and returns it without a trailing semicolon.
 * Throws with a plain message when it holds more than one statement or is not a query.
 */
export function singleQuery(sql: string): string {
  const tokens = scanSql(sql);
  const meaningful = tokens.filter((t) => t.type !== 'space' && t.type !== 'comment');
  if (meaningful.length === 0) throw new Error('the cell is empty: write a query, e.g. SELECT * FROM transactions');
  const semi = meaningful.findIndex((t) => t.type === 'semicolon');
  if (semi >= 0 && meaningful.slice(semi + 1).some((t) => t.type !== 'semicolon')) {
    throw new Error('a sql cell holds one query; split the statements into separate cells');
  }
  const first = meaningful[0]!;
  const keyword = first.type === 'word' ? first.value!.toLowerCase() : sql.slice(first.start, first.end);
  if (
    !['select', 'with', 'from', 'values', 'table', '(', 'pivot', 'unpivot', 'summarize', 'describe', 'show'].includes(
      keyword,
    )
  ) {
    throw new Error(`a sql cell must be a query (SELECT, WITH, FROM…), not ${keyword.toUpperCase()}`);
  }
  const end = semi >= 0 ? meaningful[semi]!.start : sql.length;
  return sql.slice(0, end).replace(/\s+$/, '');
}
