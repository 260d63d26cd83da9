/**
 * Opening, re-opening and switching notebooks while their cells run, end to end in Chromium
 * against the built app: a double click on the running notebook, switching to another notebook
 * and back mid-run, and a reload mid-run all end with every cell settled, no cell showing an
 * engine error, and the engine never stopped or restarted by the race.
 */
import assert from 'node:assert/strict';
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

/** The notebook's cells that failed, with their messages (empty when none did). */
async function failedCells(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="nb-cell"]', (cells) =>
    cells
      .filter((c) => c.getAttribute('data-status') === 'error' || c.getAttribute('data-status') === 'blocked')
      .map(
        (c) =>
          `${c.getAttribute('data-cell-id')}: ${c.querySelector('[data-testid="nb-cell-error"]')?.textContent ?? ''}`,
      ),
  );
}

/** Whether any cell of the open notebook is queued or running now. */
function busy(page: Page): Promise<boolean> {
  return page.$$eval('[data-testid="nb-cell"]', (cells) =>
    cells.some((c) => ['queued', 'running'].includes(c.getAttribute('data-status') ?? '')),
  );
}

/** The engine is running and was neither stopped nor restarted. */
async function engineUntouched(page: Page): Promise<void> {
  assert.equal(await page.getByTestId('engine-restarted').count(), 0, 'the engine was restarted');
  assert.equal(await page.getByTestId('engine-crashed').count(), 0, 'the engine stopped');
  assert.match((await page.getByTestId('engine-status').textContent()) ?? '', /DuckDB/);
}

const sidebar = (page: Page, id: string) => page.locator(`[data-testid="builtin-notebooks"] [data-notebook="${id}"]`);

describe('switching notebooks while they run', () => {
  it('double-clicking the running notebook, then clicking it again, leaves it intact', async () => {
    const { page } = app;
    await sidebar(page, 'who-really-makes-the-profit').click();
    await page.getByTestId('notebook-title').waitFor();
    await page.waitForFunction(
      () =>
        document.querySelectorAll(
          '[data-testid="nb-cell"][data-status="running"], [data-testid="nb-cell"][data-status="queued"]',
        ).length > 0,
    );
    await sidebar(page, 'who-really-makes-the-profit').dblclick();
    await sidebar(page, 'who-really-makes-the-profit').click();
    await cellsSettled(page);
    assert.deepEqual(await failedCells(page), []);
    await engineUntouched(page);
  });

  it('switching away and back mid-run, several times, ends with every cell run', async () => {
    const { page } = app;
    for (let round = 0; round < 3; round++) {
      await sidebar(page, 'retention-what-if').click();
      await page
        .getByTestId('notebook-title')
        .filter({ hasText: /retention/i })
        .waitFor();
      // Mid-run: some cell of the notebook is queued or running when the user leaves it.
      await page.waitForFunction(
        () =>
          document.querySelectorAll(
            '[data-testid="nb-cell"][data-status="running"], [data-testid="nb-cell"][data-status="queued"]',
          ).length > 0,
      );
      await sidebar(page, 'who-really-makes-the-profit').click();
      await page
        .getByTestId('notebook-title')
        .filter({ hasText: /profit/i })
        .waitFor();
      assert.ok((await busy(page)) || (await failedCells(page)).length === 0);
      await sidebar(page, 'retention-what-if').click();
      await sidebar(page, 'who-really-makes-the-profit').click();
    }
    await cellsSettled(page);
    assert.deepEqual(await failedCells(page), []);
    await sidebar(page, 'retention-what-if').click();
    await page
      .getByTestId('notebook-title')
      .filter({ hasText: /retention/i })
      .waitFor();
    await cellsSettled(page);
    assert.deepEqual(await failedCells(page), []);
    await engineUntouched(page);
  });

  it('reloading mid-run opens the notebook and runs it without an error', async () => {
    const { page } = app;
    await sidebar(page, 'segmenting-the-customer-base').click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="nb-cell"][data-status="running"]').length > 0,
    );
    await page.reload();
    await waitForEngine(page);
    await page.getByTestId('notebook-title').waitFor();
    await cellsSettled(page, 120_000);
    assert.deepEqual(await failedCells(page), []);
    await engineUntouched(page);
    assert.deepEqual(app.errors, []);
  });
});
