/**
 * Issue 14's test matrix: every built-in notebook run through the CLI code path on real exports
 * nobody on this project wrote, each imported as a user would (the import pipeline's own mapping,
 * no mapping file): zero cells in error; a cell that cannot run is "not applicable" and says why.
 * (The sample and the Telco notebook on its own data: notebook-builtin.test.ts.)
 */
import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadData, type LoadedData } from '../../src/cli/load-data.ts';
import { runNotebookFile } from '../../src/cli/run.ts';

const notebooks = path.resolve(import.meta.dirname, '../../notebooks');
const datasets = path.resolve(import.meta.dirname, '../fixtures/datasets');
const files = readdirSync(notebooks).filter((f) => f.endsWith('.md')).sort();

/** A folder holding only `file` (the CLI imports every data file of a folder). */
function folderWith(file: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'caw-nb-data-'));
  copyFileSync(path.join(datasets, file), path.join(dir, file));
  return dir;
}

describe.each([
  ['UCI Online Retail (transactions only, 2010-12-01 … 2011-12-09)', 'online_retail.csv.gz'],
  ['CDNOW master (transactions only, 1997-01 … 1998-06)', 'CDNOW_master.txt'],
  ['IBM Telco churn (customers only)', 'Telco-Customer-Churn.csv'],
])('every built-in notebook on %s', (_name, file) => {
  // One import per dataset; each notebook gets its own runtime over it, as in the app.
  let data: LoadedData;
  beforeAll(async () => {
    data = await loadData(folderWith(file));
  }, 300_000);

  it.each(files)('%s: no cell in error; every cell that does not apply says why', async (notebook) => {
    expect(data.failed).toEqual([]);
    const run = await runNotebookFile(path.join(notebooks, notebook), { data });
    expect(run.errors).toEqual([]);
    for (const s of run.states.filter((x) => x.status === 'na')) {
      expect(s.error ?? '', `${notebook}: cell ${s.id} is not applicable without saying why`).toMatch(/\w{3,}.*\w{3,}/);
    }
  }, 300_000);
});
