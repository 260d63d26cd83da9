/**
 * A built-in notebook on data that lacks what it needs, end to end in Chromium: with the surveys
 * table gone, "Satisfied is not loyal" shows its survey cells as "Not applicable" with the
 * explanation of what to import, and no cell in error (issue 14, point 2).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { cellsSettled, openApp, pageSql, startSession, waitForEngine, type RecordedPage, type Session } from './harness.ts';

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
    const statuses = await page.locator('[data-testid="nb-cell"]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-status')));
    assert.equal(statuses.filter((s) => s === 'error' || s === 'blocked').length, 0, `no cell in error: ${statuses.join(', ')}`);
    assert.ok(statuses.filter((s) => s === 'na').length >= 4, `the survey cells do not apply: ${statuses.join(', ')}`);
    const first = page.getByTestId('nb-cell-na').first();
    assert.match((await first.textContent()) ?? '', /Does not apply to this data\..*survey/s);
    assert.equal(await page.getByTestId('nb-cell-error').count(), 0);
    assert.deepEqual(app.errors, []);
  });
});
