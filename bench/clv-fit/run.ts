/**
 * `npm run bench:clv-fit -- [--customers 100000,1000000] [--runs 3] [--python python3] [--lifetimes DIR]`
 *
 * The BG/NBD fit side by side with Python `lifetimes` on identical per-customer data (issue 17,
 * point 1). For CDNOW (the distributed 39-week summary) and each generated size (the benchmark
 * dataset, bench/dataset.ts), the per-customer (frequency, recency, T) in weeks is written to
 * `bench/out/clv-fit/<name>.csv` — for the generated data by native DuckDB running the analysis's
 * own summary SQL (`buildClvSummaryQuery`, calibration end = last transaction date) — and then
 * fitted:
 *
 * - **ours**: DuckDB-WASM (the engine's database, in Node) `GROUP BY` of the rows, held in a table,
 *   into distinct histories with counts read as typed arrays, then `fitBgNbdHistories` (BFGS with
 *   the analytic gradient) — what the analysis does in the worker; timed separately and together;
 * - **ours, rows**: `fitBgNbd` on the customer rows (groups the histories in JavaScript);
 * - **Nelder–Mead (before)**: the previous fit, Nelder–Mead on the same grouped likelihood, once;
 * - **lifetimes**: `BetaGeoFitter().fit(frequency, recency, T)` with default settings, run by
 *   `bench/clv-fit/lifetimes_fit.py` from the lifetimes source tree given by `--lifetimes` (or
 *   `LIFETIMES_SRC`); skipped with a message when it is not given or cannot run.
 *
 * Each is run `--runs` times (median reported). Prints a markdown table; figures only, never an
 * assertion. docs/benchmarks.md § "CLV fit vs lifetimes" records a run and how it was made.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureDataset } from '../dataset.ts';
import { openNative } from '../native.ts';
import { createNodeEngine } from '../../src/engine/node.ts';
import { internalPath } from '../../src/engine/internal-files.ts';
import { buildClvSummaryQuery } from '../../src/analyses/clv/summary-query.ts';
import {
  fitBgNbd,
  fitBgNbdHistories,
  groupedLogLikelihood,
  groupHistories,
  type Histories,
  type RfmT,
} from '../../src/analyses/clv/bgnbd.ts';
import { nelderMead } from '../../src/analyses/clv/nelder-mead.ts';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '100000,1000000' },
    runs: { type: 'string', default: '3' },
    python: { type: 'string', default: 'python3' },
    lifetimes: { type: 'string', default: process.env.LIFETIMES_SRC ?? '' },
  },
});
const repo = path.resolve(import.meta.dirname, '../..');
const outDir = path.join(repo, 'bench/out/clv-fit');
const runs = Math.max(1, Number(values.runs));
const sizes = values.customers.split(',').filter(Boolean).map(Number);
for (const n of sizes) if (!Number.isInteger(n) || n < 1) throw new Error(`invalid --customers: ${values.customers}`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
};

/** Writes the CDNOW summary and each generated size's summary as frequency,recency,T CSV files. */
async function exportData(): Promise<{ name: string; file: string }[]> {
  await mkdir(outDir, { recursive: true });
  const files: { name: string; file: string }[] = [];
  const cdnow = readFileSync(path.join(repo, 'tests/fixtures/datasets/cdnow_customers_summary.csv'), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1);
  const cdnowFile = path.join(outDir, 'cdnow.csv');
  await writeFile(
    cdnowFile,
    ['frequency,recency,T', ...cdnow.map((l) => l.split(',').slice(1, 4).join(','))].join('\n') + '\n',
  );
  files.push({ name: 'CDNOW (2,357)', file: cdnowFile });
  for (const customers of sizes) {
    const file = path.join(outDir, `generated-${customers}.csv`);
    if (!existsSync(file)) {
      const data = await ensureDataset(path.join(repo, 'bench/out'), customers, console.log);
      const db = await openNative();
      try {
        await db.conn.run(
          `CREATE TABLE transactions AS SELECT * FROM read_csv('${path.join(data.dir, 'transactions.csv')}', header = true)`,
        );
        const last = (
          await db.conn.runAndReadAll(
            `SELECT CAST(max(CAST(date AS DATE)) AS VARCHAR) FROM transactions WHERE customer_id IS NOT NULL AND revenue IS NOT NULL`,
          )
        ).getRowsJS()[0]![0];
        const summary = buildClvSummaryQuery({ at: [`DATE '${String(last)}'`, 'CAST(NULL AS DATE)', '7'] });
        await db.conn.run(
          `COPY (SELECT frequency, recency, "T" FROM (${summary})) TO '${file}' (HEADER, DELIMITER ',')`,
        );
      } finally {
        db.close();
      }
    }
    files.push({ name: `generated ${customers.toLocaleString('en-US')}`, file });
  }
  return files;
}

function readRows(file: string): RfmT[] {
  const lines = readFileSync(file, 'utf8').trim().split(/\r?\n/).slice(1);
  return lines.map((l) => {
    const [f, r, T] = l.split(',').map(Number);
    return { frequency: f!, recency: r!, T: T! };
  });
}

/**
 * Distinct histories by DuckDB-WASM — the engine's own database, in Node — `GROUP BY` over the rows
 * held in a table (loaded first, not timed), read as typed arrays (`Database.numeric`), as the
 * analysis groups the summary in the worker. Returns the histories and the time of that query.
 */
