/**
 * MVC/MGC/BZ: a customer can grow to the peers' potential when the second half of the period did
 * not fall below the first. Spend is money in cents, so halves that are equal in cents must
 * compare equal, whatever order their lines are added in. On generated data with one customer
 * whose halves are both 0.30 — 0.10 + 0.20 before the middle day (0.30000000000000004 as doubles)
 * and 0.30 after it — the customer is growable on every path (the summary's months, the raw
 * tables), and the naive reference query gives the analysis's headline. At 1M generated customers
 * one such customer made the reference's MGC headroom differ from the browser's by 117.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseOptions } from '../../src/analyses/options.ts';
import { getAnalysis } from '../../src/analyses/registry.ts';
import type { AnalysisResult } from '../../src/analyses/types.ts';
import { createNodeEngine, type NodeEngine } from '../../src/engine/node.ts';
import { toRows } from '../../src/engine/types.ts';
import { renderSampleCsv } from '../../sample-data/src/index.ts';
import { compareHeadline, referenceSql } from '../../bench/reference/headline.ts';

const enc = new TextEncoder();
const TIE = 'CZ99999';

/** Generated data (2023–2024) plus the customer whose halves of 2024 are equal in cents. */
async function engineWithTie(): Promise<NodeEngine> {
  const files = renderSampleCsv({ customers: 1500, seed: 5 });
  files.customers += `${TIE},Tie Test,2023-06-01,West,store,basic,professional,10,,\n`;
  files.transactions +=
    `${TIE},2024-03-10,0.1,,1,OZ-1,FRE-04,fresh,store\n` +
    `${TIE},2024-04-10,0.2,,1,OZ-2,FRE-04,fresh,store\n` +
    `${TIE},2024-10-10,0.3,,1,OZ-3,FRE-04,fresh,store\n`;
  const engine = createNodeEngine();
  await engine.loadCanonicalCsv(
    'generated',
    Object.entries(files).map(([table, text]) => ({ table, fileName: `${table}.csv`, bytes: enc.encode(text) })),
  );
  return engine;
}

/** The tie customer's row among every listed customer (top_n large enough to list everyone). */
function tieRow(r: AnalysisResult): { group: string; row: Record<string, unknown> } | null {
  for (const group of ['mvc', 'mgc', 'bz'] as const) {
    const row = toRows(r.tables[group]!).find((x) => x.customer_id === TIE);
    if (row) return { group, row };
  }
  return null;
}

describe('MVC/MGC/BZ: halves equal in cents compare equal', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = await engineWithTie();
  }, 120_000);

  it('the customer is growable from the summary (whole-month period) and from the raw tables (period cutting a month)', async () => {
    const def = getAnalysis('mvc-mgc-bz');
    const all = { top_n: 10000 };
    // Default period (2024, whole months: the summary) and one starting mid-month (the raw tables).
    for (const options of [all, { ...all, period_start: '2024-01-15' }]) {
      const runs = [
        await engine.runAnalysis('mvc-mgc-bz', options),
        await def.run(
          { db: await engine.database(), profile: await engine.profile() },
          parseOptions(def.options, options, 'mvc-mgc-bz'),
        ),
      ];
      for (const r of runs) {
        const tie = tieRow(r);
        expect(tie?.group, JSON.stringify(options)).toBe('mgc');
        expect(tie!.row.first_half).toBe(0.3);
        expect(tie!.row.second_half).toBe(0.3);
        expect(Number(tie!.row.headroom)).toBeGreaterThan(0);
        expect(tie!.row.potential).toBe(tie!.row.peer_potential);
      }
    }
  });

  it('the naive reference query gives the analysis headline', async () => {
    const ref = toRows(await engine.query(referenceSql('mvc-mgc-bz')))[0]!;
    const result = await engine.runAnalysis('mvc-mgc-bz', {});
    expect(compareHeadline(ref, result.scalars).filter((c) => !c.ok)).toEqual([]);
  });
});
