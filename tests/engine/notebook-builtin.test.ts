import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlReport } from '../../src/cli/html-report.ts';
import { jsonReport } from '../../src/cli/json-report.ts';
import { loadData, type LoadedData } from '../../src/cli/load-data.ts';
import { runNotebookFile } from '../../src/cli/run.ts';
import { parseNotebook } from '../../src/notebook/format/index.ts';

/**
 * CI check: every built-in notebook runs through the CLI code path without a cell error.
 * Notebooks for the sample data (`dataset: sample | any`) share one engine; a notebook for another
 * dataset runs over `tests/notebook/data/<dataset>/` (a mapping.yaml pointing into ../shared/datasets).
 */
const dir = path.resolve(import.meta.dirname, '../../notebooks');
const dataDirs = path.resolve(import.meta.dirname, '../notebook/data');
const datasetOf = (f: string) => parseNotebook(readFileSync(path.join(dir, f), 'utf8')).frontMatter.dataset;
const onSample = (f: string) => ['sample', 'any'].includes(datasetOf(f));
// Sample notebooks first: the others load their data into the same engine (one engine start-up per file).
const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort((a, b) => Number(onSample(b)) - Number(onSample(a)) || a.localeCompare(b));

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
      expect(existsSync(folder), `no test data for dataset "${dataset}": add tests/notebook/data/${dataset}/mapping.yaml`).toBe(true);
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
  });
});
