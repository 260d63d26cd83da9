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
      // The file holds the customer-base summary too, so it is also stale when the code that
      // writes the summary or the database file changed (a summary of an older version would be
      // rebuilt by the app at every start instead of being read).
      const inputs = [
        ...readdirSync(dir)
          .filter((f) => f.endsWith('.csv'))
          .map((f) => dir + f),
        ...sourceFiles(fileURLToPath(new URL('../src/model/summary/', import.meta.url))),
        fileURLToPath(new URL('../src/engine/summary.ts', import.meta.url)),
        fileURLToPath(new URL('../src/engine/database-file.ts', import.meta.url)),
        fileURLToPath(new URL('./build-database.ts', import.meta.url)),
      ];
      const newest = Math.max(...inputs.map((f) => statSync(f).mtimeMs));
      if (existsSync(out) && statSync(out).mtimeMs >= newest) return;
      const script = fileURLToPath(new URL('./build-database.ts', import.meta.url));
      const run = spawnSync(process.execPath, ['--import', 'tsx', script, out], { stdio: 'inherit' });
      if (run.status !== 0) throw new Error(`sample-data/build-database.ts failed (exit ${run.status})`);
    },
  };
}

/** The TypeScript files directly in `folder`. */
function sourceFiles(folder: string): string[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => folder + f);
}
