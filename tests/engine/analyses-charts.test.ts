/**
 * Every registered analysis, run with its default options on the built-in sample data, returns
 * charts that the renderer accepts and draws, tables its charts can find, and findings in words.
 * This is the seam between the analyses and the chart renderer: a spec one side emits and the
 * other rejects would otherwise only show up in front of a user.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { listAnalyses } from '../../src/analyses/registry.ts';
import { renderChartToSvgString } from '../../src/charts/render-node.ts';
import { createSampleEngine, type NodeEngine } from '../../src/engine/node.ts';
import { toRows } from '../../src/engine/types.ts';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await createSampleEngine();
});

describe('every analysis on the sample data', () => {
  const ids = listAnalyses().map((a) => a.id);

  it('has analyses registered for every area', () => {
    for (const id of [
      'whale-curve',
      'profit-diagnostics',
      'tiers',
      'rfm',
      'satisfaction-loyalty',
      'cohorts',
      'margin-multiple',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it.each(ids)('%s runs with defaults and its charts render', async (id) => {
    const result = await engine.runAnalysis(id, {});
    expect(result.findings.length + result.notes.length).toBeGreaterThan(0);
    for (const f of result.findings) expect(f.text).toMatch(/\w/);
    for (const spec of result.charts) {
      const resolve = (name: string) => (result.tables[name] ? toRows(result.tables[name]) : undefined);
      const svg = renderChartToSvgString(spec, resolve, { width: 800 });
      expect(svg, `${id}: chart ${spec.id ?? spec.title}`).toMatch(/^<svg[\s\S]*<\/svg>$/);
      // A chart with data marks draws something: paths, circles, rects or texts beyond the axes.
      expect(svg).toMatch(/<(path|circle|rect|line)\b/);
    }
  });
});
