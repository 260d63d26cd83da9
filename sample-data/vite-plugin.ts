/**
 * Vite plugin: builds `sample-data/default/sample.duckdb` (the sample in the form that opens
 * fastest, see build-database.ts) from the committed CSVs before the app or the bench page is
 * built or served, when it is missing or older than any of them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** The plugin; `sample.duckdb` is git-ignored and always generated. */
export function sampleDatabase(): Plugin {
  const dir = fileURLToPath(new URL('./default/', import.meta.url));
  const out = `${dir}sample.duckdb`;
  return {
    name: 'sample-database',
    buildStart() {
      const newest = Math.max(...readdirSync(dir).filter((f) => f.endsWith('.csv')).map((f) => statSync(dir + f).mtimeMs));
      if (existsSync(out) && statSync(out).mtimeMs >= newest) return;
      const script = fileURLToPath(new URL('./build-database.ts', import.meta.url));
      const run = spawnSync(process.execPath, ['--import', 'tsx', script, out], { stdio: 'inherit' });
      if (run.status !== 0) throw new Error(`sample-data/build-database.ts failed (exit ${run.status})`);
    },
  };
}
