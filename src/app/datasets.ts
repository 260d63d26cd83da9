/**
 * Saved datasets and saved import mappings, in the browser only.
 *
 * - Each imported dataset's tables are written as CSV (with their column types kept beside them)
 *   to the Origin Private File System under `datasets/<id>/<table>.csv`. On start or switch the
 *   files are handed to the engine as disk-backed `File`s, so DuckDB reads them in slices.
 *   Where OPFS is missing, the CSV is kept as a Blob in IndexedDB instead (also disk-backed).
 * - The list of datasets (name, tables, row counts, size) and the saved mappings live in IndexedDB.
 * - Which dataset is active is a small localStorage key, read synchronously at start-up.
 * - The rejected rows of each import are saved with the dataset (`rejects-<table>.csv`), so their
 *   download keeps working after another dataset was loaded or the page was reloaded.
 */
import { idbStore } from './idb.ts';
import type { ExportedTable, StoredTableFile } from '../engine/api.ts';
import type { SavedMapping } from '../engine/import/mapping.ts';

/** Id of the built-in sample dataset (always there, never stored). */
export const SAMPLE_ID = 'sample';

/** One table of a saved dataset. */
export interface StoredTable {
  table: string;
  rowCount: number;
  columns: { name: string; type: string }[];
  /** Size of the saved CSV in bytes. */
  bytes: number;
}

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
  /** Where the CSV files are: OPFS, or Blobs in IndexedDB. */
  storage: 'opfs' | 'idb';
  /** Rejected rows of the import, per file with any (absent in datasets saved before this existed). */
  rejects?: StoredRejects[];
}

/** A saved mapping with when it was last used. */
export interface StoredMapping extends SavedMapping {
  updatedAt: number;
}

const DB_NAME = 'caw-datasets';
const STORES = ['datasets', 'mappings', 'files'] as const;
type Store = (typeof STORES)[number];
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
  return request<StoredDataset | undefined>('datasets', 'readonly', (s) => s.get(id) as IDBRequest<StoredDataset | undefined>);
}

/** A fresh dataset id. */
export function newDatasetId(): string {
  const rand = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID().slice(0, 8) : Math.random().toString(36).slice(2, 10);
  return `ds-${Date.now().toString(36)}-${rand}`;
}

/** Saves a dataset's exported tables (OPFS, else IndexedDB) and its entry in the list. */
export async function saveDataset(entry: { id: string; name: string; sources: string[] }, tables: readonly ExportedTable[]): Promise<StoredDataset> {
  const dir = await datasetDir(entry.id, true).catch(() => null);
  const storage: StoredDataset['storage'] = dir && (await canWrite(dir)) ? 'opfs' : 'idb';
  for (const t of tables) await writeFile(storage, dir, entry.id, `${t.table}.csv`, t.bytes);
  const stored: StoredDataset = {
    ...entry,
    tables: tables.map((t) => ({ table: t.table, rowCount: t.rowCount, columns: t.columns, bytes: t.bytes.byteLength })),
    createdAt: Date.now(),
    storage,
  };
  await request('datasets', 'readwrite', (s) => s.put(stored));
  return stored;
}

/** Writes one CSV of a dataset: `datasets/<id>/<name>` in OPFS, or a Blob under `<id>/<stem>` in IndexedDB. */
async function writeFile(storage: StoredDataset['storage'], dir: FileSystemDirectoryHandle | null, id: string, name: string, bytes: Uint8Array): Promise<void> {
  if (storage === 'opfs' && dir) {
    const handle = await dir.getFileHandle(name, { create: true });
    const w = await handle.createWritable();
    await w.write(bytes as Uint8Array<ArrayBuffer>);
    await w.close();
  } else {
    await request('files', 'readwrite', (s) => s.put(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'text/csv' }), `${id}/${name.replace(/\.csv$/, '')}`));
  }
}

/** Reads one CSV of a dataset back as a disk-backed `File`/Blob (undefined when missing). */
async function readFile(ds: StoredDataset, name: string): Promise<Blob | undefined> {
  if (ds.storage === 'opfs') {
    const dir = await datasetDir(ds.id, false);
    return dir ? (await dir.getFileHandle(name)).getFile() : undefined;
  }
  return request<Blob | undefined>('files', 'readonly', (s) => s.get(`${ds.id}/${name.replace(/\.csv$/, '')}`) as IDBRequest<Blob | undefined>);
}

const rejectsName = (table: string) => `rejects-${table}.csv`;

/**
 * Saves the rejected rows of a dataset's import (CSV from `exportTables` of the engine's rejects
 * tables) beside its tables, and lists them in its entry.
 */
export async function saveRejects(id: string, files: readonly { table: string; file: string; exported: ExportedTable }[]): Promise<StoredDataset | undefined> {
  const ds = await getDataset(id);
  if (!ds || files.length === 0) return ds;
  const dir = ds.storage === 'opfs' ? await datasetDir(id, true) : null;
  for (const f of files) await writeFile(ds.storage, dir, id, rejectsName(f.table), f.exported.bytes);
  const stored: StoredDataset = { ...ds, rejects: files.map((f) => ({ table: f.table, file: f.file, rowCount: f.exported.rowCount, bytes: f.exported.bytes.byteLength })) };
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

/** The saved files of a dataset, as disk-backed `File`s/Blobs for `EngineApi.loadDataset`. */
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
  for (const r of ds?.rejects ?? []) await request('files', 'readwrite', (s) => s.delete(`${id}/${rejectsName(r.table).replace(/\.csv$/, '')}`));
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
