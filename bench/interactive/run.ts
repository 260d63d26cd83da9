/**
 * `npm run bench:interactive -- [--customers 100000] [--only rfm,whale-curve:margin,…] [--skip-build] [--docs]`
 *
 * What an analyst feels after a load and when moving a slider: in headless Chromium, the app's own
 * engine worker imports a generated dataset through the import API (the customer-base summary is
 * built there), runs every registered analysis once with default options (its first run after the
 * load), then moves each slider of `cases.ts` through its positions, timing every `runAnalysis`
 * inside the page. Beside it, in the same run, native DuckDB (one thread) loads the same CSV files
 * and times each analysis's hand-written naive reference query (bench/reference/<analysis>.sql:
 * one warm-up, three timed runs, median), and checks that it gives the browser result's headline
 * numbers. `--only` takes analysis ids (first run and reference) and slider keys. Writes
 * bench/out/interactive-<N>.json; `--docs` also rewrites this size's section of
 * docs/benchmarks.md from that JSON. Never a timed assertion: figures only.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureDataset } from '../dataset.ts';
import { openNative, type NativeDb } from '../native.ts';
import { openBenchSession } from '../browser/session.ts';
import { compareHeadline, referenceIds, referenceSql } from '../reference/headline.ts';
import { listAnalyses } from '../../src/analyses/registry.ts';
import { canonicalTables } from '../../src/model/schema.ts';
import { interactiveCases } from './cases.ts';
import { writeDocsSection } from './docs.ts';
import { caseStats, interactiveSection } from './report.ts';
import type { InteractiveResults, NativeReference } from './types.ts';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '100000' },
    only: { type: 'string' },
    'skip-build': { type: 'boolean', default: false },
    docs: { type: 'boolean', default: false },
  },
});
const customers = Number(values.customers);
if (!Number.isInteger(customers) || customers < 1)
  throw new Error(`invalid --customers ${values.customers}: expected a whole number ≥ 1`);
const only = values.only
  ?.split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const registered = listAnalyses().map((a) => a.id);
const unknown = (only ?? []).filter((k) => !registered.includes(k) && !interactiveCases.some((c) => c.key === k));
if (unknown.length)
  throw new Error(
    `unknown --only item(s) ${unknown.join(', ')}: choose analyses from ${registered.join(', ')} or sliders from ${interactiveCases.map((c) => c.key).join(', ')}`,
  );
const cases = only ? interactiveCases.filter((c) => only.includes(c.key)) : interactiveCases;
// Every analysis by default; with --only, the analyses named and those of the sliders named (registry order).
const analyses = only
  ? registered.filter((id) => only.includes(id) || cases.some((c) => c.analysis === id))
  : registered;
const references = new Set(referenceIds());
/** Headline numbers must agree to this (relative): two engines, two summation orders, up to millions of terms. */
const HARNESS_TOLERANCE = 1e-6;
const outDir = path.resolve(import.meta.dirname, '../out');
const outFile = path.join(outDir, `interactive-${customers}.json`);
const log = (s: string) => console.error(s);

const loads: number[] = [os.loadavg()[0]!];
const sampler = setInterval(() => loads.push(os.loadavg()[0]!), 5_000);
const dataset = await ensureDataset(outDir, customers, log);
const files = ['customers', 'transactions', 'service_costs', 'surveys']
  .map((t) => path.join(dataset.dir, `${t}.csv`))
  .filter((f) => existsSync(f));

const results: InteractiveResults = {
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    chromium: '',
    loadAverage: { before: loads[0]!, after: 0, max: 0, mean: 0 },
  },
  duckdbVersion: '',
  nativeVersion: '',
  dataset: { customers, rows: dataset.rows },
  importMs: null,
  summaryBuildMs: null,
  firstRuns: [],
  nativeLoadMs: null,
  native: [],
  cases: [],
  aborted: null,
};

