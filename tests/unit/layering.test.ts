/**
 * Every import arrow points down (docs/architecture.md): the pure core (SQL text and table types,
 * number formats, the data model, charts, analyses, the notebook) never imports the engine, the
 * app or the UI, so it runs the same in the worker, in Node and in tests. A simple scan of import
 * specifiers, static and dynamic, against the folders each folder of src/ may import from.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const src = path.resolve(import.meta.dirname, '../../src');

/** Each folder of src/ and the folders it may import from: the ones below it. */
const below: Record<string, readonly string[]> = {
  sql: [],
  format: [],
  model: ['sql', 'format'],
  charts: ['sql', 'format'],
  analyses: ['sql', 'format', 'model', 'charts'],
  notebook: ['sql', 'format', 'model', 'charts', 'analyses'],
  engine: ['sql', 'format', 'model', 'charts', 'analyses'],
  report: ['sql', 'format', 'model', 'charts', 'analyses', 'notebook'],
  app: ['sql', 'format', 'model', 'charts', 'analyses', 'notebook', 'engine'],
  cli: ['sql', 'format', 'model', 'charts', 'analyses', 'notebook', 'engine', 'report'],
  ui: ['sql', 'format', 'model', 'charts', 'analyses', 'notebook', 'engine', 'app'],
};

/** `from '…'`, `import '…'`, `import('…')`, `export … from '…'`: the relative ones. */
const specifier = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** Imports that leave a file's folder for one it may not import from, as "file → target". */
function upwardImports(files: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [file, text] of files) {
    const [top, ...rest] = file.split('/');
    if (!top || rest.length === 0) continue; // src/main.ts and the like: the top, may import anything
    const allowed = below[top];
    for (const [, spec] of text.matchAll(specifier)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec!));
      const targetTop = target.split('/')[0]!;
      if (targetTop === top || target.startsWith('..')) continue;
      if (!allowed || !allowed.includes(targetTop)) out.push(`${file} → ${target}`);
    }
  }
  return out;
}

/** Every .ts and .svelte file under src/, keyed by its path relative to src/ (with /). */
function sourceFiles(dir = src): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) for (const [k, v] of sourceFiles(full)) out.set(k, v);
    else if (/\.(ts|svelte)$/.test(e.name))
      out.set(path.relative(src, full).split(path.sep).join('/'), readFileSync(full, 'utf8'));
  }
  return out;
}

describe('import arrows point down', () => {
  it.each([
    [
      'an analysis importing the engine',
      'analyses/x/a.ts',
      "import { toRows } from '../../engine/types.ts';",
      ['analyses/x/a.ts → engine/types.ts'],
    ],
    [
      'charts importing the notebook',
      'charts/a.ts',
      "import type { Cell } from '../notebook/format/types.ts';",
      ['charts/a.ts → notebook/format/types.ts'],
    ],
    [
      'the model loading the UI lazily',
      'model/a.ts',
      "const ui = await import('../ui/App.svelte');",
      ['model/a.ts → ui/App.svelte'],
    ],
    [
      'sql re-exporting from analyses',
      'sql/a.ts',
      "export { x } from '../analyses/types.ts';",
      ['sql/a.ts → analyses/types.ts'],
    ],
    [
      'an analysis importing SQL helpers and charts',
      'analyses/x/a.ts',
      "import { quoteIdent } from '../../sql/quote.ts';\nimport type { ChartSpec } from '../../charts/spec.ts';",
      [],
    ],
    ['the engine importing analyses', 'engine/a.ts', "import { getAnalysis } from '../analyses/registry.ts';", []],
    ['the UI importing the app', 'ui/a.svelte', "  import { EngineClient } from '../app/engine-client.ts';", []],
    ['a package', 'analyses/a.ts', "import * as Plot from '@observablehq/plot';", []],
  ])('%s', (_, file, text, expected) => {
    expect(upwardImports(new Map([[file, text]]))).toEqual(expected);
  });

  it('holds for every file in src/', () => {
    const files = sourceFiles();
    expect(files.size).toBeGreaterThan(100);
    for (const top of new Set([...files.keys()].map((f) => f.split('/')[0]!).filter((t) => !t.includes('.')))) {
      expect(below, `src/${top}/ has no place in the layer table`).toHaveProperty(top);
    }
    expect(upwardImports(files)).toEqual([]);
  });

  it('keeps the pure core free of the engine, the app, the UI and the notebook', () => {
    // The rule of docs/architecture.md, spelled out: the table above implies it.
    for (const top of ['analyses', 'model', 'sql', 'charts', 'format']) {
      for (const above of ['engine', 'app', 'ui', 'notebook'])
        expect(below[top], `${top} → ${above}`).not.toContain(above);
    }
  });
});
