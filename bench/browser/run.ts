/**
 * `npm run bench:browser -- [--customers 100000] [--only whale-curve,rfm] [--out bench/out/browser-<N>.json]
 * [--timeout-min 30] [--load import|saved|reopen] [--skip-build] [--docs]`
 *
 * Every registered analysis on a generated dataset, in the app's own engine worker in headless
 * Chromium: the page (bench/browser/) is built with Vite and served by `vite preview`, the four
 * canonical CSV files are handed to a file input (`setInputFiles`, paths on disk: disk-backed
 * `File`s, as a user's pick) and go through the real import API; then each analysis runs with its
 * default options. Times are taken inside the page around each Comlink call. See docs/benchmarks.md.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { listAnalyses } from '../../src/analyses/registry.ts';
import { ensureDataset } from '../dataset.ts';
import { readFile } from 'node:fs/promises';
import { browserTable, machineLine, replaceSection, type BrowserResults } from './report.ts';
import { openBenchSession } from './session.ts';
import type { AnalysisTiming } from './types.ts';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '100000' },
    only: { type: 'string' },
    out: { type: 'string' },
    'timeout-min': { type: 'string', default: '30' },
    load: { type: 'string', default: 'import' },
    'skip-build': { type: 'boolean', default: false },
    docs: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(
    'usage: npm run bench:browser -- [--customers 100000] [--only whale-curve,rfm] [--out bench/out/browser-<N>.json] [--timeout-min 30] [--load import|saved|reopen] [--skip-build] [--docs]',
  );
  process.exit(0);
}
const customers = Number(values.customers);
if (!Number.isInteger(customers) || customers < 1)
  throw new Error(`invalid --customers ${values.customers}: expected a whole number ≥ 1`);
const loadPath = values.load;
if (loadPath !== 'import' && loadPath !== 'saved' && loadPath !== 'reopen')
  throw new Error(
    `invalid --load ${loadPath}: expected import (the import API), saved (loadDataset) or reopen (save as a database file, fresh worker, loadDatabase)`,
  );
const timeoutMs = Number(values['timeout-min']) * 60_000;
const known = listAnalyses().map((d) => d.id);
const only = values.only
  ?.split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const unknown = (only ?? []).filter((id) => !known.includes(id));
if (unknown.length) throw new Error(`unknown analysis id(s) ${unknown.join(', ')}: choose from ${known.join(', ')}`);
// A reopen run measures the save and the reopen; analyses only when asked for (--only).
const ids = only ?? (loadPath === 'reopen' ? [] : known);
const outDir = path.resolve(import.meta.dirname, '../out');
const outFile = path.resolve(
  values.out ?? path.join(outDir, `browser-${customers}${loadPath === 'import' ? '' : `-${loadPath}`}.json`),
);
const log = (s: string) => console.error(s);

// Other processes compete for the 2 cores: sample the 1-minute load average through the run.
const loads: number[] = [os.loadavg()[0]!];
const sampler = setInterval(() => loads.push(os.loadavg()[0]!), 5_000);
const wallStart = Date.now();

const dataset = await ensureDataset(outDir, customers, log);
// Canonical order: customers first (the other tables refer to it), as a user would pick them.
const files = ['customers', 'transactions', 'service_costs', 'surveys']
  .map((t) => path.join(dataset.dir, `${t}.csv`))
  .filter((f) => existsSync(f));

let aborted: string | null = null;
const session = await openBenchSession({ skipBuild: values['skip-build'], log, onAbort: (why) => (aborted = why) });
const browser = session.browser;
/** A page call that gives up after the time-out (the worker may still be busy: the run stops). */
async function within<T>(what: string, p: Promise<T>): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)));
  const r = await Promise.race([p, timeout]);
  clearTimeout(timer);
  if (r === null) aborted = `${what} did not finish within ${values['timeout-min']} min`;
  return r;
}

