/**
 * The naive reference queries are a fair yardstick only if they compute what the analyses
 * report: on generated data (the project's generator, 3,000 customers), each query's headline
 * numbers must equal the analysis's own scalars with default options, to 1e-9 relative (absolute
 * below 1); text and dates exactly. No timing here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine, type NodeEngine } from '../../src/engine/node.ts';
import { toRows } from '../../src/engine/types.ts';
import { listAnalyses } from '../../src/analyses/registry.ts';
import { renderSampleCsv } from '../../sample-data/src/index.ts';
import {
  agrees,
  compareHeadline,
  declaredHeadline,
  HEADLINE_TOLERANCE,
  referenceIds,
  referenceSql,
  referenceVariants,
  variantIds,
  withoutReference,
} from './headline.ts';

describe('headline helpers', () => {
  it('compares numbers relatively, text exactly, and flags a headline the analysis lacks', () => {
    expect(agrees(1000, 1000 * (1 + 5e-10))).toBe(true);
    expect(agrees(1000, 1000 * (1 + 5e-9))).toBe(false);
    expect(agrees(0, 5e-10)).toBe(true);
    expect(agrees('2024-12-31', '2024-12-31')).toBe(true);
    expect(agrees(null, null)).toBe(true);
    expect(agrees(1, undefined)).toBe(false);
    const checks = compareHeadline(
      { customers: 10n, as_of: new Date('2024-12-31T00:00:00Z'), share: 0.5, extra: 1 },
      { customers: 10, as_of: '2024-12-31', share: 0.25 },
    );
    expect(checks.map((c) => [c.name, c.ok])).toEqual([
      ['customers', true],
      ['as_of', true],
      ['share', false],
      ['extra', false],
    ]);
    expect(checks[3]!.analysis).toBeUndefined();
  });

  it('reads the headline list from a header comment', () => {
    expect(declaredHeadline('-- about\n-- headline: a, b_c ,d\nSELECT 1')).toEqual(['a', 'b_c', 'd']);
    expect(declaredHeadline('SELECT 1')).toEqual([]);
  });
});

describe('naive reference queries', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = createNodeEngine();
    const enc = new TextEncoder();
    const files = renderSampleCsv({ customers: 3000, seed: 11 });
    await engine.loadCanonicalCsv(
      'generated',
      Object.entries(files).map(([table, text]) => ({ table, fileName: `${table}.csv`, bytes: enc.encode(text) })),
    );
  }, 120_000);

  it('exist for every registered analysis that reads data', () => {
    const ids = listAnalyses()
      .map((a) => a.id)
      .filter((id) => !(id in withoutReference))
      .sort();
    expect(referenceIds()).toEqual(ids);
  });

  it('variants exist only for analyses with a reference, and name their headline numbers', () => {
    for (const variant of referenceVariants) {
      const ids = variantIds(variant);
      expect(ids.length, variant).toBeGreaterThan(0);
      for (const id of ids) {
        expect(referenceIds(), `${variant}/${id}.sql`).toContain(id);
        expect(declaredHeadline(referenceSql(id, variant)), `${variant}/${id}.sql`).toEqual(
          declaredHeadline(referenceSql(id)),
        );
      }
    }
  });

  for (const id of referenceIds()) {
    it(`${id}: the headline numbers equal the analysis's (tolerance ${HEADLINE_TOLERANCE} relative)`, async () => {
      const sql = referenceSql(id);
      const rows = toRows(await engine.query(sql));
      expect(rows).toHaveLength(1);
      // The header names exactly the columns the query returns.
      expect(Object.keys(rows[0]!)).toEqual(declaredHeadline(sql));
      const result = await engine.runAnalysis(id, {});
      const bad = compareHeadline(rows[0]!, result.scalars).filter((c) => !c.ok);
      expect(bad).toEqual([]);
    });
  }
});
