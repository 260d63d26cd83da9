/**
 * The Content-Security-Policy the app is served with. `index.html` carries the same policy as a
 * meta tag, but a meta tag covers only the page: the engine worker gets its policy from the
 * HTTP response that delivers the worker script, so the server must send it as a header too
 * (Vite's dev and preview servers do, see vite.config.ts; docs/security.md for static hosts).
 * `connect-src 'self'` is what keeps data in: neither the page nor the worker can send a request
 * to any other origin.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  // Header-only directive (ignored in a meta tag): no other site may frame the workbench.
  "frame-ancestors 'none'",
].join('; ');

/** Every security header the app's server sends with each response, page, worker and wasm alike. */
export const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
