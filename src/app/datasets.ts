/**
 * Saved datasets and saved import mappings, in the browser only.
 *
 * - Each imported dataset is written as one DuckDB database file (every table of the active data,
 *   from `EngineApi.exportDatabase`) to the Origin Private File System under
 *   `datasets/<id>/dataset.duckdb`. On start or switch the file is handed to the engine as a
 *   disk-backed `File`, which attaches it and copies the tables out: no CSV is parsed again
 *   (docs/benchmarks.md, "Reopening a saved dataset"). Where OPFS is missing, the file is kept as
 *   a Blob in IndexedDB instead (also disk-backed).
 * - Datasets saved before that (`format` absent) hold one CSV per table, `datasets/<id>/<table>.csv`
 *   with the column types in their entry; they still open, through `EngineApi.loadDataset`.
 * - The list of datasets (name, tables, row counts, size) and the saved mappings live in IndexedDB.
 * - Which dataset is active is a small localStorage key, read synchronously at start-up.
 * - The rejected rows of each import are saved with the dataset (`rejects-<table>.csv`), so their
 *   download keeps working after another dataset was loaded or the page was reloaded.
 */
import { idbStore } from './idb.ts';
import type { ExportedDatabase, ExportedTable, StoredTableFile } from '../engine/api.ts';
import type { SavedMapping } from '../engine/import/mapping.ts';
import { count } from '../format/number.ts';

/** Id of the built-in sample dataset (always there, never stored). */
export const SAMPLE_ID = 'sample';

/** One table of a saved dataset. */
export interface StoredTable {
  /** Table name; `summary.<name>` for a table of the `summary` schema. */
  table: string;
  rowCount: number;
  columns: { name: string; type: string }[];
  /** Size of the saved CSV in bytes (0 in the database-file form: the tables share one file). */
  bytes: number;
}

/** Name of the database file of a dataset saved in the `duckdb` form. */
export const DATABASE_FILE = 'dataset.duckdb';

/** The rejected rows of one imported file, saved beside the dataset's tables. */
export interface StoredRejects {
  /** Canonical table the file was imported onto. */
  table: string;
  /** The file whose rows were rejected. */
  file: string;
  rowCount: number;
  /** Size of the saved CSV in bytes. */
  bytes: number;
}

/** A saved dataset as the dataset manager lists it. */
export interface StoredDataset {
  id: string;
  name: string;
  tables: StoredTable[];
  /** The files it was imported from. */
  sources: string[];
  createdAt: number;
  /** Where the files are: OPFS, or Blobs in IndexedDB. */
  storage: 'opfs' | 'idb';
  /** `duckdb`: one database file (`DATABASE_FILE`); absent: one CSV per table (saved before the database form). */
  format?: 'duckdb';
  /** Size of the database file in bytes (`duckdb` form). */
  fileBytes?: number;
  /** Rejected rows of the import, per file with any (absent in datasets saved before this existed). */
  rejects?: StoredRejects[];
}

/** A saved mapping with when it was last used. */
export interface StoredMapping extends SavedMapping {
  updatedAt: number;
}

const DB_NAME = 'caw-datasets';
type Store = 'datasets' | 'mappings' | 'files';
const store = idbStore<Store>(DB_NAME, 1, (d) => {
  if (!d.objectStoreNames.contains('datasets')) d.createObjectStore('datasets', { keyPath: 'id' });
  if (!d.objectStoreNames.contains('mappings')) d.createObjectStore('mappings', { keyPath: 'signature' });
  if (!d.objectStoreNames.contains('files')) d.createObjectStore('files');
});

function request<T>(name: Store, mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return store.request(name, mode, run);
}

async function opfsRoot(): Promise<FileSystemDirectoryHandle | null> {
  try {
    return await navigator.storage.getDirectory();
  } catch {
    return null;
  }
}

async function datasetDir(id: string, create: boolean): Promise<FileSystemDirectoryHandle | null> {
  const root = await opfsRoot();
  if (!root) return null;
  const all = await root.getDirectoryHandle('datasets', { create });
  return all.getDirectoryHandle(id, { create });
}

/** Every saved dataset, newest first. */
export async function listDatasets(): Promise<StoredDataset[]> {
  const all = await request<StoredDataset[]>('datasets', 'readonly', (s) => s.getAll() as IDBRequest<StoredDataset[]>);
  return all.sort((a, b) => b.createdAt - a.createdAt);
}

/** One saved dataset, or undefined. */
export function getDataset(id: string): Promise<StoredDataset | undefined> {
  return request<StoredDataset | undefined>(
    'datasets',
    'readonly',
    (s) => s.get(id) as IDBRequest<StoredDataset | undefined>,
  );
}

/** A fresh dataset id. */
export function newDatasetId(): string {
  const rand =
    typeof crypto !== 'undefined' && 'randomUUID' in crypto
      ? crypto.randomUUID().slice(0, 8)
      : Math.random().toString(36).slice(2, 10);
  return `ds-${Date.now().toString(36)}-${rand}`;
}

