/**
 * Issue 16: result tables show their column headers in the reader's language. Every column of every
 * analysis's tables on the sample has a 简体 and a 繁體 header free of Latin letters (but for the
 * models' notation), and English readers see the SQL name later cells query.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createSampleEngine, type NodeEngine } from '../../src/engine/node.ts';
import { columnLabel } from '../../src/analyses/messages/columns.ts';
import { listAnalyses } from '../../src/analyses/registry.ts';

describe('column headers of analysis tables', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = await createSampleEngine();
  }, 120_000);

  it.each(listAnalyses().map((a) => a.id))('%s: every column has a header in both Chinese scripts', async (id) => {
    const result = await engine.runAnalysis(id, {});
    const names = Object.values(result.tables).flatMap((t) => t.columns.map((c) => c.name));
    for (const name of names) expect(columnLabel(name, 'en')).toBe(name);
    for (const locale of ['zh-Hans', 'zh-Hant'] as const) {
      const latin = names.filter((n) => /[A-Za-z]{2,}/.test(columnLabel(n, locale).replace(/RFM|BG\/NBD/g, '')));
      expect(latin, `${id} (${locale})`).toEqual([]);
    }
    expect(names.length).toBeGreaterThan(0);
  });

  it('writes each script in its own words', () => {
    expect(columnLabel('customer_share', 'zh-Hans')).toBe('客户占比');
    expect(columnLabel('customer_share', 'zh-Hant')).toBe('顧客占比');
  });
});
