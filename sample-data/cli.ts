/**
 * Command line: `npm run sample-data -- --customers N --seed S --out DIR`.
 * Defaults (4,000 customers, seed 42, sample-data/default) regenerate the committed dataset.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultSampleOptions } from './src/generate.ts';
import { writeSampleData } from './src/write.ts';
import { sampleFiles } from './src/rows.ts';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: String(defaultSampleOptions.customers) },
    seed: { type: 'string', default: String(defaultSampleOptions.seed) },
    out: { type: 'string', default: path.resolve(import.meta.dirname, 'default') },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log('usage: npm run sample-data -- [--customers 4000] [--seed 42] [--out sample-data/default]');
  process.exit(0);
}

const customers = Number(values.customers);
const seed = Number(values.seed);
if (!Number.isInteger(customers) || customers < 0) {
  console.error(`invalid --customers ${values.customers}: expected a whole number ≥ 0`);
  process.exit(2);
}
if (!Number.isInteger(seed)) {
  console.error(`invalid --seed ${values.seed}: expected an integer`);
  process.exit(2);
}

const summary = await writeSampleData(values.out, { customers, seed });
const mb = (b: number) => (b / 1e6).toFixed(2);
console.log(`sample data: ${customers} customers, seed ${seed} → ${values.out}`);
for (const f of sampleFiles) {
  console.log(
    `  ${(f + '.csv').padEnd(18)} ${String(summary.rows[f]).padStart(10)} rows ${mb(summary.bytes[f]).padStart(9)} MB`,
  );
}
const total = sampleFiles.reduce((s, f) => s + summary.bytes[f], 0);
console.log(`  total ${mb(total)} MB in ${summary.seconds.toFixed(1)} s`);
