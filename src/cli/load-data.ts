import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DataFile } from '../engine/api.ts';
import { createNodeEngine, createSampleEngine, type NodeEngine } from '../engine/node.ts';
import { mappingFileName, parseDataMapping, renameCsvHeader } from './data-mapping.ts';

/** What loading a data folder did, for the CLI to print. */
export interface LoadedData {
  engine: NodeEngine;
  /** Tables created, by name. */
  tables: string[];
  /** Files that were not loaded, with why. */
  skipped: string[];
}

/**
 * Starts an engine with the notebook's data: the built-in sample without a folder, or every
 * `*.csv` in `dir` as a table named after its file stem (canonical tables get canonical types).
 * A `mapping.yaml` in the folder maps files with other names and headers onto canonical tables
 * (see `data-mapping.ts`); the files it names are not loaded a second time under their stems.
 *
 * Interim: the import pipeline (src/engine/import: xlsx/parquet/encodings and column mapping)
 * has no folder-level entry point yet; until it does, only canonical-shaped UTF-8 CSV is read.
 */
export async function loadData(dir?: string, options: { engine?: NodeEngine } = {}): Promise<LoadedData> {
  if (!dir) {
    const engine = await createSampleEngine();
    return { engine, tables: (await engine.listTables()).map((t) => t.name), skipped: [] };
  }
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile() || e.isSymbolicLink()).map((e) => e.name).sort();
  const files: DataFile[] = [];
  const skipped: string[] = [];
  const mapped = new Set<string>();
  if (entries.includes(mappingFileName)) {
    for (const m of parseDataMapping(await readFile(path.join(dir, mappingFileName), 'utf8'))) {
      const file = path.resolve(dir, m.file);
      mapped.add(path.basename(file));
      const text = renameCsvHeader(await readFile(file, 'utf8'), m.columns, m.file);
      files.push({ table: m.table, fileName: path.basename(file), bytes: new TextEncoder().encode(text) });
    }
  }
  for (const name of entries) {
    if (mapped.has(name)) continue;
    const ext = path.extname(name).toLowerCase();
    if (ext === '.csv') {
      files.push({ table: path.basename(name, path.extname(name)), fileName: name, bytes: new Uint8Array(await readFile(path.join(dir, name))) });
    } else if (['.xlsx', '.parquet', '.json', '.tsv', '.txt', '.gz'].includes(ext)) {
      skipped.push(`${name}: only .csv files are read by the command line yet; convert it to UTF-8 CSV`);
    }
  }
  if (files.length === 0) throw new Error(`${dir}: no .csv files found`);
  // Reusing an engine replaces the tables of the same names and keeps the others.
  const engine = options.engine ?? createNodeEngine();
  await engine.loadCanonicalCsv(path.basename(path.resolve(dir)), files);
  return { engine, tables: files.map((f) => f.table), skipped };
}
