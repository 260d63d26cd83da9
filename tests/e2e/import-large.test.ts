/**
 * Large imports, end to end in Chromium: a multi-slice file shows a moving progress bar, the page
 * answers clicks while it imports, and it can be cancelled (nothing saved, the active data
 * untouched); a file that does not fit in the engine's memory gets a message with the size that
 * fits while the app keeps working. The files are generated into the OS temp folder at run time,
 * never committed.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  openApp,
  pageSql,
  type RecordedPage,
  type Session,
  startSession,
  tableRows,
  waitForEngine,
} from './harness.ts';

let session: Session;
let app: RecordedPage;
let dir: string;
let bigGbk: string;
let huge: string;

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'caw-import-'));
  // ~60 MB of GBK text: transcoded in 4 MB slices, so the import takes many steps.
  const gbk = await readFile(path.resolve(import.meta.dirname, '../fixtures/import/zh-gbk.csv'));
  const header = gbk.subarray(0, gbk.indexOf(0x0a) + 1);
  const body = gbk.subarray(header.length);
  bigGbk = path.join(dir, 'big-gbk.csv');
  await writeFile(
    bigGbk,
    Buffer.concat([header, ...Array.from({ length: Math.ceil(60e6 / body.length) }, () => body)]),
  );
  // ~20 MB of plain CSV for the memory test.
  const lines = ['customer_id,date,revenue,note'];
  for (let i = 0; i < 300_000; i++)
    lines.push(`cust-${i % 50_000},2024-0${1 + (i % 9)}-1${i % 10},${(i % 997) + 0.5},note number ${i} padding text`);
  huge = path.join(dir, 'huge.csv');
  await writeFile(huge, lines.join('\n') + '\n');
  session = await startSession();
  app = await openApp(session);
  await waitForEngine(app.page);
});
after(async () => {
  await session?.close();
  await rm(dir, { recursive: true, force: true });
});

const sql = (q: string) => pageSql(app.page, q);
const rowsOf = (table: string) => tableRows(app.page, table);

describe('large imports', () => {
  it('shows progress and cancels: nothing saved, the sample untouched', async () => {
    const { page } = app;
    const sampleRows = await rowsOf('transactions');
    await page.getByTestId('open-import').first().click();
    await page.getByTestId('file-input').setInputFiles(bigGbk);
    const card = page.locator('[data-testid="import-file"][data-file="big-gbk.csv"]');
    await card.locator('[data-testid="mapping"]').waitFor({ timeout: 60_000 });
    await page.getByTestId('start-import').click();
    await page.getByTestId('import-progress').locator('progress').waitFor();
    // The bar moves while the worker reads the file in slices…
    await page.waitForFunction(
      () => Number(document.querySelector<HTMLProgressElement>('[data-testid="import-progress"] progress')?.value) > 0,
      undefined,
      { timeout: 60_000 },
    );
    // …and the page still answers a click meanwhile: the theme toggles while the import runs.
    const theme = await page.evaluate(() => document.documentElement.dataset.theme);
    await page.getByRole('button', { name: 'Toggle dark mode' }).click();
    const during = await page.evaluate(() => ({
      theme: document.documentElement.dataset.theme,
      importing: !!document.querySelector('[data-testid="import-progress"]'),
    }));
    assert.deepEqual(during, { theme: theme === 'dark' ? 'light' : 'dark', importing: true });
    await page.getByRole('button', { name: 'Toggle dark mode' }).click();
    await page.getByTestId('cancel-import').click();
    await page.getByTestId('import-notice').filter({ hasText: 'Import cancelled' }).waitFor({ timeout: 60_000 });
    assert.equal(await card.getAttribute('data-status'), 'cancelled');
    await page.getByTestId('active-dataset').filter({ hasText: 'sample data' }).waitFor();
    await page
      .locator('[data-table="transactions"]')
      .getByTestId('table-rows')
      .filter({ hasText: sampleRows.toLocaleString('en-US') })
      .waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Remove big-gbk.csv' }).click();
  });

  it('says which size fits when a file does not fit, and keeps working', async () => {
    const { page } = app;
    const [[limit]] = (await sql("SELECT current_setting('memory_limit')")) as [[string]];
    await page.getByTestId('file-input').setInputFiles(huge);
    const card = page.locator('[data-testid="import-file"][data-file="huge.csv"]');
    await card.locator('[data-testid="mapping"]').waitFor({ timeout: 60_000 });
    // Low enough that the file does not fit, high enough to leave room for an estimate (run-sql.ts, `fitsBytes`).
    await sql("SET memory_limit = '64MiB'");
    try {
      await page.getByTestId('start-import').click();
      const err = card.getByTestId('import-error');
      await err.waitFor({ timeout: 60_000 });
      assert.match(
        (await err.textContent()) ?? '',
        /huge\.csv: the file \(\d+ MB\) does not fit .*\(64 MB\)\. Files up to about [5-9](\.\d)? MB fit/,
      );
      await page.getByTestId('import-notice').filter({ hasText: 'No file could be imported' }).waitFor();
    } finally {
      await sql(`SET memory_limit = '${limit}'`);
    }
    await page.getByTestId('active-dataset').filter({ hasText: 'sample data' }).waitFor();
    assert.ok((await rowsOf('transactions')) > 1000, 'the sample is back');
    assert.deepEqual(await sql('SELECT 6 * 7'), [['42']]);
  });

  it('never contacts another origin', () => {
    assert.deepEqual(app.foreignRequests(), []);
    assert.deepEqual(app.errors, []);
  });
});
