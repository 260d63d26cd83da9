/**
 * A built-in notebook on data that lacks what it needs, end to end in Chromium: with the surveys
 * table gone, "Satisfied is not loyal" shows its survey cells as "Not applicable" with the
 * explanation of what to import, and no cell in error; with the customers table gone, the Telco
 * notebook says it needs one and its button opens the import wizard with the IBM Telco file, which
 * then imports and runs the notebook (issue 14, point 2).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  cellsSettled,
  openApp,
  pageSql,
  startSession,
  waitForEngine,
  type RecordedPage,
  type Session,
} from './harness.ts';

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

describe('not applicable cells', () => {
  it('explain a missing surveys table instead of failing', async () => {
    const { page } = app;
    await pageSql(page, 'DROP TABLE surveys');
    await page.locator('[data-testid="builtin-notebooks"] [data-notebook="satisfied-is-not-loyal"]').click();
    await cellsSettled(page);
    const statuses = await page
      .locator('[data-testid="nb-cell"]')
      .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-status')));
    assert.equal(
      statuses.filter((s) => s === 'error' || s === 'blocked').length,
      0,
      `no cell in error: ${statuses.join(', ')}`,
    );
    assert.ok(statuses.filter((s) => s === 'na').length >= 4, `the survey cells do not apply: ${statuses.join(', ')}`);
    const first = page.getByTestId('nb-cell-na').first();
    assert.match((await first.textContent()) ?? '', /Does not apply to this data\..*survey/s);
    assert.equal(await page.getByTestId('nb-cell-error').count(), 0);
    assert.deepEqual(app.errors, []);
  });

  it('offer the Telco file when the data lacks the Telco columns the notebook needs, and run once it is imported', async () => {
    const { page } = app;
    // The sample has a customers table, but not the Telco export's Churn and tenure columns.
    await page.locator('[data-testid="builtin-notebooks"] [data-notebook="bundling-and-churn-telco"]').click();
    const banner = page.getByTestId('needs-data');
    await banner.waitFor({ timeout: 30_000 });
    assert.match(
      (await banner.textContent()) ?? '',
      /needs customers\.Churn, customers\.tenure, which the active dataset/,
    );
    await cellsSettled(page);
    const statuses = await page
      .locator('[data-testid="nb-cell"]')
      .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-status')));
    assert.equal(statuses.filter((s) => s === 'error' || s === 'blocked').length, 0, statuses.join(', '));
    assert.ok(
      statuses.filter((s) => s === 'na').length >= 3,
      `its queries, analysis and chart do not apply: ${statuses.join(', ')}`,
    );
    assert.match((await page.getByTestId('nb-cell-na').first().textContent()) ?? '', /written for the telco data/);
    await banner.getByTestId('import-example').click();
    const card = page.locator('[data-testid="import-file"][data-file="Telco-Customer-Churn.csv"]');
    await card.locator('[data-testid="mapping"]').waitFor({ timeout: 30_000 });
    assert.equal(await card.getByTestId('target-table').inputValue(), 'customers');
    await card.getByTestId('import-preview').waitFor();
    await page.getByTestId('start-import').click();
    const report = page.locator('[data-testid="import-report"][data-file="Telco-Customer-Churn.csv"]');
    await report.waitFor({ timeout: 60_000 });
    assert.equal(await report.getByTestId('rows-imported').textContent(), '7,043 imported');
    await page.getByRole('button', { name: 'Done' }).click();
    await page.locator('[data-table="customers"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="builtin-notebooks"] [data-notebook="bundling-and-churn-telco"]').click();
    await page
      .locator('[data-testid="nb-cell"][data-cell-id="bundling"][data-status="ok"]')
      .waitFor({ timeout: 60_000 });
    assert.equal(await page.getByTestId('needs-data').count(), 0, 'the banner is gone once the data is there');
  });
});
