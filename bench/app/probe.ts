/**
 * The page-side recorder of `npm run bench:app`, installed with `addInitScript` so it runs before
 * the app's own code: long tasks (buffered, so none is missed), every `input` event of a range
 * control, and every redraw of a notebook chart. It only records; the Node side reads the records
 * back and computes the figures (report.ts), so nothing here can bias what it measures beyond a
 * few array pushes.
 */
import type { Page } from 'playwright-core';
import type { PageRecords } from './types.ts';

/** Runs in the page (serialised by Playwright: self-contained, no imports). */
export function installProbe(): void {
  const rec = { longTasks: [], inputs: [], charts: [] } as {
    longTasks: { start: number; duration: number }[];
    inputs: { t: number; id: string; value: string }[];
    charts: { cell: string; t: number; frame: number | null }[];
  };
  (window as unknown as { __appbench: typeof rec }).__appbench = rec;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) rec.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  // Capture phase on window: sees the event before the app's handler starts its work.
  window.addEventListener(
    'input',
    (e) => {
      const el = e.target;
      if (el instanceof HTMLInputElement && el.type === 'range')
        rec.inputs.push({ t: e.timeStamp, id: el.id, value: el.value });
    },
    true,
  );
  // ChartView replaces its host's children when it draws: one record per cell per batch.
  new MutationObserver((mutations) => {
    const t = performance.now();
    const cells = new Set<string>();
    for (const m of mutations) {
      const el = m.target instanceof Element ? m.target : m.target.parentElement;
      if (!el?.closest('[data-testid="chart"]')) continue;
      const cell = el.closest<HTMLElement>('[data-testid="nb-cell"]')?.dataset.cellId;
      if (cell) cells.add(cell);
    }
    for (const cell of cells) {
      const r = { cell, t, frame: null as number | null };
      rec.charts.push(r);
      requestAnimationFrame(() => (r.frame = performance.now()));
    }
  }).observe(document, { childList: true, subtree: true });
}

/** Reads (a copy of) what the page has recorded so far. */
export function readProbe(page: Page): Promise<PageRecords> {
  return page.evaluate(() => structuredClone((window as unknown as { __appbench: PageRecords }).__appbench));
}
