/**
 * `npm run bench:interactive -- [--customers 100000] [--only whale-curve:margin,…] [--skip-build] [--docs]`
 *
 * What an analyst feels when moving a slider: in headless Chromium, the app's own engine worker
 * imports a generated dataset through the import API (the customer-base summary is built there),
 * runs each analysis once with default options, then moves each slider of `cases.ts` through its
 * positions, timing every `runAnalysis` inside the page. Beside it, in the same run, native DuckDB
 * (one thread) times the hand-written naive whale query (bench/reference/whale-curve.sql) on the
 * same CSV files. Writes bench/out/interactive-<N>.json; `--docs` also rewrites this size's
 * section of docs/benchmarks.md from that JSON. Never a timed assertion: figures only.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureDataset } from '../dataset.ts';
import { openNative } from '../native.ts';
import { openBenchSession } from '../browser/session.ts';
import { interactiveCases } from './cases.ts';
import { caseStats, firstRunTable, interactiveHeading, interactiveTable } from './report.ts';
import type { InteractiveResults } from './types.ts';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '100000' },
    only: { type: 'string' },
    'skip-build': { type: 'boolean', default: false },
    docs: { type: 'boolean', default: false },
  },
});
const customers = Number(values.customers);
if (!Number.isInteger(customers) || customers < 1) throw new Error(`invalid --customers ${values.customers}: expected a whole number ≥ 1`);
const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean);
const cases = only ? interactiveCases.filter((c) => only.includes(c.key)) : interactiveCases;
if (only && cases.length !== only.length) throw new Error(`unknown case(s): choose from ${interactiveCases.map((c) => c.key).join(', ')}`);
const outDir = path.resolve(import.meta.dirname, '../out');
const outFile = path.join(outDir, `interactive-${customers}.json`);
const log = (s: string) => console.error(s);

const loads: number[] = [os.loadavg()[0]!];
const sampler = setInterval(() => loads.push(os.loadavg()[0]!), 5_000);
const dataset = await ensureDataset(outDir, customers, log);
const files = ['customers', 'transactions', 'service_costs', 'surveys'].map((t) => path.join(dataset.dir, `${t}.csv`)).filter((f) => existsSync(f));

const results: InteractiveResults = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', chromium: '', loadAverage: { before: loads[0]!, after: 0, max: 0, mean: 0 } },
  duckdbVersion: '',
  nativeVersion: '',
  dataset: { customers, rows: dataset.rows },
  importMs: null,
  summaryBuildMs: null,
  firstRuns: [],
  nativeWhale: null,
  cases: [],
  aborted: null,
};

const session = await openBenchSession({ skipBuild: values['skip-build'], log, onAbort: (why) => (results.aborted = why) });
try {
  results.machine.chromium = session.browser.version();
  results.duckdbVersion = (await session.call('start')).duckdbVersion;
  await session.page.locator('#files').setInputFiles(files);
  const imported = await session.call('importAll');
  results.importMs = imported.totalMs;
  const failed = imported.files.find((f) => f.inspect.error || f.import.error) ?? (imported.commit.error ? { fileName: 'commitImport' } : null);
  if (failed) throw new Error(`the import failed (${failed.fileName})`);
  results.summaryBuildMs = (await session.call('engineStatus')).summary?.buildMs ?? null;

  for (const id of [...new Set(cases.map((c) => c.analysis))]) {
    const a = await session.call('analysis', id);
    results.firstRuns.push({ analysis: id, ms: a.ms, error: a.error });
  }

  // Native DuckDB on the same files, in the same run, on the naive hand-written query.
  const native = await openNative(1);
  results.nativeVersion = native.version;
  for (const t of ['transactions', 'service_costs']) {
    const file = path.join(dataset.dir, `${t}.csv`).replace(/'/g, "''");
    await native.conn.run(`CREATE TABLE ${t} AS SELECT * FROM read_csv('${file}', header = true, dateformat = '%Y-%m-%d')`);
  }
  const reference = await readFile(path.resolve(import.meta.dirname, '../reference/whale-curve.sql'), 'utf8');
  const runs: number[] = [];
  for (let i = 0; i < 4; i++) {
    const t0 = performance.now();
    (await native.conn.runAndReadAll(reference)).getRowsJS();
    if (i > 0) runs.push(performance.now() - t0); // the first run warms the page cache
  }
  native.close();
  results.nativeWhale = { medianMs: caseStats(runs).medianMs!, runs };

  for (const c of cases) {
    log(`${c.key}: ${c.positions.length} positions …`);
    const timings = await session.call('sweep', c.analysis, c.positions);
    const ok = timings.filter((t) => !t.error).map((t) => t.ms);
    results.cases.push({
      key: c.key,
      label: c.label,
      analysis: c.analysis,
      runs: ok,
      errors: timings.filter((t) => t.error).map((t) => t.error!),
      ...caseStats(ok),
      longestFrameGapMs: Math.max(0, ...timings.map((t) => t.longestFrameGapMs)),
    });
  }
} catch (e) {
  results.aborted = `run failed: ${e instanceof Error ? e.message : String(e)}`;
} finally {
  clearInterval(sampler);
  loads.push(os.loadavg()[0]!);
  results.machine.loadAverage = { before: loads[0]!, after: loads.at(-1)!, max: Math.max(...loads), mean: loads.reduce((s, x) => s + x, 0) / loads.length };
  await mkdir(outDir, { recursive: true });
  await writeFile(outFile, JSON.stringify(results, null, 2));
  await session.close();
}

const section = [interactiveHeading(results), '', firstRunTable(results), '', interactiveTable(results)].join('\n');
console.log(section);
if (values.docs && !results.aborted) await writeDocsSection(customers, section);
if (results.aborted) console.log(`\nABORTED: ${results.aborted}`);
log(`results → ${path.relative(process.cwd(), outFile)}`);
process.exit(results.aborted ? 1 : 0);

/** Replaces this size's generated section of docs/benchmarks.md (between its markers). */
async function writeDocsSection(n: number, body: string): Promise<void> {
  const docs = path.resolve(import.meta.dirname, '../../docs/benchmarks.md');
  const text = await readFile(docs, 'utf8');
  const begin = `<!-- bench:interactive:${n}:begin (generated by npm run bench:interactive -- --customers ${n} --docs) -->`;
  const end = `<!-- bench:interactive:${n}:end -->`;
  const block = `${begin}\n${body}\n${end}`;
  const at = text.indexOf(begin);
  const stop = text.indexOf(end);
  const next = at >= 0 && stop > at ? text.slice(0, at) + block + text.slice(stop + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  await writeFile(docs, next);
  log(`docs/benchmarks.md: section for ${n} customers rewritten`);
}
