/**
 * `npm run bench -- [--customers 100000] [--repeat 5] [--only whale-curve,rfm] [--out bench/out/results.json]`
 *
 * Our engine (DuckDB-WASM, the worker's code path) beside native DuckDB on the same data and the
 * same statements. See docs/benchmarks.md for the figures and how to read them.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { selectCases } from './cases.ts';
import { BENCH_SEED, ensureDataset } from './dataset.ts';
import { openNative } from './native.ts';
import { runNativeCase } from './native-cases.ts';
import { markdownTable, ratio, tableNotes, type BenchResults, type CaseResult } from './report.ts';
import { readDataset, startWasm } from './wasm.ts';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '100000' },
    repeat: { type: 'string', default: '5' },
    only: { type: 'string' },
    out: { type: 'string', default: path.resolve(import.meta.dirname, 'out/results.json') },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(
    'usage: npm run bench -- [--customers 100000] [--repeat 5] [--only csv-load,whale-curve,profit-diagnostics,rfm,tiers,scan-1m] [--out bench/out/results.json]',
  );
  process.exit(0);
}
const customers = Number(values.customers);
const repeat = Number(values.repeat);
if (!Number.isInteger(customers) || customers < 1)
  throw new Error(`invalid --customers ${values.customers}: expected a whole number ≥ 1`);
if (!Number.isInteger(repeat) || repeat < 1)
  throw new Error(`invalid --repeat ${values.repeat}: expected a whole number ≥ 1`);
const cases = selectCases(
  values.only
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);
const outFile = path.resolve(values.out);
const log = (s: string) => console.error(s);
// Other processes compete for the cores: record how busy the machine was (1-minute load average).
const loadBefore = os.loadavg()[0]!;

const dataset = await ensureDataset(path.dirname(outFile), customers, log);
const files = await readDataset(dataset);

// Case by case, the three engines back to back: other work on the machine comes and goes, and
// running all WASM first and all native later would hand one side the quieter minutes. WASM runs
// each case first because it records the statements native replays.
const wasm = await startWasm(files);
const native1 = await openNative(1);
const nativeDefault = await openNative();
const results: CaseResult[] = [];
for (const c of cases) {
  log(`wasm   ${c.name} …`);
  const w = await wasm.run(c, repeat);
  const r: CaseResult = {
    name: c.name,
    description: c.description,
    statements: w.queries.length,
    wasm: { endToEnd: w.endToEnd, sqlOnly: w.sqlOnly },
    native1: null,
    nativeDefault: null,
    ratio: null,
    mismatches: [],
  };
  for (const [db, key] of [
    [native1, 'native1'],
    [nativeDefault, 'nativeDefault'],
  ] as const) {
    log(`native ${db.threads}t ${c.name} …`);
    const n = await runNativeCase(db, c, w.queries, dataset, repeat);
    r[key] = n.timing;
    r.mismatches.push(...n.mismatches.map((m) => `${db.threads} thread(s): ${m}`));
  }
  results.push(r);
}
native1.close();
nativeDefault.close();
for (const r of results) r.ratio = ratio(r.wasm.sqlOnly, r.native1);

const cpus = os.cpus();
const out: BenchResults = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    loadAverage: { before: loadBefore, after: os.loadavg()[0]! },
  },
  engines: { wasm: wasm.version, native: native1.version, nativeDefaultThreads: nativeDefault.threads },
  dataset: { customers, seed: BENCH_SEED, rows: dataset.rows, bytes: dataset.bytes },
  repeat,
  cases: results,
};
await mkdir(path.dirname(outFile), { recursive: true });
await writeFile(outFile, JSON.stringify(out, null, 2));
console.log(markdownTable(out));
console.log();
console.log(tableNotes(out));
for (const r of results) for (const m of r.mismatches) console.log(`WARNING ${r.name}: row counts differ: ${m}`);
log(`results → ${path.relative(process.cwd(), outFile)}`);
