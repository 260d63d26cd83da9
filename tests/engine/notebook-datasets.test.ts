/**
 * Issue 14's test matrix: every built-in notebook run through the CLI code path on real exports
 * nobody on this project wrote, each imported as a user would (the import pipeline's own mapping,
 * no mapping file): zero cells in error; a cell that cannot run is "not applicable" and says why.
 * (The Telco notebook on its own data, and the reports: notebook-builtin.test.ts.)
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadData, type LoadedData } from '../../src/cli/load-data.ts';
import { runNotebookFile } from '../../src/cli/run.ts';
import { renderMarkdown } from '../../src/notebook/markdown.ts';

const notebooks = path.resolve(import.meta.dirname, '../../notebooks');
const datasets = path.resolve(import.meta.dirname, '../fixtures/datasets');
const all = readdirSync(notebooks)
  .filter((f) => f.endsWith('.md'))
  .sort();
// Translations run the same cells as their original (tests/unit/notebook-translations.test.ts), so
// the dataset matrix runs the originals; each translation runs once, on the sample, below.
const files = all.filter((f) => !/\.zh-Han[st]\.md$/.test(f));
const translations = all.filter((f) => /\.zh-Han[st]\.md$/.test(f));

/** A folder holding only `file` (the CLI imports every data file of a folder). */
function folderWith(file: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'caw-nb-data-'));
  copyFileSync(path.join(datasets, file), path.join(dir, file));
  return dir;
}

/** Chinese headers for the sample's columns, as a mainland system would export them. */
const zhHeaders: Record<string, Record<string, string>> = {
  customers: {
    customer_id: '客户编号',
    name: '客户名称',
    signup_date: '注册日期',
    region: '地区',
    channel: '渠道',
    plan: '套餐',
    segment: '客户细分',
    acquisition_cost: '获客成本',
    churn_date: '流失日期',
    churn_reason: '流失原因',
  },
  service_costs: { customer_id: '客户编号', amount: '金额', date: '发生日期', category: '成本类别' },
  surveys: {
    customer_id: '客户编号',
    satisfaction: '满意度',
    date: '调查日期',
    scale: '量表',
    recommend: '推荐意愿',
    repurchase_intent: '复购意愿',
  },
  transactions: {
    customer_id: '客户编号',
    date: '交易日期',
    revenue: '金额',
    cost: '成本',
    quantity: '数量',
    order_id: '订单号',
    product: '产品',
    category: '品类',
    channel: '渠道',
  },
};
const zhFileNames: Record<string, string> = {
  customers: '客户',
  service_costs: '服务成本',
  surveys: '满意度调查',
  transactions: '交易',
};

/**
 * The sample's four tables exported the way a Chinese ERP would: Chinese file names and headers,
 * GBK-encoded, CRLF line ends, service costs included. Nothing tells the import which table is which.
 */
function gbkExport(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'caw-nb-gbk-'));
  for (const [table, headers] of Object.entries(zhHeaders)) {
    const [head, ...rest] = readFileSync(
      path.resolve(import.meta.dirname, `../../sample-data/default/${table}.csv`),
      'utf8',
    ).split('\n');
    const text = [
      head!
        .split(',')
        .map((h) => headers[h] ?? h)
        .join(','),
      ...rest,
    ].join('\r\n');
    writeFileSync(path.join(dir, `${zhFileNames[table]}.csv`), iconv.encode(text, 'gbk'));
  }
  return dir;
}

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
