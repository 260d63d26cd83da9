/**
 * Captures the exact SQL an engine call sends to DuckDB-WASM, so native DuckDB can be timed on
 * the very same statements (same builders, same options, same temp tables, same bound values)
 * instead of a hand-written copy that could drift from the analyses.
 */
import type { Database } from '../src/engine/database.ts';
import type { SqlParam } from '../src/engine/types.ts';

/** Which `Database` method issued a statement: replay on WASM goes through the same path. */
export type QueryMethod = 'query' | 'querySync' | 'exec';

/** One statement as the engine issued it. */
export interface RecordedQuery {
  method: QueryMethod;
  sql: string;
  params: SqlParam[];
  /** Rows the WASM engine returned (null for `exec`): native replay must return as many. */
  rows: number | null;
}

/**
 * Runs `fn` while the given methods of `db` are wrapped to log every statement, then restores
 * them. Only the outermost call is logged: `query` with parameters delegates to `querySync`,
 * so record either `['query']` (analyses) or `['querySync', 'exec']` (CSV load), not both.
 */
export async function recordQueries<T>(
  db: Database,
  methods: readonly QueryMethod[],
  fn: () => Promise<T>,
): Promise<{ result: T; queries: RecordedQuery[] }> {
  const queries: RecordedQuery[] = [];
  const own = db as unknown as Record<QueryMethod, (sql: string, params?: SqlParam[]) => unknown>;
  const originals = methods.map((m) => [m, own[m]] as const);
  for (const [m, original] of originals) {
    own[m] = (sql: string, params: SqlParam[] = []) => {
      const entry: RecordedQuery = { method: m, sql, params: [...params], rows: null };
      queries.push(entry);
      const out = original.call(db, sql, params);
      const count = (t: unknown) => {
        if (t && typeof t === 'object' && 'rowCount' in t) entry.rows = Number((t as { rowCount: number }).rowCount);
        return t;
      };
      return out instanceof Promise ? out.then(count) : count(out);
    };
  }
  try {
    return { result: await fn(), queries };
  } finally {
    // Deleting the own property uncovers the prototype method again.
    for (const [m] of originals) delete (own as Partial<typeof own>)[m];
  }
}

/** Replays recorded statements on WASM through the method that issued them. */
export async function replayOnWasm(db: Database, queries: readonly RecordedQuery[]): Promise<void> {
  for (const q of queries) {
    if (q.method === 'exec') db.exec(q.sql);
    else if (q.method === 'querySync') db.querySync(q.sql, q.params);
    else await db.query(q.sql, q.params);
  }
}
