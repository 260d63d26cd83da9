/**
 * Foundation, end to end in Chromium against the built app: the sample data is loaded and
 * listed, a query runs and pages through a 1M-row result, a bad query shows DuckDB's message,
 * a crashed engine can be restarted, and no request ever leaves the page's origin.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openApp, startSession, waitForEngine, type RecordedPage, type Session } from './harness.ts';

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

/** Replaces the SQL editor's content and runs it with Shift+Enter. */
async function runSql(sql: string, via: 'keys' | 'button' = 'keys') {
  const { page } = app;
  const editor = page.getByTestId('sql-editor').first();
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await editor.fill(sql);
  if (via === 'keys') await page.keyboard.press('Shift+Enter');
  else await page.getByTestId('run-cell').first().click();
}

describe('foundation', () => {
  it('lists every sample table with its row count and columns', async () => {
    const { page } = app;
    for (const name of ['customers', 'transactions', 'service_costs', 'surveys']) {
      const row = page.locator(`[data-table="${name}"]`);
      const count = await row.getByTestId('table-rows').textContent();
      assert.match(count ?? '', /^[\d,]+ rows?$/, `${name} shows a row count`);
      assert.ok(Number((count ?? '0').replace(/\D/g, '')) > 0, `${name} has rows`);
    }
    await page.getByRole('button', { name: 'Show columns of transactions' }).click();
    const cols = await page.locator('[data-table="transactions"] .cols').textContent();
    assert.match(cols ?? '', /customer_id\s*VARCHAR/);
    assert.match(cols ?? '', /date\s*DATE/);
    assert.match(cols ?? '', /revenue\s*DOUBLE/);
  });

  it('previews rows of a table', async () => {
    const { page } = app;
    await page.locator('[data-table="customers"] .name').click();
    const preview = page.getByTestId('table-preview');
    await preview.getByText(/First 100 of/).waitFor();
    const firstId = await preview.locator('.body .row[data-row="0"] .td').first().textContent();
    assert.match(firstId ?? '', /^C\d+/);
  });

  it('runs a query with Shift+Enter and shows the result', async () => {
    const { page } = app;
    await runSql("SELECT 6 * 7 AS answer, 'ok' AS status");
    const table = page.getByTestId('query-cell').getByTestId('result-table');
    await table.getByTestId('row-count').filter({ hasText: '1 row' }).waitFor();
    assert.equal((await table.locator('.body .row[data-row="0"] .td').first().textContent())?.trim(), '42');
  });

  it('pages a 1M-row result through a virtualised table without shipping all rows', async () => {
    const { page } = app;
    await runSql('SELECT range AS n, range * 2 AS twice FROM range(1000000)', 'button');
    const table = page.getByTestId('query-cell').getByTestId('result-table');
    await table.getByTestId('row-count').filter({ hasText: '1,000,000 rows' }).waitFor();
    const domRows = await table.locator('.body .row').count();
    assert.ok(domRows < 120, `only visible rows are in the DOM (found ${domRows})`);
    // Jump to the end: the last rows are fetched on demand.
    await table.locator('.scroller').evaluate((el) => (el.scrollTop = el.scrollHeight));
    const last = table.locator('.body .row[data-row="999999"] .td').first();
    await last.filter({ hasText: '999,999' }).waitFor({ timeout: 20_000 });
  });

  it('keeps its virtualised grid across results of another size (fewer rows, then many again)', async () => {
    const { page } = app;
    const table = page.getByTestId('query-cell').getByTestId('result-table');
    await runSql('SELECT range AS n FROM range(3)', 'button');
    await table.getByTestId('row-count').filter({ hasText: '3 rows' }).waitFor();
    await table.locator('.body .row[data-row="2"]').waitFor();
    assert.equal(await table.locator('.body .row').count(), 3, 'exactly the three rows of the new result');
    await runSql('SELECT range AS n FROM range(500000)', 'button');
    await table.getByTestId('row-count').filter({ hasText: '500,000 rows' }).waitFor();
    await table.locator('.scroller').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await table
      .locator('.body .row[data-row="499999"] .td')
      .first()
      .filter({ hasText: '499,999' })
      .waitFor({ timeout: 20_000 });
  });

  it('shows DuckDB’s error for a bad query and keeps working', async () => {
    const { page } = app;
    await runSql('SELECT * FROM no_such_table');
    const err = page.getByTestId('cell-error');
    await err.waitFor();
    assert.match((await err.textContent()) ?? '', /no_such_table does not exist/);
    await runSql('SELECT count(*) AS n FROM customers');
    await page.getByTestId('query-cell').getByTestId('row-count').filter({ hasText: '1 row' }).waitFor();
  });

  it('cancels a long-running query and keeps working', async () => {
    const { page } = app;
    await runSql('SELECT count(*) AS n FROM range(20000000000) a');
    const cancel = page.getByTestId('query-cell').getByRole('button', { name: 'Cancel' });
    await cancel.click();
    // The user's own Cancel reads as such, not as a failed query.
    await page
      .getByTestId('cell-cancelled')
      .filter({ hasText: /cancelled/i })
      .waitFor({ timeout: 15_000 });
    assert.equal(await page.getByTestId('cell-error').count(), 0, 'no "Query failed" for a cancel');
    await runSql('SELECT 1 AS one');
    await page.getByTestId('query-cell').getByTestId('row-count').filter({ hasText: '1 row' }).waitFor();
  });

  it('restarts a crashed engine by itself, and offers a button when it stops again within a minute', async () => {
    const { page } = app;
    const crash = () =>
      page.evaluate(() => (window as unknown as { __caw: { crashEngine(): void } }).__caw.crashEngine());
    await crash();
    const restarted = page.getByTestId('engine-restarted');
    await restarted.waitFor();
    assert.match((await restarted.textContent()) ?? '', /simulated engine crash/);
    assert.ok(await page.getByTestId('sql-editor').isVisible(), 'the page is not blank');
    await waitForEngine(page);
    await runSql('SELECT count(*) AS n FROM transactions');
    await page.getByTestId('query-cell').getByTestId('row-count').filter({ hasText: '1 row' }).waitFor();

    // A second stop soon after is not restarted in a loop: the user decides.
    await crash();
    const stopped = page.getByTestId('engine-crashed');
    await stopped.waitFor();
    assert.match((await stopped.textContent()) ?? '', /not restarted again/);
    await page.waitForTimeout(1000);
    assert.match(
      (await page.getByTestId('engine-status').textContent()) ?? '',
      /stopped/i,
      'still stopped: no automatic restart',
    );
    await page.getByTestId('restart-engine').click();
    await waitForEngine(page);
    assert.equal(await page.getByTestId('engine-restarted').count(), 0, 'a restart the user asked for needs no notice');
    await runSql('SELECT count(*) AS n FROM customers');
    await page.getByTestId('query-cell').getByTestId('row-count').filter({ hasText: '1 row' }).waitFor();
  });

  it('never contacts another origin', () => {
    // The recorder sees the worker's own fetches too (the wasm binary and the sample's database file), so an
    // outside request from the engine would be caught, not just one from the page.
    assert.ok(
      app.requests.some((u) => /duckdb-eh.*\.wasm$/.test(u)),
      'the engine worker’s wasm fetch was recorded',
    );
    assert.ok(
      app.requests.some((u) => /sample.*\.duckdb$/.test(u)),
      'the worker’s sample-data fetch was recorded',
    );
    assert.deepEqual(app.foreignRequests(), []);
    assert.deepEqual(app.errors, []);
  });
});
