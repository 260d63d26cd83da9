/**
 * The browser-worker benchmark page. Starts the app's own engine worker (src/engine/worker.ts,
 * through Comlink, as src/app/engine-client.ts does), and exposes `window.__bench` for Playwright:
 * import the files picked in `#files` through the real import API, run analyses, and time each
 * call inside the page while counting animation frames on the main thread.
 */
import * as Comlink from 'comlink';
import type { ImportProgress } from '../../src/engine/import/import-file.ts';
import { canonicalTable, type CanonicalTableName } from '../../src/model/schema.ts';
import type { WorkerApi } from '../../src/engine/worker-api.ts';
import { frameStats } from './frames.ts';
import type { AnalysisTiming, ImportTiming, MemoryFacts, TimedCall } from './types.ts';

let worker: Worker | null = null;
let api: Comlink.Remote<WorkerApi> | null = null;
/** Rejects when the worker dies (an uncaught error, e.g. the wasm heap could not grow). */
let died: Promise<never> = new Promise(() => undefined);

// Frame timestamps on the main thread; reset at the start of every timed call.
let frameTimes: number[] = [];
const tick = () => {
  frameTimes.push(performance.now());
  requestAnimationFrame(tick);
};
requestAnimationFrame(tick);

const log = (s: string) => {
  console.log(s);
  const el = document.getElementById('log');
  if (el) el.textContent += s + '\n';
};

/** The engine's errors cross as plain `{ code, message }` objects (see worker.ts). */
function describeError(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e) {
    const info = e as { code?: string; message: string };
    return info.code ? `${info.code}: ${info.message}` : String(info.message);
  }
  return String(e);
}

function remote(): Comlink.Remote<WorkerApi> {
  if (!api) throw new Error('call __bench.start() first');
  return api;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ call: TimedCall; value: T | null }> {
  frameTimes = [];
  const start = performance.now();
  let value: T | null = null;
  let error: string | null = null;
  try {
    value = await Promise.race([fn(), died]);
  } catch (e) {
    error = describeError(e);
  }
  const end = performance.now();
  return { call: { ms: end - start, error, frames: frameStats(frameTimes, start, end) }, value };
}

async function start(): Promise<{ duckdbVersion: string; userAgent: string; hardwareConcurrency: number }> {
  worker = new Worker(new URL('../../src/engine/worker.ts', import.meta.url), { type: 'module' });
  died = new Promise<never>((_resolve, reject) => {
    worker!.addEventListener('error', (e) => reject(new Error(`the engine worker died: ${e.message || 'no message'}`)));
  });
  died.catch(() => undefined);
  api = Comlink.wrap<WorkerApi>(worker);
  const status = await Promise.race([api.init(), died]);
  log(`engine ready: DuckDB ${status.duckdbVersion}`);
  return {
    duckdbVersion: status.duckdbVersion,
    userAgent: navigator.userAgent,
    hardwareConcurrency: navigator.hardwareConcurrency,
  };
}

/** The files Playwright put into `#files`. */
function pickedFiles(): File[] {
  const input = document.getElementById('files') as HTMLInputElement;
  return [...(input.files ?? [])];
}

/**
 * The user's import path: inspect each file, import it with the suggested mapping under a staging
 * name (`__import_<table>`, as the import wizard does), then commit all of them as the active data.
 */
async function importAll(): Promise<{ files: ImportTiming[]; commit: TimedCall; totalMs: number }> {
  const e = remote();
  const files: ImportTiming[] = [];
  const staged: { from: string; to: string }[] = [];
  const t0 = performance.now();
  for (const file of pickedFiles()) {
    const source = { name: file.name, data: file };
    log(`inspect ${file.name} (${file.size} bytes) …`);
    let inspected = await timed(() => e.inspectImport(source));
    const suggestedTable = inspected.value?.suggestion.mapping.table ?? null;
    // The files are named after their canonical table. When the suggestion picks another table,
    // do what a user does in the wizard: choose the table, which re-inspects with `table`.
    const stem = file.name.replace(/\.csv$/i, '') as CanonicalTableName;
    let correctedTo: CanonicalTableName | null = null;
    if (inspected.value && suggestedTable !== stem) {
      log(`  suggested ${suggestedTable} for ${file.name}; choosing ${stem} …`);
      inspected = await timed(() => e.inspectImport(source, { table: stem }));
      correctedTo = stem;
    }
    const mapping = inspected.value?.suggestion.mapping ?? null;
    const row: ImportTiming = {
      fileName: file.name,
      bytes: file.size,
      suggestedTable,
      correctedTo,
      inspect: inspected.call,
      import: { ms: 0, error: 'not run: inspect failed', frames: frameStats([], 0, 0) },
      progressEvents: 0,
      read: null,
      imported: null,
      rejected: null,
      engineMs: null,
    };
    files.push(row);
    if (!mapping) continue;
    log(`import ${file.name} → ${mapping.table} …`);
    const onProgress = Comlink.proxy((_p: ImportProgress) => void row.progressEvents++);
    const imported = await timed(() =>
      e.importFile(source, { mapping, target: `__import_${mapping.table}` }, onProgress),
    );
    row.import = imported.call;
    if (imported.value) {
      row.read = imported.value.read;
      row.imported = imported.value.imported;
      row.rejected = imported.value.rejected;
      row.engineMs = imported.value.elapsedMs;
      staged.push({ from: imported.value.table, to: imported.value.canonicalTable });
    }
    log(`  ${row.import.error ?? `${row.imported} rows in ${Math.round(row.import.ms)} ms`}`);
  }
  const committed = await timed(() => e.commitImport(staged));
  return { files, commit: committed.call, totalMs: performance.now() - t0 };
}

