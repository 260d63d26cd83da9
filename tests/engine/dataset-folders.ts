/**
 * Data folders for the tests that import real exports as a user would (the CLI imports every data
 * file of a folder): one committed dataset on its own, or the sample re-exported the way a Chinese
 * ERP would — Chinese file names and headers, GBK-encoded, CRLF line ends.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';

export const datasets = path.resolve(import.meta.dirname, '../fixtures/datasets');

/** A folder holding only `file` of tests/fixtures/datasets. */
export function folderWith(file: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'caw-nb-data-'));
  copyFileSync(path.join(datasets, file), path.join(dir, file));
  return dir;
}

type SampleTable = 'customers' | 'service_costs' | 'surveys' | 'transactions';

/** Chinese headers for the sample's columns, as a mainland system would export them. */
export const zhHeaders: Record<SampleTable, Record<string, string>> = {
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

export const zhFileNames: Record<SampleTable, string> = {
  customers: '客户',
  service_costs: '服务成本',
  surveys: '满意度调查',
  transactions: '交易',
};

/**
 * The sample's `tables` exported the way a Chinese ERP would: Chinese file names and headers,
 * GBK-encoded, CRLF line ends. Nothing tells the import which table is which.
 */
export function gbkExport(
  tables: readonly SampleTable[] = ['customers', 'service_costs', 'surveys', 'transactions'],
): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'caw-nb-gbk-'));
  for (const table of tables) {
    const headers = zhHeaders[table];
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
