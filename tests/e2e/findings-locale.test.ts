/**
 * Findings in the reader's language in the app (issues 15 and 16): on the whale notebook, in
 * English, 简体 and 繁體, light and dark, each finding's tile is the number its sentence says;
 * Chinese findings are Chinese with 万/萬 amounts and the chosen currency; switching the UI
 * language re-renders the findings without running the notebook again. Screenshots of the
 * findings go to $SHOTS (default: a temporary folder) for a person to look at.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { cellsSettled, openApp, startSession, waitForEngine, type Session } from './harness.ts';

let session: Session;
const shots = process.env.SHOTS ?? mkdtempSync(path.join(tmpdir(), 'caw-findings-'));
mkdirSync(shots, { recursive: true });

before(async () => {
  session = await startSession();
});
after(async () => {
  await session?.close();
});

/** Opens the whale notebook with the UI in `locale`, `theme` and (optionally) a currency for the sample. */
async function whale(
  locale: string,
  theme: 'light' | 'dark',
  currency?: string,
): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
  await context.addInitScript(
    ([l, t, c]) => {
      localStorage.setItem('caw.locale', l!);
      localStorage.setItem('caw.theme', t!);
      if (c) localStorage.setItem('caw.currency', JSON.stringify({ sample: c }));
    },
    [locale, theme, currency ?? ''],
  );
  const app = await openApp(session, '/', context);
  const { page } = app;
  await waitForEngine(page);
  await page.locator('[data-testid="builtin-notebooks"] [data-notebook="who-really-makes-the-profit"]').click();
  await page.locator('[data-testid="nb-cell"][data-cell-id="whale"][data-status="ok"]').waitFor({ timeout: 90_000 });
  await cellsSettled(page, 90_000);
  return { page, close: () => context.close() };
}

/** Each finding of the whale cell as [tile, sentence]. */
async function findings(page: Page): Promise<[string | null, string][]> {
  return page
    .locator('[data-cell-id="whale"] [data-testid="findings"] li')
    .evaluateAll((lis) =>
      lis.map(
        (li) =>
          [
            li.querySelector('[data-testid="finding-headline"]')?.textContent ?? null,
            li.querySelector('[data-testid="finding-text"]')?.textContent ?? '',
          ] as [string | null, string],
      ),
    );
}

describe('whale findings in three languages', () => {
  for (const [locale, currency, expect] of [
    ['en', undefined, /^The top 20% of customers bring \d+% of revenue but \d+% of profit\.$/],
    ['zh-Hans', 'CNY', /^前 20% 的客户只带来 \d+% 的收入，却贡献了 \d+% 的利润。$/],
    ['zh-Hant', 'TWD', /^前 20% 的顧客只帶來 \d+% 的營收，卻貢獻了 \d+% 的利潤。$/],
  ] as const) {
    for (const theme of ['light', 'dark'] as const) {
      it(`${locale}, ${theme}: the tile is the sentence's number`, async () => {
        const { page, close } = await whale(locale, theme, currency);
        const list = await findings(page);
        assert.ok(list.length >= 4, `several findings: ${JSON.stringify(list)}`);
        assert.match(list[0]![1], expect);
        for (const [tile, sentence] of list) {
          if (tile === null) continue;
          assert.ok(sentence.includes(tile), `tile ${tile} is in its sentence: ${sentence}`);
          assert.doesNotMatch(tile, /\de[+-]?\d/, 'no exponent');
        }
        const money = list.map(([, s]) => s).join(' ');
        if (locale === 'zh-Hans') assert.match(money, /¥[\d.,]+万/);
        if (locale === 'zh-Hant') assert.match(money, /NT\$[\d.,]+萬/);
        if (locale === 'en') assert.match(money, /\d\.\d+k\b/);
        await page
          .locator('[data-cell-id="whale"] [data-testid="findings"]')
          .screenshot({ path: path.join(shots, `whale-findings-${locale}-${theme}.png`) });
        await page.screenshot({ path: path.join(shots, `whale-page-${locale}-${theme}.png`) });
        await close();
      });
    }
  }

  it('switching the UI language re-renders the findings without running the notebook again', async () => {
    const { page, close } = await whale('en', 'light');
    const before = await findings(page);
    // Mark the rendered output: a re-run would replace the cell's output element.
    await page
      .locator('[data-cell-id="whale"] [data-testid="analysis-output"]')
      .evaluate((el) => el.setAttribute('data-marked', '1'));
    await page.getByTestId('language-switch').selectOption('zh-Hans');
    await page.waitForFunction(() =>
      /客户/.test(document.querySelector('[data-cell-id="whale"] [data-testid="findings"]')?.textContent ?? ''),
    );
    const after = await findings(page);
    assert.equal(after.length, before.length);
    assert.equal(
      await page.locator('[data-cell-id="whale"] [data-testid="analysis-output"][data-marked="1"]').count(),
      1,
      'the same output, re-rendered in place',
    );
    // Percent tiles read the same in both languages.
    assert.equal(after[0]![0], before[0]![0]);
    await close();
  });

  it('default tier names follow the UI language: switching re-runs the tier cells', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
    await context.addInitScript(() => localStorage.setItem('caw.locale', 'en'));
    const { page } = await openApp(session, '/', context);
    await waitForEngine(page);
    await page.locator('[data-testid="builtin-notebooks"] [data-notebook="segmenting-the-customer-base"]').click();
    const ladder = page.locator('[data-cell-id="ladder"] [data-testid="findings"]');
    await page.locator('[data-testid="nb-cell"][data-cell-id="ladder"][data-status="ok"]').waitFor({ timeout: 90_000 });
    assert.match((await ladder.textContent()) ?? '', /diamond or black-gold/);
    await page.getByTestId('language-switch').selectOption('zh-Hant');
    await page.waitForFunction(
      () =>
        /鑽石或黑金/.test(
          document.querySelector('[data-cell-id="ladder"] [data-testid="findings"]')?.textContent ?? '',
        ),
      undefined,
      { timeout: 60_000 },
    );
    await page.getByTestId('language-switch').selectOption('zh-Hans');
    await page.waitForFunction(
      () =>
        /钻石或黑金/.test(
          document.querySelector('[data-cell-id="ladder"] [data-testid="findings"]')?.textContent ?? '',
        ),
      undefined,
      { timeout: 60_000 },
    );
    await context.close();
  });

  it('the dataset currency is chosen in the data panel and shows on money tiles', async () => {
    const { page, close } = await whale('en', 'light');
    await page.getByTestId('currency-select').selectOption('USD');
    await page.waitForFunction(() =>
      /\$[\d.,]+k/.test(document.querySelector('[data-cell-id="whale"] [data-testid="findings"]')?.textContent ?? ''),
    );
    assert.equal(await page.evaluate(() => localStorage.getItem('caw.currency')), JSON.stringify({ sample: 'USD' }));
    await close();
  });
});