const session = await openBenchSession({
  skipBuild: values['skip-build'],
  log,
  onAbort: (why) => (results.aborted = why),
});
try {
  results.machine.chromium = session.browser.version();
  results.duckdbVersion = (await session.call('start')).duckdbVersion;
  await session.page.locator('#files').setInputFiles(files);
  const imported = await session.call('importAll');
  results.importMs = imported.totalMs;
  const failed =
    imported.files.find((f) => f.inspect.error || f.import.error) ??
    (imported.commit.error ? { fileName: 'commitImport' } : null);
  if (failed) throw new Error(`the import failed (${failed.fileName})`);
  results.summaryBuildMs = (await session.call('engineStatus')).summary?.buildMs ?? null;

  for (const id of analyses) {
    const a = await session.call('analysis', id);
    results.firstRuns.push({
      analysis: id,
      ms: a.ms,
      error: a.error,
      longestFrameGapMs: a.frames.longestGapMs,
      scalars: a.scalars ?? {},
    });
  }

  // Native DuckDB on the same files, in the same run, on the hand-written naive reference queries.
  const native = await openNative(1);
  try {
    results.nativeVersion = native.version;
    const t0 = performance.now();
    await loadNative(native, dataset.dir);
    results.nativeLoadMs = performance.now() - t0;
    for (const id of analyses.filter((a) => references.has(a))) {
      log(`native reference ${id} …`);
      const ref = await timeReference(native, id);
      const browser = results.firstRuns.find((f) => f.analysis === id);
      if (!ref.error && browser && !browser.error) {
        ref.mismatches = compareHeadline(ref.headline, browser.scalars ?? {}, HARNESS_TOLERANCE)
          .filter((c) => !c.ok)
          .map((c) => `${c.name}: ${String(c.reference)} vs ${String(c.analysis)}`);
        if (ref.mismatches.length) log(`  headline differs: ${ref.mismatches.join('; ')}`);
      }
      results.native.push(ref);
    }
  } finally {
    native.close();
  }

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
  results.machine.loadAverage = {
    before: loads[0]!,
    after: loads.at(-1)!,
    max: Math.max(...loads),
    mean: loads.reduce((s, x) => s + x, 0) / loads.length,
  };
  await mkdir(outDir, { recursive: true });
  await writeFile(outFile, JSON.stringify(results, null, 2));
  await session.close();
}

const section = interactiveSection(results);
console.log(section);
if (values.docs && !results.aborted) {
  await writeDocsSection(customers, section);
  log(`docs/benchmarks.md: section for ${customers} customers rewritten`);
}
if (results.aborted) console.log(`\nABORTED: ${results.aborted}`);
log(`results → ${path.relative(process.cwd(), outFile)}`);
process.exit(results.aborted ? 1 : 0);

/** Loads the four canonical CSV files into native tables with the canonical column types. */
async function loadNative(db: NativeDb, dir: string): Promise<void> {
  for (const t of canonicalTables) {
    const file = path.join(dir, `${t.name}.csv`);
    if (!existsSync(file)) continue;
    const types = t.columns.map((c) => `'${c.name}': '${c.type}'`).join(', ');
    await db.conn.run(
      `CREATE TABLE ${t.name} AS SELECT * FROM read_csv('${file.replace(/'/g, "''")}', header = true, dateformat = '%Y-%m-%d', types = {${types}})`,
    );
  }
}

/** One reference query: a warm-up, then three timed runs (each reads the whole result into JS values). */
async function timeReference(db: NativeDb, id: string): Promise<NativeReference> {
  const sql = referenceSql(id);
  const out: NativeReference = { analysis: id, medianMs: null, runs: [], error: null, headline: {}, mismatches: [] };
  try {
    for (let i = 0; i < 4; i++) {
      const t0 = performance.now();
      const reader = await db.conn.runAndReadAll(sql);
      const rows = reader.getRowObjectsJS();
      if (i > 0) out.runs.push(performance.now() - t0);
      else out.headline = Object.fromEntries(Object.entries(rows[0] ?? {}).map(([k, v]) => [k, plainValue(v)]));
    }
    out.medianMs = caseStats(out.runs).medianMs;
  } catch (e) {
    out.error = e instanceof Error ? e.message : String(e);
    log(`  ${out.error}`);
  }
  return out;
}

/** A native value as JSON can hold it: BIGINT as a number, DATE as YYYY-MM-DD. */
function plainValue(v: unknown): number | string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}
