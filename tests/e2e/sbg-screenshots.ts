/**
 * Screenshots of the Telco notebook's sBG section ("How long will they stay?") at 1280×720 in
 * English, 简体 and 繁體, light and dark, against the built app (`vite build` first): imports the
 * IBM Telco file through the notebook's own button, then opens the notebook in each language.
 * Usage: npx tsx tests/e2e/sbg-screenshots.ts [out-dir] (default docs/sbg/).
 */
import { mkdirSync } from 'node:fs';
import { openApp, startSession } from './harness.ts';

const outDir = process.argv[2] ?? 'docs/sbg';
mkdirSync(outDir, { recursive: true });
const session = await startSession();
try {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
  const app = await openApp(session, '/', context);
  const { page } = app;
  await page.evaluate(() => {
    localStorage.setItem('caw.locale', 'en');
    localStorage.setItem('caw.theme', 'light');
  });
  await page.reload();
  await page.locator('[data-table="transactions"]').waitFor({ timeout: 120_000 });
  await page.locator('[data-testid="builtin-notebooks"] [data-notebook="bundling-and-churn-telco"]').click();
  await page.getByTestId('needs-data').getByTestId('import-example').click({ timeout: 60_000 });
  const card = page.locator('[data-testid="import-file"][data-file="Telco-Customer-Churn.csv"]');
  await card.getByTestId('import-preview').waitFor({ timeout: 60_000 });
  await page.getByTestId('start-import').click();
  await page
    .locator('[data-testid="import-report"][data-file="Telco-Customer-Churn.csv"]')
    .waitFor({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Done' }).click();
  for (const locale of ['en', 'zh-Hans', 'zh-Hant'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      await page.evaluate(
        ([l, t]) => {
          localStorage.setItem('caw.locale', l!);
          localStorage.setItem('caw.theme', t!);
        },
        [locale, theme],
      );
      await page.reload();
      await page.locator('[data-table="customers"]').waitFor({ timeout: 120_000 });
      const id = locale === 'en' ? 'bundling-and-churn-telco' : `bundling-and-churn-telco.${locale}`;
      await page.locator(`[data-testid="builtin-notebooks"] [data-notebook="${id}"]`).click();
      const cell = page.locator('[data-testid="nb-cell"][data-cell-id="sbg"][data-status="ok"]');
      await cell.waitFor({ timeout: 120_000 });
      await cell.locator('svg').first().waitFor({ timeout: 60_000 });
      await page.waitForTimeout(800);
      await cell.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${outDir}/${locale}-${theme}-findings.png` });
      await cell
        .locator('svg')
        .first()
        .evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.locator('main').evaluate((el) => el.scrollBy(0, -130));
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${outDir}/${locale}-${theme}-chart.png` });
      console.log(`wrote ${outDir}/${locale}-${theme}-*.png`);
    }
  }
  if (app.foreignRequests().length) throw new Error(`foreign requests: ${app.foreignRequests().join(', ')}`);
  if (app.errors.length) throw new Error(`page errors: ${app.errors.join('; ')}`);
} finally {
  await session.close();
}