/**
 * Saves a dataset as its database file (OPFS, else IndexedDB) and its entry in the list. When the
 * browser's storage is full nothing is kept (no half-written file, no entry) and the error says how
 * much was needed and how much was free.
 */
export async function saveDataset(
  entry: { id: string; name: string; sources: string[] },
  exported: ExportedDatabase,
): Promise<StoredDataset> {
  const dir = await datasetDir(entry.id, true).catch(() => null);
  const storage: StoredDataset['storage'] = dir && (await canWrite(dir)) ? 'opfs' : 'idb';
  try {
    await writeFile(storage, dir, entry.id, DATABASE_FILE, exported.bytes);
  } catch (e) {
    await deleteDataset(entry.id).catch(() => undefined);
    throw await storageError(e, entry.name, exported.bytes.byteLength);
  }
  const stored: StoredDataset = {
    ...entry,
    tables: exported.tables.map((t) => ({
      table: t.schema === 'main' ? t.table : `${t.schema}.${t.table}`,
      rowCount: t.rowCount,
      columns: t.columns,
      bytes: 0,
    })),
    createdAt: Date.now(),
    storage,
    format: 'duckdb',
    fileBytes: exported.bytes.byteLength,
  };
  await request('datasets', 'readwrite', (s) => s.put(stored));
  return stored;
}

/** Bytes a saved dataset takes in the browser's storage (its database file, or its CSV files). */
export function datasetBytes(ds: StoredDataset): number {
  return ds.fileBytes ?? ds.tables.reduce((n, t) => n + t.bytes, 0);
}

/** The browser's storage had no room for a dataset: how much it needs and how much is free. */
export class StorageFullError extends Error {
  /** The dataset's name. */
  readonly dataset: string;
  /** Bytes the dataset's file needs. */
  readonly neededBytes: number;
  /** Bytes the browser reports free for this origin (undefined when it does not say). */
  readonly freeBytes: number | undefined;
  constructor(dataset: string, neededBytes: number, freeBytes: number | undefined, cause: unknown) {
    const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;
    super(
      `The browser's storage is full: “${dataset}” needs ${mb(neededBytes)}${freeBytes === undefined ? '' : ` (${mb(freeBytes)} free)`}.`,
      { cause },
    );
    this.name = 'StorageFullError';
    this.dataset = dataset;
    this.neededBytes = neededBytes;
    this.freeBytes = freeBytes;
  }
}

/** A quota error as a `StorageFullError` (what did not fit, and the room the browser reports). */
async function storageError(e: unknown, name: string, bytes: number): Promise<Error> {
  const quota = e instanceof DOMException && e.name === 'QuotaExceededError';
  if (!quota) return e instanceof Error ? e : new Error(String(e));
  const estimate = await navigator.storage?.estimate?.().catch(() => null);
  const free = estimate?.quota !== undefined ? Math.max(0, estimate.quota - (estimate.usage ?? 0)) : undefined;
  // An estimate that says it would have fitted is stale or approximate (the browser may hold back room): not worth
  // quoting.
  return new StorageFullError(name, bytes, free !== undefined && free < bytes ? free : undefined, e);
}

/** Writes one file of a dataset: `datasets/<id>/<name>` in OPFS, or a Blob under `<id>/<stem>` in IndexedDB. */
async function writeFile(
  storage: StoredDataset['storage'],
  dir: FileSystemDirectoryHandle | null,
  id: string,
  name: string,
  bytes: Uint8Array,
): Promise<void> {
  if (storage === 'opfs' && dir) {
    const handle = await dir.getFileHandle(name, { create: true });
    const w = await handle.createWritable();
    try {
      await w.write(bytes as Uint8Array<ArrayBuffer>);
      await w.close();
    } catch (e) {
      await w.abort().catch(() => undefined);
      throw e;
    }
  } else {
    await request('files', 'readwrite', (s) =>
      s.put(
        new Blob([bytes as Uint8Array<ArrayBuffer>], {
          type: name.endsWith('.csv') ? 'text/csv' : 'application/octet-stream',
        }),
        fileKey(id, name),
      ),
    );
  }
}

/** The IndexedDB key of a dataset's file (CSV files without their extension, as first saved). */
const fileKey = (id: string, name: string) => `${id}/${name.replace(/\.csv$/, '')}`;

/** Reads one file of a dataset back as a disk-backed `File`/Blob (undefined when missing). */
async function readFile(ds: StoredDataset, name: string): Promise<Blob | undefined> {
  if (ds.storage === 'opfs') {
    const dir = await datasetDir(ds.id, false);
    return dir ? (await dir.getFileHandle(name)).getFile() : undefined;
  }
  return request<Blob | undefined>(
    'files',
    'readonly',
    (s) => s.get(fileKey(ds.id, name)) as IDBRequest<Blob | undefined>,
  );
}

const rejectsName = (table: string) => `rejects-${table}.csv`;

/**
 * Saves the rejected rows of a dataset's import (CSV from `exportTables` of the engine's rejects
 * tables) beside its tables, and lists them in its entry.
 */
