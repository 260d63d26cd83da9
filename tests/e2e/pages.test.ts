/**
 * Issue 15, points 6 and 7, end to end in Chromium against the built app: the start page on a
 * first visit (flagship one click away, the notebooks of the UI language, import and Scratch SQL),
 * cells saying they are about to run while the engine starts, each notebook's own URL (reload, a
 * pasted link, Back/Forward, a user notebook by its id, an unknown id), the reading view (no code,
 * no cell chrome, inputs live, prints as the page alone) and "Copy link with these inputs".
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { cellsSettled, openApp, startSession, waitForEngine, type Session } from './harness.ts';

let session: Session;

before(async () => {
  session = await startSession();
});
after(async () => {
  await session?.close();
});

/** A fresh browser profile (nothing stored) at 1280×720, in `locale`. */
async function freshContext(locale = 'en'): Promise<BrowserContext> {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
  await context.addInitScript((l) => {
    if (!localStorage.getItem('caw.locale')) localStorage.setItem('caw.locale', l);
  }, locale);
  return context;
}

const hashOf = (page: Page) => page.evaluate(() => location.hash);

describe('start page and first minutes', () => {
  it('a first visit lands on the start page; the flagship opens in one click and its cells wait for the engine', async () => {
    const context = await freshContext();
    // Hold the engine's WebAssembly until the cells have been seen waiting for it.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await context.route(/\.wasm$/, async (route) => {
      await held;
      await route.continue();
    });
    const app = await openApp(session, '/', context);
    const { page } = app;
    await page.getByTestId('start-page').waitFor();
    assert.equal(await hashOf(page), '#start');
    // The English notebooks, one line each, and only those.
    const listed = await page
      .locator('[data-testid="start-notebooks"] [data-notebook]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-notebook')));
    assert.equal(listed.length, 7);
    assert.ok(
      listed.every((id) => id !== null && !/\.zh-Han[st]$/.test(id)),
      listed.join(', '),
    );
    assert.ok(await page.getByTestId('start-import').isVisible());
    assert.ok(await page.getByTestId('start-scratch').isVisible());

    await page.getByTestId('open-flagship').click();
    await page.getByTestId('notebook-title').filter({ hasText: 'Customer-asset scorecard' }).waitFor();
    assert.equal(await hashOf(page), '#notebook=customer-asset-scorecard');
    // The engine is still starting: every cell that runs says it is about to.
    assert.match((await page.getByTestId('engine-status').textContent()) ?? '', /Starting/);
    const waiting = page.locator('[data-testid="nb-cell"]:not([data-kind="prose"])');
    assert.ok((await waiting.count()) > 0);
    for (const status of await waiting.getByTestId('cell-status').allTextContents())
      assert.equal(status.trim(), 'Starting the engine…');
    assert.deepEqual(
      [...new Set(await waiting.evaluateAll((els) => els.map((e) => e.getAttribute('data-status'))))],
      ['queued'],
    );
    release();
    await waitForEngine(page, 120_000);
    await cellsSettled(page, 120_000);

    // Back to the start page, forward to the scorecard.
    await page.goBack();
    await page.getByTestId('start-page').waitFor();
    await page.goForward();
    await page.getByTestId('notebook-title').filter({ hasText: 'Customer-asset scorecard' }).waitFor();
    // Reachable later from the sidebar; Scratch SQL one click from there.
    await page.getByTestId('open-start').click();
    await page.getByTestId('start-scratch').click();
    await page.locator('section.scratch').waitFor();
    assert.equal(await hashOf(page), '#scratch');
    assert.deepEqual(app.foreignRequests(), []);
    await context.close();
  });

  it('the start page is in the UI language (繁體): its notebooks, the flagship and its words', async () => {
    const context = await freshContext('zh-Hant');
    const { page } = await openApp(session, '/', context);
    await page.getByTestId('start-page').waitFor();
    const listed = await page
      .locator('[data-testid="start-notebooks"] [data-notebook]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-notebook')));
    assert.equal(listed.length, 7);
    assert.ok(
      listed.every((id) => id?.endsWith('.zh-Hant')),
      listed.join(', '),
    );
    assert.equal((await page.getByTestId('open-flagship').textContent())?.trim(), '開啟「顧客資產計分卡」');
    assert.match((await page.getByTestId('start-page').textContent()) ?? '', /您的客戶群值多少錢？/);
    await context.close();
  });
});

