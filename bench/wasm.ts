/**
 * The WASM side: our engine exactly as the browser worker runs it (`createEngine` over the
 * blocking DuckDB-WASM bindings), timed end to end and per recorded statement.
 */
import type { DataFile } from '../src/engine/api.ts';
import type { Database } from '../src/engine/database.ts';
import { canonicalCsvPath, canonicalCsvPattern } from '../src/engine/load-csv.ts';
import { createNodeEngine, readCanonicalFolder, type NodeEngine } from '../src/engine/node.ts';
import type { BenchCase } from './cases.ts';
import type { BenchDataset } from './dataset.ts';
import { recordQueries, replayOnWasm, type RecordedQuery } from './recorded.ts';
import { timeRuns, type Timing } from './stats.ts';

/** WASM timings of one case and the statements it issued. */
export interface WasmCaseResult {
  /** The app-level call: `loadCanonicalCsv` / `runAnalysis` / `query`. */
  endToEnd: Timing;
  /** Sum of the recorded statements replayed one by one: what native DuckDB is compared on. */
  sqlOnly: Timing;
  queries: RecordedQuery[];
}

/** The four canonical CSV files as bytes, as the app would hand them to the engine. */
export function readDataset(dataset: BenchDataset): Promise<DataFile[]> {
  return readCanonicalFolder(dataset.dir);
}

/**
 * Replays a recorded CSV load. Like the load itself, each file is registered (copied into the
 * wasm heap) just before its statements and dropped after them, so at most one file's bytes sit
 * in the 4 GB heap at a time; the copy is inside the timing, as it is in the real load.
 */
async function replayLoad(db: Database, queries: readonly RecordedQuery[], files: readonly DataFile[]): Promise<void> {
  let current: string | null = null;
  const drop = () => {
    if (current !== null) db.bindings.dropFile(current);
    current = null;
  };
  try {
    for (const q of queries) {
      const table = canonicalCsvPattern().exec(q.sql)?.[1];
      const name = table === undefined ? undefined : canonicalCsvPath(table);
      if (name && name !== current) {
        drop();
        const file = files.find((f) => f.table === table);
        if (!file) throw new Error(`replayLoad: no file for ${name}`);
        db.bindings.registerFileBuffer(name, file.bytes);
        current = name;
      }
      await replayOnWasm(db, [q]);
    }
  } finally {
    drop();
  }
}

/** A started WASM engine. */
export interface WasmBench {
  engine: NodeEngine;
  version: string;
  run(c: BenchCase, repeat: number): Promise<WasmCaseResult>;
}

/** Starts the engine; `files` are the CSV bytes, read once outside any timing. */
export async function startWasm(files: readonly DataFile[]): Promise<WasmBench> {
  const engine = createNodeEngine();
  const db = await engine.database();
  const version = (await engine.status()).duckdbVersion;

  const run = async (c: BenchCase, repeat: number): Promise<WasmCaseResult> => {
    switch (c.kind) {
      case 'load': {
        const call = () => engine.loadCanonicalCsv('bench', [...files]);
        // The recorded first load doubles as the warm-up.
        const { queries } = await recordQueries(db, ['querySync', 'exec'], call);
        const endToEnd = await timeRuns(call, repeat, 0);
        return { endToEnd, sqlOnly: await timeRuns(() => replayLoad(db, queries, files), repeat, 0), queries };
      }
      case 'analysis': {
        const call = () => engine.runAnalysis(c.analysis, c.options);
        const { queries } = await recordQueries(db, ['query'], call);
        const endToEnd = await timeRuns(call, repeat, 0);
        return { endToEnd, sqlOnly: await timeRuns(() => replayOnWasm(db, queries), repeat, 1), queries };
      }
      case 'sql': {
        db.exec(c.setup);
        const call = () => engine.query(c.sql);
        const { queries } = await recordQueries(db, ['query'], call);
        const endToEnd = await timeRuns(call, repeat, 0);
        return { endToEnd, sqlOnly: await timeRuns(() => replayOnWasm(db, queries), repeat, 0), queries };
      }
    }
  };
  return { engine, version, run };
}
