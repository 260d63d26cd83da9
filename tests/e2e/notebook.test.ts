/**
 * Notebooks, end to end in Chromium against the built app: a built-in notebook opens and runs
 * (findings, chart SVG), an input re-runs its dependants, edits and input values autosave (into the
 * user's own copy) and survive a reload, Shift+Enter and Run all, run time and row count per cell,
 * completion of table, column and result names, text added next to text, download as .md, cells
 * added, moved and deleted, a hostile notebook opened from disk executes nothing, and no request
 * leaves the page's origin.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openApp, startSession, waitForEngine, type RecordedPage, type Session, cellsSettled } from './harness.ts';

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
const settled = () => cellsSettled(app.page);

/** Run counts of every cell, by id. */
async function runs(): Promise<Record<string, number>> {
  const pairs = await app.page
    .locator('[data-testid="nb-cell"]')
    .evaluateAll((els) => els.map((e) => [e.getAttribute('data-cell-id') ?? '', Number(e.getAttribute('data-runs'))]));
  return Object.fromEntries(pairs);
}

/** Types into the focused SQL editor (after clearing it) and waits for `label` in the completion list. */
async function offers(typed: string, label: string): Promise<void> {
  await app.page.keyboard.press('Escape');
  await app.page.keyboard.press('Control+a');
  await app.page.keyboard.type(typed);
  await app.page
    .locator('.cm-tooltip-autocomplete .cm-completionLabel')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .waitFor({ timeout: 10_000 });
}

