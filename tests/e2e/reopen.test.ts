/**
 * A saved dataset reopens from its DuckDB database file in OPFS, end to end in Chromium against
 * the built app: two files imported through the wizard are saved as `datasets/<id>/dataset.duckdb`
 * (no CSV), and after a reload the same tables come back (row counts, column types, checksums);
 * a dataset saved in the older CSV form still opens; a damaged database file leaves a clear
 * message and the sample open; no request leaves the page's origin.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openApp, pageSql, type RecordedPage, type Session, startSession, tableRows } from './harness.ts';

const sample = (name: string) => path.resolve(import.meta.dirname, '../../sample-data/default', name);

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

/** Per table: row count, column types and an order-sensitive checksum, as the engine reports them. */
async function fingerprint(): Promise<string> {
  // Tables and views: a reopened dataset keeps its tables behind views of the database file.
  const tables =
    (
      await pageSql(
        app.page,
        `SELECT table_name FROM information_schema.tables WHERE table_catalog = current_database() AND table_schema = 'main' AND NOT starts_with(table_name, '__') ORDER BY 1`,
      )
    )[0] ?? [];
  const out: string[] = [];
  for (const t of tables) {
    const [types] = await pageSql(
      app.page,
      `SELECT string_agg(column_name || ' ' || data_type, ', ' ORDER BY column_index) FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'main' AND table_name = '${t}'`,
    );
    const sums = await pageSql(
      app.page,
      `SELECT count(*), CAST(sum(hash(x)) AS VARCHAR), CAST(sum(hash(x) * i) AS VARCHAR) FROM (SELECT x, row_number() OVER () AS i FROM "${t}" x)`,
    );
    out.push(`${t}: ${types![0]} | ${sums.map((c) => c[0]).join(' ')}`);
  }
  return out.join('\n');
}

/** Names of the files saved for each dataset in OPFS. */
function opfsFiles(): Promise<Record<string, string[]>> {
  return app.page.evaluate(async () => {
    const out: Record<string, string[]> = {};
    const root = await navigator.storage.getDirectory();
    const all = await root.getDirectoryHandle('datasets');
    for await (const [id, dir] of (
      all as unknown as { entries(): AsyncIterable<[string, FileSystemDirectoryHandle]> }
    ).entries()) {
      out[id] = [];
      for await (const [name] of (dir as unknown as { entries(): AsyncIterable<[string, unknown]> }).entries())
        out[id].push(name);
    }
    return out;
  });
}

let imported = '';

