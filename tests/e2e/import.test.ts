/**
 * Bring your own data, end to end in Chromium against the built app: the IBM Telco file goes
 * through the wizard with the notebook's expected defaults and a row-accounted report (11 blank
 * TotalCharges reported, not lost), persists across a reload, runs the Telco notebook, and the
 * sample can be switched back; a GBK file with Chinese headers imports without mojibake; bad
 * files show a clear error and leave the app working; rejected rows download as CSV; and no
 * request leaves the page's origin.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openApp, type RecordedPage, type Session, startSession, tableRows } from './harness.ts';

const telco = path.resolve(import.meta.dirname, '../fixtures/datasets/Telco-Customer-Churn.csv');
const fixture = (name: string) => path.resolve(import.meta.dirname, '../fixtures/import', name);

let session: Session;
let app: RecordedPage;

before(async () => {
  session = await startSession();
  app = await openApp(session);
  await ready();
});
after(async () => {
  await session?.close();
});

/** Waits until the engine is ready with `table` loaded (any dataset, not only the sample). */
async function ready(table = 'transactions') {
  await app.page.getByTestId('engine-status').filter({ hasText: 'DuckDB' }).waitFor({ timeout: 60_000 });
  await app.page.locator(`[data-table="${table}"]`).waitFor({ timeout: 60_000 });
}

/** Opens the wizard (fresh) and picks files. */
async function pick(...files: string[]) {
  const { page } = app;
  await page.getByTestId('open-import').first().click();
  await page.getByTestId('import-wizard').waitFor();
  await page.getByTestId('file-input').setInputFiles(files);
}

const fileCard = (name: string) => app.page.locator(`[data-testid="import-file"][data-file="${name}"]`);
const rowsOf = (table: string) => tableRows(app.page, table);

