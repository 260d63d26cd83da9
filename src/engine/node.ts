/**
 * The engine in Node: the same `createEngine` as the browser worker, over the blocking Node
 * bindings. Used by Vitest engine tests, the CLI and the benchmarks.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { canonicalTables } from '../model/schema.ts';
import type { DataFile } from './api.ts';
import { createNodeBindings } from './bindings/node.ts';
import { createEngine, type EngineOptions } from './engine.ts';

export type NodeEngine = ReturnType<typeof createEngine>;

/** Starts an engine in this Node process. */
export function createNodeEngine(options: EngineOptions = {}): NodeEngine {
  return createEngine(createNodeBindings, options);
}

/** Reads the canonical CSV files of a dataset folder (e.g. `sample-data/default`). */
export async function readCanonicalFolder(dir: string): Promise<DataFile[]> {
  const files: DataFile[] = [];
  for (const t of canonicalTables) {
    const fileName = path.join(dir, `${t.name}.csv`);
    try {
      files.push({ table: t.name, fileName: path.basename(fileName), bytes: new Uint8Array(await readFile(fileName)) });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  return files;
}

/** The folder of the committed default sample dataset. */
export const sampleFolder = path.resolve(import.meta.dirname, '../../sample-data/default');

/** An engine with the built-in sample data loaded. */
export async function createSampleEngine(options: EngineOptions = {}): Promise<NodeEngine> {
  const engine = createNodeEngine(options);
  await engine.loadCanonicalCsv('sample', await readCanonicalFolder(sampleFolder));
  return engine;
}
