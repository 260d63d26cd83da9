/**
 * The "files up to about N fit" estimate (run-sql.ts, `fitsBytes`) holds both ways on rows of the
 * generated sample's shape: a file a little under the estimate imports under that memory limit,
 * one well over it does not. Before calibration the estimate was a third of what fits (issue 13:
 * "about 635 MB" while a 1.27 GB file imported). Figures: docs/import.md, "How much fits".
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitsBytes } from '../../src/engine/import/run-sql.ts';
import { createNodeEngine, sampleFolder } from '../../src/engine/node.ts';
import { EngineError } from '../../src/engine/types.ts';

const LIMIT = 160 * 2 ** 20;

/** About `bytes` of the sample's transactions (its rows repeated, order ids kept unique). */
function transactions(bytes: number): Uint8Array {
  const text = readFileSync(path.join(sampleFolder, 'transactions.csv'), 'utf8');
  const [header, ...rows] = text.trimEnd().split('\n');
  const parts = [`${header}\n`];
  let size = parts[0]!.length;
  for (let copy = 0; size < bytes; copy++) {
    // order_id is the 6th column: a suffix per copy keeps the rows distinct.
    const chunk = rows.map((r) => r.replace(/^((?:[^,]*,){5})([^,]*)/, `$1$2-${copy}`)).join('\n') + '\n';
    parts.push(chunk);
    size += chunk.length;
  }
  return new TextEncoder().encode(parts.join('')).subarray(0, bytes);
}

async function importsUnder(limit: number, data: Uint8Array): Promise<boolean> {
  // Cut at a line end.
  const end = data.lastIndexOf(10) + 1;
  const source = { name: 'transactions.csv', data: data.subarray(0, end) };
  const engine = createNodeEngine();
  const info = await engine.inspectImport(source);
  await engine.query(`SET memory_limit = '${limit / 2 ** 20}MiB'`);
  try {
    await engine.importFile(source, { mapping: info.suggestion.mapping, target: '__import_transactions' });
    return true;
  } catch (e) {
    if (e instanceof EngineError && (e.info.details as { reason?: string } | undefined)?.reason === 'out_of_memory')
      return false;
    throw e;
  }
}

describe('the size that fits', () => {
  const fits = fitsBytes(LIMIT)!;

  it('is about a third of the limit for rows of the generated shape', () => {
    expect(fits / LIMIT).toBeGreaterThan(0.25);
    expect(fits / LIMIT).toBeLessThan(0.4);
  });

  it('a file of 85% of it imports', async () => {
    expect(await importsUnder(LIMIT, transactions(Math.floor(fits * 0.85)))).toBe(true);
  });

  it('a file of 140% of it does not', async () => {
    expect(await importsUnder(LIMIT, transactions(Math.floor(fits * 1.4)))).toBe(false);
  });
});
