/**
 * The benchmark dataset: the project's own sample generator (sample-data/), seed 42, cached in
 * `bench/out/data-<N>/` so a second run at the same size skips the minutes of generation.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Seed of every benchmark dataset: the same N always gives the same data. */
export const BENCH_SEED = 42;

const repo = path.resolve(import.meta.dirname, '..');

/** A generated dataset on disk. */
export interface BenchDataset {
  customers: number;
  dir: string;
  /** Data rows per CSV file (from the generator's own summary). */
  rows: Record<string, number>;
  /** Bytes per CSV file. */
  bytes: Record<string, number>;
}

/**
 * Returns the cached dataset for `customers`, generating it first when absent. The manifest is
 * written only after the generator exits cleanly, so an interrupted run is never reused.
 */
export async function ensureDataset(
  outDir: string,
  customers: number,
  log: (s: string) => void,
): Promise<BenchDataset> {
  const dir = path.join(outDir, `data-${customers}`);
  const manifest = path.join(dir, 'manifest.json');
  if (existsSync(manifest)) return JSON.parse(await readFile(manifest, 'utf8')) as BenchDataset;
  await rm(dir, { recursive: true, force: true });
  log(`generating ${customers} customers (seed ${BENCH_SEED}) into ${path.relative(repo, dir)} …`);
  const output = await runGenerator(customers, dir);
  const { rows } = parseSummary(output);
  const bytes: Record<string, number> = {};
  for (const f of Object.keys(rows)) bytes[f] = (await stat(path.join(dir, `${f}.csv`))).size;
  const dataset: BenchDataset = { customers, dir, rows, bytes };
  await writeFile(manifest, JSON.stringify(dataset, null, 2));
  return dataset;
}

/** Parses the generator's `  transactions.csv   929052 rows   62.54 MB` lines into data rows per file. */
export function parseSummary(output: string): { rows: Record<string, number> } {
  const rows: Record<string, number> = {};
  for (const m of output.matchAll(/^\s+(\w+)\.csv\s+(\d+) rows/gm)) rows[m[1]!] = Number(m[2]);
  if (!('transactions' in rows)) throw new Error(`unexpected generator output:\n${output}`);
  return { rows };
}

function runGenerator(customers: number, dir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(repo, 'sample-data/cli.ts'),
        '--customers',
        String(customers),
        '--seed',
        String(BENCH_SEED),
        '--out',
        dir,
      ],
      {
        cwd: repo,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`sample-data generator exited with ${code}`)),
    );
  });
}
