/**
 * The customer-asset scorecard in the app (issue 15, point 8): it is the first built-in notebook
 * in every language; its nine tiles show numbers formatted by kind (never exponent notation), the
 * same figure as their sentence, a trend line over the quarters, and a link that opens the
 * notebook explaining the figure, in the reader's language. Screenshots (1280×720, light and dark,
 * English, 简体 and 繁體) go to $SHOTS (default: a temporary folder) for a person to look at.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { cellsSettled, openApp, startSession, waitForEngine, type Session } from './harness.ts';

let session: Session;
const shots = process.env.SHOTS ?? mkdtempSync(path.join(tmpdir(), 'caw-scorecard-'));
mkdirSync(shots, { recursive: true });

before(async () => {
  session = await startSession();
});
after(async () => {
  await session?.close();
});

async function open(locale: string, theme: 'light' | 'dark'): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
  await context.addInitScript(
    ([l, t]) => {
      localStorage.setItem('caw.locale', l!);
      localStorage.setItem('caw.theme', t!);
    },
    [locale, theme],
  );
  const app = await openApp(session, '/', context);
  const { page } = app;
  await waitForEngine(page);
  // The board's first page leads the list of built-in notebooks.
  const first = page.locator('[data-testid="builtin-notebooks"] [data-notebook]').first();
  await first.click();
  await page
    .locator('[data-testid="nb-cell"][data-cell-id="scorecard"][data-status="ok"]')
    .waitFor({ timeout: 90_000 });
  await cellsSettled(page, 90_000);
  assert.deepEqual(app.foreignRequests(), []);
  return { page, close: () => context.close() };
}

interface Tile {
  id: string;
  headline: string | null;
  text: string;
  points: number;
  link: string | null;
}

function tiles(page: Page): Promise<Tile[]> {
  return page.locator('[data-cell-id="scorecard"] [data-testid="findings"] li').evaluateAll((lis) =>
    lis.map((li) => ({
      id: li.getAttribute('data-finding') ?? '',
      headline: li.querySelector('[data-testid="finding-headline"]')?.textContent ?? null,
      text: li.querySelector('[data-testid="finding-text"]')?.textContent ?? '',
      points: Number(li.querySelector('[data-testid="sparkline"]')?.getAttribute('data-points') ?? 0),
      link: li.querySelector('[data-testid="finding-link"]')?.getAttribute('href') ?? null,
    })),
  );
}

/** How each tile's number must look on the sample, by its kind. */
const formats: Record<string, { en: RegExp; zh: RegExp }> = {
  satisfaction: { en: /^\d{1,3}%$/, zh: /^\d{1,3}%$/ },
  loyalty: { en: /^\d{1,3}%$/, zh: /^\d{1,3}%$/ },
  retention: { en: /^\d{1,3}%$/, zh: /^\d{1,3}%$/ },
  clv: { en: /^\d{1,3}(,\d{3})*$/, zh: /^\d{1,3}(,\d{3})*$/ },
  word_of_mouth: { en: /^[+−]?\d{1,2}(\.\d)?%$/, zh: /^[+−]?\d{1,2}(\.\d)?%$/ },
  equity: { en: /^\d+(\.\d+)?[kM]$|^\d{1,3}(,\d{3})*$/, zh: /^\d+(\.\d+)?[万萬]$/ },
  core_share: { en: /^\d{2,3}%$/, zh: /^\d{2,3}%$/ },
  loss_drag: { en: /^\d{1,3}(,\d{3})*$/, zh: /^\d+(\.\d+)?[万萬]$|^\d{1,3}(,\d{3})*$/ },
  value_at_risk: { en: /^\d{1,3}(,\d{3})*$/, zh: /^\d+(\.\d+)?[万萬]$|^\d{1,3}(,\d{3})*$/ },
};

describe('the customer-asset scorecard on the sample', () => {
  for (const [locale, theme] of [
    ['en', 'light'],
    ['en', 'dark'],
    ['zh-Hans', 'light'],
    ['zh-Hans', 'dark'],
    ['zh-Hant', 'light'],
  ] as const) {
    it(`${locale}, ${theme}: nine tiles, formatted by kind, each with its trend and a link`, async () => {
      const { page, close } = await open(locale, theme);
      try {
        const all = await tiles(page);
        assert.deepEqual(
          all.map((t) => t.id),
          Object.keys(formats),
        );
        for (const t of all) {
          assert.ok(t.headline !== null, `${t.id} has a number`);
          assert.match(t.headline, formats[t.id]![locale === 'en' ? 'en' : 'zh'], `${t.id}: ${t.headline}`);
          assert.doesNotMatch(t.headline, /e[+-]\d/, t.id);
          assert.ok(t.text.includes(t.headline), `${t.id}: the sentence says ${t.headline}: ${t.text}`);
          assert.equal(t.points, 4, `${t.id}: four quarters of trend`);
          assert.match(t.link ?? '', /^#notebook=[\w.-]+$/, t.id);
        }
        if (locale === 'zh-Hans') assert.match(all[0]!.text, /2024 年第 4 季度/);
        if (locale === 'zh-Hant') assert.match(all[0]!.text, /2024 年第 4 季/);
        await page
          .locator('[data-cell-id="scorecard"] [data-testid="findings"]')
          .evaluate((el) => el.scrollIntoView({ block: 'start' }));
        // Below the sticky notebook bar (title, description, buttons), whatever its height.
        const bar = (await page.locator('[data-testid="notebook"] > .head').boundingBox())?.height ?? 150;
        await page.locator('main').evaluate((el, by) => el.scrollBy(0, -by), bar + 70);
        await page.waitForTimeout(200);
        await page.screenshot({ path: path.join(shots, `scorecard-${locale}-${theme}.png`) });
      } finally {
        await close();
      }
    });
  }

  it('a tile’s link opens the notebook that explains it, in the reader’s language', async () => {
    for (const [locale, target, title, scorecard] of [
      ['en', 'who-really-makes-the-profit', 'Who really makes the profit?', 'Customer-asset scorecard'],
      ['zh-Hans', 'who-really-makes-the-profit.zh-Hans', '利润到底是谁创造的？', '客户资产计分卡'],
    ] as const) {
      const { page, close } = await open(locale, 'light');
      const link = page.locator('[data-finding="core_share"] [data-testid="finding-link"]');
      try {
        await link.click();
        await page.getByTestId('notebook-title').filter({ hasText: title }).waitFor({ timeout: 30_000 });
        const entry = page.locator(`[data-testid="builtin-notebooks"] [data-notebook="${target}"]`);
        assert.match((await entry.getAttribute('class')) ?? '', /\bselected\b/);
        // The address is the notebook's own (route.ts); Back returns to the scorecard, and the same
        // link works again from there.
        assert.equal(await page.evaluate(() => location.hash), `#notebook=${target}`);
        await page.goBack();
        await page.getByTestId('notebook-title').filter({ hasText: scorecard }).waitFor({ timeout: 30_000 });
        await link.click({ timeout: 90_000 });
        await page.getByTestId('notebook-title').filter({ hasText: title }).waitFor({ timeout: 30_000 });
      } finally {
        await close();
      }
    }
  });
});
