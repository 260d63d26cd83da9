/**
 * Notebooks, end to end in Chromium against the built app: a built-in notebook opens and runs
 * (findings, chart SVG), an input re-runs its dependants, edits autosave into the user's own copy
 * and survive a reload, cells can be added, moved and deleted, a hostile notebook opened from
 * disk executes nothing, and no request leaves the page's origin.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openApp, startSession, waitForEngine, type RecordedPage, type Session } from './harness.ts';

let session: Session;
let app: RecordedPage;
const builtin = 'who-really-makes-the-profit';

before(async () => {
  session = await startSession();
  app = await openApp(session);
  await waitForEngine(app.page);
});
after(async () => {
  await session?.close();
});

const cell = (id: string) => app.page.locator(`[data-testid="nb-cell"][data-cell-id="${id}"]`);

/** Waits until no cell is queued or running. */
async function settled() {
  await app.page.waitForFunction(() => {
    const cells = [...document.querySelectorAll('[data-testid="nb-cell"]')];
    return cells.length > 0 && cells.every((c) => !['queued', 'running', 'idle'].includes(c.getAttribute('data-status') ?? ''));
  }, undefined, { timeout: 60_000 });
}

async function cellIds(): Promise<string[]> {
  return app.page.locator('[data-testid="nb-cell"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-cell-id') ?? ''));
}

describe('notebooks', () => {
  it('opens a built-in notebook: findings and a rendered chart', async () => {
    const { page } = app;
    await page.locator(`[data-testid="builtin-notebooks"] [data-notebook="${builtin}"]`).click();
    await page.getByTestId('notebook-title').filter({ hasText: 'Who really makes the profit?' }).waitFor();
    await settled();
    const whale = cell('whale');
    assert.equal(await whale.getAttribute('data-status'), 'ok', 'the whale analysis ran');
    const findings = await whale.getByTestId('findings').locator('li').allTextContents();
    assert.ok(findings.some((f) => /top 20%/i.test(f)), `a headline finding about the top 20%: ${findings.join(' | ')}`);
    assert.ok((await whale.locator('svg').count()) > 0, 'the analysis draws its chart');
    const chart = page.locator('[data-testid="nb-cell"][data-kind="chart"]').first();
    assert.ok((await chart.locator('figure svg path').count()) > 0, 'the chart cell draws lines');
    const prose = await page.locator('[data-testid="nb-cell"][data-kind="prose"] .nb-value').first().textContent();
    assert.ok(prose && prose !== '…', 'prose interpolates values');
  });

  it('re-runs only what depends on a changed input', async () => {
    const { page } = app;
    const before = await cell('whale').getByTestId('findings').textContent();
    const worstBefore = await cell('worst_customers').getByTestId('cell-time').textContent();
    const slider = cell('top_k').locator('input[type="range"]');
    await slider.evaluate((el: HTMLInputElement) => {
      el.value = '40';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await cell('top_k').locator('output').filter({ hasText: '40' }).waitFor();
    await page.waitForFunction((prev) => {
      const el = document.querySelector('[data-cell-id="whale"] [data-testid="findings"]');
      return el !== null && el.textContent !== prev;
    }, before, { timeout: 30_000 });
    await settled();
    assert.match((await cell('whale').getByTestId('findings').textContent()) ?? '', /top 40%/i);
    // worst_customers depends on `diagnostics`, which does not use top_k: it kept its result.
    assert.equal(await cell('worst_customers').getByTestId('cell-time').textContent(), worstBefore);
  });

  it('edits a SQL cell into the user’s own copy, which survives a reload', async () => {
    const { page } = app;
    const editor = cell('worst_customers').getByTestId('sql-editor');
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n-- edited by the e2e test');
    await page.getByTestId('notebook-title').filter({ hasText: 'Copy of Who really makes the profit?' }).waitFor();
    await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor();
    const mine = page.getByTestId('my-notebooks').getByText('Copy of Who really makes the profit?');
    await mine.waitFor();

    await page.reload();
    await waitForEngine(page);
    await page.getByTestId('notebook-title').filter({ hasText: 'Copy of Who really makes the profit?' }).waitFor();
    const text = await cell('worst_customers').getByTestId('sql-editor').textContent();
    assert.match(text ?? '', /-- edited by the e2e test/);
    await page.getByTestId('my-notebooks').getByText('Copy of Who really makes the profit?').waitFor();
    // The built-in notebook itself is unchanged.
    assert.equal(await page.locator(`[data-testid="builtin-notebooks"] [data-notebook="${builtin}"]`).count(), 1);
    await settled();
  });

  it('adds, moves and deletes cells', async () => {
    const { page } = app;
    const ids = await cellIds();
    await page.getByTestId('add-sql').last().click();
    await page.locator('[data-cell-id="query_1"]').waitFor();
    let now = await cellIds();
    assert.equal(now.length, ids.length + 1);
    assert.equal(now.at(-1), 'query_1');
    await cell('query_1').locator('[data-status="ok"], [data-testid="cell-status"]').first().waitFor();
    await page.locator('[data-cell-id="query_1"][data-status="ok"]').waitFor({ timeout: 30_000 });

    await cell('query_1').hover();
    await cell('query_1').getByTestId('move-up').click();
    now = await cellIds();
    assert.equal(now.at(-2), 'query_1', 'moved up one place');

    await cell('query_1').getByTestId('duplicate-cell').click();
    await page.locator('[data-cell-id="query_1_copy"]').waitFor();

    await cell('query_1_copy').getByTestId('delete-cell').click();
    await cell('query_1').getByTestId('delete-cell').click();
    await page.locator('[data-cell-id="query_1"]').waitFor({ state: 'detached' });
    assert.deepEqual(await cellIds(), ids);
  });

  it('opens a hostile notebook from disk without executing anything', async () => {
    const { page } = app;
    await page.getByTestId('open-md').setInputFiles(path.resolve(import.meta.dirname, '../fixtures/notebooks/xss.md'));
    await page.getByTestId('notebook-title').filter({ hasText: 'Hostile notebook' }).waitFor();
    await page.locator('[data-cell-id="payload"][data-status="ok"]').waitFor({ timeout: 30_000 });
    await settled();
    const table = await cell('payload').getByTestId('result-table').textContent();
    assert.match(table ?? '', /<img src=x onerror=/, 'the data value is shown as text');
    const prose = await page.locator('[data-testid="prose"]').allTextContents();
    assert.ok(prose.some((p) => p.includes('<img src=x onerror="window.__xss=3">')), 'interpolated value is shown as text');
    assert.ok(prose.some((p) => p.includes('<script>window.__xss=2</script>')), 'raw HTML in prose is shown as text');
    assert.equal(await page.locator('[data-testid="notebook"] a[href^="javascript"]').count(), 0, 'no javascript: link');
    assert.equal(await page.locator('[data-testid="notebook"] img, [data-testid="notebook"] script').count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
  });

  it('never contacts another origin', () => {
    assert.ok(app.requests.length > 0, 'requests were recorded');
    assert.deepEqual(app.foreignRequests(), []);
    assert.deepEqual(app.errors, []);
  });
});