describe('import', () => {
  it('imports Telco through the wizard: customers with the notebook’s defaults, 7,043 read, 11 blank TotalCharges reported', async () => {
    const { page } = app;
    await pick(telco);
    const card = fileCard('Telco-Customer-Churn.csv');
    await card.locator('[data-testid="mapping"]').waitFor({ timeout: 30_000 });
    assert.equal(await card.getByTestId('target-table').inputValue(), 'customers');
    assert.equal(await card.locator('tr[data-role="customer_id"] select').inputValue(), 'customerID');
    assert.equal(await card.locator('tr[data-role="plan"] select').inputValue(), 'Contract');
    await card.getByTestId('import-preview').waitFor();
    await page.getByTestId('start-import').click();
    const report = page.locator('[data-testid="import-report"][data-file="Telco-Customer-Churn.csv"]');
    await report.waitFor({ timeout: 60_000 });
    assert.equal(await report.getByTestId('rows-read').textContent(), '7,043 read');
    assert.equal(await report.getByTestId('rows-imported').textContent(), '7,043 imported');
    assert.equal(await report.getByTestId('rows-rejected').textContent(), '0 rejected');
    const warnings = (await report.getByTestId('import-warnings').textContent()) ?? '';
    assert.match(warnings, /11 rows have a blank TotalCharges/);
    await page.getByTestId('active-dataset').filter({ hasText: 'Telco-Customer-Churn' }).waitFor();
    await ready('customers');
    assert.equal(await rowsOf('customers'), 7043);
    assert.equal(await page.locator('[data-table="transactions"]').count(), 0, 'the sample tables are not mixed in');
    await page.getByRole('button', { name: 'Done' }).click();
  });

  it('runs the Telco notebook on the imported dataset', async () => {
    const { page } = app;
    await page.locator('[data-testid="builtin-notebooks"] [data-notebook="bundling-and-churn-telco"]').click();
    const bundling = page.locator('[data-testid="nb-cell"][data-cell-id="bundling"]');
    await page.waitForFunction(
      () => {
        const c = document.querySelector('[data-testid="nb-cell"][data-cell-id="bundling"]');
        return c && ['ok', 'error'].includes(c.getAttribute('data-status') ?? '');
      },
      undefined,
      { timeout: 60_000 },
    );
    assert.equal(await bundling.getAttribute('data-status'), 'ok');
    const text = (await page.locator('[data-testid="nb-cell"][data-kind="prose"]').allTextContents()).join(' ');
    // Published churn by contract (dataset README): month-to-month 42.7%, two year 2.8%.
    assert.match(text, /42\.7%/);
    assert.match(text, /2\.8%/);
  });

  it('keeps the imported dataset after a reload and switches back to the sample', async () => {
    const { page } = app;
    await page.reload();
    await ready('customers');
    assert.equal(await page.getByTestId('active-dataset').textContent(), 'Telco-Customer-Churn');
    assert.equal(await rowsOf('customers'), 7043);
    // An engine crash and restart bring back the active dataset, not the sample.
    await page.evaluate(() => (window as unknown as { __caw: { crashEngine(): void } }).__caw.crashEngine());
    await page.getByTestId('engine-restarted').waitFor();
    await ready('customers');
    assert.equal(await rowsOf('customers'), 7043);
    assert.equal(await page.locator('[data-table="transactions"]').count(), 0);
    await page.getByTestId('open-datasets').click();
    const manager = page.getByTestId('dataset-manager');
    const entry = manager.locator('li[data-name="Telco-Customer-Churn"]');
    assert.match(
      (await entry.getByTestId('dataset-rows').textContent()) ?? '',
      /customers 7,043 rows · [\d.]+ (KB|MB)/,
    );
    await manager.locator('li[data-dataset="sample"]').getByTestId('use-dataset').click();
    await ready('transactions');
    await page.getByTestId('active-dataset').filter({ hasText: 'sample data' }).waitFor();
    assert.ok((await rowsOf('transactions')) > 1000);
    // …and back again, from storage.
    await entry.getByTestId('use-dataset').click();
    await page.getByTestId('active-dataset').filter({ hasText: 'Telco-Customer-Churn' }).waitFor();
    // The sample has a customers table too: wait for the Telco one.
    await page
      .locator('[data-table="customers"]')
      .getByTestId('table-rows')
      .filter({ hasText: '7,043 rows' })
      .waitFor({ timeout: 60_000 });
    assert.equal(await page.locator('[data-table="transactions"]').count(), 0);
  });

  it('imports a GBK file with Chinese headers without mojibake', async () => {
    const { page } = app;
    await pick(fixture('zh-gbk.csv'));
    const card = fileCard('zh-gbk.csv');
    await card.locator('[data-testid="mapping"]').waitFor({ timeout: 30_000 });
    assert.equal(await card.getByTestId('encoding').inputValue(), 'gb18030');
    assert.equal(await card.getByTestId('target-table').inputValue(), 'transactions');
    assert.equal(await card.locator('tr[data-role="customer_id"] select').inputValue(), '客户编号');
    assert.equal(await card.locator('tr[data-role="date"] select').inputValue(), '交易日期');
    assert.equal(await card.locator('tr[data-role="revenue"] select').inputValue(), '金额');
    await page.getByTestId('start-import').click();
    const report = page.locator('[data-testid="import-report"][data-file="zh-gbk.csv"]');
    await report.waitFor({ timeout: 60_000 });
    assert.match((await report.getByTestId('row-accounting').textContent()) ?? '', /read = \d+ imported \+ 0 rejected/);
    await page.getByRole('button', { name: 'Done' }).click();
    await ready('transactions');
    await page.locator('[data-table="transactions"] .name').click();
    const preview = page.getByTestId('table-preview');
    await preview.getByText(/First \d+ of/).waitFor();
    const shown = (await preview.textContent()) ?? '';
    assert.match(shown, /地区/);
    assert.match(shown, /北京/);
    assert.doesNotMatch(shown, /\uFFFD|ÿ|Ã/);
    await page.getByRole('button', { name: 'Close preview' }).click();
    // The same columns again: the saved mapping is applied by itself.
    await pick(fixture('zh-gbk.csv'));
    await fileCard('zh-gbk.csv').getByTestId('saved-mapping').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Remove zh-gbk.csv' }).click();
    await page.getByRole('button', { name: 'Close import' }).click();
  });

  it('reports bad files clearly and keeps working', async () => {
    const { page } = app;
    const bad: [string, RegExp][] = [
      ['empty.csv', /empty\.csv.*empty/i],
      ['header-only.csv', /header-only\.csv \(line 2\).*no data rows.*Export the data again/],
      ['binary.csv', /binary\.csv.*(binary|not text)/i],
      ['truncated.xlsx', /truncated\.xlsx.*truncated or damaged.*save it again/],
      ['ragged.csv', /ragged\.csv \(line 4\).*4 fields where the header has 3.*stray delimiter/],
    ];
    await pick(...bad.map(([name]) => fixture(name)));
    for (const [name, expected] of bad) {
      const err = fileCard(name).getByTestId('import-error');
      await err.waitFor({ timeout: 30_000 });
      assert.match((await err.textContent()) ?? '', expected);
    }
    assert.ok(await page.getByTestId('start-import').isDisabled(), 'nothing to import');
    // The engine still answers and the data is still there.
    await page.getByRole('button', { name: 'Close import' }).click();
    await page.getByTestId('open-scratch').click();
    const editor = page.getByTestId('sql-editor').first();
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await editor.fill('SELECT count(*) AS n FROM transactions');
    await page.keyboard.press('Shift+Enter');
    await page.getByTestId('query-cell').getByTestId('row-count').filter({ hasText: '1 row' }).waitFor();
  });

  it('lists rejected rows by reason and downloads them as CSV', async () => {
    const { page } = app;
    await pick(fixture('bad-values.csv'));
    const card = fileCard('bad-values.csv');
    await card.locator('[data-testid="mapping"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('start-import').click();
    const report = page.locator('[data-testid="import-report"][data-file="bad-values.csv"]');
    await report.waitFor({ timeout: 60_000 });
    assert.equal(await report.getByTestId('rows-read').textContent(), '5 read');
    assert.equal(await report.getByTestId('rows-rejected').textContent(), '3 rejected');
    const groups = (await report.getByTestId('reject-groups').textContent()) ?? '';
    assert.match(groups, /missing customer id/);
    assert.match(groups, /date/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      report.getByTestId('download-rejects').click(),
    ]);
    assert.equal(download.suggestedFilename(), 'bad-values-rejected-rows.csv');
    const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    const lines = text.trim().split(/\r?\n/);
    assert.equal(lines[0], 'row,column,reason,kind,value');
    assert.equal(lines.length, 4, text);
    assert.match(text, /not a date/);
  });

  it('never contacts another origin', () => {
    assert.ok(app.requests.length > 0);
    assert.deepEqual(app.foreignRequests(), []);
    assert.deepEqual(app.errors, []);
  });
});
