/**
 * The built-in notebook "Satisfied is not loyal" on the default sample (generated with a known
 * convex retention curve): every cell runs, the analyses it shows have the shape the generator
 * put in, its prose quotes the user's own figures, and its what-if answers its inputs.
 * One engine and one notebook run for the whole file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/analyses/types.ts';
import type { CellId } from '../../src/notebook/format/types.ts';
import { ROLES } from '../../src/charts/palette.ts';
import { renderChartToSvgString } from '../../src/charts/render-node.ts';
import { htmlReport } from '../../src/cli/html-report.ts';
import { createSampleEngine } from '../../src/engine/node.ts';
import { toRows } from '../../src/engine/types.ts';
import { parseNotebook } from '../../src/notebook/format/parse.ts';
import { engineEffects } from '../../src/notebook/runtime/engine-effects.ts';
import { createRuntime, type NotebookRuntime } from '../../src/notebook/runtime/runtime.ts';
import { trueAnnualRetention } from '../../sample-data/src/index.ts';

const notebookFile = path.resolve(import.meta.dirname, '../../notebooks/satisfied-is-not-loyal.md');
const notebook = parseNotebook(readFileSync(notebookFile, 'utf8'));

let rt: NotebookRuntime;
const result = (id: string): AnalysisResult => {
  const out = rt.cell(id as CellId)?.output;
  if (out?.kind !== 'analysis') throw new Error(`${id} is not a finished analysis cell`);
  return out.result;
};
const rowsOf = (r: AnalysisResult) => (name: string) => (r.tables[name] ? toRows(r.tables[name]) : undefined);

beforeAll(async () => {
  rt = createRuntime(notebook, engineEffects(await createSampleEngine()));
  await rt.runAll();
});

describe('"Satisfied is not loyal" on the sample data', () => {
  it('runs every cell, and has the curve, the quadrant, word of mouth and the what-if with its inputs', () => {
    expect(notebook.issues).toEqual([]);
    expect(
      rt
        .cells()
        .filter((s) => s.status !== 'ok')
        .map((s) => `${s.id}: ${s.error ?? s.status}`),
    ).toEqual([]);
    const analyses = Object.fromEntries(
      notebook.cells.filter((c) => c.kind === 'analysis').map((c) => [c.name, (c as { analysis: string }).analysis]),
    );
    expect(analyses).toEqual({
      curve: 'satisfaction-loyalty',
      quadrant: 'loyalty-quadrant',
      wom: 'word-of-mouth',
      whatif: 'satisfaction-what-if',
    });
    const inputs = notebook.cells.filter((c) => c.kind === 'input').map((c) => c.name);
    expect(inputs).toEqual(expect.arrayContaining(['window', 'segment', 'satisfied_from', 'from_level', 'move_share']));
  });

  it('curve: non-linear as in the generator, zones located on the data and shaded on the chart', () => {
    // the generator's own curve is convex at the top
    expect(trueAnnualRetention(5) - trueAnnualRetention(4)).toBeGreaterThan(
      trueAnnualRetention(4) - trueAnnualRetention(3),
    );
    const r = result('curve');
    const rate = new Map(toRows(r.tables.curve!).map((p) => [p.satisfaction as number, p.rate as number]));
    expect(rate.get(5)! - rate.get(4)!).toBeGreaterThan(rate.get(4)! - rate.get(3)!);
    expect(r.scalars.affection_min).toBe(5);
    const zones = toRows(r.tables.zones!);
    expect(zones.map((z) => z.zone)).toEqual(['defection', 'indifference', 'affection']);
    expect(zones.at(-1)).toMatchObject({ x1: 4.5, x2: 5.5 });
    const svg = renderChartToSvgString(r.charts[0]!, rowsOf(r), { width: 800 });
    // one translucent band per zone, in the zone colours, labelled
    for (const role of ['negative', 'secondary', 'positive'] as const) expect(svg).toContain(ROLES[role]);
    for (const zone of ['defection', 'indifference', 'affection']) expect(svg).toMatch(new RegExp(`>${zone}<`));
    // one whole-number tick per level, no 2.5
    expect(svg).not.toMatch(/>2\.5</);
  });

  it('curves per region overlaid, with the steepness of each as a number', () => {
    const r = result('curve');
    expect(r.charts.map((c) => c.id)).toEqual(['curve', 'segment-curves', 'steepness']);
    const steep = toRows(r.tables.steepness!);
    expect(steep.map((s) => s.segment).sort()).toEqual(['Central', 'East', 'North', 'South', 'West']);
    for (const s of steep) expect(s.top_step).toBeCloseTo((s.top_rate as number) - (s.next_rate as number), 12);
    expect(r.scalars.steepness_gap as number).toBeGreaterThan(0);
    const svg = renderChartToSvgString(r.charts[1]!, rowsOf(r), { width: 800 });
    expect((svg.match(/<path[^>]*stroke="#[0-9a-f]{6}"[^>]*d="M/g) ?? []).length).toBeGreaterThanOrEqual(5);
  });

  it('quadrant and the hostages: loyal, below the satisfied cut, most profitable first', () => {
    const r = result('quadrant');
    const q = toRows(r.tables.quadrant!);
    expect(q.map((x) => x.quadrant)).toEqual(['apostles', 'mercenaries', 'hostages', 'defectors']);
    expect(q.reduce((s, x) => s + (x.customers as number), 0)).toBe(result('curve').scalars.respondents);
    const hostages = toRows(r.tables.hostages!);
    expect(hostages.length).toBe(20);
    for (const h of hostages) expect(h.satisfaction as number).toBeLessThan(4);
    const profits = hostages.map((h) => h.profit as number);
    expect(profits).toEqual([...profits].sort((a, b) => b - a));
  });

  it('word of mouth: the asymmetric U — the extremes talk, the bottom most', () => {
    const s = result('wom').scalars;
    expect(s.vocal_bottom as number).toBeGreaterThan(s.vocal_middle_min as number);
    expect(s.vocal_top as number).toBeGreaterThan(s.vocal_middle_min as number);
    expect(s.vocal_bottom as number).toBeGreaterThanOrEqual(s.vocal_top as number);
    expect(s.net_advocacy_bottom as number).toBeLessThan(0);
    expect(s.net_advocacy_top as number).toBeGreaterThan(0);
  });

  it('prose quotes the user’s own 5-vs-4 figure and explains why it differs from Xerox’s 6×', () => {
    const s = result('curve').scalars;
    const html = htmlReport(notebook, rt.cells());
    expect(html).not.toMatch(/\{(curve|quadrant|whatif|wom)\./);
    // the report's text, tags stripped and lines joined
    const text = html
      .replace(/<[^>]+>/g, '')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ');
    const ratio = (s.top_box_ratio as number).toFixed(1);
    expect(text).toContain(`A "completely satisfied" customer is ${ratio}× as likely to stay`);
    expect(text).toContain(`Xerox famously found its "totally satisfied" customers six times as likely`);
    expect(text).toContain(`Compare your ${ratio}× with that`);
    expect(text).toContain(`so no ratio above ${(s.top_box_ratio_ceiling as number).toFixed(1)}× was even possible`);
    // on this sample most 4s stay: the loyalty ratio is far below 6 and the loss-rate ratio tells the story
    expect(s.top_box_ratio as number).toBeLessThan(6);
    expect(s.leave_ratio as number).toBeGreaterThan(s.top_box_ratio as number);
    expect(text).toContain(`${(s.leave_ratio as number).toFixed(1)}× the loss rate`);
  });

  it('what-if follows its inputs: lifting 20% of the 4s, then the 3s', async () => {
    const curve = new Map(toRows(result('curve').tables.curve!).map((p) => [p.satisfaction as number, p]));
    let s = result('whatif').scalars;
    expect([s.from_level, s.to_level, s.move_share]).toEqual([4, 5, 0.2]);
    const n4 = curve.get(4)!.n as number;
    expect(s.extra_loyal as number).toBeCloseTo(
      0.2 * n4 * ((curve.get(5)!.rate as number) - (curve.get(4)!.rate as number)),
      9,
    );
    expect(s.extra_loyal_low as number).toBeLessThan(s.extra_loyal as number);
    expect(s.extra_loyal_high as number).toBeGreaterThan(s.extra_loyal as number);
    await rt.setInput('from_level', 3);
    await rt.setInput('move_share', 0.5);
    s = result('whatif').scalars;
    expect([s.from_level, s.to_level, s.move_share, s.moved]).toEqual([3, 4, 0.5, 0.5 * (curve.get(3)!.n as number)]);
  });
});
