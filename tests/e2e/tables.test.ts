/**
 * Result tables hold together, end to end in Chromium against the built app: on a wide table
 * (more columns than fit) every header cell sits exactly over its column's values — the left and
 * right edges of the header cell and of the body cells agree, measured from their boxes — before
 * and after scrolling sideways and down; the header stays on top; numbers are right-aligned in
 * one format per column; and the table downloads as CSV and as Excel with every row.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import JSZip from 'jszip';
import type { Locator, Page } from 'playwright-core';
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

/** A query with 16 columns of mixed kinds and widths: wider than the page. */
const WIDE = `SELECT c.customer_id, c.region, c.segment, count(*) AS orders, round(sum(t.revenue), 2) AS revenue,
  sum(t.revenue) / count(*) AS average_order_value_in_local_currency, min(t.date) AS first_purchase, max(t.date) AS last_purchase,
  count(*) / 12.0 AS orders_per_month, sum(t.revenue) / (SELECT sum(revenue) FROM transactions) AS revenue_share,
  'a rather long free-text note about customer ' || c.customer_id AS note, c.customer_id || '-x' AS k1, c.region || c.segment AS k2,
  length(c.customer_id) AS id_length, 2024 AS year, -sum(t.revenue) AS negative_revenue
FROM customers c JOIN transactions t USING (customer_id) GROUP BY ALL ORDER BY revenue DESC LIMIT 500`;

async function runSql(page: Page, sql: string): Promise<void> {
  const editor = page.getByTestId('sql-editor').first();
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await editor.fill(sql);
  await page.keyboard.press('Shift+Enter');
}

