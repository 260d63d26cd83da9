/**
 * The other formats and encodings through the wizard, end to end in Chromium: an XLSX sheet
 * chosen and a Parquet file imported together as one dataset, NDJSON, CDNOW's whitespace-aligned
 * text, Big5 / UTF-16 / UTF-8-BOM detected with Chinese headers mapped, a wrong encoding override
 * warned about, delimiter and header overrides, the UCI Online Retail `.csv.gz` under explicit rules (cancellations,
 * negative
 * quantities, rows without CustomerID, revenue = Quantity × UnitPrice), rejected rows that can
 * still be downloaded after another dataset was loaded, and renaming and deleting datasets.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cellsSettled, openApp, startSession, waitForEngine, type RecordedPage, type Session } from './harness.ts';

const retail = path.resolve(import.meta.dirname, '../fixtures/datasets/online_retail.csv.gz');
const cdnow = path.resolve(import.meta.dirname, '../fixtures/datasets/CDNOW_master.txt');
const fixture = (name: string) => path.resolve(import.meta.dirname, '../fixtures/import', name);
const messy = (name: string) => path.resolve(import.meta.dirname, '../fixtures/messy', name);

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

/** Runs SQL in the app's engine; rows of text values (NULL → 'null'). */
async function sql(q: string): Promise<string[][]> {
  const columns = await app.page.evaluate(
    (text) => (window as unknown as { __caw: { sql(q: string): Promise<string[][]> } }).__caw.sql(text),
    q,
  );
  return (columns[0] ?? []).map((_v, r) => columns.map((c) => c[r]!));
}
const fileCard = (name: string) => app.page.locator(`[data-testid="import-file"][data-file="${name}"]`);
const report = (name: string) => app.page.locator(`[data-testid="import-report"][data-file="${name}"]`);
const source = (card: ReturnType<typeof fileCard>, role: string) =>
  card.locator(`tr[data-role="${role}"] select`).inputValue();

/** Opens the wizard (fresh) and picks files. */
async function pick(...files: string[]) {
  const { page } = app;
  await page.getByTestId('open-import').first().click();
  await page.getByTestId('import-wizard').waitFor();
  await page.getByTestId('file-input').setInputFiles(files);
}

/** Starts the import and waits for the wizard to finish. */
async function importAndWait() {
  await app.page.getByTestId('start-import').click();
  await app.page.getByTestId('import-done').waitFor({ timeout: 120_000 });
}

