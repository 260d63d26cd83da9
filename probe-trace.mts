import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { readFileSync } from 'node:fs';
const root = process.argv[2]!;
const server = await preview({ root, preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'error' });
const baseUrl = server.resolvedUrls!.local[0]!;
import { mkdtempSync } from 'node:fs';
const ctx = await chromium.launchPersistentContext(mkdtempSync('/tmp/prof-'), { executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1440, height: 900 }, args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const browser = ctx.browser()!;
const page = ctx.pages()[0] ?? await ctx.newPage();
await page.goto(baseUrl);
await page.locator(`[data-testid="builtin-notebooks"] [data-notebook="who-really-makes-the-profit"]`).click();
await page.waitForFunction(() => document.querySelector('[data-testid="nb-cell"] svg') !== null, undefined, { timeout: 120000 });
await page.waitForTimeout(Number(process.argv[3] ?? 3000));
for (let i = 0; i < 2; i++) {
  await browser.startTracing(page, { path: `/tmp/trace${i}.json`, categories: ['v8.wasm', 'disabled-by-default-v8.wasm.detailed', 'v8', 'devtools.timeline'] });
  await page.reload();
  await page.waitForFunction(() => document.querySelector('[data-testid="nb-cell"] svg') !== null, undefined, { timeout: 120000 });
  await browser.stopTracing();
  const t = JSON.parse(readFileSync(`/tmp/trace${i}.json`, 'utf8'));
  const ev = (t.traceEvents ?? t).filter((e: any) => /wasm/i.test(e.name) || /wasm/i.test(e.cat));
  const agg: Record<string, { n: number; dur: number }> = {};
  for (const e of ev) { const k = e.name; agg[k] ??= { n: 0, dur: 0 }; agg[k].n++; agg[k].dur += (e.dur ?? 0) / 1000; }
  console.log(`reload ${i}:`, Object.entries(agg).sort((a, b) => b[1].dur - a[1].dur).slice(0, 15).map(([k, v]) => `${k} n=${v.n} ${v.dur.toFixed(0)}ms`).join(' | '));
}
await ctx.close(); await server.close();
