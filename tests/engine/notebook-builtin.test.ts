import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderChartToSvgString } from '../../src/charts/render-node.ts';
import { htmlReport } from '../../src/cli/html-report.ts';
import { jsonReport } from '../../src/cli/json-report.ts';
import { loadData, type LoadedData } from '../../src/cli/load-data.ts';
import { runNotebookFile } from '../../src/cli/run.ts';
import { parseNotebook } from '../../src/notebook/format/index.ts';

/**
 * CI check: every built-in notebook runs through the CLI code path without a cell error.
 * Notebooks for the sample data (`dataset: sample | any`) share one engine; a notebook for another
 * dataset runs over `tests/notebook/data/<dataset>/` (a mapping.yaml and its data files, copies of
 * tests/fixtures/datasets).
 */
const dir = path.resolve(import.meta.dirname, '../../notebooks');
const dataDirs = path.resolve(import.meta.dirname, '../notebook/data');
const datasetOf = (f: string) => parseNotebook(readFileSync(path.join(dir, f), 'utf8')).frontMatter.dataset;
const onSample = (f: string) => ['sample', 'any'].includes(datasetOf(f));
// Sample notebooks first: the others load their data into the same engine (one engine start-up per file).
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.md'))
  .sort((a, b) => Number(onSample(b)) - Number(onSample(a)) || a.localeCompare(b));

describe('built-in notebooks run without errors', () => {
  let sample: LoadedData;
  beforeAll(async () => {
    sample = await loadData();
  });
  afterAll(() => undefined);

  it('there are built-in notebooks', () => expect(files.length).toBeGreaterThan(0));

  it.each(files)('%s', async (file) => {
    const full = path.join(dir, file);
    const dataset = datasetOf(file);
    let data = sample;
    if (!onSample(file)) {
      const folder = path.join(dataDirs, dataset);
      expect(
        existsSync(folder),
        `no test data for dataset "${dataset}": add tests/notebook/data/${dataset}/mapping.yaml`,
      ).toBe(true);
      data = await loadData(folder, { engine: sample.engine });
    }
    const run = await runNotebookFile(full, { data });
    expect(run.errors).toEqual([]);
    const json = jsonReport(run.notebook, run.states);
    expect(json.cells.filter((c) => c.status !== 'ok')).toEqual([]);
    const html = htmlReport(run.notebook, run.states);
    expect(html).not.toMatch(/<script|\son\w+=|(?:src|href)=["']?https?:/i);
    const charts = run.notebook.cells.filter((c) => c.kind === 'chart').length;
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(charts);
    // Analysis findings reach the JSON report as text with their values.
    for (const cell of run.notebook.cells.filter((c) => c.kind === 'analysis')) {
      const out = json.cells.find((c) => c.id === cell.id)!;
      expect(out.findings.length, `${file}: ${cell.id} has findings`).toBeGreaterThan(0);
      for (const f of out.findings) expect(f.text.trim().length, `${cell.id}.${f.id}`).toBeGreaterThan(10);
    }
  });

  // tests/notebook/charts.md: every mark kind, channel and label a chart cell offers, drawn from
  // a notebook's own results through the same runtime; each fragment is something a reader sees.
  it('draws every chart kind of tests/notebook/charts.md with its titles, labels, formats and annotations', async () => {
    const run = await runNotebookFile(path.resolve(import.meta.dirname, '../notebook/charts.md'), { data: sample });
    expect(run.errors).toEqual([]);
    const svg = (id: string) => {
      const out = run.states.find((s) => s.id === id)?.output;
      if (out?.kind !== 'chart') throw new Error(`${id} drew nothing`);
      return renderChartToSvgString(out.spec, (name) => out.data[name]);
    };
    const expected: Record<string, string[]> = {
      // line + colour legend, reference rule, labelled point (dot + text), title/subtitle/caption, $ ticks, time ticks
      revenue_lines: [
        'Monthly revenue by segment',
        'Line per segment, coloured by segment',
        'Fixture data.',
        '>Segment</text>',
        '>Business</text>',
        '>$2,600<',
        '>Jan 2024<',
        '>Month →<',
        'aria-label="line"',
        'aria-label="dot"',
        'Peak: $2,600',
        'stroke-dasharray="4,3"',
        '<circle',
      ],
      // stacked area filled by segment, SI ticks
      revenue_area: ['Revenue, stacked', 'aria-label="area"', '>4.0k<', '>Feb<'],
      // bars faceted by segment, percent ticks, zero rule
      margin_bars: [
        'Margin by month, per segment',
        'aria-label="bar"',
        '>35%<',
        'aria-label="fx-axis tick label"',
        '>Business<',
        '>Retail<',
        '>2024-03<',
      ],
      // heatmap cells with formatted text and a colour legend
      margin_heatmap: ['Margin heatmap', '>31%<', '>Margin<', 'aria-label="cell"'],
    };
    for (const [id, fragments] of Object.entries(expected)) {
      const drawn = svg(id);
      for (const f of fragments) expect(drawn, `${id} shows ${f}`).toContain(f);
    }
  });
});
