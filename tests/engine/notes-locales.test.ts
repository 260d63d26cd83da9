/**
 * Issue 16: the notes under an analysis read in the reader's language too. Every analysis on the
 * sample (costs, surveys, churn reasons) and on a transactions-only export (no costs, no surveys,
 * no customers: the fallback and not-applicable notes): every note in 简体 and 繁體 is free of
 * English words but for the identifiers a user types (table, column and option names), the
 * models' names and formula notation; in English the notes are unchanged.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine, createSampleEngine, type NodeEngine } from '../../src/engine/node.ts';
import { localiseNotes } from '../../src/analyses/messages/localise.ts';
import { renderParam } from '../../src/analyses/messages/render.ts';

/**
 * Identifiers and notation a note may quote in any language: names `in code`, names with `_` or `.` (columns,
 * options), the tables and options a user types, the models' and authors' names (BG/NBD,
 * Gamma-Gamma, P(alive), Gupta & Lehmann).
 */
const allowed = new Set([
  'min',
  'COGS',
  'surveys',
  'transactions',
  'customers',
  'outcome',
  'scale',
  'satisfaction',
  'recommend',
  'BG',
  'NBD',
  'Gamma',
  'alive',
  'Gupta',
  'Lehmann',
  'RFM',
]);
const englishWords = (s: string) =>
  (s.replace(/`[^`]*`/g, '').match(/[A-Za-z][A-Za-z_.]*[A-Za-z]/g) ?? []).filter(
    (w) => !allowed.has(w) && !/[_.]/.test(w),
  );

function transactionsOnly(): string {
  const rows = ['customer_id,date,revenue,order_id'];
  let o = 0;
  for (let c = 1; c <= 30; c++)
    for (let m = 0; m < 14; m++)
      if ((c + m) % 3 !== 0)
        rows.push(
          `C${c},${new Date(Date.UTC(2024, m, 1 + (c % 27))).toISOString().slice(0, 10)},${(10 + c * 3 + m).toFixed(2)},o${++o}`,
        );
  return rows.join('\n') + '\n';
}

describe.each([
  ['the sample', (): Promise<NodeEngine> => createSampleEngine()],
  [
    'a transactions-only export',
    async (): Promise<NodeEngine> => {
      const e = createNodeEngine();
      await e.loadCanonicalCsv('t', [
        { table: 'transactions', fileName: 'transactions.csv', bytes: new TextEncoder().encode(transactionsOnly()) },
      ]);
      return e;
    },
  ],
])('notes on %s', (_name, make) => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = await make();
  }, 120_000);

  it.each([
    ['rfm', {}],
    ['rfm', { monetary: 'profit' }],
    ['value-loyalty', {}],
    ['tiers', {}],
    ['tiers', { measure: 'profit' }],
    ['migration', {}],
    ['mvc-mgc-bz', {}],
    ['whale-curve', {}],
    ['profit-diagnostics', {}],
    ['cohorts', {}],
    ['customer-equity', {}],
    ['retention-what-if', {}],
    ['retention-what-if', { margin_change: 0.1 }],
    ['leaky-bucket', {}],
    ['margin-multiple', {}],
    ['clv-bgnbd', {}],
    ['bundling', {}],
    ['churn-reasons', {}],
    ['satisfaction-loyalty', {}],
    ['satisfaction-loyalty', { segment: 'region' }],
    ['loyalty-quadrant', {}],
    ['word-of-mouth', {}],
    ['satisfaction-what-if', {}],
  ] as const)('%s %o: every note in the reader’s language', async (id, options) => {
    const result = await engine.runAnalysis(id, options);
    expect(result.notes.length).toBeGreaterThan(0);
    expect(localiseNotes(result, { locale: 'en' })).toEqual(result.notes);
    for (const locale of ['zh-Hans', 'zh-Hant'] as const) {
      // Tier names follow the reader's language (the app passes it; here it is set as the option).
      const named = id === 'tiers' || id === 'migration';
      const read = named ? await engine.runAnalysis(id, { ...options, language: locale }) : result;
      const notes = localiseNotes(read, { locale });
      expect(notes.flatMap(englishWords), `${id} (${locale}): ${notes.join(' | ')}`).toEqual([]);
    }
  });
});

describe('why an analysis does not apply, in the reader’s language', () => {
  it('a missing surveys table (an analysis’s own fixed explanation) reads in 简体 and 繁體', async () => {
    const e = createNodeEngine();
    await e.loadCanonicalCsv('t', [
      { table: 'transactions', fileName: 'transactions.csv', bytes: new TextEncoder().encode(transactionsOnly()) },
    ]);
    const result = await e.runAnalysis('satisfaction-loyalty', {});
    const ref = result.notApplicable?.reasonRef;
    expect(ref).toBeDefined();
    for (const locale of ['zh-Hans', 'zh-Hant'] as const)
      expect(englishWords(renderParam(ref!, { locale })), locale).toEqual([]);
  }, 120_000);
});
