/**
 * Writes a `ColumnarTable` (an analysis result) into a temp table inside the engine, so notebook
 * SQL can query it without the result crossing to the main thread and back. One Arrow IPC batch
 * into a staging table, then a typed `CREATE TEMP TABLE … AS`: a few milliseconds for a
 * thousand-row curve, where bound INSERTs sent through the worker boundary took a round trip per
 * 200 rows. (IPC bytes rather than an Arrow `Table`: the bindings carry their own copy of
 * apache-arrow in Node, and a `Table` from ours inserts nothing there.)
 */
import {
  Bool,
  DateMillisecond,
  Float64,
  Table,
  Utf8,
  makeVector,
  tableToIPC,
  vectorFromArray,
  type Vector,
} from 'apache-arrow';
import { storageType } from '../sql/column-type.ts';
import { quoteIdent } from '../sql/quote.ts';
import type { Database } from './database.ts';
import type { Cell, ColumnarTable } from './types.ts';

let nextStage = 0;

function toVector(values: Cell[], type: string): Vector {
  switch (type) {
    case 'DOUBLE':
    case 'BIGINT':
    case 'INTEGER':
      return vectorFromArray(
        values.map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : null)),
        new Float64(),
      );
    case 'BOOLEAN':
      return vectorFromArray(
        values.map((v) => (typeof v === 'boolean' ? v : null)),
        new Bool(),
      );
    case 'DATE':
    case 'TIMESTAMP':
      return vectorFromArray(
        values.map((v) => (v instanceof Date ? v : null)),
        new DateMillisecond(),
      );
    default:
      return vectorFromArray(
        values.map((v) =>
          v === null || v === undefined
            ? null
            : v instanceof Date
              ? v.toISOString()
              : typeof v === 'object'
                ? JSON.stringify(v)
                : String(v),
        ),
        new Utf8(),
      );
  }
}

/** Creates (or replaces) temp table `name` holding `table`, with each column's storage type. */
export async function materialise(db: Database, name: string, table: ColumnarTable): Promise<void> {
  const target = quoteIdent(name);
  if (table.columns.length === 0) {
    await db.run(`CREATE OR REPLACE TEMP TABLE ${target} (empty BOOLEAN)`);
    return;
  }
  const types = table.columns.map((c) => storageType(c.kind, c.type));
  // Positional staging names: result column names may repeat or hold any character.
  const arrays: Record<string, Vector> = {};
  table.columns.forEach((_c, i) => (arrays[`c${i}`] = toVector(table.data[i] ?? [], types[i]!)));
  const stage = `__materialise_${++nextStage}`;
  const bytes = tableToIPC(new Table(arrays), 'stream');
  await db.exclusive(() => db.conn.insertArrowFromIPCStream(bytes, { name: stage, create: true }));
  try {
    const select = table.columns.map((c, i) => `CAST(c${i} AS ${types[i]}) AS ${quoteIdent(c.name)}`).join(', ');
    await db.run(`CREATE OR REPLACE TEMP TABLE ${target} AS SELECT ${select} FROM main.${stage}`);
  } finally {
    await db.exclusive(() => db.exec(`DROP TABLE IF EXISTS main.${stage}`), true);
  }
}

let nextNumericStage = 0;

/**
 * Writes typed-array columns into a new table `main.__stage_numeric_<n>` (one Arrow IPC batch; the
 * arrays are wrapped, not converted value by value) and returns its qualified name. For results an
 * analysis keeps in the engine (`AnalysisContext.stageNumeric`); the caller drops it.
 */
export function stageNumeric(db: Database, columns: Record<string, Float64Array>): string {
  const lengths = new Set(Object.values(columns).map((c) => c.length));
  if (lengths.size > 1) throw new Error('stageNumeric: columns of different lengths');
  if (lengths.size === 0) throw new Error('stageNumeric: no columns');
  const name = `__stage_numeric_${++nextNumericStage}`;
  const vectors: Record<string, Vector> = {};
  for (const [k, v] of Object.entries(columns)) vectors[k] = makeVector(v);
  db.conn.insertArrowFromIPCStream(tableToIPC(new Table(vectors), 'stream'), { name, create: true });
  return `main.${name}`;
}
