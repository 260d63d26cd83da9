/**
 * Issue 14, point 4: every analysis guards its own edge cases. Each small dataset below is one a
 * user can bring (one customer, a single month, everyone profitable, everyone losing money, no
 * cost column, surveys on a 0–10 scale, ids that differ only by Unicode normalisation); every
 * registered analysis runs on it with its default options and either gives a result whose numbers
 * and sentences are real (no NaN, no ∞, no "undefined") or says it does not apply and why. Never
 * an exception.
 */
import { describe, expect, it } from 'vitest';
import { createNodeEngine, type NodeEngine } from '../../src/engine/node.ts';
import { listAnalyses } from '../../src/analyses/registry.ts';
import type { AnalysisResult } from '../../src/analyses/types.ts';

const enc = new TextEncoder();
type Tables = Partial<Record<'transactions' | 'customers' | 'service_costs' | 'surveys', string>>;

/** Transactions of `ids` spread over `months` months from 2024-01, `perMonth` lines each. */
function lines(
  ids: string[],
  months: number,
  revenue: (id: string, m: number) => number,
  cost?: (id: string, m: number) => number,
): string {
  const rows = ['customer_id,date,revenue' + (cost ? ',cost' : '') + ',order_id'];
  let o = 0;
  for (const id of ids) {
    for (let m = 0; m < months; m++) {
      const d = new Date(Date.UTC(2024, m, 10)).toISOString().slice(0, 10);
      const r = revenue(id, m);
      rows.push(`${id},${d},${r.toFixed(2)}${cost ? ',' + cost(id, m).toFixed(2) : ''},o${++o}`);
    }
  }
  return rows.join('\n');
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `C${String(i + 1).padStart(3, '0')}`);

const cases: [string, Tables][] = [
  [
    'one customer',
    {
      transactions: lines(
        ['C001'],
        14,
        (_, m) => 100 + m,
        (_, m) => 60 + m,
      ),
    },
  ],
  [
    'a single month',
    {
      transactions: lines(
        ids(30),
        1,
        (id) => 50 + Number(id.slice(1)),
        () => 30,
      ),
    },
  ],
  [
    'everyone profitable, no cost to serve',
    {
      transactions: lines(
        ids(40),
        14,
        (id, m) => 100 + Number(id.slice(1)) + m,
        () => 10,
      ),
    },
  ],
  [
    'everyone losing money (negative totals)',
    {
      transactions: lines(
        ids(40),
        14,
        (id) => 20 + Number(id.slice(1)),
        (id) => 30 + Number(id.slice(1)),
      ),
      service_costs: [
        'customer_id,amount,date,category',
        ...ids(40).map((id) => `${id},15.00,2024-06-01,support`),
      ].join('\n'),
    },
  ],
  [
    'everyone alike (every value tied)',
    {
      transactions: lines(
        ids(40),
        14,
        () => 50,
        () => 20,
      ),
    },
  ],
  [
    'no cost column (transactions only)',
    { transactions: lines(ids(40), 14, (id, m) => 10 + ((Number(id.slice(1)) * 7 + m) % 50)) },
  ],
  [
    'surveys on a 0–10 scale',
    {
      transactions: lines(
        ids(40),
        14,
        (id, m) => 40 + ((Number(id.slice(1)) * 3 + m) % 30),
        () => 20,
      ),
      surveys: ['customer_id,satisfaction,date,scale', ...ids(40).map((id, i) => `${id},${i % 11},2024-03-01,10`)].join(
        '\n',
      ),
    },
  ],
];

async function engineWith(tables: Tables): Promise<NodeEngine> {
  const engine = createNodeEngine();
  await engine.loadCanonicalCsv(
    'edge',
    Object.entries(tables).map(([table, text]) => ({
      table,
      fileName: `${table}.csv`,
      bytes: enc.encode(text + '\n'),
    })),
  );
  return engine;
}

/** Every problem with a result a person would read: NaN, ∞ or "undefined" in any number or sentence. */
function problems(r: AnalysisResult): string[] {
  const out: string[] = [];
  const bad = /\bNaN\b|Infinity|∞|undefined|\[object /;
  for (const [k, v] of Object.entries(r.scalars)) {
    if (typeof v === 'number' && !Number.isFinite(v)) out.push(`scalar ${k} = ${v}`);
    if (typeof v === 'string' && bad.test(v)) out.push(`scalar ${k} = ${v}`);
  }
  for (const f of r.findings) {
    if (bad.test(f.text)) out.push(`finding ${f.id}: ${f.text}`);
    if (typeof f.value === 'number' && !Number.isFinite(f.value)) out.push(`finding ${f.id} value ${f.value}`);
  }
  for (const n of r.notes) if (bad.test(n)) out.push(`note: ${n}`);
  // Sentences that are true to the arithmetic but mislead a reader (all found on these datasets):
  // a change from a rate to the same rate, a group of none or of nobody's share, a cost of nothing,
  // everyone called lost because everyone tied.
  const misleading: [RegExp, string][] = [
    [/from (\d[\d.]*%) to \1(?!\d)/, 'a change from a rate to the same rate'],
    [/\bThe 0 |^0 customers are|(?:^|[^.\d])0% of customers are|holds 0% of customers/, 'a group of nobody'],
    [/\bcosts 0 |keeping 0 more/, 'a cost of nothing'],
    [/\b100% of customers are lost/, 'everyone lost'],
    [/n\/a/, 'an n/a inside a sentence'],
  ];
  for (const f of r.findings)
    for (const [re, what] of misleading) if (re.test(f.text)) out.push(`finding ${f.id} (${what}): ${f.text}`);
  for (const c of r.charts)
    if (bad.test(JSON.stringify(c.title ?? '') + JSON.stringify(c.subtitle ?? ''))) out.push(`chart title: ${c.title}`);
  return out;
}

describe.each(cases)('every analysis on %s', (name, tables) => {
  it.each(listAnalyses().map((a) => a.id))(
    '%s: a real result, or says why it does not apply',
    async (id) => {
      const engine = await shared(tables);
      let r: AnalysisResult;
      try {
        r = await engine.runAnalysis(id, {});
      } catch (e) {
        throw new Error(`${id} threw: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (r.notApplicable) {
        expect(r.notApplicable.reason, `${id}: not applicable without a reason`).toMatch(/\w{3,}.*\w{3,}/);
        return;
      }
      expect(problems(r), `${id}`).toEqual([]);
      if (name.includes('negative totals'))
        for (const f of r.findings)
          expect(f.text, `${id}/${f.id}: a share of a negative total`).not.toMatch(/\d% of profit/);
    },
    120_000,
  );
});

const engines = new Map<Tables, Promise<NodeEngine>>();
function shared(tables: Tables): Promise<NodeEngine> {
  let e = engines.get(tables);
  if (!e) engines.set(tables, (e = engineWith(tables)));
  return e;
}
