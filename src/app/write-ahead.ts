/**
 * A write-ahead log for notebook edits and input values, in localStorage. IndexedDB, where
 * notebooks live, is asynchronous: a write started by `pagehide` or in the last moments before a
 * reload or a crash may never commit (measured before this log: 3 of 4 edits and 2 of 2 slider
 * moves made within ~150 ms of a reload were lost). localStorage writes are synchronous, so every
 * edit is on disk when the call that made it returns. The entry is removed once IndexedDB has
 * the same text, and entries left behind are replayed into IndexedDB at the next start-up.
 *
 * Entries are per tab (two tabs on one notebook each keep their own), and a tab's entries are
 * replayed only once the tab is gone: each tab holds a Web Lock named after it for its lifetime,
 * and the browser releases it when the page unloads or crashes.
 *
 * Hand-written: the log is ~100 lines over the synchronous Storage API; the IndexedDB libraries
 * (idb, Dexie) are asynchronous by design and so cannot be the part that must be synchronous.
 */
import type { InputValue } from '../notebook/format/types.ts';
import { putInputs, saveNotebook, type SaveOutcome, type StoredNotebook } from './storage.ts';

const NOTEBOOK = 'caw.wal.nb:';
const INPUTS = 'caw.wal.in:';
const LOCK = 'caw.tab:';
const GONE = 'caw.tab-gone:';

/** This tab's id: entries written here carry it. */
export const tabId: string =
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : Math.random().toString(36).slice(2);

/** A notebook's text not yet known to be in IndexedDB. */
export interface NotebookEntry {
  notebook: Omit<StoredNotebook, 'version'>;
  /** The version the edit was made on (see `saveNotebook`). */
  baseVersion: number;
}

/** A notebook's input values not yet known to be in IndexedDB. */
export interface InputsEntry {
  ref: { kind: 'builtin' | 'user'; id: string };
  values: Record<string, InputValue>;
}

let held: Promise<void> | null = null;

/** Holds this tab's lock until the page goes away (call once at start-up). */
export function holdTabLock(): Promise<void> {
  if (held) return held;
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return (held = Promise.resolve());
  held = new Promise<void>((granted) => {
    void locks.request(LOCK + tabId, () => {
      granted();
      return new Promise<void>(() => undefined);
    });
  });
  return held;
}

function write(key: string, value: unknown): boolean {
  try {
    localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    // Quota or private mode: the debounced IndexedDB save still runs; only its last moments are at risk.
    return false;
  }
}

/**
 * Marks this tab as leaving (call in `pagehide`). The browser may release the tab's lock only a
 * while after the next page starts (seconds on a busy machine: 17 of 30 reloads under load found
 * it still held), so the next page replays a leaving tab's entries without waiting for its lock.
 */
export function markTabLeaving(): void {
  write(GONE + tabId, Date.now());
}

/** The page came back from the back/forward cache: it is not leaving after all. */
export function markTabBack(): void {
  try {
    localStorage.removeItem(GONE + tabId);
  } catch {
    // Nothing to undo.
  }
}

/** Logs a notebook's text now; false when localStorage refused it. */
export function logNotebook(entry: NotebookEntry): boolean {
  return write(`${NOTEBOOK}${tabId}:${entry.notebook.id}`, entry);
}

/** Logs a notebook's input values now; false when localStorage refused it. */
export function logInputs(entry: InputsEntry): boolean {
  return write(`${INPUTS}${tabId}:${entry.ref.kind}:${entry.ref.id}`, entry);
}

/** Removes this tab's entry for notebook `id` if it still holds `source` (a newer edit stays logged). */
export function settleNotebook(id: string, source: string): void {
  settle(`${NOTEBOOK}${tabId}:${id}`, (e: NotebookEntry) => e.notebook.source === source);
}

/** Removes this tab's entry for `ref`'s input values if it still holds `values`. */
export function settleInputs(ref: InputsEntry['ref'], values: Record<string, InputValue>): void {
  const json = JSON.stringify(values);
  settle(`${INPUTS}${tabId}:${ref.kind}:${ref.id}`, (e: InputsEntry) => JSON.stringify(e.values) === json);
}

