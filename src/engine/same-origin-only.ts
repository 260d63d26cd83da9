/// <reference lib="webworker" />
/**
 * A second wall inside the engine worker: `fetch` and `XMLHttpRequest` refuse any URL that is not
 * on the worker's own origin. DuckDB's external-access lock already stops SQL before the browser
 * runtime is asked; this covers any path in DuckDB-WASM's runtime (extension loading, HTTP files)
 * we did not foresee, and holds on a static host that serves no Content-Security-Policy header
 * (the page's meta CSP does not apply to a worker).
 */

/** Whether `url` (relative to the worker script) is on the worker's origin, or local (blob:/data:). */
export function isSameOrigin(url: string | URL, base: string): boolean {
  const target = new URL(String(url), base);
  if (target.protocol === 'blob:' || target.protocol === 'data:') return true;
  return target.origin === new URL(base).origin;
}

/** The error both guards throw: the same words as the engine's access error. */
function refused(url: string | URL): TypeError {
  return new TypeError(`Notebook SQL cannot read files or URLs: the engine refused a request to ${String(url)}`);
}

/** Installs the guard on the current worker scope (call before DuckDB is instantiated). */
export function allowSameOriginOnly(scope: WorkerGlobalScope = self as unknown as WorkerGlobalScope): void {
  const base = scope.location.href;
  const fetch = scope.fetch.bind(scope);
  scope.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : input;
    return isSameOrigin(url, base) ? fetch(input, init) : Promise.reject(refused(url));
  };
  if (typeof XMLHttpRequest === 'undefined') return;
  // Kept unbound on purpose: it is called with the request as `this` below.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (
    this: XMLHttpRequest,
    method: string,
    url: string | URL,
    ...rest: unknown[]
  ) {
    if (!isSameOrigin(url, base)) throw refused(url);
    return (open as (...a: unknown[]) => void).call(this, method, url, ...rest);
  };
}
