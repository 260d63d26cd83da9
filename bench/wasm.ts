/**
 * The WASM side: our engine exactly as the browser worker runs it (`createEngine` over the
 * blocking DuckDB-WASM bindings), timed end to end and per recorded statement.
 */
import type { DataFile } from '../src/engine/api.ts';
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
        // Replaying needs the files registered under the names the load used ('input/<table>.csv').
        for (const f of files) db.bindings.registerFileBuffer(`input/${f.table}.csv`, f.bytes);
        try {
          return { endToEnd, sqlOnly: await timeRuns(() => replayOnWasm(db, queries), repeat, 0), queries };
        } finally {
          for (const f of files) db.bindings.dropFile(`input/${f.table}.csv`);
        }
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