/** For each column: the header cell's and the first visible body row's left/right edges, in px. */
async function edges(table: Locator): Promise<{ col: number; head: [number, number]; body: [number, number] }[]> {
  return table.evaluate((root) => {
    const heads = [...root.querySelectorAll<HTMLElement>('.scroller > .head > .th')];
    const row = [...root.querySelectorAll<HTMLElement>('.scroller > .body > .row')].sort(
      (a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top,
    )[0];
    const cells = [...(row?.querySelectorAll<HTMLElement>('.td') ?? [])];
    return heads.map((h, col) => {
      const cell = cells[col];
      const hb = h.getBoundingClientRect();
      const bb = cell?.getBoundingClientRect();
      return {
        col,
        head: [hb.left, hb.right] as [number, number],
        body: [bb?.left ?? NaN, bb?.right ?? NaN] as [number, number],
      };
    });
  });
}

async function assertAligned(table: Locator, where: string): Promise<void> {
  const all = await edges(table);
  assert.ok(all.length > 0, `${where}: the table has columns`);
  for (const { col, head, body } of all) {
    assert.ok(
      Math.abs(head[0] - body[0]) < 0.5 && Math.abs(head[1] - body[1]) < 0.5,
      `${where}: column ${col} header [${head}] over body [${body}]`,
    );
  }
}

describe('result tables', () => {
  it('a wide Scratch SQL result: headers over their values, scrolled or not', async () => {
    const { page } = app;
    await runSql(page, WIDE);
    const table = page.getByTestId('query-cell').getByTestId('result-table');
    await table
      .getByTestId('row-count')
      .filter({ hasText: /^\d+ rows$/ })
      .waitFor();
    const scroller = table.locator('.scroller');
    const overflow = await scroller.evaluate((el) => el.scrollWidth - el.clientWidth);
    assert.ok(overflow > 200, `the table is wider than its box (${overflow}px more), so it scrolls sideways`);
    await assertAligned(table, 'at rest');
    await scroller.evaluate((el) => (el.scrollLeft = 600));
    await assertAligned(table, 'scrolled sideways');
    await scroller.evaluate((el) => (el.scrollTop = 2000));
    await page.waitForTimeout(100);
    await assertAligned(table, 'scrolled down');
    // The header row stays on top while the body scrolls under it.
    const [headTop, boxTop] = await table.evaluate((root) => [
      root.querySelector('.scroller > .head')!.getBoundingClientRect().top,
      root.querySelector('.scroller')!.getBoundingClientRect().top,
    ]);
    assert.ok(Math.abs(headTop - boxTop) < 1, `sticky header (${headTop} vs ${boxTop})`);
    await scroller.evaluate((el) => ((el.scrollTop = 0), (el.scrollLeft = 0)));
    // Numbers right-aligned, text left; one format per column.
    const first = await table.evaluate((root) => {
      const row = root.querySelector('.scroller > .body > .row[data-row="0"]')!;
      return [0, 3, 4, 9, 14, 15, 5]
        .map((c) => row.querySelector<HTMLElement>(`.td[data-col="${c}"]`)!)
        .map((el) => ({ text: el.textContent.trim(), align: getComputedStyle(el).textAlign }));
    });
    assert.match(first[0]!.text, /^C\d+$/);
    assert.match(first[0]!.align, /^(left|start)$/);
    assert.match(first[1]!.text, /^\d[\d,]*$/, `orders is a count: ${first[1]!.text}`);
    assert.match(first[2]!.text, /^\d{1,3}(,\d{3})+$/, `large amounts in whole units, grouped: ${first[2]!.text}`);
    assert.match(first[6]!.text, /^[\d,]+\.\d\d$/, `smaller amounts keep two decimals: ${first[6]!.text}`);
    assert.match(first[3]!.text, /^\d+\.\d%$/, `revenue_share is a percent: ${first[3]!.text}`);
    assert.equal(first[4]!.text, '2024', 'a year is not grouped');
    assert.match(first[5]!.text, /^−[\d,]+(\.\d+)?$/, `a typographic minus: ${first[5]!.text}`);
    for (const c of first.slice(1)) assert.equal(c.align, 'right', `numbers are right-aligned (${c.text})`);
    // Widths come from measured text: no value of the first rows is cut in a column below the
    // maximum width (only text wider than that is cut, with the full text as its tooltip).
    const cut = await table.evaluate((root) =>
      [...root.querySelectorAll<HTMLElement>('.scroller > .body > .row .td')]
        .filter((td) => td.getBoundingClientRect().width < 355 && td.scrollWidth > td.clientWidth)
        .map((td) => td.textContent.trim()),
    );
    assert.deepEqual(cut, [], 'values cut although their column could hold them');
  });

  it('downloads the whole Scratch SQL result as CSV and as Excel', async () => {
    const { page } = app;
    const table = page.getByTestId('query-cell').getByTestId('result-table');
    const csvDownload = page.waitForEvent('download');
    await table.getByTestId('download-csv').click();
    const csv = await csvDownload;
    assert.equal(csv.suggestedFilename(), 'query_result.csv');
    const text = await readFile(await csv.path(), 'utf8');
    assert.ok(text.startsWith('\ufeffcustomer_id,region,'), 'a BOM, then the header');
    assert.equal(text.trim().split(/\r?\n/).length, 501, 'the header and all 500 rows');
    const xlsxDownload = page.waitForEvent('download');
    await table.getByTestId('download-xlsx').click();
    const xlsx = await xlsxDownload;
    assert.equal(xlsx.suggestedFilename(), 'query_result.xlsx');
    const zip = await JSZip.loadAsync(await readFile(await xlsx.path()));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    assert.equal((sheet.match(/<row /g) ?? []).length, 501, 'the header and all 500 rows');
    assert.doesNotMatch(sheet, /<f>/, 'no formula cells');
  });

  it('the data preview of a wide table and a notebook’s tables hold together too', async () => {
    const { page } = app;
    await page.locator('[data-table="customers"] .name').click();
    const preview = page.getByTestId('table-preview').getByTestId('result-table');
    await preview.locator('.body .row[data-row="0"]').waitFor();
    await assertAligned(preview, 'data preview');
    await page
      .getByTestId('table-preview')
      .getByRole('button', { name: /close/i })
      .click()
      .catch(() => undefined);
    await page.locator('[data-testid="builtin-notebooks"] [data-notebook="who-really-makes-the-profit"]').click();
    await cellsSettled(page);
    const worst = page.locator('[data-cell-id="worst_customers"]').getByTestId('result-table');
    await worst.scrollIntoViewIfNeeded();
    await assertAligned(worst, 'ten worst customers');
    await worst.locator('.scroller').evaluate((el) => (el.scrollLeft = 300));
    await assertAligned(worst, 'ten worst customers, scrolled');
    assert.equal(await worst.getByTestId('download-xlsx').count(), 1, 'a notebook result table offers Excel');
    // An analysis's own tables are collapsed, and not rendered until opened (a slider drag would
    // otherwise lay out tables nobody sees); opened, they hold together like the others.
    const tables = page.locator('[data-cell-id="whale"] details.table');
    assert.ok((await tables.count()) > 0, 'the whale analysis lists its tables');
    assert.equal(await tables.getByTestId('result-table').count(), 0, 'collapsed tables are not rendered');
    await tables.first().locator('summary .mono').click();
    const opened = tables.first().getByTestId('result-table');
    await opened.locator('.body .row[data-row="0"]').waitFor();
    await assertAligned(opened, 'an analysis table, opened');
    await tables.first().locator('summary .mono').click();
    await opened.waitFor({ state: 'detached' });
  });

  it('the import wizard’s preview of a wide file (Telco, 21 columns) holds together', async () => {
    const { page } = app;
    await page.getByTestId('open-import').first().click();
    await page
      .getByTestId('file-input')
      .setInputFiles(path.resolve(import.meta.dirname, '../fixtures/datasets/Telco-Customer-Churn.csv'));
    const preview = page.getByTestId('import-preview').getByTestId('result-table').first();
    await preview.locator('.scroller > .body > .row[data-row="0"]').waitFor({ timeout: 30_000 });
    await assertAligned(preview, 'import preview');
    await preview.locator('.scroller').evaluate((el) => (el.scrollLeft = 800));
    await assertAligned(preview, 'import preview, scrolled');
  });
});
