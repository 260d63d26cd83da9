/**
 * The last results of each notebook, kept in the browser (IndexedDB) so that reopening it — a
 * reload, a new visit, switching back — shows them at once, as a saved Jupyter notebook or
 * marimo's session cache does, instead of after the engine has started and run it again.
 *
 * A saved run is used only when everything its outputs depend on is the same: the app's code
 * (`BUILD_ID`), the data (the active dataset and when it was saved), the notebook's text, its input
 * values and the reader's language (analyses name tiers in it). The key is that whole
 * list as text; any difference and nothing is shown from it. Even then the notebook still runs
 * when the engine is ready (see `NotebookRuntime.restore`): the saved outputs only fill the wait.
 *
 * Large outputs are left out (a cell whose tables or chart data exceed `MAX_SAVED_VALUES` values),
 * so saving never clones megabytes on the UI thread; those cells show once they have run.
 */
import type { CellOutput, CellState } from '../notebook/runtime/state.ts';
import { BUILD_ID } from './build-id.ts';
import { idbStore } from './idb.ts';

/** What a saved run depends on besides the notebook (the caller fills it from the app's state). */
export interface ResultsContext {
  /** The data: `sample`, or a saved dataset's id and save time. */
  dataset: string;
  /** The notebook's text as the runtime ran it. */
  source: string;
  /** Input values by name. */
  inputs: Record<string, unknown>;
  /** The reader's language (analyses name tiers in it). Currency is not here: it is applied when shown. */
  locale: string;
}

/** One notebook's saved run. */
interface SavedRun {
  /** `builtin:<id>` or `user:<id>`. */
  notebook: string;
  /** `resultsKey` of the context the run had. */
  key: string;
  savedAt: number;
  cells: CellState[];
}

/** Values (table cells, chart rows × fields) a cell's output may hold and still be saved. */
export const MAX_SAVED_VALUES = 200_000;
/** Values a whole saved run may hold: cloning it into storage stays a few milliseconds. */
export const MAX_SAVED_TOTAL = 500_000;

const DB_NAME = 'caw-results';
const STORE = 'runs';
const store = idbStore<typeof STORE>(DB_NAME, 1, (d) => {
  if (!d.objectStoreNames.contains(STORE)) d.createObjectStore(STORE, { keyPath: 'notebook' });
});

/** How a saved dataset is named in a key: its id and when it was saved (a re-save is other data). */
export function datasetStamp(ds: { id: string; createdAt: number }): string {
  return `${ds.id}@${ds.createdAt}`;
}

/** The dataset part of a key (`resultsKey`), or null for a key this code did not write. */
export function datasetOfKey(key: string): string | null {
  try {
    const parsed: unknown = JSON.parse(key);
    return Array.isArray(parsed) && typeof parsed[1] === 'string' ? parsed[1] : null;
  } catch {
    return null;
  }
}

/** The text a saved run is matched on: equal keys, equal outputs. */
export function resultsKey(ctx: ResultsContext): string {
  const inputs = Object.keys(ctx.inputs)
    .sort()
    .map((k) => [k, ctx.inputs[k]]);
  return JSON.stringify([BUILD_ID, ctx.dataset, ctx.locale, inputs, ctx.source]);
}

/** About how many values an output holds (what cloning it into storage costs). */
export function outputSize(output: CellOutput): number {
  switch (output.kind) {
    case 'sql':
      return output.preview.rowCount * Math.max(1, output.preview.columns.length);
    case 'analysis':
      // Its charts draw from these tables.
      return Object.values(output.result.tables).reduce((n, t) => n + t.rowCount * Math.max(1, t.columns.length), 0);
    case 'chart':
      return Object.values(output.data).reduce((n, rows) => n + rows.length * Math.max(1, keys(rows[0])), 0);
    case 'input':
      return output.options?.length ?? 1;
    case 'prose':
      return Object.keys(output.values).length;
  }
}

function keys(row: unknown): number {
  return row && typeof row === 'object' ? Object.keys(row).length : 1;
}

/**
 * The cells of a finished run worth saving: finished (`ok`) or not applicable (`na`), with an
 * output of a size worth cloning, and computed by this session (a restored output is not saved
 * again: it would only be its own copy). None when any cell failed or did not finish.
 */
export function cellsToSave(states: readonly CellState[]): CellState[] {
  if (states.some((s) => s.status !== 'ok' && s.status !== 'na')) return [];
  if (states.some((s) => s.restored)) return [];
  let total = 0;
  return states.filter((s) => {
    if (s.output === undefined) return false;
    const size = outputSize(s.output);
    if (size > MAX_SAVED_VALUES || total + size > MAX_SAVED_TOTAL) return false;
    total += size;
    return true;
  });
}

/** The saved cells of `notebook` if they were saved under `key`; otherwise none. */
export async function loadResults(notebook: string, key: string): Promise<CellState[]> {
  const row = await store.request<SavedRun | undefined>(
    STORE,
    'readonly',
    (s) => s.get(notebook) as IDBRequest<SavedRun | undefined>,
  );
  return row?.key === key ? row.cells : [];
}

/** Saves a run's cells for `notebook` under `key` (replacing the previous run). */
export async function saveResults(notebook: string, key: string, cells: CellState[]): Promise<void> {
  const row: SavedRun = { notebook, key, savedAt: Date.now(), cells };
  await store.request(STORE, 'readwrite', (s) => s.put(row));
}

/**
 * Forgets every saved run computed on dataset `id` (it was deleted): results hold rows of its
 * data (lists of customers), which must not outlive it.
 */
export async function forgetResultsOfDataset(id: string): Promise<void> {
  await store.transact<void>(STORE, 'readwrite', (s, done) => {
    const cursor = s.openCursor();
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (!c) return done(undefined);
      const dataset = datasetOfKey((c.value as SavedRun).key);
      if (dataset !== null && dataset.startsWith(`${id}@`)) c.delete();
      c.continue();
    };
  });
}

/** Forgets a notebook's saved run (the notebook was deleted). */
export async function forgetResults(notebook: string): Promise<void> {
  await store.request(STORE, 'readwrite', (s) => s.delete(notebook));
}
