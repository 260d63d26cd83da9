import { chromium } from 'playwright-core';
import { preview } from 'vite';
import os from 'node:os';
const root = process.argv[2] ?? '/tmp/cs-probe';
const server = await preview({ root, preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'error' });
const baseUrl = server.resolvedUrls!.local[0]!;
import { mkdtempSync } from 'node:fs';
const persistent = process.env.PERSIST === '1';
const browser = persistent ? null : await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const ctx = browser ? await browser.newContext({ viewport: { width: 1440, height: 900 } }) : await chromium.launchPersistentContext(mkdtempSync('/tmp/prof-'), { executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1440, height: 900 }, args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
await ctx.addInitScript({ content: `(() => { const marks = {}; window.__cs = marks; const checks = [
 ['cellsShown', () => document.querySelector('[data-testid="nb-cell"]') !== null],
 ['firstCellRunning', () => document.querySelector('[data-testid="nb-cell"][data-status="running"]') !== null],
 ['engineReady', () => /DuckDB/.test(document.querySelector('[data-testid="engine-status"]')?.textContent ?? '')],
 ['sampleLoaded', () => document.querySelector('[data-table="transactions"]') !== null],
 ['firstChart', () => document.querySelector('[data-testid="nb-cell"] svg') !== null]];
 new MutationObserver(() => { for (const [n, ok] of checks) if (!(n in marks) && ok()) marks[n] = performance.now(); }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true }); })();` });
const page = ctx.pages()[0] ?? await ctx.newPage();
page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
let logs: string[] = [];
page.on('console', (m) => { if (m.text().startsWith('T ')) logs.push(m.text()); });
page.on('worker', (w) => w.on('console', (m) => { if (m.text().startsWith('T ')) logs.push(m.text()); }));
await page.goto(baseUrl);
await page.locator(`[data-testid="builtin-notebooks"] [data-notebook="who-really-makes-the-profit"]`).click();
await page.waitForFunction(() => document.querySelector('[data-testid="nb-cell"] svg') !== null, undefined, { timeout: 120000 });
for (let i = 0; i < Number(process.argv[3] ?? 3); i++) {
  logs = [];
  await page.reload();
  try { await page.waitForFunction(() => document.querySelector('[data-testid="nb-cell"] svg') !== null, undefined, { timeout: 60000 }); } catch (e) { await page.screenshot({ path: '/tmp/stuck.png' }); console.log('STUCK', logs.join(' ')); throw e; }
  await page.waitForTimeout(300);
  const origin = await page.evaluate(() => performance.timeOrigin);
  const marks = await page.evaluate(() => (window as any).__cs);
  const w = logs.map((l) => { const [, n, t] = l.split(' '); return `${n}=${(Number(t) - origin).toFixed(0)}`; });
  console.log(`load ${os.loadavg()[0].toFixed(1)} | ${Object.entries(marks).map(([k, v]) => `${k}=${(v as number).toFixed(0)}`).join(' ')} | worker: ${w.join(' ')}`);
}
await ctx.close(); await browser?.close(); await server.close();