async function cellIds(): Promise<string[]> {
  return app.page
    .locator('[data-testid="nb-cell"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-cell-id') ?? ''));
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
    assert.ok(
      findings.some((f) => /top 20%/i.test(f)),
      `a headline finding about the top 20%: ${findings.join(' | ')}`,
    );
    assert.ok((await whale.locator('svg').count()) > 0, 'the analysis draws its chart');
    const chart = page.locator('[data-testid="nb-cell"][data-kind="chart"]').first();
    assert.ok((await chart.locator('figure svg path').count()) > 0, 'the chart cell draws lines');
    const prose = await page.locator('[data-testid="nb-cell"][data-kind="prose"] .nb-value').first().textContent();
    assert.ok(prose && prose !== '…', 'prose interpolates values');
  });

  it('exports an analysis table (the top loss-makers) as CSV', async () => {
    const { page } = app;
    const download = page.waitForEvent('download');
    await cell('diagnostics').getByTestId('csv-top_loss_makers').click();
    const file = await download;
    assert.equal(file.suggestedFilename(), 'diagnostics_top_loss_makers.csv');
    const lines = (await readFile(await file.path(), 'utf8')).trim().split(/\r?\n/);
    assert.match(lines[0]!, /^customer_id,.*profit/);
    assert.ok(lines.length > 1, 'the table has rows');
    assert.match(lines[1]!, /^C\d+,/);
    const profit = lines[0]!.split(',').indexOf('profit');
    assert.ok(Number(lines[1]!.split(',')[profit]) < 0, 'the first loss-maker loses money');
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
    await page.waitForFunction(
      (prev) => {
        const el = document.querySelector('[data-cell-id="whale"] [data-testid="findings"]');
        return el !== null && el.textContent !== prev;
      },
      before,
      { timeout: 30_000 },
    );
    await settled();
    assert.match((await cell('whale').getByTestId('findings').textContent()) ?? '', /top 40%/i);
    // worst_customers depends on `diagnostics`, which does not use top_k: it kept its result.
    assert.equal(await cell('worst_customers').getByTestId('cell-time').textContent(), worstBefore);
  });

  it('redraws a chart out of view only when it comes into view', async () => {
    const { page } = app;
    const chart = page.locator('[data-testid="nb-cell"][data-kind="chart"]').first();
    // The page at the top: the chart cell (far below the inputs) is out of view.
    await page
      .locator('[data-testid="nb-cell"]')
      .first()
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await chart
      .locator('figure svg')
      .first()
      .evaluate((svg) => svg.setAttribute('data-e2e-old', '1'));
    const slider = cell('top_k').locator('input[type="range"]');
    await slider.evaluate((el: HTMLInputElement) => {
      el.value = '30';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await settled();
    // Its data changed, but it was not drawn again: it is marked stale and keeps the old drawing.
    await chart.locator('figure[data-stale="true"]').waitFor({ timeout: 10_000 });
    assert.equal(await chart.locator('svg[data-e2e-old]').count(), 1, 'the chart out of view was not drawn again');
    // In view, it is drawn with the newest data.
    await chart.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await chart.locator('figure:not([data-stale])').waitFor({ timeout: 10_000 });
    await page.waitForFunction(
      () => document.querySelector('[data-testid="nb-cell"][data-kind="chart"] svg[data-e2e-old]') === null,
      undefined,
      { timeout: 10_000 },
    );
    assert.ok((await chart.locator('figure svg path').count()) > 0, 'the chart is drawn again');
    // Back to where the test before left it (the tests after it expect 40).
    await slider.evaluate((el: HTMLInputElement) => {
      el.value = '40';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await settled();
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
    // The slider moved in the previous test kept its value through the copy and the reload, and ran with it.
    assert.equal(await cell('top_k').locator('input[type="range"]').inputValue(), '40');
    assert.match((await cell('whale').getByTestId('findings').textContent()) ?? '', /top 40%/i);
  });

  it('runs one cell with Shift+Enter and every cell with Run all, showing run time and row count', async () => {
    const { page } = app;
    const rows = cell('worst_customers').getByTestId('cell-rows');
    assert.equal(await rows.textContent(), '10 rows');
    assert.match(
      (await cell('worst_customers').getByTestId('cell-time').textContent()) ?? '',
      /^\d+ ms$|^\d+\.\d\d s$/,
    );
    assert.match((await cell('whale').getByTestId('cell-rows').textContent()) ?? '', /^[\d,]+ rows$/);
    const before = await runs();
    await cell('worst_customers').getByTestId('sql-editor').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('SELECT * FROM diagnostics_top_loss_makers ORDER BY profit LIMIT 3');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+Enter');
    await cell('worst_customers').getByTestId('cell-rows').filter({ hasText: '3 rows' }).waitFor({ timeout: 30_000 });
    await settled();
    const after = await runs();
    assert.equal(after.worst_customers, before.worst_customers! + 1, 'the edited cell ran once');
    for (const id of ['whale', 'diagnostics', 'whatif', 'top_k', 'prose#1'])
      assert.equal(after[id], before[id], `${id} did not re-run`);

    await page.getByTestId('run-all').click();
    await page.waitForFunction(
      (prev) => {
        const els = [...document.querySelectorAll('[data-testid="nb-cell"]')];
        return els.every(
          (e) => Number(e.getAttribute('data-runs')) > (prev[e.getAttribute('data-cell-id') ?? ''] ?? 0),
        );
      },
      after,
      { timeout: 60_000 },
    );
    await settled();
  });

  it('completes table and column names, including the notebook’s own results', async () => {
    const { page } = app;
    await page.getByTestId('add-sql').last().click();
    await page.locator('[data-cell-id="query_1"][data-status="ok"]').waitFor({ timeout: 30_000 });
    await cell('query_1').getByTestId('sql-editor').click();
    await offers('SELECT * FROM custo', 'customers'); // a data table
    await offers('SELECT customers.acq', 'acquisition_cost'); // a data column
    await offers('SELECT * FROM worst_cu', 'worst_customers'); // a sql cell of this notebook
    await offers('SELECT worst_customers.cost', 'cost_to_serve'); // a column of that result
    await offers('SELECT * FROM whale_cu', 'whale_curve'); // an analysis table
    await page.keyboard.press('Escape');
    await cell('query_1').getByTestId('delete-cell').click();
    await page.locator('[data-cell-id="query_1"]').waitFor({ state: 'detached' });
  });

  it('adds text next to text into the same prose cell; it autosaves, survives a reload and downloads as .md', async () => {
    const { page } = app;
    const ids = await cellIds();
    // The strip right below the first prose cell (the next cell is an input).
    await page.getByTestId('add-cell').first().getByTestId('add-prose').click();
    const editor = cell('prose#1').getByTestId('prose-editor');
    await editor.waitFor();
    assert.ok(await editor.evaluate((el) => el === document.activeElement), 'the grown prose cell is open for editing');
    await page.keyboard.type('A note added by the e2e test.');
    await page.keyboard.press('Escape');
    assert.deepEqual(await cellIds(), ids, 'no new cell: the text joined the prose cell above');
    await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor();

    const download = page.waitForEvent('download');
    await page.getByTestId('download-md').click();
    const file = await download;
    assert.equal(file.suggestedFilename(), 'copy-of-who-really-makes-the-profit.md');
    const md = await readFile(await file.path(), 'utf8');
    assert.match(md, /^---\ntitle: "?Copy of Who really makes the profit\?"?\n/);
    assert.match(md, /A note added by the e2e test\./);
    assert.match(md, /```sql worst_customers\nSELECT \* FROM diagnostics_top_loss_makers ORDER BY profit LIMIT 3\n```/);

    await page.reload();
    await waitForEngine(page);
    await page.getByTestId('notebook-title').filter({ hasText: 'Copy of Who really makes the profit?' }).waitFor();
    assert.deepEqual(await cellIds(), ids);
    assert.match((await cell('prose#1').getByTestId('prose').textContent()) ?? '', /A note added by the e2e test\./);
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

  it('keeps the input values of a built-in notebook without copying it', async () => {
    const { page } = app;
    const mine = await page.getByTestId('my-notebooks').locator('[data-notebook]').count();
    await page.locator(`[data-testid="builtin-notebooks"] [data-notebook="${builtin}"]`).click();
    await page
      .getByTestId('notebook-title')
      .filter({ hasText: /^Who really makes the profit\?$/ })
      .waitFor();
    await settled();
    // top_k was moved to 40 on the built-in notebook before it was copied.
    assert.equal(await cell('top_k').locator('input[type="range"]').inputValue(), '40');
    await cell('fix_mode').locator('select').selectOption('drop');
    // Saved in IndexedDB (polled from here: page.evaluate awaits the transaction).
    const saved = () =>
      page.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((ok, no) => {
          const r = indexedDB.open('caw-notebooks');
          r.onsuccess = () => ok(r.result);
          r.onerror = () => no(r.error ?? new Error('IndexedDB request failed'));
        });
        const row = await new Promise<{ values: Record<string, unknown> } | undefined>((ok) => {
          const r = db.transaction('inputs').objectStore('inputs').get('builtin:who-really-makes-the-profit');
          r.onsuccess = () => ok(r.result as never);
        });
        db.close();
        return row?.values.fix_mode;
      });
    for (let i = 0; i < 100 && (await saved()) !== 'drop'; i++) await page.waitForTimeout(100);
    assert.equal(await saved(), 'drop', 'the new value is in IndexedDB');
    await page.reload();
    await waitForEngine(page);
    await page
      .getByTestId('notebook-title')
      .filter({ hasText: /^Who really makes the profit\?$/ })
      .waitFor();
    await settled();
    assert.equal(await cell('fix_mode').locator('select').inputValue(), 'drop');
    assert.equal(await cell('top_k').locator('input[type="range"]').inputValue(), '40');
    assert.equal(
      await page.getByTestId('my-notebooks').locator('[data-notebook]').count(),
      mine,
      'moving inputs made no copy',
    );
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
    assert.ok(
      prose.some((p) => p.includes('<img src=x onerror="window.__xss=3">')),
      'interpolated value is shown as text',
    );
    assert.ok(
      prose.some((p) => p.includes('<script>window.__xss=2</script>')),
      'raw HTML in prose is shown as text',
    );
    assert.equal(
      await page.locator('[data-testid="notebook"] a[href^="javascript"]').count(),
      0,
      'no javascript: link',
    );
    assert.equal(await page.locator('[data-testid="notebook"] img, [data-testid="notebook"] script').count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
  });

  it('never contacts another origin', () => {
    assert.ok(app.requests.length > 0, 'requests were recorded');
    assert.deepEqual(app.foreignRequests(), []);
    assert.deepEqual(app.errors, []);
  });
});
