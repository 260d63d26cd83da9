// A fresh clone must run its tests and examples with nothing beside it (issue 19): no file may
// point at a folder outside the repository, whether by a path in its text or by a symbolic link.
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');

/** Where tests, docs and scripts live: every one of them is searched for outside paths. */
const SEARCHED = [
  'src',
  'tests',
  'bench',
  'docs',
  'notebooks',
  'sample-data',
  '.ci',
  'README.md',
  'package.json',
  'vite.config.ts',
  'vitest.config.ts',
];
/** Never searched: installed packages, build output, git's own files. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', 'dist', 'artifacts', 'out']);
/** Data and images: not text anyone reads paths from. */
const BINARY = /\.(gz|png|jpe?g|xlsx|parquet|wasm)$/i;
/** The shared datasets folder beside the repository, in the ways a path to it gets written (split so this file does not match itself). */
const OUTSIDE = [`..${'/'}shared`, `/work${'/'}shared`];

/** Every file and symbolic link under `dir`, as paths relative to `root`. */
function walk(root: string, dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) out.push(...walk(root, rel));
    } else out.push(rel);
  }
  return out;
}

/** Problems that tie `root` to something outside it: outside paths in text, links leaving the tree. */
export function outsideReferences(root: string, searched: readonly string[] = SEARCHED): string[] {
  const problems: string[] = [];
  const real = path.resolve(root);
  const files = walk(root, '.');
  for (const rel of files) {
    const abs = path.join(root, rel);
    if (!lstatSync(abs).isSymbolicLink()) continue;
    const target = path.resolve(path.dirname(abs), readlinkSync(abs));
    if (target !== real && !target.startsWith(real + path.sep))
      problems.push(`${rel}: symbolic link to ${readlinkSync(abs)} (outside the repository)`);
  }
  for (const rel of files) {
    const top = rel.split(path.sep)[0]!;
    if (!searched.includes(top) || BINARY.test(rel) || lstatSync(path.join(root, rel)).isSymbolicLink()) continue;
    const text = readFileSync(path.join(root, rel), 'utf8');
    for (const needle of OUTSIDE) if (text.includes(needle)) problems.push(`${rel}: mentions ${needle}`);
  }
  return problems;
}

describe('outsideReferences', () => {
  it.each<[string, (dir: string) => void, string[]]>([
    ['a clean tree', (d) => writeFileSync(path.join(d, 'tests/a.ts'), "const f = '../fixtures/datasets/x.csv';"), []],
    [
      'a test reading the shared folder',
      (d) => writeFileSync(path.join(d, 'tests/a.ts'), `const f = '../../..${'/'}shared/datasets/x.csv';`),
      [`tests${path.sep}a.ts: mentions ..${'/'}shared`],
    ],
    ['a link inside the tree', (d) => symlinkSync('../docs/x.md', path.join(d, 'tests/x.md')), []],
    [
      'a link leaving the tree',
      (d) => symlinkSync('../../elsewhere/x.csv', path.join(d, 'tests/x.csv')),
      [`tests${path.sep}x.csv: symbolic link to ../../elsewhere/x.csv (outside the repository)`],
    ],
    [
      'an outside path in an unsearched folder',
      (d) => writeFileSync(path.join(d, 'node_modules/a.js'), `..${'/'}shared`),
      [],
    ],
  ])('%s', (_name, setup, expected) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'self-contained-'));
    for (const sub of ['tests', 'docs', 'node_modules']) mkdirSync(path.join(dir, sub));
    writeFileSync(path.join(dir, 'docs/x.md'), 'x');
    setup(dir);
    expect(outsideReferences(dir)).toEqual(expected);
  });
});

describe('the repository', () => {
  it('refers to nothing outside itself (datasets are carried in tests/fixtures/datasets)', () => {
    expect(outsideReferences(repo)).toEqual([]);
  });
});
