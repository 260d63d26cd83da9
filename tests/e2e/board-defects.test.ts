/**
 * The small defects issue 15 lists, end to end in Chromium against the built app: the sidebar
 * works while the import wizard or dataset manager is open; a new notebook's first "+ Chart"
 * draws a chart; a Scratch SQL error quotes the user's statement, not the engine's wrapper; a
 * user's Cancel reads as a cancel; Download .md keeps the inputs' current values; the whale
 * notebook's margin slider says when it applies and moves the curve when it does.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { cellsSettled, openApp, startSession, waitForEngine, type RecordedPage, type Session } from './harness.ts';

let session: Session;
let app: RecordedPage;

before(async () => {
  session = await startSession();
  app = await openApp(session);
  await waitForEngine(app.page);
});
after(async () => {
  await session?.close();
});

const sidebar = (page: Page, id: string) => page.locator(`[data-testid="builtin-notebooks"] [data-notebook="${id}"]`);

async function runSql(page: Page, sql: string): Promise<void> {
  await page.getByTestId('open-scratch').click();
  const editor = page.getByTestId('sql-editor').first();
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await editor.fill(sql);
  await page.keyboard.press('Shift+Enter');
}

describe('issue 15: small defects', () => {
  it('the sidebar opens a notebook while the dataset manager or the import wizard is open', async () => {
    const { page } = app;
    for (const panel of ['open-datasets', 'open-import']) {
      await page.getByTestId(panel).click();
      await sidebar(page, panel === 'open-datasets' ? 'retention-what-if' : 'satisfied-is-not-loyal').click();
      await page.getByTestId('notebook').waitFor({ timeout: 5_000 });
      assert.equal(await page.getByTestId('import-wizard').count(), 0, `${panel}: the panel closed`);
    }
  });

  it('a new notebook and "+ Chart" draw a chart, not an error', async () => {
    const { page } = app;
    await page.getByTestId('new-notebook').click();
    await page.getByTestId('notebook').waitFor();
    await page.getByTestId('add-cell').last().getByTestId('add-chart').click();
    await cellsSettled(page);
    assert.equal(
      await page.getByTestId('nb-cell-error').count(),
      0,
      (await page.getByTestId('nb-cell-error').allTextContents()).join(' | '),
    );
    assert.ok((await page.locator('[data-testid="nb-cell"][data-kind="chart"] svg').count()) > 0, 'the chart is drawn');
  });

  it('a Scratch SQL error quotes the statement the user wrote', async () => {
    const { page } = app;
    await runSql(page, 'SELECT region, nosuch\nFROM customers');
    const err = page.getByTestId('cell-error');
    await err.waitFor();
    const text = (await err.textContent()) ?? '';
    assert.doesNotMatch(text, /__result_|CREATE TEMP TABLE/);
    assert.match(text, /LINE 1: SELECT region, nosuch/);
  });

  it('Cancel reads "Query cancelled", not "Query failed"', async () => {
    const { page } = app;
    await runSql(page, 'SELECT count(*) AS n FROM range(20000000000) a');
    await page.getByTestId('query-cell').getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('cell-cancelled').waitFor({ timeout: 15_000 });
    assert.equal(await page.getByTestId('cell-error').count(), 0);
  });

  it('Download .md writes the inputs where the user left them', async () => {
    const { page } = app;
    await sidebar(page, 'who-really-makes-the-profit').click();
    await cellsSettled(page);
    const slider = page.getByTestId('input-top_k').locator('input[type="range"]');
    await slider.fill('35');
    await cellsSettled(page);
    const download = page.waitForEvent('download');
    await page.getByTestId('download-md').click();
    const text = await readFile(await (await download).path(), 'utf8');
    const topK = /```input top_k\n([\s\S]*?)```/.exec(text)?.[1] ?? '';
    assert.match(topK, /^value: 35$/m, topK);
  });

  it('the margin slider says when it applies, and moves the curve when it does', async () => {
    const { page } = app;
    const margin = page.getByTestId('input-margin');
    assert.equal(await margin.getAttribute('data-disabled'), 'true', 'disabled while the recorded cost is used');
    assert.match(
      (await margin.getByTestId('input-disabled-why').textContent()) ?? '',
      /Applies when “Gross margin from” is “the assumed margin below”/,
    );
    await page.getByTestId('input-margin_source').locator('select').selectOption('assumed');
    await cellsSettled(page);
    assert.equal(await margin.getAttribute('data-disabled'), null, 'enabled with the assumed margin');
    const before = await page.locator('[data-cell-id="whale"]').getByTestId('findings').textContent();
    await margin.locator('input[type="range"]').fill('0.6');
    await cellsSettled(page);
    const afterMove = await page.locator('[data-cell-id="whale"]').getByTestId('findings').textContent();
    assert.notEqual(afterMove, before, 'moving the slider changes the whale curve');
  });
});
