// A notebook whose data is missing says so, cell by cell, instead of failing: on a
// transactions-only export the satisfaction and Telco notebooks end with "not applicable" cells
// that name the table they need, no cell in error, and the CLI exits 0 (issue 14, point 2).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/cli/json-report.ts';
import { runCommand } from '../../src/cli/run.ts';
import { createNodeEngine } from '../../src/engine/node.ts';

const root = path.resolve(import.meta.dirname, '../..');
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'na-'));
  const lines = ['customer_id,date,revenue,order_id'];
  for (let c = 1; c <= 40; c++) {
    for (let m = 1; m <= 12; m += 1 + (c % 3))
      lines.push(`C${c},2024-${String(m).padStart(2, '0')}-1${c % 9},${((c * 7) % 90) + 10},O${c}-${m}`);
  }
  writeFileSync(path.join(dir, 'transactions.csv'), lines.join('\n') + '\n');
});

async function run(notebook: string): Promise<{ exit: number; report: JsonReport; stderr: string; html: string }> {
  // Beside the data folder, not in it: every file in --data is imported.
  const out = mkdtempSync(path.join(tmpdir(), 'na-out-'));
  const json = path.join(out, 'report.json');
  const html = path.join(out, 'report.html');
  let stderr = '';
  const exit = await runCommand(
    { command: 'run', notebook: path.join(root, 'notebooks', notebook), data: dir, json, html },
    { stdout: () => undefined, stderr: (s) => (stderr += s) },
  );
  return {
    exit,
    report: JSON.parse(readFileSync(json, 'utf8')) as JsonReport,
    stderr,
    html: readFileSync(html, 'utf8'),
  };
}

describe('not applicable, not an error', () => {
  it('"Satisfied is not loyal" on transactions only: every survey cell explains it needs surveys; exit 0', async () => {
    const { exit, report, stderr, html } = await run('satisfied-is-not-loyal.md');
    expect(html).toMatch(/class="not-applicable"/);
    expect(html).not.toMatch(/class="error"/);
    expect(report.cells.filter((c) => c.status === 'error')).toEqual([]);
    const na = report.cells.filter((c) => c.status === 'not_applicable');
    // Four analyses, and the SQL, chart and prose cells built on them.
    expect(na.length).toBeGreaterThan(4);
    for (const c of na) {
      expect(c.reason).toMatch(/survey/i);
      expect(c.needs).toEqual(['surveys']);
    }
    expect(exit).toBe(0);
    expect(stderr).toMatch(/not applicable to this data/);
  });

  it('the Telco notebook on transactions only: its cells need a customers table; exit 0', async () => {
    const { exit, report } = await run('bundling-and-churn-telco.md');
    expect(report.cells.filter((c) => c.status === 'error')).toEqual([]);
    const na = report.cells.filter((c) => c.status === 'not_applicable');
    expect(na.length).toBeGreaterThan(0);
    for (const c of na) expect(c.needs).toEqual(['customers']);
    expect(exit).toBe(0);
  });

  it('the engine answers an analysis whose required table is missing with the table to import', async () => {
    const engine = createNodeEngine();
    await engine.loadCanonicalCsv('t', [
      {
        table: 'transactions',
        fileName: 'transactions.csv',
        bytes: new Uint8Array(readFileSync(path.join(dir, 'transactions.csv'))),
      },
    ]);
    const bundling = await engine.runAnalysis('bundling', {});
    expect(bundling.notApplicable).toEqual({
      reason: expect.stringMatching(/`customers`.*import wizard/),
      needs: ['customers'],
      reasonRef: expect.objectContaining({ key: 'note.missing_table' }),
    });
    expect(Object.keys(bundling.tables)).toEqual([]);
    const sat = await engine.runAnalysis('satisfaction-loyalty', {});
    expect(sat.notApplicable?.needs).toEqual(['surveys']);
    expect(sat.notApplicable?.reason).toMatch(/No survey responses/);
    // With the data present the analysis applies.
    const whale = await engine.runAnalysis('whale-curve', {});
    expect(whale.notApplicable).toBeUndefined();
  });
});
