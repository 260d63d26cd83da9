/**
 * A notebook cannot freeze the app, end to end in Chromium against the built app: a chart asking
 * for `ticks: 100000000` shows a message and the page stays responsive; a notebook whose last run
 * never finished (its marker left in localStorage, as a frozen or killed tab leaves it) opens
 * after a reload with its cells not run, a one-line explanation and Run all, and runs normally
 * once the user chooses Run all.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cellsSettled, openApp, startSession, waitForEngine, type RecordedPage, type Session } from './harness.ts';

let session: Session;
let app: RecordedPage;

const notebook = `---
title: Ten million ticks
dataset: any
---

\`\`\`sql regions
SELECT 'North' AS region, 10 AS customers UNION ALL SELECT 'South', 20
\`\`\`

\`\`\`chart
data: regions
x: { ticks: 100000000 }
marks:
  - { type: barY, x: region, y: customers }
\`\`\`
`;

before(async () => {
  session = await startSession();
  app = await openApp(session);
  await waitForEngine(app.page);
});
after(async () => {
  await session?.close();
});

/** The marker key of the open notebook (`caw.run:user:<id>`), from the app's remembered view. */
async function markerKey(): Promise<string> {
  const ref = JSON.parse((await app.page.evaluate(() => localStorage.getItem('caw.lastOpen'))) ?? '{}') as {
    kind: string;
    id: string;
  };
  assert.equal(ref.kind, 'user');
  return `caw.run:${ref.kind}:${ref.id}`;
}

describe('a notebook cannot freeze the app', () => {
  it('a chart with ticks: 100000000 shows a message; the page keeps answering', async () => {
    const { page } = app;
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'e2e-ticks-')), 'ticks.md');
    writeFileSync(file, notebook);
    await page.getByTestId('open-md').setInputFiles(file);
    await page.getByTestId('notebook-title').filter({ hasText: 'Ten million ticks' }).waitFor();
    await cellsSettled(page);
    const message = page.locator('[data-testid="nb-cell"][data-kind="chart"] [data-testid="chart"] [role="alert"]');
    await message.waitFor({ timeout: 10_000 });
    assert.match((await message.textContent()) ?? '', /x\.ticks: 100000000; expected a count of at most 100/);
    assert.equal(await page.evaluate(() => 6 * 7), 42, 'the page still answers');
  });

  it('the finished run left no marker behind', async () => {
    const key = await markerKey();
    await app.page.waitForFunction((k) => localStorage.getItem(k) === null, key, { timeout: 10_000 });
  });

  it('after an unfinished run, a reload opens the notebook without running it and offers Run all', async () => {
    const { page } = app;
    const key = await markerKey();
    // What a tab frozen or killed mid-run leaves behind.
    await page.evaluate((k) => localStorage.setItem(k, JSON.stringify({ startedAt: Date.now() })), key);
    await page.reload();
    await waitForEngine(page);
    await page.getByTestId('notebook-title').filter({ hasText: 'Ten million ticks' }).waitFor();
    const note = page.getByTestId('run-interrupted');
    await note.waitFor();
    assert.match((await note.textContent()) ?? '', /last run did not finish, so it was not run again/);
    // Give an auto-run every chance to start: it must not.
    await page.waitForTimeout(1500);
    const runs = await page
      .locator('[data-testid="nb-cell"]')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-status'), e.getAttribute('data-runs')]));
    assert.ok(runs.length > 0);
    for (const [status, count] of runs) {
      assert.equal(status, 'idle');
      assert.equal(count, '0');
    }
    await page.getByTestId('run-all').click();
    await cellsSettled(page);
    assert.equal(await page.locator('[data-cell-id="regions"]').getAttribute('data-status'), 'ok');
    assert.equal(await note.count(), 0, 'the explanation goes once the user runs it');
    await page.waitForFunction((k) => localStorage.getItem(k) === null, key, { timeout: 10_000 });
  });

  it('a reload after a finished run runs the notebook by itself again', async () => {
    const { page } = app;
    await page.reload();
    await waitForEngine(page);
    await page.locator('[data-cell-id="regions"][data-status="ok"]').waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('run-interrupted').count(), 0);
  });

  it('never contacts another origin', () => {
    assert.deepEqual(app.foreignRequests(), []);
    assert.deepEqual(app.errors, []);
  });
});
