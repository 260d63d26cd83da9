/**
 * `npx tsx bench/browser/combine.ts bench/out/browser-1000000-saved.json bench/out/native-all-1000000.json [more
 * browser JSON…]`
 *
 * Prints the docs table: each analysis in the browser worker beside our engine in Node and native
 * DuckDB (1 thread). Later browser files fill analyses the first one lacks (e.g. a re-run `--only`).
 */
import { readFileSync } from 'node:fs';
import { fmtMs, type BrowserResults } from './report.ts';

const [first, nativeFile, ...more] = process.argv.slice(2);
if (!first || !nativeFile) throw new Error('usage: combine.ts <browser.json> <native-all.json> [browser.json…]');
const browsers = [first, ...more].map((f) => JSON.parse(readFileSync(f, 'utf8')) as BrowserResults);
const native = JSON.parse(readFileSync(nativeFile, 'utf8')) as {
  rows: { id: string; statements: number; wasmNodeMs: number | null; native1Ms: number | null; error: string | null }[];
};
const cell = (x: number | null | undefined) => (x === null || x === undefined ? '—' : fmtMs(x));

console.log(
  '| analysis | browser worker ms | longest frame gap ms | wasm in Node ms | native 1-thread ms | browser / native | statements |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const n of native.rows) {
  if (n.id === 'csv-load') continue;
  const b = browsers.map((r) => r.analyses.find((a) => a.id === n.id)).find((a) => a !== undefined);
  const ms = b && !b.error ? b.ms : null;
  const ratio = ms !== null && n.statements > 0 && n.native1Ms ? `${(ms / n.native1Ms).toFixed(2)}×` : '—';
  console.log(
    `| ${n.id} | ${b?.error ? `failed: ${b.error}` : cell(ms)} | ${cell(b?.frames.longestGapMs)} | ${cell(n.wasmNodeMs)} | ${n.statements === 0 ? 'no SQL' : cell(n.native1Ms)} | ${ratio} | ${n.statements} |`,
  );
}
