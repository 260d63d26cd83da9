/**
 * Issue 14's test matrix: every built-in notebook run through the CLI code path on real exports
 * nobody on this project wrote, each imported as a user would (the import pipeline's own mapping,
 * no mapping file): zero cells in error; a cell that cannot run is "not applicable" and says why.
 * (The Telco notebook on its own data, and the reports: notebook-builtin.test.ts.)
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadData, type LoadedData } from '../../src/cli/load-data.ts';
import { runNotebookFile } from '../../src/cli/run.ts';
import { renderMarkdown } from '../../src/notebook/markdown.ts';
import { folderWith, gbkExport } from './dataset-folders.ts';

const notebooks = path.resolve(import.meta.dirname, '../../notebooks');
const all = readdirSync(notebooks)
  .filter((f) => f.endsWith('.md'))
  .sort();
// Translations run the same cells as their original (tests/unit/notebook-translations.test.ts), so
// the dataset matrix runs the originals; each translation runs once, on the sample, below.
const files = all.filter((f) => !/\.zh-Han[st]\.md$/.test(f));
const translations = all.filter((f) => /\.zh-Han[st]\.md$/.test(f));

describe.each([
  ['the built-in sample', () => undefined],
  ['UCI Online Retail (transactions only, 2010-12-01 … 2011-12-09)', () => folderWith('online_retail.csv.gz')],
  ['CDNOW master (transactions only, 1997-01 … 1998-06)', () => folderWith('CDNOW_master.txt')],
  ['IBM Telco churn (customers only)', () => folderWith('Telco-Customer-Churn.csv')],
  ['a GBK export with Chinese headers and service costs (the sample, re-exported)', gbkExport],
])('every built-in notebook on %s', (_name, folder) => {
  // One import per dataset; each notebook gets its own runtime over it, as in the app.
  let data: LoadedData;
  beforeAll(async () => {
    data = await loadData(folder());
  }, 300_000);

  it('imports every file onto a table of the data model', () => {
    expect(data.failed).toEqual([]);
    expect(data.skipped).toEqual([]);
  });

  it.each(files)(
    '%s: no cell in error; every cell that does not apply says why',
    async (notebook) => {
      const run = await runNotebookFile(path.join(notebooks, notebook), { data });
      expect(run.errors).toEqual([]);
      for (const s of run.states.filter((x) => x.status === 'na')) {
        expect(s.error ?? '', `${notebook}: cell ${s.id} is not applicable without saying why`).toMatch(
          /\w{3,}.*\w{3,}/,
        );
      }
    },
    300_000,
  );
});

describe('a GBK export with Chinese file names and headers', () => {
  it('maps every file onto its table with every row imported, nothing told which is which', async () => {
    const data = await loadData(gbkExport());
    const imports = data
      .report!.imports.map((r) => [r.fileName, r.table, r.read, r.imported, r.rejected])
      .sort((a, b) => String(a[1]).localeCompare(String(b[1])));
    expect(imports).toEqual([
      ['客户.csv', 'customers', 4000, 4000, 0],
      ['服务成本.csv', 'service_costs', 18866, 18866, 0],
      ['满意度调查.csv', 'surveys', 4453, 4453, 0],
      ['交易.csv', 'transactions', 37129, 37129, 0],
    ]);
  }, 300_000);
});

describe('the retention notebook tells the data’s own periods, not the sample’s', () => {
  it('on Online Retail (13 months: quarters, not years) the prose names the quarters it measured', async () => {
    const data = await loadData(folderWith('online_retail.csv.gz'));
    const run = await runNotebookFile(path.join(notebooks, 'retention-what-if.md'), { data });
    expect(run.errors).toEqual([]);
    const prose = run.notebook.cells
      .filter((c) => c.kind === 'prose')
      .map((c) => {
        const out = run.states.find((s) => s.id === c.id)?.output;
        return renderMarkdown(c.source, { values: out?.kind === 'prose' ? out.values : {} }).html.replace(
          /<[^>]+>/g,
          '',
        );
      })
      .join('\n')
      .replace(/\s+/g, ' ');
    expect(prose).toMatch(/were active in 2011-Q\d, the last complete quarter of the data/);
    expect(prose).toMatch(/of 2011-Q\d’?'?s customers came back in 2011-Q\d/);
    expect(prose).toMatch(/a quarter by acquisition/);
    expect(prose).not.toMatch(/last year|sample data/);
  }, 300_000);
});

describe('every translated built-in notebook on the sample', () => {
  let data: LoadedData;
  beforeAll(async () => {
    data = await loadData(undefined);
  }, 300_000);
  it.each(translations.filter((f) => !f.startsWith('bundling-and-churn-telco')))(
    '%s: every cell runs',
    async (notebook) => {
      const run = await runNotebookFile(path.join(notebooks, notebook), { data });
      expect(run.errors).toEqual([]);
      expect(run.states.filter((s) => s.status !== 'ok').map((s) => `${s.id}: ${s.status}`)).toEqual([]);
    },
    300_000,
  );
});
