import { startSession, openApp, waitForEngine, cellsSettled } from './tests/e2e/harness.ts';
const s = await startSession();
try {
  for (const [locale, theme] of [['en', 'light'], ['zh-Hans', 'dark'], ['zh-Hant', 'light']] as const) {
    const ctx = await s.browser.newContext({ viewport: { width: 1280, height: 720 } });
    await ctx.addInitScript(([l, t]) => { localStorage.setItem('caw.locale', l); localStorage.setItem('caw.theme', t); }, [locale, theme]);
    const { page } = await openApp(s, '/', ctx);
    await waitForEngine(page);
    await page.locator('[data-testid="builtin-notebooks"] [data-notebook="segmenting-the-customer-base"]').click();
    await cellsSettled(page);
    await page.locator('[data-testid="input-period_start"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/shots/dates-${locale}-${theme}.png` });
    // Pick a date: the "back to" button appears.
    await page.locator('[data-testid="input-period_end"] input[type="date"]').fill('2024-06-30');
    await page.waitForTimeout(500);
    await page.locator('[data-testid="input-period_start"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/shots/dates-set-${locale}-${theme}.png` });
    await page.evaluate(() => (window as unknown as { __caw: { crashEngine(): void } }).__caw.crashEngine());
    await page.getByTestId('engine-restarted').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `/tmp/shots/restarted-${locale}-${theme}.png` });
    await ctx.close();
  }
} finally { await s.close(); }