/** Removes this tab's entry for notebook `id`, whatever it holds. */
export function forgetNotebook(id: string): void {
  try {
    localStorage.removeItem(`${NOTEBOOK}${tabId}:${id}`);
  } catch {
    // Nothing to do.
  }
}

function settle<T>(key: string, same: (entry: T) => boolean): void {
  try {
    const raw = localStorage.getItem(key);
    if (raw !== null && same(JSON.parse(raw) as T)) localStorage.removeItem(key);
  } catch {
    // Unreadable: the next start-up replays or drops it.
  }
}

/** What a replay did. */
export interface ReplayResult {
  notebooks: number;
  inputs: number;
  /** Notebooks another tab had saved meanwhile: the logged text was kept as a copy. */
  conflicts: StoredNotebook[];
}

/**
 * Writes every entry of tabs that are gone into IndexedDB (notebooks over their base version,
 * conflicts kept as copies), then removes them. Entries of live tabs (another open tab) are left
 * to that tab. Call at start-up, before notebooks are listed or opened.
 */
export async function replayWriteAhead(copyTitle: (source: string) => string): Promise<ReplayResult> {
  const result: ReplayResult = { notebooks: 0, inputs: 0, conflicts: [] };
  const byTab = new Map<string, string[]>();
  try {
    for (const key of Object.keys(localStorage)) {
      if (!key.startsWith(NOTEBOOK) && !key.startsWith(INPUTS)) continue;
      const tab = key.slice(key.indexOf(':') + 1).split(':')[0]!;
      if (tab !== tabId) byTab.set(tab, [...(byTab.get(tab) ?? []), key]);
    }
  } catch {
    return result;
  }
  for (const [tab, keys] of byTab) {
    if (localStorage.getItem(GONE + tab) !== null) await replayKeys(keys, copyTitle, result);
    else await whenGone(tab, () => replayKeys(keys, copyTitle, result));
  }
  // Leaving marks of tabs whose entries are all replayed (or that had none) are done with.
  for (const key of Object.keys(localStorage)) {
    if (!key.startsWith(GONE)) continue;
    const tab = key.slice(GONE.length);
    if (
      tab !== tabId &&
      !Object.keys(localStorage).some((k) => (k.startsWith(NOTEBOOK) || k.startsWith(INPUTS)) && k.includes(`:${tab}:`))
    )
      localStorage.removeItem(key);
  }
  return result;
}

async function replayKeys(
  keys: readonly string[],
  copyTitle: (source: string) => string,
  result: ReplayResult,
): Promise<void> {
  for (const key of keys) {
    const raw = localStorage.getItem(key);
    if (raw === null) continue;
    try {
      if (key.startsWith(NOTEBOOK)) {
        const entry = JSON.parse(raw) as NotebookEntry;
        const outcome: SaveOutcome = await saveNotebook(entry.notebook, entry.baseVersion, copyTitle);
        if (outcome.kind === 'conflict') result.conflicts.push(outcome.copy);
        result.notebooks++;
      } else {
        const entry = JSON.parse(raw) as InputsEntry;
        await putInputs(entry.ref, entry.values);
        result.inputs++;
      }
      localStorage.removeItem(key);
    } catch {
      // IndexedDB refused (quota): keep the entry for the next start-up rather than lose it.
    }
  }
}

/**
 * Runs `fn` holding `tab`'s lock, i.e. once that tab is gone. The page being reloaded may hold its
 * lock a moment longer than the new page takes to start, so a held lock is waited for briefly; a tab
 * still holding it after that is open, and its entries are its own.
 */
async function whenGone(tab: string, fn: () => Promise<void>, waitMs = 1500): Promise<void> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return fn();
  try {
    await locks.request(LOCK + tab, { signal: AbortSignal.timeout(waitMs) }, fn);
  } catch {
    // Still held: a live tab.
  }
}
