/**
 * Notebook persistence in IndexedDB: the user's own notebooks as Markdown text, and the values the
 * user gave each notebook's inputs (built-in notebooks included), so that every edit and every
 * moved control survives a reload or a tab crash. Nothing leaves the browser.
 */
import type { InputValue } from '../notebook/format/types.ts';
import { idbStore } from './idb.ts';
import { forgetResults } from './saved-results.ts';

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
  /**
   * Bumped by every save (absent in notebooks saved before versions: 0). A tab saves only over the
   * version it loaded; anything else means another tab saved meanwhile (`saveNotebook`).
   */
  version?: number;
}

/** What `saveNotebook` did. */
export type SaveOutcome =
  /** Written over the version the tab had; `version` is the new one. */
  | { kind: 'saved'; version: number }
  /**
   * Another tab saved this notebook since `baseVersion`: its version stays as it is, and this one
   * was saved as a new notebook `copy` (version 1) titled by `copyTitle`.
   */
  | { kind: 'conflict'; copy: StoredNotebook };

/**
 * The input values of one notebook, as the user left them. Kept apart from the Markdown: moving a
 * slider is not an edit of the file (a built-in notebook stays built-in), yet it must survive a reload.
 */
export interface StoredInputs {
  /** `builtin:<id>` or `user:<id>` (see `inputsKey`). */
  key: string;
  /** Input name → value. */
  values: Record<string, InputValue>;
  /** Epoch milliseconds of the last save. */
  updatedAt: number;
}

const DB_NAME = 'caw-notebooks';
const STORE = 'notebooks';
const INPUTS = 'inputs';

// Version 2 added the input values store; version 1 databases keep their notebooks.
const store = idbStore<typeof STORE | typeof INPUTS>(DB_NAME, 2, (d) => {
  if (!d.objectStoreNames.contains(STORE)) d.createObjectStore(STORE, { keyPath: 'id' });
  if (!d.objectStoreNames.contains(INPUTS)) d.createObjectStore(INPUTS, { keyPath: 'key' });
});

function request<T>(
  mode: IDBTransactionMode,
  run: (s: IDBObjectStore) => IDBRequest<T>,
  name: typeof STORE | typeof INPUTS = STORE,
): Promise<T> {
  return store.request(name, mode, run);
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

/**
 * Saves a notebook over `baseVersion`, the version this tab loaded or last saved, in one
 * transaction (two tabs cannot interleave a read and a write). When the stored version differs
 * (another tab saved meanwhile) and holds other text, neither edit is dropped: the stored one stays
 * and this one becomes a new notebook whose title `copyTitle` makes from the old one.
 */
export function saveNotebook(
  nb: Omit<StoredNotebook, 'version'>,
  baseVersion: number,
  copyTitle: (source: string) => string,
): Promise<SaveOutcome> {
  return store.transact<SaveOutcome>(STORE, 'readwrite', (s, done) => {
    const get = s.get(nb.id) as IDBRequest<StoredNotebook | undefined>;
    get.onsuccess = () => {
      const current = get.result;
      const version = current?.version ?? 0;
      if (!current || version === baseVersion || current.source === nb.source) {
        const next = Math.max(version, baseVersion) + 1;
        s.put({ ...nb, version: next } satisfies StoredNotebook);
        return done({ kind: 'saved', version: next });
      }
      const copy: StoredNotebook = { ...nb, id: newNotebookId(), source: copyTitle(nb.source), version: 1 };
      s.put(copy);
      done({ kind: 'conflict', copy });
    };
  });
}

/** Deletes a stored notebook, its input values and its saved results. */
export async function deleteNotebook(id: string): Promise<void> {
  await request('readwrite', (s) => s.delete(id));
  await request('readwrite', (s) => s.delete(inputsKey({ kind: 'user', id })), INPUTS);
  await forgetResults(inputsKey({ kind: 'user', id })).catch(() => undefined);
}

/** The key a notebook's input values are stored under. */
export function inputsKey(ref: { kind: 'builtin' | 'user'; id: string }): string {
  return `${ref.kind}:${ref.id}`;
}

/** The input values saved for a notebook, or undefined when the user never moved one. */
export async function getInputs(ref: {
  kind: 'builtin' | 'user';
  id: string;
}): Promise<Record<string, InputValue> | undefined> {
  const row = await request<StoredInputs | undefined>(
    'readonly',
    (s) => s.get(inputsKey(ref)) as IDBRequest<StoredInputs | undefined>,
    INPUTS,
  );
  return row?.values;
}

/** Saves a notebook's input values (replacing the previous ones); resolves once committed. */
export async function putInputs(
  ref: { kind: 'builtin' | 'user'; id: string },
  values: Record<string, InputValue>,
): Promise<void> {
  const row: StoredInputs = { key: inputsKey(ref), values, updatedAt: Date.now() };
  await request('readwrite', (s) => s.put(row), INPUTS);
}

/** A fresh id for a user notebook. */
export function newNotebookId(): string {
  const rand =
    typeof crypto !== 'undefined' && 'randomUUID' in crypto
      ? crypto.randomUUID().slice(0, 8)
      : Math.random().toString(36).slice(2, 10);
  return `user-${Date.now().toString(36)}-${rand}`;
}

const LAST_OPEN_KEY = 'caw.lastOpen';

/** What was open last: a notebook (`builtin:<id>` / `user:<id>`), the scratch SQL view or the start page. */
export type OpenRef = { kind: 'builtin' | 'user'; id: string } | { kind: 'scratch' } | { kind: 'start' };

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
    if (ref.kind === 'scratch' || ref.kind === 'start') return ref;
    if ((ref.kind === 'builtin' || ref.kind === 'user') && typeof ref.id === 'string') return ref;
    return null;
  } catch {
    return null;
  }
}
