/**
 * UI language, end to end in Chromium: English by default, the header switch turns the chrome
 * into 繁體中文 (Run button, data panel, row counts, cell toolbar) and the choice survives a
 * reload; a first visit follows the browser's language (zh-TW → Traditional, zh-CN →
 * Simplified); CJK text is drawn with the system Noto CJK face (no web font); the sidebar lists
 * the interface language's notebooks first.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { openApp, startSession, waitForEngine, type Session } from './harness.ts';

let session: Session;

before(async () => {
  session = await startSession();
});
after(async () => {
  await session?.close();
});

async function contextFor(locale: string): Promise<BrowserContext> {
  return session.browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, locale });
}

const text = async (page: Page, testId: string) =>
  ((await page.getByTestId(testId).first().textContent()) ?? '').trim();

/** The system fonts Chromium actually used to draw an element's text (DevTools protocol). */
async function fontsUsedFor(
  page: Page,
  selector: string,
): Promise<{ familyName: string; isCustomFont: boolean; glyphCount: number }[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts;
}

describe('UI language', () => {
  it('lists the notebooks written in the interface language first, the others under a heading', async () => {
    const app = await openApp(session, '/#scratch', await contextFor('zh-CN'));
    const { page } = app;
    await waitForEngine(page);
    const list = page.getByTestId('builtin-notebooks');
    const ids = await list
      .locator('[data-notebook]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-notebook') ?? ''));
    const own = ids.filter((id) => id.endsWith('.zh-Hans'));
    assert.ok(own.length >= 6, `every built-in notebook in 简体: ${ids.join(', ')}`);
    assert.deepEqual(ids.slice(0, own.length), own, 'the 简体 notebooks come first');
    assert.equal(await list.getByTestId('other-languages').textContent(), '其他语言');
    await list.locator('[data-notebook="who-really-makes-the-profit.zh-Hans"]').click();
    await page.getByTestId('notebook-title').filter({ hasText: '利润到底是谁创造的？' }).waitFor();
    // Switching to English puts the English notebooks on top.
    await page.getByTestId('language-switch').selectOption('en');
    const first = await list.locator('[data-notebook]').first().getAttribute('data-notebook');
    assert.ok(first && !/\.zh-Han[st]$/.test(first), `an English notebook first, got ${first}`);
    // 留存推演 is the same title in both scripts: the tag tells the two apart.
    const same = list.locator('[data-notebook^="retention-what-if.zh-Han"]');
    const shown = await same.evaluateAll((els) => els.map((e) => e.textContent?.replace(/\s+/g, ' ').trim() ?? ''));
    assert.deepEqual(shown.sort(), ['留存推演 简', '留存推演 繁'].sort());
    assert.equal(
      await list.locator('[data-notebook="who-really-makes-the-profit"] [data-testid="language-tag"]').count(),
      0,
    );
    await app.page.context().close();
  });

  it('starts in English, switches to 繁體中文, and keeps it after a reload', async () => {
    const app = await openApp(session, '/#scratch', await contextFor('en-US'));
    const { page } = app;
    await waitForEngine(page);
    assert.equal(await page.getByTestId('language-switch').inputValue(), 'en');
    assert.equal(await text(page, 'run-cell'), 'Run');
    assert.equal(await text(page, 'data-panel-heading'), 'Data · sample data');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');

    await page.getByTestId('language-switch').selectOption('zh-Hant');
    assert.equal(await text(page, 'run-cell'), '執行');
    assert.equal(await text(page, 'data-panel-heading'), '資料 · 範例資料');
    assert.equal(await text(page, 'open-import'), '匯入資料…');
    assert.match(await text(page, 'table-rows'), /^[\d,]+ 列$/);
    assert.equal(await page.getByRole('combobox', { name: '語言' }).inputValue(), 'zh-Hant');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-Hant');
    assert.equal(await page.title(), '客戶資產工作台');

    await page.reload();
    await page.locator('[data-table="transactions"]').waitFor({ timeout: 60_000 });
    assert.equal(await page.getByTestId('language-switch').inputValue(), 'zh-Hant');
    assert.equal(await text(page, 'run-cell'), '執行');
    assert.equal(await text(page, 'data-panel-heading'), '資料 · 範例資料');

    // A result in Chinese: row count and column count in the grid header.
    await page.getByTestId('run-cell').click();
    await page.getByTestId('row-count').waitFor({ timeout: 30_000 });
    assert.match(await text(page, 'row-count'), /^[\d,]+ 列$/);
    assert.match((await page.getByTestId('result-table').locator('.meta').textContent()) ?? '', /· \d+ 欄/);
    assert.deepEqual(app.foreignRequests(), []);
    assert.deepEqual(app.errors, []);
    await app.context.close();
  });

  it('draws the Chinese chrome with the installed Noto CJK face, not a web font', async () => {
    const app = await openApp(session, '/#scratch', await contextFor('zh-TW'));
    const { page } = app;
    await waitForEngine(page);
    assert.equal(await text(page, 'data-panel-heading'), '資料 · 範例資料');
    const fonts = await fontsUsedFor(page, '[data-testid="data-panel-heading"]');
    const cjk = fonts.filter((f) => /CJK/.test(f.familyName));
    assert.ok(
      cjk.length > 0 && cjk.every((f) => f.glyphCount > 0),
      `CJK glyphs drawn with a CJK face: ${JSON.stringify(fonts)}`,
    );
    assert.ok(
      cjk.some((f) => /CJK TC/.test(f.familyName)),
      `Traditional text prefers the TC face: ${JSON.stringify(fonts)}`,
    );
    assert.ok(
      fonts.every((f) => !f.isCustomFont),
      'no web fonts',
    );
    await app.context.close();
  });

  for (const [browserLocale, run, heading] of [
    ['zh-TW', '執行', '資料'],
    ['zh-HK', '執行', '資料'],
    ['zh-CN', '运行', '数据'],
    ['en-GB', 'Run', 'Data'],
  ] as const) {
    it(`a first visit with the browser in ${browserLocale} shows “${run}”`, async () => {
      const app = await openApp(session, '/#scratch', await contextFor(browserLocale));
      const { page } = app;
      await waitForEngine(page);
      assert.equal(await text(page, 'run-cell'), run);
      assert.match(await text(page, 'data-panel-heading'), new RegExp(`^${heading} · `));
      await app.context.close();
    });
  }

  it('an explicit choice wins over the browser language on later visits', async () => {
    const app = await openApp(session, '/#scratch', await contextFor('zh-CN'));
    const { page } = app;
    await waitForEngine(page);
    assert.equal(await text(page, 'run-cell'), '运行');
    await page.getByTestId('language-switch').selectOption('en');
    await page.reload();
    await page.locator('[data-table="transactions"]').waitFor({ timeout: 60_000 });
    assert.equal(await text(page, 'run-cell'), 'Run');
    await app.context.close();
  });

  it('translates the notebook chrome and the findings, not the notebook’s own text', async () => {
    const app = await openApp(session, '/#scratch', await contextFor('zh-TW'));
    const { page } = app;
    await waitForEngine(page);
    await page.locator('[data-testid="builtin-notebooks"] [data-notebook="who-really-makes-the-profit"]').click();
    const title = page.getByTestId('notebook-title');
    await title.waitFor();
    assert.equal(
      await title.textContent(),
      'Who really makes the profit?',
      'the built-in notebook keeps its own title',
    );
    await page.getByRole('button', { name: '全部執行' }).waitFor({ timeout: 60_000 });
    assert.equal(await text(page, 'download-md'), '下載 .md');
    const analysis = page.locator('[data-testid="nb-cell"][data-kind="analysis"][data-status="ok"]').first();
    await analysis.waitFor({ timeout: 60_000 });
    assert.equal(await analysis.getByTestId('cell-status').textContent(), '完成');
    assert.equal(await analysis.getByTestId('run-nb-cell').getAttribute('aria-label'), '執行儲存格');
    assert.match((await analysis.getByTestId('cell-rows').textContent()) ?? '', /^[\d,]+ 列$/);
    assert.equal(await analysis.locator('.kind').textContent(), '分析');
    // Findings follow the UI language (the findings catalogues); the notebook's own prose does not yet.
    assert.match((await analysis.getByTestId('findings').textContent()) ?? '', /顧客|利潤/);
    await app.context.close();
  });
});
