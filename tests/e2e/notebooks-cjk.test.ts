/**
 * Issue 16 point 2, measured in the browser: with the UI in 简体 and in 繁體, every built-in notebook
 * opened on the sample reads in Chinese once every cell has settled. Per notebook, CJK characters ÷
 * (CJK characters + Latin letters) over what people read — prose, findings and their tiles, notes,
 * the headers of analysis tables, chart text, input labels and "not applicable" explanations — is
 * at least 0.9. Code is left out (code cells, `inline code`: identifiers a user types), and so are
 * data values (table cells, and a chart's tick labels that are values of the data such as region
 * names). Analysis tables show headers in the script of the UI with the SQL name in the tooltip.
 * One browser session, both locales.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { cellsSettled, openApp, startSession, waitForEngine, type Session } from './harness.ts';

const notebooks = [
  'customer-asset-scorecard',
  'who-really-makes-the-profit',
  'segmenting-the-customer-base',
  'satisfied-is-not-loyal',
  'retention-what-if',
  'who-will-buy-again',
  'bundling-and-churn-telco',
];

let session: Session;
before(async () => {
  session = await startSession();
});
after(async () => {
  await session?.close();
});

/** The text people read on the open notebook, by part, and the CJK share over all of it. */
function measure(page: Page): Promise<{ ratio: number; latin: string[] }> {
  return page.evaluate(() => {
    const cells = [...document.querySelectorAll('[data-testid="nb-cell"]')];
    const texts: string[] = [];
    for (const cell of cells) {
      if (cell.getAttribute('data-kind') === 'sql') continue;
      for (const sel of [
        '[data-testid="prose"]',
        '[data-testid="findings"]',
        '[data-testid="analysis-notes"]',
        '[data-testid="nb-cell-na"]',
        'label',
      ])
        cell.querySelectorAll(sel).forEach((el) => {
          // Identifiers written as code are typed, not read: left out. (No named helper here:
          // tsx would wrap it in a function the page does not have.)
          const copy = el.cloneNode(true) as Element;
          copy.querySelectorAll('code, pre').forEach((c) => c.remove());
          texts.push(copy.textContent ?? '');
        });
      // Analysis tables: their headers (cells are data).
      cell
        .querySelectorAll('[data-testid="analysis-output"] .th .name')
        .forEach((el) => texts.push(el.textContent ?? ''));
      // Charts: titles, subtitles, captions, axis and legend titles, annotations; tick labels are
      // the data's own values (regions, customer ids) or numbers, so they are left out.
      cell.querySelectorAll('[data-testid="chart"]').forEach((chart) => {
        const copy = chart.cloneNode(true) as Element;
        copy.querySelectorAll('[aria-label$="tick label"]').forEach((t) => t.remove());
        texts.push(copy.textContent ?? '');
      });
    }
    const all = texts.join(' ');
    const cjk = (all.match(/[\u3400-\u9fff\uf900-\ufaff]/g) ?? []).length;
    const latinWords = all.match(/[A-Za-z]+/g) ?? [];
    const latin = latinWords.join('').length;
    return { ratio: cjk / Math.max(1, cjk + latin), latin: latinWords };
  });
}

describe('built-in notebooks read in Chinese (CJK ÷ (CJK + Latin letters) ≥ 0.9)', () => {
  for (const locale of ['zh-Hans', 'zh-Hant'] as const) {
    it(`${locale}: every built-in notebook on the sample`, async () => {
      const context = await session.browser.newContext({ viewport: { width: 1280, height: 720 } });
      await context.addInitScript((l) => localStorage.setItem('caw.locale', l), locale);
      const { page } = await openApp(session, '/', context);
      await waitForEngine(page);
      const ratios: Record<string, number> = {};
      const low: string[] = [];
      for (const id of notebooks) {
        await page.locator(`[data-testid="builtin-notebooks"] [data-notebook="${id}.${locale}"]`).click();
        await page.locator('[data-testid="nb-cell"]').first().waitFor();
        await cellsSettled(page, 240_000);
        const { ratio, latin } = await measure(page);
        ratios[id] = Math.round(ratio * 1000) / 1000;
        const words = [...new Set(latin)].slice(0, 40).join(' ');
        if (ratio < 0.9) low.push(`${id}: ${ratio.toFixed(3)} (Latin: ${words})`);
        if (id === 'who-really-makes-the-profit') {
          // Analysis tables (collapsed, and rendered once opened): headers in the reader's script,
          // the SQL name in the tooltip.
          const summaries = page.locator('[data-cell-id="whale"] details.table summary .mono');
          for (let i = 0; i < (await summaries.count()); i++) await summaries.nth(i).click();
          const header = page.locator('[data-cell-id="whale"] .th', {
            hasText: locale === 'zh-Hans' ? '累计利润' : '累計利潤',
          });
          assert.equal(await header.count(), 1, 'the cumulative profit column reads in Chinese');
          assert.match((await header.getAttribute('title')) ?? '', /^cum_profit · /);
        }
      }
      console.log(`${locale} CJK share per notebook: ${JSON.stringify(ratios)}`);
      assert.deepEqual(low, []);
      await context.close();
    });
  }
});
