import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import os from 'node:os'; import path from 'node:path';
import iconv from 'iconv-lite';
import { loadData } from './src/cli/load-data.ts';
import { runNotebookFile } from './src/cli/run.ts';
const zh: Record<string, Record<string, string>> = {
  customers: { customer_id: '客户编号', name: '客户名称', signup_date: '注册日期', region: '地区', channel: '渠道', plan: '套餐', segment: '客户细分', acquisition_cost: '获客成本', churn_date: '流失日期', churn_reason: '流失原因' },
  service_costs: { customer_id: '客户编号', amount: '金额', date: '发生日期', category: '成本类别' },
  surveys: { customer_id: '客户编号', satisfaction: '满意度', date: '调查日期', scale: '量表', recommend: '推荐意愿', repurchase_intent: '复购意愿' },
  transactions: { customer_id: '客户编号', date: '交易日期', revenue: '金额', cost: '成本', quantity: '数量', order_id: '订单号', product: '产品', category: '品类', channel: '渠道' },
};
const names: Record<string, string> = { customers: '客户', service_costs: '服务成本', surveys: '满意度调查', transactions: '交易' };
const dir = mkdtempSync(path.join(os.tmpdir(), 'gbk-'));
for (const t of Object.keys(zh)) {
  const text = readFileSync(`sample-data/default/${t}.csv`, 'utf8');
  const [head, ...rest] = text.split('\n');
  const out = [head!.split(',').map((h) => zh[t]![h] ?? h).join(','), ...rest].join('\r\n');
  writeFileSync(path.join(dir, `${names[t]}.csv`), iconv.encode(out, 'gbk'));
}
const data = await loadData(dir);
console.log('failed', data.failed, 'skipped', data.skipped);
for (const r of data.report?.imports ?? []) console.log(r.fileName, '→', r.table, r.read, r.imported, r.rejected);
for (const nb of readdirSync('notebooks').filter((f) => f.endsWith('.md'))) {
  const run = await runNotebookFile(path.join('notebooks', nb), { data });
  console.log(nb, run.errors.length ? run.errors.join('\n').slice(0, 600) : 'OK', run.states.filter((s) => s.status === 'na').length, 'na');
}
