/// <reference lib="webworker" />
/**
 * The engine worker's entry, kept small on purpose: a cold start waits mostly for DuckDB's
 * WebAssembly to download and compile, so that starts first (worker-boot.ts), before the browser
 * has even parsed the rest of the worker's code (about 2 MB, worker-main.ts, loaded here as a
 * separate chunk). The page's first calls may arrive meanwhile; they are held and handed over.
 */
import './worker-boot.ts';

const early: MessageEvent[] = [];
const hold = (ev: MessageEvent) => early.push(ev);
self.addEventListener('message', hold);

const { serve } = await import('./worker-main.ts');
self.removeEventListener('message', hold);
serve(early);
