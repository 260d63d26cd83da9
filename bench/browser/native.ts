/**
 * `npx tsx bench/browser/native.ts [--customers 100000] [--only a,b]`
 *
 * Native DuckDB beside the browser-worker figures, for every registered analysis (bench/cases.ts
 * covers four). Each analysis runs once on our engine in Node (DuckDB-WASM, recording the SQL it
 * sends, `bench/recorded.ts`), then the recorded statements are replayed on native DuckDB with one
 * thread (one warm-up, one timed run). One run each: at 1M customers 18 analyses already take
 * ~15 minutes on 2 cores. Writes bench/out/native-all-<N>.json.
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { listAnalyses } from '../../src/analyses/registry.ts';
import { createNodeEngine } from '../../src/engine/node.ts';
import type { AnalysisCase, LoadCase } from '../cases.ts';
import { ensureDataset } from '../dataset.ts';
import { openNative } from '../native.ts';
import { runNativeCase } from '../native-cases.ts';
import { recordQueries } from '../recorded.ts';
import { timeOnce } from '../stats.ts';
import { readDataset } from '../wasm.ts';
import { fmtMs } from './report.ts';

const { values } = parseArgs({
  options: { customers: { type: 'string', default: '100000' }, only: { type: 'string' } },
});
const customers = Number(values.customers);
const ids =
  values.only
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean) ?? listAnalyses().map((d) => d.id);
const outDir = path.resolve(import.meta.dirname, '../out');
const log = (s: string) => console.error(s);
const loads = [os.loadavg()[0]!];

const dataset = await ensureDataset(outDir, customers, log);
const files = await readDataset(dataset);
const engine = createNodeEngine();
const db = await engine.database();
const native = await openNative(1);

/** One figure per analysis: WASM in Node end to end (the recording run) and native 1-thread (replayed SQL). */
interface NativeRow {
  id: string;
  statements: number;
  wasmNodeMs: number | null;
  native1Ms: number | null;
  error: string | null;
}
const rows: NativeRow[] = [];
const loadCase: LoadCase = { kind: 'load', name: 'csv-load', description: '' };
log('load …');
let loadQueries: Awaited<ReturnType<typeof recordQueries>>['queries'] = [];
const wasmLoadMs = await timeOnce(
  async () =>
    (loadQueries = (await recordQueries(db, ['querySync', 'exec'], () => engine.loadCanonicalCsv('bench', [...files])))
      .queries),
);
const nativeLoad = await runNativeCase(native, loadCase, loadQueries, dataset, 1);
rows.push({
  id: 'csv-load',
  statements: loadQueries.length,
  wasmNodeMs: wasmLoadMs,
  native1Ms: nativeLoad.timing.median,
  error: null,
});
for (const id of ids) {
  log(`${id} …`);
  const c: AnalysisCase = { kind: 'analysis', name: id, analysis: id, options: {}, description: '' };
  try {
    let queries: typeof loadQueries = [];
    const wasmNodeMs = await timeOnce(
      async () => (queries = (await recordQueries(db, ['query'], () => engine.runAnalysis(id, {}))).queries),
    );
    const n = await runNativeCase(native, c, queries, dataset, 1);
    rows.push({
      id,
      statements: queries.length,
      wasmNodeMs,
      native1Ms: n.timing.median,
      error: n.mismatches.length ? `row counts differ: ${n.mismatches.join('; ')}` : null,
    });
  } catch (e) {
    rows.push({
      id,
      statements: 0,
      wasmNodeMs: null,
      native1Ms: null,
      error: e instanceof Error ? e.message : String(e),
    });
  }
  loads.push(os.loadavg()[0]!);
}
native.close();
loads.push(os.loadavg()[0]!);
const out = {
  date: new Date().toISOString(),
  customers,
  native: native.version,
  loadAverage: { before: loads[0], after: loads.at(-1), max: Math.max(...loads) },
  rows,
};
const outFile = path.join(outDir, `native-all-${customers}.json`);
await writeFile(outFile, JSON.stringify(out, null, 2));
console.log('| analysis | wasm in Node ms | native 1-thread ms | statements | note |');
console.log('|---|---:|---:|---:|---|');
for (const r of rows)
  console.log(
    `| ${r.id} | ${r.wasmNodeMs === null ? '—' : fmtMs(r.wasmNodeMs)} | ${r.native1Ms === null ? '—' : fmtMs(r.native1Ms)} | ${r.statements} | ${r.error ?? ''} |`,
  );
log(`results → ${path.relative(process.cwd(), outFile)}`);
process.exit(0);
