/**
 * A reopened notebook shows its last results at once, from the browser's storage, before the
 * engine has started — and only when they were computed on the same data, notebook text, inputs
 * and language. End to end in Chromium against the built app: DuckDB's WebAssembly download is
 * held back after a reload (so the engine cannot be ready), and the whale notebook must show its
 * findings and charts anyway, marked as saved results, then run and replace them with equal ones.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page, Route } from 'playwright-core';
import { cellsSettled, openApp, startSession, waitForEngine, type RecordedPage, type Session } from './harness.ts';

const NOTEBOOK = 'who-really-makes-the-profit';

let session: Session;
let app: RecordedPage;

before(async () => {
  session = await startSession();
  app = await openApp(session);
  await waitForEngine(app.page);
  await app.page.locator(`[data-testid="builtin-notebooks"] [data-notebook="${NOTEBOOK}"]`).click();
  await cellsSettled(app.page);
  assert.equal(await savedRun(app.page), await app.page.locator('[data-testid="nb-cell"]').count());
});
after(async () => {
  await session?.close();
});

/** Waits until the notebook's finished run is in storage; returns how many cells it saved. */
async function savedRun(page: Page): Promise<number> {
  const count = () =>
    page.evaluate(
      (key) =>
        new Promise<number>((resolve) => {
          const req = indexedDB.open('caw-results');
          req.onsuccess = () => {
            const db = req.result;
            if (!db.objectStoreNames.contains('runs')) return resolve(0);
            const get = db.transaction('runs').objectStore('runs').get(key);
            get.onsuccess = () => resolve((get.result as { cells?: unknown[] } | undefined)?.cells?.length ?? 0);
            get.onerror = () => resolve(0);
          };
          req.onerror = () => resolve(0);
        }),
      `builtin:${NOTEBOOK}`,
    );
  for (let tries = 0; tries < 120; tries++) {
    const n = await count();
    if (n > 0) return n;
    await page.waitForTimeout(250);
  }
  throw new Error('the finished run was not saved within 30 s');
}

/** The text of every finding and chart of the notebook, in order. */
function shown(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="nb-cell"]')].map((c) => {
      const findings = [...c.querySelectorAll('[data-testid="findings"] li')].map((f) => f.textContent?.trim() ?? '');
      const charts = [...c.querySelectorAll('[data-testid="chart"] svg')].map((s) => s.textContent?.trim() ?? '');
      return [c.getAttribute('data-cell-id'), ...findings, ...charts].join(' | ');
    }),
  );
}

/** Holds back DuckDB's WebAssembly until the returned function is called (the engine cannot start). */
async function holdEngine(): Promise<() => Promise<void>> {
  const held: Route[] = [];
  const hold = (route: Route) => void held.push(route);
  await app.context.route(/duckdb-eh-.*\.wasm$/, hold);
  return async () => {
    await app.context.unroute(/duckdb-eh-.*\.wasm$/, hold);
    // A request the reload cancelled is handled already.
    for (const r of held) await r.continue().catch(() => undefined);
  };
}

describe('saved results', () => {
  it('shows the last results before the engine is ready, then runs and replaces them with the same', async () => {
    const { page } = app;
    const computed = await shown(page);
    assert.ok(
      computed.some((s) => s.includes('%')),
      'the notebook shows findings',
    );
    const release = await holdEngine();
    await page.reload();
    await page
      .locator('[data-testid="nb-cell"][data-restored="true"] [data-testid="chart"] svg')
      .first()
      .waitFor({ state: 'attached' });
    // The engine is still starting: everything on screen came from storage.
    assert.doesNotMatch((await page.getByTestId('engine-status').textContent()) ?? '', /DuckDB/);
    const restored = await page.locator('[data-testid="nb-cell"][data-restored="true"]').count();
    assert.equal(restored, await page.locator('[data-testid="nb-cell"]').count(), 'every cell restored');
    assert.deepEqual(await shown(page), computed);
    assert.match(
      (await page.locator('[data-restored="true"] [data-testid="cell-status"]').first().textContent()) ?? '',
      /Saved result/,
    );
    await release();
    await waitForEngine(page);
    await page.waitForFunction(() => document.querySelector('[data-restored="true"]') === null, undefined, {
      timeout: 60_000,
    });
    await cellsSettled(page);
    assert.deepEqual(await shown(page), computed, 'the run gives what was shown');
    assert.deepEqual(app.foreignRequests(), []);
  });

  it('shows nothing saved for another language (the saved run’s key differs)', async () => {
    const { page } = app;
    // Another language is another key: analyses name tiers in the reader's language.
    await page.evaluate(() => localStorage.setItem('caw.locale', 'zh-Hans'));
    const release = await holdEngine();
    await page.reload();
    await page.locator('[data-testid="nb-cell"]').first().waitFor();
    // Give storage time to answer: nothing may be restored, the cells wait for the engine.
    await page.waitForTimeout(1_500);
    assert.equal(await page.locator('[data-restored="true"]').count(), 0);
    assert.equal(await page.locator('[data-testid="nb-cell"] [data-testid="chart"] svg').count(), 0);
    await release();
    await waitForEngine(page);
    await cellsSettled(page);
    await page.evaluate(() => localStorage.setItem('caw.locale', 'en'));
  });
});
