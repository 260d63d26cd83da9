import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { securityHeaders } from './src/app/csp.ts';
import { sampleDatabase } from './sample-data/vite-plugin.ts';

const blockingBrowser = fileURLToPath(
  new URL('./node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-blocking.mjs', import.meta.url),
);

export default defineConfig({
  plugins: [sampleDatabase(), svelte()],
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
