/**
 * An import of several files is all or nothing (src/app/import-run.ts, issue 13): a file that runs
 * out of memory leaves the engine exactly as it was before the import, the files after it are not
 * attempted (so never reported with a wrong error), and no dataset is committed without a table the
 * user asked for. Real engine in Node; the out-of-memory failure is a real DuckDB one, injected by
 * lowering `memory_limit` for that one file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ImportRequest } from '../../src/engine/api.ts';
import type { ImportSource } from '../../src/engine/import/source.ts';
import { runImport, type ImportJob } from '../../src/app/import-run.ts';
import { createSampleEngine, sampleFolder, type NodeEngine } from '../../src/engine/node.ts';
import { EngineError } from '../../src/engine/types.ts';

let engine: NodeEngine;
beforeEach(async () => {
  engine = await createSampleEngine();
});

const sampleFile = (name: string): ImportSource => ({
  name,
  data: new Uint8Array(readFileSync(path.join(sampleFolder, name))),
});

/** A generated transactions CSV of `n` rows (~70 bytes each). */
function transactionsCsv(n: number): ImportSource {
  let s = 'customer_id,date,revenue,note\n';
  for (let i = 0; i < n; i++)
    s += `cust-${i % 50_000},2024-0${1 + (i % 9)}-1${i % 10},${(i % 997) + 0.5},note number ${i} padding text\n`;
  return { name: 'transactions.csv', data: new TextEncoder().encode(s) };
}

async function job(source: ImportSource): Promise<ImportJob> {
  const info = await engine.inspectImport(source);
  const mapping = info.suggestion.mapping;
  return { source, request: { mapping, target: `__import_${mapping.table}` } };
}

/** Every table of the engine with its row count (schema main), to compare before and after. */
async function snapshot(): Promise<string[]> {
  return (await engine.listTables()).map((t) => `${t.name}:${t.rowCount}`).sort();
}

async function leftovers(): Promise<unknown[]> {
  return (
    await engine.query("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '\\_\\_import%' ESCAPE '\\'")
  ).data[0]!;
}

/** The engine's import calls, with the memory limit lowered while `tight` imports, and a log of which files were tried. */
function withTightMemoryFor(tight: string, tried: string[]) {
  return {
    commitImport: engine.commitImport.bind(engine),
    discardImport: engine.discardImport.bind(engine),
    async importFile(source: ImportSource, request: ImportRequest) {
      tried.push(source.name);
      if (source.name !== tight) return engine.importFile(source, request);
      const before = String((await engine.query("SELECT current_setting('memory_limit')")).data[0]![0]);
      // 24 MiB above what the active data holds: far too little for this file (~20 MB of CSV).
      const used = Number(
        (await engine.query('SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory()')).data[0]![0],
      );
      await engine.query(`SET memory_limit = '${Math.ceil(used / 2 ** 20) + 24}MiB'`);
      try {
        return await engine.importFile(source, request);
      } finally {
        await engine.query(`SET memory_limit = '${before}'`);
      }
    },
  };
}

describe('an import of several files', () => {
  it('commits nothing when a file runs out of memory, does not try the files after it, and leaves the engine as it was', async () => {
    const jobs = [
      await job(sampleFile('customers.csv')),
      await job(transactionsCsv(300_000)),
      await job(sampleFile('surveys.csv')),
    ];
    expect(jobs.map((j) => j.request.mapping.table)).toEqual(['customers', 'transactions', 'surveys']);
    const before = await snapshot();
    const tried: string[] = [];
    const run = await runImport(withTightMemoryFor('transactions.csv', tried), jobs);

    expect(run.committed).toBe(false);
    expect(run.outcomes.map((o) => o.status)).toEqual(['imported', 'failed', 'skipped']);
    const failure = (run.outcomes[1] as { error: EngineError }).error;
    expect(failure.info.details).toMatchObject({ file: 'transactions.csv', reason: 'out_of_memory' });
    expect(tried).toEqual(['customers.csv', 'transactions.csv']);
    expect(await snapshot()).toEqual(before);
    expect(await leftovers()).toEqual([]);
    // The engine answers as before: the sample's data, not a half-imported one.
    expect(await snapshot()).toContain(before.find((t) => t.startsWith('transactions:')));
  });

  it('commits every file when all import', async () => {
    const jobs = [
      await job(sampleFile('customers.csv')),
      await job(transactionsCsv(2_000)),
      await job(sampleFile('surveys.csv')),
    ];
    const run = await runImport(withTightMemoryFor('none', []), jobs);
    expect(run.committed).toBe(true);
    expect(run.outcomes.map((o) => o.status)).toEqual(['imported', 'imported', 'imported']);
    expect((await snapshot()).map((t) => t.split(':')[0])).toEqual(['customers', 'surveys', 'transactions']);
    expect(await snapshot()).toContain('transactions:2000');
  });

  it('stops at a cancel: later files are not tried, nothing is committed', async () => {
    const jobs = [await job(sampleFile('customers.csv')), await job(transactionsCsv(2_000))];
    const before = await snapshot();
    const tried: string[] = [];
    let n = 0;
    const run = await runImport(withTightMemoryFor('none', tried), jobs, { cancelled: () => n++ > 0 });
    expect(run.committed).toBe(false);
    expect(tried).toEqual(['customers.csv']);
    expect(await snapshot()).toEqual(before);
    expect(await leftovers()).toEqual([]);
  });
});

describe('commitImport', () => {
  it('refuses a staged table that is missing, before dropping anything', async () => {
    const before = await snapshot();
    const customers = await engine.importFile(
      sampleFile('customers.csv'),
      (await job(sampleFile('customers.csv'))).request,
    );
    await expect(
      engine.commitImport([
        { from: customers.table, to: 'customers' },
        { from: '__import_transactions', to: 'transactions' },
      ]),
    ).rejects.toMatchObject({
      info: { code: 'input', message: expect.stringMatching(/transactions did not import, so nothing was changed/) },
    });
    await engine.discardImport([customers.table]);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses two files for one table', async () => {
    const a = await engine.importFile(sampleFile('surveys.csv'), {
      ...(await job(sampleFile('surveys.csv'))).request,
      target: '__import_a',
    });
    const b = await engine.importFile(sampleFile('surveys.csv'), {
      ...(await job(sampleFile('surveys.csv'))).request,
      target: '__import_b',
    });
    await expect(
      engine.commitImport([
        { from: a.table, to: 'surveys' },
        { from: b.table, to: 'surveys' },
      ]),
    ).rejects.toBeInstanceOf(EngineError);
  });
});