export async function saveRejects(
  id: string,
  files: readonly { table: string; file: string; exported: ExportedTable }[],
): Promise<StoredDataset | undefined> {
  const ds = await getDataset(id);
  if (!ds || files.length === 0) return ds;
  const dir = ds.storage === 'opfs' ? await datasetDir(id, true) : null;
  for (const f of files) await writeFile(ds.storage, dir, id, rejectsName(f.table), f.exported.bytes);
  const stored: StoredDataset = {
    ...ds,
    rejects: files.map((f) => ({
      table: f.table,
      file: f.file,
      rowCount: f.exported.rowCount,
      bytes: f.exported.bytes.byteLength,
    })),
  };
  await request('datasets', 'readwrite', (s) => s.put(stored));
  return stored;
}

/** The saved rejected rows of one table of a dataset, as CSV (undefined when none were saved). */
export async function rejectsFile(ds: StoredDataset, table: string): Promise<Blob | undefined> {
  if (!ds.rejects?.some((r) => r.table === table)) return undefined;
  return readFile(ds, rejectsName(table));
}

async function canWrite(dir: FileSystemDirectoryHandle): Promise<boolean> {
  try {
    const h = await dir.getFileHandle('.probe', { create: true });
    const w = await h.createWritable();
    await w.close();
    await dir.removeEntry('.probe');
    return true;
  } catch {
    return false;
  }
}

/** The database file of a dataset in the `duckdb` form, as a disk-backed `File`/Blob for `EngineApi.loadDatabase`. */
export async function datasetDatabase(ds: StoredDataset): Promise<Blob> {
  const data = await readFile(ds, DATABASE_FILE).catch(() => undefined);
  if (!data) throw new Error(`the saved file ${DATABASE_FILE} of “${ds.name}” is missing; import the data again`);
  // A file cut short (a write interrupted by a crash or a full disk) is refused here: DuckDB would
  // open it and fail only on the first query that reads the missing part.
  if (ds.fileBytes !== undefined && data.size !== ds.fileBytes) {
    throw new Error(
      `the saved file ${DATABASE_FILE} of “${ds.name}” is damaged (${count(data.size)} bytes, saved as ${count(ds.fileBytes)}); import the data again`,
    );
  }
  return data;
}

/** The saved CSV files of a dataset in the older form, as disk-backed `File`s/Blobs for `EngineApi.loadDataset`. */
export async function datasetFiles(ds: StoredDataset): Promise<StoredTableFile[]> {
  const out: StoredTableFile[] = [];
  for (const t of ds.tables) {
    const fileName = `${t.table}.csv`;
    const data = await readFile(ds, fileName);
    if (!data) throw new Error(`the saved file ${fileName} of “${ds.name}” is missing; import the data again`);
    out.push({ table: t.table, fileName, data, columns: t.columns });
  }
  return out;
}

/** Renames a saved dataset. */
export async function renameDataset(id: string, name: string): Promise<void> {
  const ds = await getDataset(id);
  if (!ds) return;
  await request('datasets', 'readwrite', (s) => s.put({ ...ds, name }));
}

/** Deletes a saved dataset and its files. */
export async function deleteDataset(id: string): Promise<void> {
  const ds = await getDataset(id);
  const root = await opfsRoot();
  if (root) {
    try {
      const all = await root.getDirectoryHandle('datasets');
      await all.removeEntry(id, { recursive: true });
    } catch {
      // Nothing saved in OPFS for it.
    }
  }
  for (const t of ds?.tables ?? []) await request('files', 'readwrite', (s) => s.delete(`${id}/${t.table}`));
  await request('files', 'readwrite', (s) => s.delete(fileKey(id, DATABASE_FILE)));
  for (const r of ds?.rejects ?? [])
    await request('files', 'readwrite', (s) => s.delete(`${id}/${rejectsName(r.table).replace(/\.csv$/, '')}`));
  await request('datasets', 'readwrite', (s) => s.delete(id));
}

/** Every saved mapping (for `findSavedMapping`). */
export function listMappings(): Promise<StoredMapping[]> {
  return request<StoredMapping[]>('mappings', 'readonly', (s) => s.getAll() as IDBRequest<StoredMapping[]>);
}

/** Saves the mapping used for a column signature, replacing an older one. */
export async function saveMapping(m: SavedMapping): Promise<void> {
  const stored: StoredMapping = { ...m, updatedAt: Date.now() };
  await request('mappings', 'readwrite', (s) => s.put(stored));
}

const ACTIVE_KEY = 'caw.activeDataset';

/** The active dataset's id (the sample when none was chosen). */
export function loadActiveDataset(): string {
  try {
    return localStorage.getItem(ACTIVE_KEY) ?? SAMPLE_ID;
  } catch {
    return SAMPLE_ID;
  }
}

/** Remembers the active dataset. */
export function saveActiveDataset(id: string): void {
  try {
    localStorage.setItem(ACTIVE_KEY, id);
  } catch {
    // Private mode: the sample opens next time.
  }
}