const results: BrowserResults = {
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    platform: `${process.platform}-${process.arch}`,
    chromium: browser.version(),
    hardwareConcurrency: 0,
    loadAverage: { before: loads[0]!, after: 0, max: 0, mean: 0 },
  },
  engine: { duckdbVersion: '' },
  dataset: { customers, rows: dataset.rows, bytes: dataset.bytes },
  loadPath,
  import: null,
  saved: null,
  tables: {},
  analyses: [],
  memory: { afterImport: null, afterAnalyses: null },
  wallMs: 0,
  aborted: null,
};

try {
  const page = session.page;
  const bench = session.call;

  const started = await bench('start');
  results.engine.duckdbVersion = started.duckdbVersion;
  results.machine.hardwareConcurrency = started.hardwareConcurrency;
  await page.locator('#files').setInputFiles(files);
  if (loadPath === 'saved' || loadPath === 'reopen') {
    results.saved = await within('loadDataset', bench('loadSaved'));
    if (results.saved?.load.error) aborted = 'loadDataset failed';
    if (loadPath === 'reopen' && results.saved && !aborted) {
      const saved = await within('exportDatabase', bench('saveDatabase'));
      const start = saved && !aborted ? await within('a fresh worker', bench('restart')) : null;
      const open = start && !aborted ? await within('loadDatabase', bench('reopen')) : null;
      if (saved && start && open) results.reopen = { ...saved, start, open };
      const failed = saved?.export.error ?? saved?.write.error ?? start?.error ?? open?.error;
      if (failed) aborted = `reopen failed: ${failed}`;
    }
    if (results.saved && !aborted) {
      results.tables = await bench('tables');
      results.memory.afterImport = await bench('memory').catch(() => null);
      if (results.saved.load.error) aborted = 'loadDataset failed; analyses not run';
    }
  } else results.import = await within('the import', bench('importAll'));
  if (results.import && !aborted) {
    results.tables = await bench('tables');
    results.memory.afterImport = await bench('memory').catch(() => null);
    const failedImport =
      results.import.files.find((f) => f.inspect.error || f.import.error) ??
      (results.import.commit.error ? { fileName: 'commitImport' } : null);
    if (failedImport) aborted = `the import failed (${failedImport.fileName}); analyses not run`;
  }
  for (const id of ids) {
    if (aborted) break;
    const a: AnalysisTiming | null = await within(`analysis ${id}`, bench('analysis', id));
    if (a) results.analyses.push(a);
    await writeFile(outFile, JSON.stringify(results, null, 2)).catch(() => undefined);
  }
  if (!aborted) results.memory.afterAnalyses = await bench('memory').catch(() => null);
} catch (e) {
  aborted = `run failed: ${e instanceof Error ? e.message : String(e)}`;
} finally {
  clearInterval(sampler);
  loads.push(os.loadavg()[0]!);
  results.machine.loadAverage = {
    before: loads[0]!,
    after: loads.at(-1)!,
    max: Math.max(...loads),
    mean: loads.reduce((s, x) => s + x, 0) / loads.length,
  };
  results.wallMs = Date.now() - wallStart;
  results.aborted = aborted;
  await mkdir(path.dirname(outFile), { recursive: true });
  await writeFile(outFile, JSON.stringify(results, null, 2));
  await session.close();
}

console.log(`${machineLine(results)}; wall ${(results.wallMs / 60_000).toFixed(1)} min`);
console.log();
console.log(browserTable(results));
if (aborted) console.log(`\nABORTED: ${aborted}`);
if (values.docs && !aborted) {
  // The figures in docs/benchmarks.md are this output, pasted by the harness itself.
  const docs = path.resolve(import.meta.dirname, '../../docs/benchmarks.md');
  const body = `${machineLine(results)}.\n\n${browserTable(results)}`;
  await writeFile(docs, replaceSection(await readFile(docs, 'utf8'), `${loadPath}-${customers}`, body));
  log(`table → ${path.relative(process.cwd(), docs)} (section ${loadPath}-${customers})`);
}
log(`results → ${path.relative(process.cwd(), outFile)}`);
process.exit(aborted || results.analyses.some((a) => a.error) ? 1 : 0);
