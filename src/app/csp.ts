/**
 * The Content-Security-Policy the app is served with. `index.html` carries the page's policy as a
 * meta tag, but a meta tag covers only the page: the engine worker gets its policy from the HTTP
 * response that delivers the worker script, so the server must send one as a header too (Vite's
 * dev and preview servers do, see vite.config.ts; docs/security.md for static hosts).
 * `connect-src 'self'` is what keeps data in: neither the page nor the worker can send a request
 * to any other origin.
 */
const directives = (scriptSrc: string) => [
  "default-src 'self'",
  `script-src ${scriptSrc}`,
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** The page's policy: the meta tag in index.html (kept equal by tests/unit/csp.test.ts). */
export const contentSecurityPolicy = directives("'self' 'wasm-unsafe-eval'").join('; ');

/**
 * The policy sent as a header with every response. It adds `'unsafe-eval'` for the worker only in
 * effect: Apache Arrow's builders (used by the XLSX/Parquet/JSON import in the worker) compile their
 * null checks with `Function()`. The page also carries the stricter meta tag and a browser enforces
 * both, so the page still runs no string as code; the worker, which only ever sees data, keeps
 * `connect-src 'self'`. `frame-ancestors` works only as a header: no other site may frame the app.
 */
export const headerContentSecurityPolicy = [
  ...directives("'self' 'wasm-unsafe-eval' 'unsafe-eval'"),
  "frame-ancestors 'none'",
].join('; ');

/** Every security header the app's server sends with each response, page, worker and wasm alike. */
export const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': headerContentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
