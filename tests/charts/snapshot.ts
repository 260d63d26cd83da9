/**
 * SVG snapshot helper in the style of Observable Plot's `test/plot-snapshot.js`: the rendered
 * chart is normalised (numbers rounded to 2 decimals, one element per line) and compared with
 * `tests/charts/<name>.svg`. The first run writes the snapshot; a mismatch writes
 * `<name>-changed.svg` beside it for review (rename it over the old file to accept it).
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
  /** `written` on the first run, `same` or `changed` afterwards. */
  status: 'written' | 'same' | 'changed';
  expected: string;
  actual: string;
}

/** Compares `svg` with the snapshot `name`, writing the snapshot or a `-changed.svg` file. */
export function compareSnapshot(name: string, svg: string): SnapshotResult {
  const file = path.join(SNAPSHOT_DIR, `${name}.svg`);
  const changed = path.join(SNAPSHOT_DIR, `${name}-changed.svg`);
  const actual = normalizeSvg(svg);
  if (!existsSync(file)) {
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
