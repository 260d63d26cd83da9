import { beforeAll, describe, expect, it } from 'vitest';
import { createSampleEngine, type NodeEngine } from '../../src/engine/node.ts';
import { toRows } from '../../src/engine/types.ts';
import { trueAnnualRetention } from '../../sample-data/src/index.ts';

describe('satisfaction on the default sample (generated with a known convex retention curve)', () => {
  let e: NodeEngine;
  beforeAll(async () => {
    e = await createSampleEngine();
  });

  it('shows the non-linear curve: retention(5) − retention(4) > retention(4) − retention(3), as in the generator', async () => {
    // the generator's own curve is convex at the top
    expect(trueAnnualRetention(5) - trueAnnualRetention(4)).toBeGreaterThan(trueAnnualRetention(4) - trueAnnualRetention(3));
    const r = await e.runAnalysis('satisfaction-loyalty', { segment: 'region' });
    const rate = new Map(toRows(r.tables.curve!).map((p) => [p.satisfaction as number, p.rate as number]));
    expect(rate.get(5)! - rate.get(4)!).toBeGreaterThan(rate.get(4)! - rate.get(3)!);
    expect(r.scalars.affection_min).toBe(5);
    expect(Object.keys(r.tables)).toEqual(expect.arrayContaining(['curve', 'zones', 'segment_curves', 'steepness']));
  });
});
