/**
 * Calibrates the "files up to about N fit" estimate (`MEMORY_PER_FILE_BYTE`,
 * src/engine/import/run-sql.ts): for prefixes of a transactions CSV, finds by bisection the
 * smallest DuckDB `memory_limit` under which the app's import of that prefix succeeds, on a fresh
 * engine each time, and prints memory needed per byte of file. docs/import.md records the figures.
 *
 *   npm run sample-data -- --customers 100000 --seed 7 --out /tmp/data-100000
 *   npx tsx tests/engine/calibrate-import-memory.ts /tmp/data-100000/transactions.csv 100000 250000 500000 929052
 */
import { readFileSync } from 'node:fs';
import { createNodeEngine } from '../../src/engine/node.ts';

const [file, ...counts] = process.argv.slice(2);
if (!file) throw new Error('usage: calibrate-import-memory.ts <transactions.csv> [rows …]');
const all = readFileSync(file);
const rowCounts = (counts.length ? counts : ['100000', '250000', '500000']).map(Number);

/** The first `n` data rows of the file, with its header. */
function prefix(n: number): Uint8Array {
  let lines = -1;
  for (let i = 0; i < all.length; i++) if (all[i] === 10 && ++lines === n) return all.subarray(0, i + 1);
  return all;
}

/** True when the import of `data` succeeds under `limitMiB`. */
async function fits(data: Uint8Array, limitMiB: number): Promise<boolean> {
  const engine = createNodeEngine();
  const source = { name: 'transactions.csv', data };
  const info = await engine.inspectImport(source);
  await engine.query(`SET memory_limit = '${limitMiB}MiB'`);
  try {
    await engine.importFile(source, { mapping: info.suggestion.mapping, target: '__import_transactions' });
    return true;
  } catch (e) {
    if (/does not fit|Out of Memory/i.test(String((e as Error).message))) return false;
    throw e;
  }
}

const results: { rows: number; fileMiB: number; limitMiB: number; perByte: number }[] = [];
for (const n of rowCounts) {
  const data = prefix(n);
  const fileMiB = data.byteLength / 2 ** 20;
  // Bisection to 2%: lo fails, hi fits.
  let lo = Math.max(4, Math.floor(fileMiB * 0.5));
  let hi = Math.ceil(fileMiB * 8);
  while (!(await fits(data, hi))) hi *= 2;
  while (hi - lo > Math.max(1, hi * 0.02)) {
    const mid = Math.round((lo + hi) / 2);
    if (await fits(data, mid)) hi = mid;
    else lo = mid;
  }
  const r = {
    rows: n,
    fileMiB: Math.round(fileMiB * 10) / 10,
    limitMiB: hi,
    perByte: Math.round((hi / fileMiB) * 100) / 100,
  };
  results.push(r);
  console.log(JSON.stringify(r));
}
// Least squares: limit = base + slope × file size.
const mx = results.reduce((s, r) => s + r.fileMiB, 0) / results.length;
const my = results.reduce((s, r) => s + r.limitMiB, 0) / results.length;
const slope =
  results.reduce((s, r) => s + (r.fileMiB - mx) * (r.limitMiB - my), 0) /
  results.reduce((s, r) => s + (r.fileMiB - mx) ** 2, 0);
console.log(JSON.stringify({ slopePerByte: Math.round(slope * 100) / 100, baseMiB: Math.round(my - slope * mx) }));