describe('import formats', () => {
  it('imports an XLSX sheet the user chose and a Parquet file in one go', async () => {
    const { page } = app;
    await pick(fixture('two-sheets.xlsx'), fixture('orders.parquet'));
    const book = fileCard('two-sheets.xlsx');
    await book.locator('[data-testid="mapping"]').waitFor({ timeout: 30_000 });
    assert.equal(await book.getByTestId('sheet').inputValue(), 'Orders');
    assert.deepEqual(await book.getByTestId('sheet').locator('option').allTextContents(), ['Orders', 'Customers']);
    assert.equal(await book.getByTestId('target-table').inputValue(), 'transactions');
    // Both files would go to transactions: the wizard says so until the sheet is changed.
    const parquet = fileCard('orders.parquet');
    await parquet.locator('[data-testid="mapping"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('file-problem').first().waitFor();
    assert.ok(await page.getByTestId('start-import').isDisabled());
    await book.getByTestId('sheet').selectOption('Customers');
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLSelectElement>('[data-file="two-sheets.xlsx"] [data-testid="target-table"]')
          ?.value === 'customers',
      undefined,
      { timeout: 30_000 },
    );
    assert.equal(await source(book, 'customer_id'), '客户编号');
    assert.equal(await source(book, 'region'), '地区');
    assert.equal(await parquet.getByTestId('detected-format').textContent(), 'parquet');
    assert.equal(await source(parquet, 'date'), 'order_date');
    await page.getByTestId('dataset-name').fill('Workbook and Parquet');
    await importAndWait();
    assert.match(
      (await report('two-sheets.xlsx').getByTestId('row-accounting').textContent()) ?? '',
      /2 read = 2 imported \+ 0 rejected.*sheet Customers/,
    );
    assert.match(
      (await report('orders.parquet').getByTestId('row-accounting').textContent()) ?? '',
      /4 read = 4 imported \+ 0 rejected/,
    );
    assert.deepEqual(await sql('SELECT customer_id, region FROM customers ORDER BY 1'), [
      ['c1', '北京'],
      ['c2', '上海'],
    ]);
    assert.deepEqual(
      await sql(
        "SELECT customer_id, strftime(date, '%Y-%m-%d'), revenue, quantity FROM transactions ORDER BY date DESC LIMIT 1",
      ),
      [['c3', '2024-02-03', '7', '3']],
    );
    await page.getByRole('button', { name: 'Done' }).click();
  });

  it('imports NDJSON with a key missing on some lines', async () => {
    await pick(fixture('orders.ndjson'));
    const card = fileCard('orders.ndjson');
    await card.locator('[data-testid="mapping"]').waitFor({ timeout: 30_000 });
    assert.equal(await card.getByTestId('detected-format').textContent(), 'ndjson');
    assert.equal(await source(card, 'revenue'), 'amount');
    assert.equal(await source(card, 'order_id'), 'order_id');
    await importAndWait();
    assert.match(
      (await report('orders.ndjson').getByTestId('row-accounting').textContent()) ?? '',
      /3 read = 3 imported \+ 0 rejected/,
    );
    assert.deepEqual(await sql('SELECT order_id, channel, revenue FROM transactions ORDER BY order_id'), [
      ['A1', 'null', '10.5'],
      ['A2', 'null', '20'],
      ['A3', 'web', '5.25'],
    ]);
    await app.page.getByRole('button', { name: 'Done' }).click();
  });

  it('imports CDNOW_master.txt (whitespace-aligned, YYYYMMDD dates) as transactions', async () => {
    await pick(cdnow);
    const card = fileCard('CDNOW_master.txt');
    await card.locator('[data-testid="mapping"]').waitFor({ timeout: 30_000 });
    assert.equal(await card.getByTestId('delimiter').inputValue(), 'whitespace');
    assert.equal(await card.getByTestId('target-table').inputValue(), 'transactions');
    assert.equal(await card.locator('tr[data-role="date"] td').nth(2).textContent(), 'date %Y%m%d');
    assert.equal(await source(card, 'revenue'), 'dollar_value');
    assert.equal(await source(card, 'quantity'), 'number_of_cds');
    await importAndWait();
    assert.match(
      (await report('CDNOW_master.txt').getByTestId('row-accounting').textContent()) ?? '',
      /69,659 read = 69,659 imported \+ 0 rejected/,
    );
    // Published figures (dataset README): 23,570 customers, Jan 1997 – Jun 1998; ids keep their zeros.
    assert.deepEqual(
      await sql(
        "SELECT count(DISTINCT customer_id), strftime(min(date), '%Y-%m-%d'), strftime(max(date), '%Y-%m-%d'), min(customer_id) FROM transactions",
      ),
      [['23570', '1997-01-01', '1998-06-30', '00001']],
    );
    await app.page.getByRole('button', { name: 'Done' }).click();
  });

  it('detects Big5, UTF-16 and UTF-8 with a BOM, maps the Chinese headers, and warns about a wrong encoding override', async () => {
    const { page } = app;
    await pick(fixture('zh-big5.csv'), fixture('zh-utf16le.csv'), fixture('zh-utf8-bom.csv'), fixture('zh-gbk.csv'));
    for (const [file, encoding, id, amount] of [
      ['zh-big5.csv', 'big5', '客戶編號', '金額'],
      ['zh-utf16le.csv', 'utf-16le', '客户编号', '金额'],
      ['zh-utf8-bom.csv', 'utf-8', '客户编号', '金额'],
      ['zh-gbk.csv', 'gb18030', '客户编号', '金额'],
    ] as const) {
      const card = fileCard(file);
      await card.locator('[data-testid="mapping"]').waitFor({ timeout: 30_000 });
      assert.equal(await card.getByTestId('encoding').inputValue(), encoding, file);
      assert.equal(await source(card, 'customer_id'), id, file);
      assert.equal(await source(card, 'date'), '交易日期', file);
      assert.equal(await source(card, 'revenue'), amount, file);
      assert.equal(await card.getByTestId('inspect-warning').count(), 0, file);
    }
    // GBK read as Big5 would be mojibake: never without a warning.
    const gbk = fileCard('zh-gbk.csv');
    await gbk.getByTestId('encoding').selectOption('big5');
    await gbk
      .getByTestId('inspect-warning')
      .filter({ hasText: 'You chose big5, but the file looks like gb18030' })
      .waitFor({ timeout: 30_000 });
    for (const f of ['zh-utf16le.csv', 'zh-utf8-bom.csv', 'zh-gbk.csv'])
      await page.getByRole('button', { name: `Remove ${f}` }).click();
    await importAndWait();
    assert.match(
      (await report('zh-big5.csv').getByTestId('row-accounting').textContent()) ?? '',
      /5 read = 5 imported \+ 0 rejected/,
    );
    assert.match(
      (await report('zh-big5.csv').getByTestId('import-warnings').textContent()) ?? '',
      /1 row has a negative revenue/,
    );
    assert.deepEqual(await sql('SELECT customer_id, revenue, "地區" FROM transactions LIMIT 1'), [
      ['C001', '1234.5', '高雄'],
    ]);
    await page.getByRole('button', { name: 'Done' }).click();
  });

  it('lets the delimiter and header be overridden', async () => {
    const { page } = app;
    await pick(fixture('european.csv'));
    const card = fileCard('european.csv');
    await card.locator('[data-testid="mapping"]').waitFor({ timeout: 30_000 });
    assert.equal(await card.getByTestId('delimiter').inputValue(), ';');
    assert.ok(await card.getByTestId('header').isChecked());
    // German headers are not known names: the user maps them, and sees the detected formats.
    await card.locator('tr[data-role="customer_id"] select').selectOption('Kunde');
    await card.locator('tr[data-role="date"] select').selectOption('Datum');
    await card.locator('tr[data-role="revenue"] select').selectOption('Betrag');
    assert.equal(
      await card.locator('tr[data-role="revenue"] td').nth(2).textContent(),
      'number, decimal comma, thousands “.”, currency €',
    );
    assert.equal(await card.locator('tr[data-role="date"] td').nth(2).textContent(), 'date %d/%m/%Y');
    await card.getByTestId('import-preview').waitFor({ timeout: 30_000 });
    assert.match(
      (await card.getByTestId('import-preview').textContent()) ?? '',
      /K12024-01-051,234\.5.*K22024-01-1388/,
    );
    const options = (n: number) =>
      page.waitForFunction(
        (count) =>
          document.querySelectorAll('[data-file="european.csv"] tr[data-role="customer_id"] option').length === count,
        n,
        { timeout: 30_000 },
      );
    await card.getByTestId('header').uncheck();
    await card
      .locator('tr[data-role="customer_id"] option[value="column2"]')
      .waitFor({ state: 'attached', timeout: 30_000 });
    assert.deepEqual(await card.locator('tr[data-role="customer_id"] option').allTextContents(), [
      '— none —',
      'column0',
      'column1',
      'column2',
    ]);
    // A pipe splits nothing here: one column ("— none —" and column0).
    await card.getByTestId('delimiter').selectOption('|');
    await options(2);
    assert.equal(await card.getByTestId('delimiter').inputValue(), '|');
    await page.getByRole('button', { name: 'Remove european.csv' }).click();
    await page.getByRole('button', { name: 'Close import' }).click();
  });

  it('suggests service_costs for a Chinese cost export and says how many rows an odd value will reject', async () => {
    const { page } = app;
    await pick(messy('cost-zh-hans.csv'), messy('sales-odd-amount.csv'));
    const costs = fileCard('cost-zh-hans.csv');
    const sales = fileCard('sales-odd-amount.csv');
    await costs.locator('[data-testid="mapping"]').waitFor({ timeout: 30_000 });
    await sales.locator('[data-testid="mapping"]').waitFor({ timeout: 30_000 });
    assert.equal(await costs.getByTestId('target-table').inputValue(), 'service_costs');
    assert.equal(await source(costs, 'category'), '成本类别');
    assert.equal(await source(costs, 'amount'), '金额');
    assert.equal(await sales.getByTestId('target-table').inputValue(), 'transactions');
    assert.equal(
      await sales.locator('tr[data-role="revenue"] td').nth(2).textContent(),
      'number (1 of 100 sample values do not fit: those rows will be rejected)',
    );
    // The wizard keeps its files when closed: remove them so the next test starts empty.
    await page.getByRole('button', { name: 'Remove cost-zh-hans.csv' }).click();
    await page.getByRole('button', { name: 'Remove sales-odd-amount.csv' }).click();
    await page.getByRole('button', { name: 'Close import' }).click();
  });

  it('imports Online Retail (.csv.gz) with explicit rules: rows without CustomerID dropped, cancellations excluded, revenue = Quantity × UnitPrice', async () => {
    const { page } = app;
    await pick(retail);
    const card = fileCard('online_retail.csv.gz');
    await card.locator('[data-testid="mapping"]').waitFor({ timeout: 60_000 });
    assert.equal(await card.getByTestId('detected-format').textContent(), 'csv (gzip)');
    // The name follows the file, not the one removed before.
    assert.equal(await page.getByTestId('dataset-name').inputValue(), 'online_retail');
    assert.equal(
      await card.locator('tr[data-role="revenue"] select option:checked').textContent(),
      'Quantity × UnitPrice',
    );
    assert.equal(await source(card, 'customer_id'), 'CustomerID');
    assert.equal(await source(card, 'order_id'), 'InvoiceNo');
    await card.getByTestId('rule-missing-id').selectOption('drop');
    await card.getByTestId('rule-cancellations').selectOption('exclude');
    assert.equal(await card.getByTestId('rule-negative-quantity').inputValue(), 'return');
    await importAndWait();
    const r = report('online_retail.csv.gz');
    // Expected counts: see tests/engine/import-online-retail.test.ts (computed independently).
    assert.match(
      (await r.getByTestId('row-accounting').textContent()) ?? '',
      /541,909 read = 397,924 imported \+ 143,985 rejected/,
    );
    const groups = (await r.getByTestId('reject-groups').textContent()) ?? '';
    assert.match(groups, /missing customer id \(dropped by rule\)\s*CustomerID\s*135,080/);
    assert.match(groups, /cancellation \(excluded by rule\)\s*InvoiceNo\s*8,905/);
    assert.match((await r.getByTestId('import-warnings').textContent()) ?? '', /5,192 rows are exact duplicates/);
    assert.deepEqual(
      await sql('SELECT round(sum(revenue), 2), count(DISTINCT customer_id), min(quantity) >= 0 FROM transactions'),
      [['8911407.9', '4339', 'true']],
    );
    await page.getByRole('button', { name: 'Done' }).click();
  });

  it('opens every built-in notebook on the imported Online Retail without a cell in error (issue 14)', async () => {
    const { page } = app;
    await page.locator('[data-table="transactions"]').waitFor({ timeout: 60_000 });
    const ids = await page
      .locator('[data-testid="builtin-notebooks"] [data-notebook]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-notebook')!));
    assert.ok(ids.length >= 6, ids.join(', '));
    for (const id of ids) {
      await page.locator(`[data-testid="builtin-notebooks"] [data-notebook="${id}"]`).click();
      await page.locator('[data-testid="nb-cell"]').first().waitFor();
      await cellsSettled(page, 180_000);
      const statuses = await page
        .locator('[data-testid="nb-cell"]')
        .evaluateAll((cells) => cells.map((c) => `${c.getAttribute('data-cell-id')}:${c.getAttribute('data-status')}`));
      const bad = statuses.filter((s) => s.endsWith(':error') || s.endsWith(':blocked'));
      assert.deepEqual(bad, [], `${id}: ${statuses.join(', ')}`);
      assert.equal(await page.getByTestId('nb-cell-error').count(), 0, `${id}: no red error box`);
    }
  });

  it('keeps cancellations and negative quantities as returns when the rules say so, and reports them', async () => {
    await pick(retail);
    const card = fileCard('online_retail.csv.gz');
    await card.locator('[data-testid="mapping"]').waitFor({ timeout: 60_000 });
    // The mapping saved by the previous import comes back with its rules; choose others.
    await card.getByTestId('saved-mapping').waitFor();
    assert.equal(await card.getByTestId('rule-missing-id').inputValue(), 'drop');
    await card.getByTestId('rule-missing-id').selectOption('reject');
    await card.getByTestId('rule-cancellations').selectOption('keep');
    await importAndWait();
    const r = report('online_retail.csv.gz');
    assert.match(
      (await r.getByTestId('row-accounting').textContent()) ?? '',
      /541,909 read = 406,829 imported \+ 135,080 rejected/,
    );
    const warnings = (await r.getByTestId('import-warnings').textContent()) ?? '';
    assert.match(warnings, /8,905 rows have a negative quantity and were kept as returns/);
    assert.match(warnings, /8,905 rows are cancellations \(order id starting with C\) and were kept/);
    assert.match(warnings, /8,905 rows have a negative revenue/);
    assert.deepEqual(await sql('SELECT round(sum(revenue), 2) FROM transactions'), [['8300065.81']]);
    await app.page.getByRole('button', { name: 'Done' }).click();
  });

  it('keeps the rejected rows with the dataset: downloadable after another dataset was loaded', async () => {
    const { page } = app;
    await page.getByTestId('open-datasets').click();
    const manager = page.getByTestId('dataset-manager');
    await manager.locator('li[data-dataset="sample"]').getByTestId('use-dataset').click();
    await page.getByTestId('active-dataset').filter({ hasText: 'sample data' }).waitFor({ timeout: 60_000 });
    assert.deepEqual(
      await sql("SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE '\\_\\_rejects%' ESCAPE '\\'"),
      [['0']],
      'the engine dropped its rejects tables',
    );
    const entry = manager
      .locator('li[data-dataset]')
      .filter({ has: page.locator('[data-testid="download-stored-rejects"]') })
      .first();
    assert.match(
      (await entry.getByTestId('dataset-rejects').textContent()) ?? '',
      /online_retail\.csv\.gz · 135,080 rows/,
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      entry.getByTestId('download-stored-rejects').click(),
    ]);
    assert.equal(download.suggestedFilename(), 'online_retail-rejected-rows.csv');
    const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    const lines = text.trim().split(/\r?\n/);
    assert.equal(lines[0], 'row,column,reason,kind,value');
    assert.equal(lines.length, 135_081);
    assert.equal(lines[1], '623,CustomerID,missing customer id,error,');
  });

  it('renames and deletes datasets (the active one too: the sample takes over), and the list survives a reload', async () => {
    const { page } = app;
    const manager = page.getByTestId('dataset-manager');
    const named = (name: string) => manager.locator(`li[data-name="${name}"]`);
    page.once('dialog', (d) => void d.accept('Shop 2024'));
    await named('Workbook and Parquet').getByTestId('rename-dataset').click();
    await named('Shop 2024').waitFor();
    // The data tables only (the summary saved beside them is not listed), and the database file's size:
    // DuckDB allocates whole blocks, so even six rows take about a megabyte.
    assert.match(
      (await named('Shop 2024').getByTestId('dataset-rows').textContent()) ?? '',
      /^customers 2 rows · transactions 4 rows · [\d.]+ (KB|MB)$/,
    );
    page.once('dialog', (d) => void d.accept());
    await named('orders').getByTestId('delete-dataset').click();
    await named('orders').waitFor({ state: 'detached' });
    await named('Shop 2024').getByTestId('use-dataset').click();
    await page.getByTestId('active-dataset').filter({ hasText: 'Shop 2024' }).waitFor({ timeout: 60_000 });
    // The sample has a customers table too: wait for this dataset's.
    await page
      .locator('[data-table="customers"]')
      .getByTestId('table-rows')
      .filter({ hasText: /^2 rows$/ })
      .waitFor({ timeout: 60_000 });
    assert.deepEqual(await sql('SELECT count(*) FROM customers'), [['2']]);
    page.once('dialog', (d) => void d.accept());
    await named('Shop 2024').getByTestId('delete-dataset').click();
    await page.getByTestId('active-dataset').filter({ hasText: 'sample data' }).waitFor({ timeout: 60_000 });
    await page.reload();
    await waitForEngine(page);
    await page.getByTestId('open-datasets').click();
    assert.deepEqual(await manager.getByTestId('dataset-title').allTextContents(), [
      'online_retail',
      'online_retail',
      'zh-big5',
      'CDNOW_master',
    ]);
  });

  it('never contacts another origin', () => {
    assert.deepEqual(app.foreignRequests(), []);
    assert.deepEqual(app.errors, []);
  });
});