describe('each notebook has its own URL', () => {
  it('a reload, a pasted link and Back/Forward reopen notebooks; a user notebook by its id; an unknown id says so', async () => {
    const context = await freshContext();
    const app = await openApp(session, '/', context);
    const { page } = app;
    await waitForEngine(page);
    await page.locator('[data-testid="builtin-notebooks"] [data-notebook="who-really-makes-the-profit"]').click();
    await page.getByTestId('notebook-title').filter({ hasText: 'Who really makes the profit?' }).waitFor();
    assert.equal(await hashOf(page), '#notebook=who-really-makes-the-profit');
    await page.locator('[data-testid="builtin-notebooks"] [data-notebook="retention-what-if"]').click();
    await page.getByTestId('notebook-title').filter({ hasText: 'Retention what-if' }).waitFor();
    await page.goBack();
    await page.getByTestId('notebook-title').filter({ hasText: 'Who really makes the profit?' }).waitFor();
    assert.equal(await hashOf(page), '#notebook=who-really-makes-the-profit');
    await page.goForward();
    await page.getByTestId('notebook-title').filter({ hasText: 'Retention what-if' }).waitFor();
    await page.reload();
    await page.getByTestId('notebook-title').filter({ hasText: 'Retention what-if' }).waitFor();

    // A user notebook is addressed by its stable id, and the address reopens it.
    await page.getByTestId('new-notebook').click();
    await page.waitForFunction(() => /^#notebook=user-/.test(location.hash));
    const mine = await hashOf(page);
    await page.locator('[data-testid="builtin-notebooks"] [data-notebook="retention-what-if"]').click();
    await page.getByTestId('notebook-title').filter({ hasText: 'Retention what-if' }).waitFor();
    const pasted = await context.newPage();
    await pasted.goto(`${session.baseUrl}/${mine}`);
    await pasted.getByTestId('notebook-title').filter({ hasText: 'Untitled notebook' }).waitFor();
    assert.equal(await hashOf(pasted), mine);
    assert.equal(await pasted.getByTestId('start-page').count(), 0);

    // A link made elsewhere: no such notebook here. It says so and offers the list.
    await pasted.goto(`${session.baseUrl}/#notebook=user-from-another-browser`);
    await pasted.getByTestId('missing-notebook').waitFor();
    assert.match((await pasted.getByTestId('missing-notebook').textContent()) ?? '', /user-from-another-browser/);
    assert.equal(await pasted.locator('[data-testid="start-notebooks"] [data-notebook]').count(), 7);

    // The scorecard's tile links are the same scheme: one opens its notebook, Back returns.
    await page.goto(`${session.baseUrl}/#notebook=customer-asset-scorecard`);
    await page.getByTestId('notebook-title').filter({ hasText: 'Customer-asset scorecard' }).waitFor();
    const link = page.getByTestId('finding-link').first();
    await link.waitFor({ timeout: 120_000 });
    const target = (await link.getAttribute('href')) ?? '';
    await link.click();
    await page.waitForFunction((h) => location.hash === h, target);
    await page.getByTestId('notebook-title').filter({ hasNotText: 'Customer-asset scorecard' }).waitFor();
    await page.goBack();
    await page.getByTestId('notebook-title').filter({ hasText: 'Customer-asset scorecard' }).waitFor();
    assert.deepEqual(app.foreignRequests(), []);
    assert.deepEqual(app.errors, []);
    await context.close();
  });

  it('"Copy link with these inputs" carries the values; the link sets them in a fresh browser', async () => {
    const context = await freshContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const { page } = await openApp(session, '/#notebook=who-really-makes-the-profit', context);
    await waitForEngine(page);
    await cellsSettled(page, 120_000);
    // The plain address carries no inputs.
    assert.equal(await hashOf(page), '#notebook=who-really-makes-the-profit');
    await page.getByTestId('input-top_k').locator('input[type="range"]').fill('35');
    await page.getByTestId('copy-link').click();
    const shown = await page.getByTestId('copied-link').locator('input').inputValue();
    // Every input at its value now, the moved one included.
    assert.match(shown, /#notebook=who-really-makes-the-profit&(.+&)?input\.top_k=35(&|$)/);
    assert.match(shown, /&input\.margin_source=%22auto%22(&|$)/);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), shown);
    assert.equal(await hashOf(page), '#notebook=who-really-makes-the-profit');

    const other = await freshContext();
    const { page: reader } = await openApp(session, shown.slice(session.baseUrl.length), other);
    await reader.getByTestId('notebook-title').filter({ hasText: 'Who really makes the profit?' }).waitFor();
    await waitForEngine(reader);
    await cellsSettled(reader, 120_000);
    assert.equal(await reader.getByTestId('input-top_k').locator('input[type="range"]').inputValue(), '35');
    // Applied once: the address is the notebook's own again, and a reload keeps the value (saved as the reader's).
    assert.equal(await hashOf(reader), '#notebook=who-really-makes-the-profit');
    await reader.reload();
    await reader.getByTestId('input-top_k').waitFor();
    await reader.waitForFunction(
      () => document.querySelector<HTMLInputElement>('[data-testid="input-top_k"] input[type="range"]')?.value === '35',
    );
    await other.close();
    await context.close();
  });
});

