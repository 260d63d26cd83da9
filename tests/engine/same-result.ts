/**
 * Equality of two analysis results computed along different paths (prepared data vs raw SQL,
 * cache vs a fresh run): numbers to 1e-9 relative (money summed in another order), everything
 * else exactly. Shared by the engine tests of the summary-first paths.
 */
import { expect } from 'vitest';
import type { AnalysisResult } from '../../src/analyses/types.ts';
import type { ColumnarTable } from '../../src/engine/types.ts';

/** Deep equality with numbers compared to 1e-9 relative; `path` names the spot in messages. */
export function close(a: unknown, b: unknown, path: string): void {
  if (typeof a === 'number' && typeof b === 'number') {
    const scale = Math.max(1, Math.abs(a), Math.abs(b));
    if (!(Math.abs(a - b) <= 1e-9 * scale)) expect.fail(`${path}: ${a} ≠ ${b}`);
    return;
  }
  if (a instanceof Date || b instanceof Date) return void expect(String(a), path).toBe(String(b));
  if (Array.isArray(a) && Array.isArray(b)) {
    expect(a.length, `${path} length`).toBe(b.length);
    a.forEach((x, i) => close(x, b[i], `${path}[${i}]`));
    return;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    expect(Object.keys(a).sort(), `${path} keys`).toEqual(Object.keys(b).sort());
    for (const k of Object.keys(a))
      close((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    return;
  }
  expect(a, path).toEqual(b);
}

/**
 * Same scalars, tables (values to 1e-9), finding ids and values, and notes. `strict` also asks
 * for the same column types, finding texts and charts (numbers in charts to 1e-9 as well).
 */
export function sameResult(a: AnalysisResult, b: AnalysisResult, options: { strict?: boolean } = {}): void {
  close(a.scalars, b.scalars, 'scalars');
  expect(Object.keys(a.tables).sort()).toEqual(Object.keys(b.tables).sort());
  for (const [name, t] of Object.entries(a.tables)) {
    const u = b.tables[name] as ColumnarTable;
    if (options.strict) expect(t.columns, name).toEqual(u.columns);
    else
      expect(
        t.columns.map((c) => c.name),
        name,
      ).toEqual(u.columns.map((c) => c.name));
    close(t.data, u.data, `tables.${name}`);
  }
  if (options.strict) expect(a.findings.map((f) => [f.id, f.text])).toEqual(b.findings.map((f) => [f.id, f.text]));
  else expect(a.findings.map((f) => f.id)).toEqual(b.findings.map((f) => f.id));
  close(
    a.findings.map((f) => f.value ?? null),
    b.findings.map((f) => f.value ?? null),
    'findings',
  );
  expect(a.notes).toEqual(b.notes);
  // Charts carry derived numbers (axis domains): summed in another order they differ in the last bits.
  if (options.strict) close(a.charts, b.charts, 'charts');
}
