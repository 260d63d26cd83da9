/**
 * Issue 19, point 3: `package.json` says what the code uses. Every package it declares is imported
 * by the code, the tests, the benchmarks or the build (or run as a command by a script, or gives
 * the types of one that is), and every package the code imports is declared. A dependency nothing
 * uses (Arquero once was) or an import that works only because another package pulled it in
 * (jszip once was) fails here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { builtinModules } from 'node:module';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
};
const declared = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]);

/** Every source file of the project (not node_modules, not build output, not data). */
function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name === 'out' || name.startsWith('.')) continue;
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (/\.(ts|mts|js|mjs|svelte)$/.test(name)) out.push(p);
  }
  return out;
}

/** The package a bare specifier names: `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
const packageOf = (spec: string) =>
  spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
const builtin = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

const imported = new Map<string, string>();
for (const file of ['src', 'tests', 'bench', 'sample-data']
  .flatMap((d) => sources(path.join(root, d)))
  .concat(['vite.config.ts', 'eslint.config.js'].map((f) => path.join(root, f)))) {
  if (file === import.meta.filename) continue; // its own comments quote import forms
  const text = readFileSync(file, 'utf8');
  // import … from 'x', import 'x', import('x'), and require('x') / createRequire(…)('x').
  for (const m of text.matchAll(
    /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*|\)\s*\(\s*)['"]([^'"./][^'"]*)['"]/g,
  )) {
    const spec = m[1]!;
    if (!/^[@a-z0-9][\w.\-/@]*(\?[\w=&]*)?$/i.test(spec)) continue;
    if (builtin.has(spec) || spec.startsWith('node:') || spec.startsWith('/') || spec.startsWith('virtual:')) continue;
    const name = packageOf(spec.replace(/\?.*$/, ''));
    if (!imported.has(name)) imported.set(name, path.relative(root, file));
  }
}

/** Packages used as commands by the npm scripts (`vite build`, `tsx …`, `svelte-check …`). */
const commands = new Set(
  Object.values(pkg.scripts).flatMap((s) => s.split(/&&|\|\|/).map((part) => part.trim().split(/\s+/)[0]!)),
);
const usedAsCommand: Record<string, string> = {
  vite: 'vite',
  vitest: 'vitest',
  tsx: 'tsx',
  'svelte-check': 'svelte-check',
  typescript: 'svelte-check',
  eslint: 'eslint',
  prettier: 'prettier',
};
/** Prettier plugins are named in its configuration, not imported. */
const prettierPlugins = new Set(
  (JSON.parse(readFileSync(path.join(root, '.prettierrc.json'), 'utf8')) as { plugins?: string[] }).plugins ?? [],
);

describe('package.json declares exactly what the code uses', () => {
  it('every declared package is imported, run by a script, or types one that is', () => {
    const unused = [...declared].filter((name) => {
      if (imported.has(name) || prettierPlugins.has(name)) return false;
      if (usedAsCommand[name] && commands.has(usedAsCommand[name])) return false;
      const typed = name.startsWith('@types/') ? name.slice('@types/'.length) : null;
      if (typed !== null && (imported.has(typed) || typed === 'node')) return false;
      // Svelte is compiled by the Vite plugin: .svelte files import it implicitly.
      if (name === 'svelte' && [...imported.values()].some((f) => f.endsWith('.svelte'))) return false;
      return true;
    });
    expect(unused).toEqual([]);
  });

  it('every imported package is declared', () => {
    const undeclared = [...imported].filter(([name]) => !declared.has(name)).map(([name, file]) => `${name} (${file})`);
    expect(undeclared).toEqual([]);
  });
});