describe('the reading view', () => {
  it('hides code, cell chrome and run controls, keeps inputs live, has its own URL and prints as the page alone', async () => {
    const context = await freshContext();
    const { page } = await openApp(session, '/#notebook=who-really-makes-the-profit', context);
    await waitForEngine(page);
    await cellsSettled(page, 120_000);
    assert.ok((await page.locator('.cm-editor').count()) > 0, 'the editing view shows SQL');
    await page.getByTestId('view-read').click();
    assert.equal(await hashOf(page), '#notebook=who-really-makes-the-profit&view=read');
    const notebook = page.getByTestId('notebook');
    assert.equal(await notebook.getAttribute('data-view'), 'read');
    const visible = (selector: string) =>
      page.locator(selector).evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length);
    assert.equal(await visible('.cm-editor'), 0, 'code is hidden');
    assert.equal(await visible('[data-testid="nb-cell"] .bar'), 0, 'cell chrome is hidden');
    assert.equal(await visible('[data-testid="add-cell"]'), 0);
    assert.equal(await page.getByTestId('run-all').count(), 0, 'no run controls');
    assert.ok((await visible('[data-testid="finding-headline"]')) > 0, 'findings show');
    assert.ok((await visible('[data-testid="chart"] svg, [data-testid="analysis-output"] svg')) > 0, 'charts show');
    // Prose is read, not edited.
    await page.getByTestId('prose').first().click();
    assert.equal(await page.getByTestId('prose-editor').count(), 0);
    // Inputs stay live: moving one re-runs what depends on it.
    const whale = page.locator('[data-testid="nb-cell"][data-cell-id="whale"]');
    const runs = Number(await whale.getAttribute('data-runs'));
    await page.getByTestId('input-top_k').locator('input[type="range"]').fill('30');
    await page.waitForFunction(
      (n) =>
        Number(document.querySelector('[data-testid="nb-cell"][data-cell-id="whale"]')?.getAttribute('data-runs')) > n,
      runs,
    );
    await cellsSettled(page, 120_000);

    // The address reopens the reading view.
    await page.reload();
    await page.getByTestId('notebook').waitFor();
    assert.equal(await page.getByTestId('notebook').getAttribute('data-view'), 'read');
    await waitForEngine(page);
    await cellsSettled(page, 120_000);

    // Printing: the app's header, sidebar and the notebook's buttons are off the page.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await visible('header'), 0);
    assert.equal(await visible('aside'), 0);
    assert.equal(await visible('[data-testid="notebook"] .actions'), 0);
    assert.ok((await visible('[data-testid="finding-headline"]')) > 0);
    const pdf = await page.pdf({ format: 'A4' });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages > 1, `the whole notebook prints, not one screen (${pages} page)`);
    await page.emulateMedia({ media: 'screen' });

    // Back to editing: the URL says so.
    await page.getByTestId('view-edit').click();
    assert.equal(await hashOf(page), '#notebook=who-really-makes-the-profit');
    assert.ok((await visible('.cm-editor')) > 0);
    await context.close();
  });
});
