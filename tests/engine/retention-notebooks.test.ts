import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSampleEngine, type NodeEngine } from '../../src/engine/node.ts';
import { cellId, parseNotebook } from '../../src/notebook/format/index.ts';
import { createRuntime, engineEffects } from '../../src/notebook/runtime/index.ts';
import { renderChartToSvgString } from '../../src/charts/render-node.ts';
import { validateChartSpec } from '../../src/charts/validate.ts';
import { toRows } from '../../src/engine/types.ts';

const notebook = (name: string) => readFile(path.resolve(import.meta.dirname, '../../notebooks', name), 'utf8');

describe('built-in notebook "Retention what-if" on the sample data', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = await createSampleEngine();
  });

  it('runs every cell without error, and the sliders move the economics', async () => {
    const nb = parseNotebook(await notebook('retention-what-if.md'));
    expect(nb.frontMatter.dataset).toBe('sample');
    const rt = createRuntime(nb, engineEffects(engine));
    await rt.runAll();
    const failed = nb.cells.map((c) => rt.cell(c.id)!).filter((s) => s.status !== 'ok');
    expect(failed.map((s) => `${s.id}: ${s.error}`)).toEqual([]);

    const scalar = (cell: string, key: string) => {
      const out = rt.cell(cellId(cell))!.output;
      return out?.kind === 'analysis' ? out.result.scalars[key] : undefined;
    };
    const before = scalar('whatif', 'equity_change') as number;
    await rt.setInput('uplift', 0.1);
    expect(scalar('whatif', 'equity_change') as number).toBeGreaterThan(before);
    await rt.setInput('programme_cost', 0);
    expect(scalar('whatif', 'roi')).toBeNull();
    // The margin slider scales the observed margin; at zero programme cost the equity gain scales with it.
    const margin = scalar('whatif', 'margin') as number;
    const gain = scalar('whatif', 'equity_change') as number;
    await rt.setInput('margin_change', 0.2);
    expect(scalar('whatif', 'margin') as number).toBeCloseTo(margin * 1.2, 8);
    expect(scalar('whatif', 'equity_change') as number).toBeCloseTo(gain * 1.2, 6);
    // Acquisition cost follows the multiple slider (5× by default) on the programme cost.
    await rt.setInput('programme_cost', 10);
    await rt.setInput('acquisition_multiple', 20);
    expect(scalar('whatif', 'acquisition_cost')).toBe(200);
    // "+5 points → profit +x%" on the sample's own numbers sits beside the 25–95% claim.
    expect(scalar('whatif', 'claim_profit_change') as number).toBeGreaterThan(0);
    // Cohorts switch between quarters and months, and say which.
    expect(scalar('cohorts', 'period')).toBe('quarter');
    await rt.setInput('cohort_period', 'month');
    expect(scalar('cohorts', 'period')).toBe('month');
    // Leaky bucket: the defaults leak (600 new vs ~27% of ~3,200 lost), so holding flat costs money.
    expect(scalar('bucket', 'acquisition_spend') as number).toBeGreaterThan(
      scalar('bucket', 'retention_spend') as number,
    );
    expect(scalar('multiple', 'clv')).toBeCloseTo(266.67, 2);

    // Every chart the retention analyses return is a valid spec that renders over its own tables.
    let rendered = 0;
    for (const c of nb.cells) {
      const out = rt.cell(c.id)!.output;
      if (out?.kind !== 'analysis') continue;
      for (const spec of out.result.charts) {
        validateChartSpec(spec);
        const svg = renderChartToSvgString(spec, (name) =>
          out.result.tables[name] ? toRows(out.result.tables[name]) : undefined,
        );
        expect(svg).toContain('<svg');
        rendered++;
      }
    }
    expect(rendered).toBeGreaterThanOrEqual(12);
  });
});
