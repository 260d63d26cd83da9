/**
 * A small IndexedDB wrapper shared by the browser stores (notebooks, datasets): one lazily opened
 * connection per database that never races, and requests that resolve when their transaction
 * commits. IndexedDB's raw API is event-based; this is the least that makes it a promise API.
 */

/** Runs requests against one IndexedDB database. */
export interface IdbStore<S extends string> {
  /** Runs `run` on `store` in a transaction; resolves with the request's result once it commits. */
  request<T>(store: S, mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest<T>): Promise<T>;
  /**
   * Runs `run` on `store` in one transaction: it may chain requests (read, then write what it
   * read decided) and calls `done` with the result; resolves with it once the transaction commits.
   */
  transact<T>(
    store: S,
    mode: IDBTransactionMode,
    run: (s: IDBObjectStore, done: (result: T) => void) => void,
  ): Promise<T>;
}

/**
 * Opens `name` at `version` on first use; `upgrade` creates the object stores (it runs for new
 * databases and older versions, so it must only add what is missing).
 */
export function idbStore<S extends string>(
  name: string,
  version: number,
  upgrade: (db: IDBDatabase) => void,
): IdbStore<S> {
  let opening: Promise<IDBDatabase> | null = null;
  const open = (): Promise<IDBDatabase> => {
    opening ??= new Promise((resolve, reject) => {
      const req = indexedDB.open(name, version);
      req.onupgradeneeded = () => upgrade(req.result);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => {
        opening = null;
        reject(req.error ?? new Error('could not open IndexedDB'));
      };
    });
    return opening;
  };
  return {
    async request<T>(store: S, mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
      const d = await open();
      return new Promise<T>((resolve, reject) => {
        const tx = d.transaction(store, mode);
        const req = run(tx.objectStore(store));
        // Resolve on commit, not on request success: a reload right after must find the data.
        tx.oncomplete = () => resolve(req.result);
        tx.onerror = () => reject(tx.error ?? req.error ?? new Error('IndexedDB transaction failed'));
        tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
      });
    },
    async transact<T>(
      store: S,
      mode: IDBTransactionMode,
      run: (s: IDBObjectStore, done: (result: T) => void) => void,
    ): Promise<T> {
      const d = await open();
      return new Promise<T>((resolve, reject) => {
        const tx = d.transaction(store, mode);
        let result: { value: T } | null = null;
        tx.oncomplete = () =>
          result ? resolve(result.value) : reject(new Error('IndexedDB transaction ended without a result'));
        tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
        tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
        run(tx.objectStore(store), (value) => (result = { value }));
      });
    },
  };
}