describe('reopening a saved dataset', () => {
  it('saves an imported dataset as one DuckDB database file in OPFS', async () => {
    const { page } = app;
    await page.getByTestId('open-import').first().click();
    await page.getByTestId('import-wizard').waitFor();
    await page.getByTestId('file-input').setInputFiles([sample('customers.csv'), sample('transactions.csv')]);
    for (const f of ['customers.csv', 'transactions.csv'])
      await page
        .locator(`[data-testid="import-file"][data-file="${f}"] [data-testid="import-preview"]`)
        .waitFor({ timeout: 60_000 });
    await page.getByTestId('start-import').click();
    for (const f of ['customers.csv', 'transactions.csv'])
      await page.locator(`[data-testid="import-report"][data-file="${f}"]`).waitFor({ timeout: 60_000 });
    await page.getByTestId('active-dataset').filter({ hasText: 'customers' }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Done' }).click();
    await ready('transactions');
    assert.equal(await page.locator('[data-table="surveys"]').count(), 0, 'only the imported tables are active');
    imported = await fingerprint();
    assert.match(imported, /^customers: customer_id VARCHAR.*\ntransactions: .*date DATE/s);
    const files = await opfsFiles();
    const saved = Object.values(files).find((names) => names.includes('dataset.duckdb'));
    assert.deepEqual(saved, ['dataset.duckdb'], `one database file and no CSV (${JSON.stringify(files)})`);
  });

  it('reopens it after a reload from the database file: same tables, types, row counts and checksums', async () => {
    const { page } = app;
    const before = await tableRows(page, 'transactions');
    await page.reload();
    await ready('transactions');
    assert.equal(await page.getByTestId('active-dataset').textContent(), 'customers');
    assert.equal(await tableRows(page, 'transactions'), before);
    assert.equal(await fingerprint(), imported);
    // Read from the database file in OPFS (attached), not parsed from CSV into memory.
    assert.deepEqual(
      await pageSql(
        page,
        `SELECT database_name, CAST(readonly AS VARCHAR) FROM duckdb_databases() WHERE database_name = '__saved'`,
      ),
      [['__saved'], ['true']],
    );
  });

  it('still opens a dataset saved in the older CSV form', async () => {
    const { page } = app;
    await page.evaluate(async () => {
      // As exportTables wrote it: NULL is an empty field (a blank text would be "").
      const csv = 'customer_id,region,signup_date\nc1,北京,2024-01-05\nc2,,2024-02-29\n';
      const root = await navigator.storage.getDirectory();
      const dir = await (
        await root.getDirectoryHandle('datasets', { create: true })
      ).getDirectoryHandle('legacy-csv', { create: true });
      const w = await (await dir.getFileHandle('customers.csv', { create: true })).createWritable();
      await w.write(csv);
      await w.close();
      const entry = {
        id: 'legacy-csv',
        name: 'Old CSV form',
        sources: ['customers.csv'],
        createdAt: 1,
        storage: 'opfs',
        tables: [
          {
            table: 'customers',
            rowCount: 2,
            bytes: csv.length,
            columns: [
              { name: 'customer_id', type: 'VARCHAR' },
              { name: 'region', type: 'VARCHAR' },
              { name: 'signup_date', type: 'DATE' },
            ],
          },
        ],
      };
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('caw-datasets');
        open.onerror = () => reject(open.error ?? new Error('IndexedDB open failed'));
        open.onsuccess = () => {
          const tx = open.result.transaction('datasets', 'readwrite');
          tx.objectStore('datasets').put(entry);
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
        };
      });
      localStorage.setItem('caw.activeDataset', 'legacy-csv');
    });
    await page.reload();
    await page.getByTestId('active-dataset').filter({ hasText: 'Old CSV form' }).waitFor({ timeout: 60_000 });
    await page
      .locator('[data-table="customers"]')
      .getByTestId('table-rows')
      .filter({ hasText: '2 rows' })
      .waitFor({ timeout: 60_000 });
    assert.deepEqual(
      await pageSql(page, `SELECT region, CAST(signup_date AS VARCHAR) FROM customers ORDER BY customer_id`),
      [
        ['北京', 'null'],
        ['2024-01-05', '2024-02-29'],
      ],
    );
  });

  it('leaves a clear message and opens the sample when the database file is damaged', async () => {
    const { page } = app;
    const id = Object.entries(await opfsFiles()).find(([, names]) => names.includes('dataset.duckdb'))![0];
    await page.evaluate(async (dataset) => {
      const root = await navigator.storage.getDirectory();
      const dir = await (await root.getDirectoryHandle('datasets')).getDirectoryHandle(dataset);
      const handle = await dir.getFileHandle('dataset.duckdb');
      const head = await (await handle.getFile()).slice(0, 20_000).arrayBuffer();
      const w = await handle.createWritable();
      await w.write(head);
      await w.close();
      localStorage.setItem('caw.activeDataset', dataset);
    }, id);
    await page.reload();
    const banner = page.getByTestId('dataset-error');
    await banner.waitFor({ timeout: 60_000 });
    assert.match(
      (await banner.textContent()) ?? '',
      /dataset\.duckdb of “customers” is damaged \(20,000 bytes, saved as [\d,]+\); import the data again/,
    );
    await ready('surveys');
    await page.getByTestId('active-dataset').filter({ hasText: 'sample data' }).waitFor();
  });

  it('never contacts another origin', () => {
    assert.deepEqual(app.foreignRequests(), []);
    assert.deepEqual(app.errors, []);
  });
});