async function sqlHistories(file: string): Promise<[Histories, number]> {
  const engine = createNodeEngine();
  const db = await engine.database();
  db.bindings.registerFileBuffer(internalPath('clv-fit.csv'), readFileSync(file));
  db.exec(
    `CREATE TABLE fit_rows AS SELECT * FROM read_csv('${internalPath('clv-fit.csv')}', header = true, columns = {'frequency': 'DOUBLE', 'recency': 'DOUBLE', 'T': 'DOUBLE'})`,
  );
  const t0 = performance.now();
  const t = await db.numeric(
    `SELECT frequency, recency, "T", CAST(count(*) AS DOUBLE) AS weight FROM fit_rows GROUP BY ALL ORDER BY ALL`,
  );
  const ms = performance.now() - t0;
  const c = (k: string) => t.columns[k]!;
  return [{ frequency: c('frequency'), recency: c('recency'), T: c('T'), weight: c('weight') }, ms];
}

interface Lifetimes {
  seconds: number[];
  log_likelihood: number;
  params: Record<string, number>;
  versions: Record<string, string>;
}

function runLifetimes(file: string): Lifetimes | string {
  if (!values.lifetimes) return 'not run: pass --lifetimes DIR (a lifetimes source tree) or set LIFETIMES_SRC';
  const r = spawnSync(values.python, [path.join(import.meta.dirname, 'lifetimes_fit.py'), file, String(runs)], {
    env: {
      ...process.env,
      PYTHONPATH: [values.lifetimes, process.env.PYTHONPATH].filter(Boolean).join(path.delimiter),
    },
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0)
    return `failed: ${(r.stderr || r.stdout || String(r.error)).trim().split('\n').slice(-3).join(' ')}`;
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Lifetimes;
}

const files = await exportData();
const load = () => os.loadavg()[0]!.toFixed(2);
console.log(`node ${process.version}, ${os.cpus().length} cores, load average at start ${load()}`);
const lines = [
  '| data | customers | distinct histories | ours: GROUP BY ms | ours: BFGS fit ms | evaluations (+ warm-start sample) | ours: GROUP BY + fit ms | ours, rows (JS grouping + fit) ms | Nelder–Mead before, ms | its evaluations | lifetimes s | ours LL | lifetimes LL | lifetimes ÷ ours (GROUP BY + fit) |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
];
for (const { name, file } of files) {
  const rows = readRows(file);
  const groupRuns: number[] = [];
  let h: Histories | null = null;
  for (let i = 0; i < runs; i++) {
    const [hh, ms] = await sqlHistories(file);
    h = hh;
    groupRuns.push(ms);
  }
  const fits = Array.from({ length: runs }, () => time(() => fitBgNbdHistories(h!)));
  const rowFits = Array.from({ length: runs }, () => time(() => fitBgNbd(rows)));
  // The previous fit, once: Nelder–Mead over log-parameters on the grouped likelihood, from its old start.
  const grouped = groupHistories(rows);
  const weighted = Array.from(grouped.weight, (w, i) => ({
    frequency: grouped.frequency[i]!,
    recency: grouped.recency[i]!,
    T: grouped.T[i]!,
    weight: w,
  }));
  const total = groupedLogLikelihood(weighted);
  const meanT = rows.reduce((s, c) => s + c.T, 0) / rows.length;
  let nmEvaluations = 0;
  const [nm, nmMs] = time(() =>
    nelderMead(
      (z) => {
        nmEvaluations++;
        return -total({ r: Math.exp(z[0]!), alpha: Math.exp(z[1]!), a: Math.exp(z[2]!), b: Math.exp(z[3]!) });
      },
      [0, Math.log(meanT), 0, 0],
    ),
  );
  const lt = runLifetimes(file);
  const ours = fits[0]![0];
  const groupMs = median(groupRuns);
  const fitMs = median(fits.map((r) => r[1]));
  const oursMs = groupMs + fitMs;
  const ltS = typeof lt === 'string' ? null : median(lt.seconds);
  console.log(
    `${name}: ours LL ${ours.logLikelihood.toFixed(4)} ${JSON.stringify(ours.params)}; Nelder–Mead LL ${(-nm.value).toFixed(4)}; lifetimes: ${typeof lt === 'string' ? lt : `LL ${lt.log_likelihood.toFixed(4)} ${JSON.stringify(lt.params)} runs ${lt.seconds.map((x) => x.toFixed(2)).join(', ')} s; ${JSON.stringify(lt.versions)}`}; load ${load()}`,
  );
  lines.push(
    `| ${name} | ${rows.length.toLocaleString('en-US')} | ${h!.weight.length.toLocaleString('en-US')} | ${groupMs.toFixed(0)} | ${fitMs.toFixed(0)} | ${ours.evaluations} (+ ${ours.sampleEvaluations}) | ${oursMs.toFixed(0)} | ${median(rowFits.map((r) => r[1])).toFixed(0)} | ${nmMs.toFixed(0)} | ${nmEvaluations} | ${ltS === null ? '—' : ltS.toFixed(2)} | ${ours.logLikelihood.toFixed(2)} | ${typeof lt === 'string' ? '—' : lt.log_likelihood.toFixed(2)} | ${ltS === null ? '—' : `${((ltS * 1000) / oursMs).toFixed(1)}×`} |`,
  );
}
console.log(`load average at end ${load()}\n`);
console.log(lines.join('\n'));
