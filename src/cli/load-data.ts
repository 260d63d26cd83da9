import type { FolderReport } from '../engine/import/index.ts';
import { importFolder } from '../engine/import/index.ts';
import { nodeFolder } from '../engine/import/node-folder.ts';
import { createNodeEngine, createSampleEngine, type NodeEngine } from '../engine/node.ts';

/** What loading a data folder did, for the CLI to print. */
export interface LoadedData {
  engine: NodeEngine;
  /** Tables created, by name. */
  tables: string[];
  /** Files read but left off the canonical tables (not mapped, table already taken), with why. */
  skipped: string[];
  /** Files that could not be imported (unreadable, empty, ragged…): `<file>: <why>`, the run fails. */
  failed: string[];
  /** The folder import's full report (row accounting per file), when a folder was given. */
  report?: FolderReport;
}

/**
 * Starts an engine with the notebook's data: the built-in sample without a folder; with a folder,
 * the same import pipeline the app uses (`importFolder`): every data file (CSV/TSV/TXT, XLSX,
 * Parquet, JSON/NDJSON, optionally gzipped; any encoding) becomes a table named after its stem and
 * is mapped onto the canonical tables automatically or as its `mapping.yaml` says (docs/import.md).
 */
export async function loadData(dir?: string, options: { engine?: NodeEngine } = {}): Promise<LoadedData> {
  if (!dir) {
    const engine = await createSampleEngine();
    return { engine, tables: (await engine.listTables()).map((t) => t.name), skipped: [], failed: [] };
  }
  // Reusing an engine replaces the tables of the same names and keeps the others.
  const engine = options.engine ?? createNodeEngine();
  const report = await importFolder(await engine.database(), nodeFolder(dir));
  // The folder import writes through the database directly: the engine must re-read its data
  // (profile, customer-base summary) before the notebook's analyses run.
  await engine.dataChanged();
  if (report.tables.length === 0 && report.failed.length === 0)
    throw new Error(`${dir}: no data files found (csv, tsv, txt, xlsx, parquet, json, ndjson)`);
  const skipped = report.skipped.map((s) => fileLine(s.file, s.reason));
  const failed = report.failed.map((f) => fileLine(f.file, f.error.message));
  const tables = [...report.tables.map((t) => t.table), ...report.imports.map((i) => i.table)];
  return { engine, tables: [...new Set(tables)], skipped, failed, report };
}

/** `<file>: <message>`, naming the file once: import errors already start with it (`importError`). */
export function fileLine(file: string, message: string): string {
  return message.startsWith(file) ? message : `${file}: ${message}`;
}
