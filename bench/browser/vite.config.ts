/**
 * Build of the browser-worker benchmark page: its own entry (bench/browser/index.html), the same
 * engine worker as the app (src/engine/worker.ts) and the same alias that points
 * `@duckdb/duckdb-wasm/blocking` at the blocking *browser* build. Output goes to
 * bench/out/browser-dist (git-ignored).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { sampleDatabase } from '../../sample-data/vite-plugin.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const blockingBrowser = fileURLToPath(
  new URL('../../node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-blocking.mjs', import.meta.url),
);

/** Where `vite build` writes the page; `run.ts` serves it from there. */
export const benchDist = fileURLToPath(new URL('../out/browser-dist', import.meta.url));

export default defineConfig({
  root: here,
  // The engine worker imports the sample's database file (built from the committed CSVs).
  plugins: [sampleDatabase()],
  base: './',
  logLevel: 'error',
  resolve: {
    alias: [{ find: /^@duckdb\/duckdb-wasm\/blocking$/, replacement: blockingBrowser }],
  },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  build: {
    outDir: benchDist,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 8192,
    assetsInlineLimit: 0,
  },
  preview: { host: '127.0.0.1', port: 0, strictPort: false },
});
