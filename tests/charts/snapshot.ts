/**
 * SVG snapshot helper in the style of Observable Plot's `test/plot-snapshot.js`: the rendered
 * chart is normalised (numbers rounded to 2 decimals, one element per line) and compared with
 * `tests/charts/<name>.svg`. The first run writes the snapshot; a mismatch writes
 * `<name>-changed.svg` beside it for review (rename it over the old file to accept it).
 * In CI (`CI` set, as GitHub Actions and most CI services do) a missing snapshot fails instead:
 * writing it there would make the test pass against whatever the code now draws and the file
 * would be thrown away with the machine (Jest and Vitest refuse new snapshots under CI too:
 * https://vitest.dev/guide/snapshot, `--ci`).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Folder of the saved snapshots. */
export const SNAPSHOT_DIR = import.meta.dirname;

/** Rounds long decimals (Plot's float noise) and puts one element per line so diffs read well. */
export function normalizeSvg(svg: string): string {
  return (
    svg
      .replace(/\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100))
      .replace(/></g, '>\n<')
      .trim() + '\n'
  );
}

/** Outcome of one snapshot comparison. */
export interface SnapshotResult {
  /** `written` on the first run (`missing` in CI, which fails), `same` or `changed` afterwards. */
  status: 'written' | 'missing' | 'same' | 'changed';
  expected: string;
  actual: string;
}

/** Where snapshots are kept and whether this is a CI run (tests of the helper itself override both). */
export interface SnapshotOptions {
  dir?: string;
  /** Default: the `CI` environment variable is set to anything but `''`/`false`/`0`. */
  ci?: boolean;
}

/** True when the `CI` environment variable says this is a CI run. */
export function isCi(env: Record<string, string | undefined> = process.env): boolean {
  const v = env.CI;
  return v !== undefined && v !== '' && v !== 'false' && v !== '0';
}

/**
 * Compares `svg` with the snapshot `name`, writing the snapshot or a `-changed.svg` file.
 * A missing snapshot in CI is not written: it comes back `missing` with an empty `expected`, so
 * the caller's `expect(actual).toBe(expected)` fails.
 */
export function compareSnapshot(name: string, svg: string, options: SnapshotOptions = {}): SnapshotResult {
  const dir = options.dir ?? SNAPSHOT_DIR;
  const file = path.join(dir, `${name}.svg`);
  const changed = path.join(dir, `${name}-changed.svg`);
  const actual = normalizeSvg(svg);
  if (!existsSync(file)) {
    if (options.ci ?? isCi()) return { status: 'missing', expected: '', actual };
    writeFileSync(file, actual);
    return { status: 'written', expected: actual, actual };
  }
  const expected = readFileSync(file, 'utf8');
  if (expected === actual) {
    rmSync(changed, { force: true });
    return { status: 'same', expected, actual };
  }
  writeFileSync(changed, actual);
  return { status: 'changed', expected, actual };
}