/**
 * The other way data reaches the worker from disk-backed `File`s: reloading a saved dataset
 * (`loadDataset`, a typed `read_csv` over each file registered as a file handle and read in slices).
 * No staging copy, so it holds files the import cannot; used when the import does not fit.
 */
async function loadSaved(): Promise<{ load: TimedCall; totalMs: number }> {
  const e = remote();
  const t0 = performance.now();
  const files = pickedFiles().map((file) => {
    const table = file.name.replace(/\.csv$/i, '') as CanonicalTableName;
    return {
      table,
      fileName: file.name,
      data: file,
      columns: canonicalTable(table).columns.map((c) => ({ name: c.name, type: c.type })),
    };
  });
  log(`loadDataset ${files.map((f) => f.fileName).join(', ')} …`);
  const { call } = await timed(() => e.loadDataset('bench', files));
  log(`  ${call.error ?? `${Math.round(call.ms)} ms`}`);
  return { load: call, totalMs: performance.now() - t0 };
}

/** Where the bench keeps the saved database file in OPFS (its own folder, not the app's datasets). */
const OPFS_DIR = 'bench';
const OPFS_FILE = 'dataset.duckdb';

/**
 * Saving a dataset as the app does: `exportDatabase` in the worker (the file crosses to the page,
 * transferred), then one `createWritable` write to OPFS, as `saveDataset` in src/app/datasets.ts.
 */
async function saveDatabase(): Promise<{ export: TimedCall; write: TimedCall; fileBytes: number }> {
  const e = remote();
  log('exportDatabase …');
  const exported = await timed(() => e.exportDatabase());
  log(`  ${exported.call.error ?? `${exported.value?.bytes.byteLength} bytes in ${Math.round(exported.call.ms)} ms`}`);
  const bytes = exported.value?.bytes ?? new Uint8Array(0);
  const written = await timed(async () => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(OPFS_DIR, { create: true });
    const w = await (await dir.getFileHandle(OPFS_FILE, { create: true })).createWritable();
    await w.write(bytes as Uint8Array<ArrayBuffer>);
    await w.close();
  });
  log(`  write to OPFS: ${written.call.error ?? `${Math.round(written.call.ms)} ms`}`);
  return { export: exported.call, write: written.call, fileBytes: bytes.byteLength };
}

/** What a reload does to the engine: the old worker ends, a fresh one starts (timed until it answers). */
async function restart(): Promise<TimedCall> {
  worker?.terminate();
  worker = null;
  api = null;
  const { call } = await timed(() => start());
  return call;
}

/** Reopening the saved dataset from OPFS, as the app does after a reload (`loadDatabase` on the disk-backed `File`). */
async function reopen(): Promise<TimedCall> {
  const e = remote();
  log('loadDatabase from OPFS …');
  const { call } = await timed(async () => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(OPFS_DIR);
    const file = await (await dir.getFileHandle(OPFS_FILE)).getFile();
    return e.loadDatabase('bench', file, OPFS_FILE);
  });
  log(`  ${call.error ?? `${Math.round(call.ms)} ms`}`);
  return call;
}

/** Runs one registered analysis with default options. */
async function analysis(id: string): Promise<AnalysisTiming> {
  const e = remote();
  log(`analysis ${id} …`);
  const { call, value } = await timed(() => e.runAnalysis(id, {}));
  log(`  ${call.error ?? `${Math.round(call.ms)} ms`}`);
  const tables: Record<string, number> = {};
  for (const [name, t] of Object.entries(value?.tables ?? {})) tables[name] = t.rowCount;
  return {
    id,
    ...call,
    tables,
    findings: value?.findings.length ?? 0,
    charts: value?.charts.length ?? 0,
    scalars: value?.scalars ?? {},
  };
}

/**
 * Runs one analysis once per option set, in order, timing each call inside the page: an
 * interactive session's slider moves (`npm run bench:interactive`). Returns one timing per call.
 */
async function sweep(
  id: string,
  optionSets: Record<string, unknown>[],
): Promise<{ ms: number; error: string | null; longestFrameGapMs: number }[]> {
  const e = remote();
  const out: { ms: number; error: string | null; longestFrameGapMs: number }[] = [];
  for (const options of optionSets) {
    const { call } = await timed(() => e.runAnalysis(id, options));
    out.push({ ms: call.ms, error: call.error, longestFrameGapMs: call.frames.longestGapMs });
  }
  return out;
}

/** The engine's status: DuckDB version, dataset and the customer-base summary (with its build time). */
async function engineStatus() {
  return remote().status();
}

/** DuckDB's memory limit and current use inside the worker. */
async function memory(): Promise<MemoryFacts> {
  const e = remote();
  const limit = await e.query(`SELECT current_setting('memory_limit') AS m`);
  const used = await e.query('SELECT coalesce(sum(memory_usage_bytes), 0)::DOUBLE AS b FROM duckdb_memory()');
  return { memoryLimit: String(limit.data[0]?.[0] ?? ''), usedBytes: Number(used.data[0]?.[0] ?? 0) };
}

/** Row counts of the canonical tables, as the active data holds them. */
async function tables(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of await remote().listTables()) out[t.name] = t.rowCount;
  return out;
}

const bench = {
  start,
  importAll,
  loadSaved,
  saveDatabase,
  restart,
  reopen,
  analysis,
  sweep,
  engineStatus,
  memory,
  tables,
  ready: true,
};
(window as unknown as { __bench: typeof bench }).__bench = bench;
export type Bench = typeof bench;
