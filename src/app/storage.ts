/**
 * Notebook persistence in IndexedDB: the user's own notebooks as Markdown text, so that every edit
 * survives a reload or a tab crash. One object store keyed by notebook id; nothing leaves the browser.
 */

/** A notebook the user owns (a copy of a built-in one, a file opened from disk, or a new one). */
export interface StoredNotebook {
  /** Stable id (`user-…`). */
  id: string;
  /** The notebook file text (Markdown with front matter). */
  source: string;
  /** Id of the built-in notebook it was copied from, if any. */
  copiedFrom?: string;
  /** Epoch milliseconds of the last save. */
  updatedAt: number;
}

const DB_NAME = 'caw-notebooks';
const STORE = 'notebooks';

let opening: Promise<IDBDatabase> | null = null;

function db(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: 'id' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => {
      opening = null;
      reject(req.error ?? new Error('could not open IndexedDB'));
    };
  });
  return opening;
}

function request<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return db().then(
    (d) =>
      new Promise<T>((resolve, reject) => {
        const tx = d.transaction(STORE, mode);
        const req = run(tx.objectStore(STORE));
        // Resolve on commit, not on request success: a reload right after must find the data.
        tx.oncomplete = () => resolve(req.result);
        tx.onerror = () => reject(tx.error ?? req.error ?? new Error('IndexedDB transaction failed'));
        tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
      }),
  );
}

/** Every stored notebook, most recently edited first. */
export async function listNotebooks(): Promise<StoredNotebook[]> {
  const all = await request<StoredNotebook[]>('readonly', (s) => s.getAll() as IDBRequest<StoredNotebook[]>);
  return all.sort((a, b) => b.updatedAt - a.updatedAt);
}

/** One stored notebook, or undefined. */
export function getNotebook(id: string): Promise<StoredNotebook | undefined> {
  return request<StoredNotebook | undefined>('readonly', (s) => s.get(id) as IDBRequest<StoredNotebook | undefined>);
}

/** Saves (creates or replaces) a notebook; resolves once the write is committed. */
export async function putNotebook(nb: StoredNotebook): Promise<void> {
  await request('readwrite', (s) => s.put(nb));
}

/** Deletes a stored notebook. */
export async function deleteNotebook(id: string): Promise<void> {
  await request('readwrite', (s) => s.delete(id));
}

/** A fresh id for a user notebook. */
export function newNotebookId(): string {
  const rand = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID().slice(0, 8) : Math.random().toString(36).slice(2, 10);
  return `user-${Date.now().toString(36)}-${rand}`;
}

const LAST_OPEN_KEY = 'caw.lastOpen';

/** What was open last: a notebook (`builtin:<id>` / `user:<id>`) or the scratch SQL view. */
export type OpenRef = { kind: 'builtin' | 'user'; id: string } | { kind: 'scratch' };

/** Remembers the open view (small and synchronous, so it also works during `pagehide`). */
export function saveLastOpen(ref: OpenRef): void {
  try {
    localStorage.setItem(LAST_OPEN_KEY, JSON.stringify(ref));
  } catch {
    // Private mode: the app just opens the default view next time.
  }
}

/** The view that was open last, if any. */
export function loadLastOpen(): OpenRef | null {
  try {
    const raw = localStorage.getItem(LAST_OPEN_KEY);
    if (!raw) return null;
    const ref = JSON.parse(raw) as OpenRef;
    if (ref.kind === 'scratch') return ref;
    if ((ref.kind === 'builtin' || ref.kind === 'user') && typeof ref.id === 'string') return ref;
    return null;
  } catch {
    return null;
  }
}
