/**
 * `npm run bench:app -- [--customers N] [--drags 5] [--pause-ms 120] [--skip-build] [--docs]`
 *
 * The same slider drag in the real app (issue 12 point 7): builds the app, serves it with
 * `vite preview`, opens it in headless Chromium, gets the dataset in (the built-in sample, or N
 * generated customers through the import wizard), opens "Who really makes the profit?", waits
 * until every cell has run, switches the margin to "assumed" and drags the margin slider with the
 * arrow keys through 10 positions, several times. The page records every long task and chart
 * redraw (probe.ts); report.ts turns them into figures. Writes bench/out/app-<N|sample>.json and
 * prints a Markdown table; `--docs` rewrites that dataset's section of docs/benchmarks.md from the
 * JSON. Figures only: nothing here passes or fails on time.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureDataset } from '../dataset.ts';
import { dragWithKeys, setInput, settled } from './drag.ts';
import { importThroughWizard } from './import.ts';
import { readProbe } from './probe.ts';
import { appHeading, appTable, dragFigures, replaceAppSection } from './report.ts';
import { openApp } from './session.ts';
import type { AppResults } from './types.ts';

const { values } = parseArgs({
  options: {
    customers: { type: 'string' },
    drags: { type: 'string', default: '5' },
    'pause-ms': { type: 'string', default: '120' },
    'skip-build': { type: 'boolean', default: false },
    docs: { type: 'boolean', default: false },
  },
});
const customers = values.customers === undefined ? null : Number(values.customers);
if (customers !== null && (!Number.isInteger(customers) || customers < 1))
  throw new Error(`invalid --customers ${values.customers}: expected a whole number ≥ 1`);
const drags = Number(values.drags);
const pauseMs = Number(values['pause-ms']);
const label = customers === null ? 'sample' : String(customers);
const outDir = path.resolve(import.meta.dirname, '../out');
const outFile = path.join(outDir, `app-${label}.json`);
const log = (s: string) => console.error(s);
const notebook = 'who-really-makes-the-profit';
/** Slider positions per drag: margin 0.25 ↔ 0.75 in steps of 0.05 (the notebook's step). */
const STEPS = 10;
/** Generous: a first run at 1M rescans the raw tables for some cells. */
const SETTLE_MS = 15 * 60_000;

const loads: number[] = [os.loadavg()[0]!];
const sampler = setInterval(() => loads.push(os.loadavg()[0]!), 5_000);
const results: AppResults = {
  date: new Date().toISOString(),
  dataset: { label, customers, rows: null },
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium: '',
    loadAverage: { before: loads[0]!, after: 0, max: 0, mean: 0, samples: [] },
  },
  method: { pauseMs, positionsPerDrag: STEPS, drags, chartCell: '' },
  importMs: null,
  firstRunMs: null,
  wholeRun: { longTasks: 0, longestTaskMs: null },
  drags: [],
  aborted: null,
};

const files = customers === null ? [] : await datasetFiles(customers);
const app = await openApp({ skipBuild: values['skip-build'], log, onAbort: (why) => (results.aborted = why) });
const { page } = app;
try {
  results.machine.chromium = app.browser.version();
  await page.getByTestId('engine-status').filter({ hasText: 'DuckDB' }).waitFor({ timeout: 120_000 });
  await page.locator('[data-table="transactions"]').waitFor({ timeout: 120_000 });
  if (customers !== null) {
    log(`importing ${customers} customers through the wizard …`);
    results.importMs = await importThroughWizard(page, files, `bench ${customers}`, 30 * 60_000);
    log(`imported in ${results.importMs} ms`);
  }
  const t0 = Date.now();
  await page.locator(`[data-testid="builtin-notebooks"] [data-notebook="${notebook}"]`).click();
  await page.getByTestId('notebook-title').filter({ hasText: 'Who really makes the profit?' }).waitFor();
  await settled(page, SETTLE_MS);
  results.firstRunMs = Date.now() - t0;
  const chartCell =
    (await page.locator('[data-testid="nb-cell"][data-kind="chart"]').first().getAttribute('data-cell-id')) ?? '';
  results.method.chartCell = chartCell;

  // Margin first, then the source: the assumed-margin run starts at 0.25, so the drag's positions
  // are all new to the engine's result cache.
  await setInput(page, 'margin', '0.25');
  await settled(page, SETTLE_MS);
  await setInput(page, 'margin_source', 'assumed');
  await settled(page, SETTLE_MS);

  for (let d = 0; d < drags; d++) {
    // A new handling cost per order before each drag (it feeds every margin-dependent cell), so
    // no position of this drag was computed before: no figure comes from the result cache.
    if (d > 0) {
      await setInput(page, 'order_cost', String(d));
      await settled(page, SETTLE_MS);
    }
    // The chart in view, as a person watching it would have it; the slider is focused without
    // scrolling (dragWithKeys). Charts out of view are drawn only when they come into view.
    await page.locator(`[data-cell-id="${chartCell}"]`).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.waitForTimeout(1_000); // let the previous run's last frames and GC pass
    const key = d % 2 === 0 ? 'ArrowRight' : 'ArrowLeft';
    const from = await dragWithKeys(page, '#input-margin', key, STEPS, pauseMs);
    const settledAt = await settled(page, SETTLE_MS);
    await page.waitForTimeout(1_000); // late redraws and long-task entries are delivered
    const fig = dragFigures(await readProbe(page), {
      from,
      settledAt,
      inputId: 'input-margin',
      chartCell,
      whaleCell: 'whale',
      positions: STEPS,
    });
    results.drags.push(fig);
    log(
      `drag ${d + 1}: chart ${fig.chartMs?.toFixed(0)} ms after the last input, ${fig.longTasks} long tasks (load ${os.loadavg()[0]!.toFixed(1)})`,
    );
  }
  const all = (await readProbe(page)).longTasks;
  results.wholeRun = {
    longTasks: all.length,
    longestTaskMs: all.length ? Math.max(...all.map((l) => l.duration)) : null,
  };
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
    samples: loads,
  };
  await mkdir(outDir, { recursive: true });
  await writeFile(outFile, JSON.stringify(results, null, 2));
  await app.close();
}

const section = [appHeading(results), '', appTable(results)].join('\n');
console.log(section);
if (values.docs && !results.aborted) {
  const docs = path.resolve(import.meta.dirname, '../../docs/benchmarks.md');
  const command = `npm run bench:app --${customers === null ? '' : ` --customers ${customers}`} --docs`;
  await writeFile(docs, replaceAppSection(await readFile(docs, 'utf8'), label, command, section));
  log(`docs/benchmarks.md: section ${label} rewritten`);
}
if (results.aborted) console.log(`\nABORTED: ${results.aborted}`);
log(`results → ${path.relative(process.cwd(), outFile)}`);
process.exit(results.aborted ? 1 : 0);

/** The generated dataset's CSV files (generated once and cached by bench/dataset.ts). */
async function datasetFiles(n: number): Promise<string[]> {
  const dataset = await ensureDataset(outDir, n, log);
  results.dataset.rows = dataset.rows;
  // A manifest written from the repository root may hold a relative folder.
  const base = path.resolve(import.meta.dirname, '../..', dataset.dir);
  return ['customers', 'transactions', 'service_costs', 'surveys']
    .map((t) => path.join(base, `${t}.csv`))
    .filter((f) => existsSync(f));
}
