import { svelte } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { securityHeaders } from './src/app/csp.ts';
import { sampleDatabase } from './sample-data/vite-plugin.ts';

const blockingBrowser = fileURLToPath(
  new URL('./node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-blocking.mjs', import.meta.url),
);

/**
 * Built assets carry a content hash in their name (`assets/duckdb-eh-9ubY-jlA.wasm`), so a browser
 * may keep them for good and never ask again: without this, Vite's preview server sends
 * `Cache-Control: no-cache` and every start revalidates the 34 MB WebAssembly file before
 * compiling it. docs/security.md gives the same rule for static hosts.
 */
function immutableAssets(): Plugin {
  return {
    name: 'caw-immutable-assets',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.startsWith('/assets/')) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        next();
      });
    },
  };
}

/**
 * A hash of everything a notebook's results depend on in the app itself: its code, the built-in
 * notebooks, the sample's generator and the installed packages (DuckDB's version). Saved results
 * are only reused by a build with the same hash (src/app/build-id.ts).
 */
function buildId(): string {
  const root = fileURLToPath(new URL('.', import.meta.url));
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!entry.name.endsWith('.duckdb')) hash.update(path.relative(root, full)).update(readFileSync(full));
    }
  };
  for (const dir of ['src', 'notebooks', 'sample-data/src']) walk(path.join(root, dir));
  hash.update(readFileSync(path.join(root, 'package-lock.json')));
  return hash.digest('hex').slice(0, 16);
}

export default defineConfig({
  define: { __CAW_BUILD_ID__: JSON.stringify(buildId()) },
  plugins: [sampleDatabase(), svelte(), immutableAssets()],
  resolve: {
    // The engine imports `@duckdb/duckdb-wasm/blocking`; in the browser that must be the
    // blocking *browser* build (the package only maps it to the Node build).
    alias: [{ find: /^@duckdb\/duckdb-wasm\/blocking$/, replacement: blockingBrowser }],
  },
  worker: {
    format: 'es',
  },
  optimizeDeps: {
    exclude: ['@duckdb/duckdb-wasm'],
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    assetsInlineLimit: 0,
  },
  // The CSP as a header, not only index.html's meta tag: only a header reaches the engine worker.
  server: { port: 5173, strictPort: false, headers: securityHeaders },
  preview: { port: 4173, strictPort: false, headers: securityHeaders },
});
