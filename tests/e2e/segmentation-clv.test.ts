/**
 * The segmentation and CLV notebooks, end to end in Chromium against the built app: "Segmenting
 * the customer base" and "Who will buy again?" run on the built-in sample in the engine worker,
 * where tiers, value × loyalty, MVC/MGC/BZ, migration and CLV read the customer-base summary as
 * typed arrays keyed by customer index and look up the ids they list; every analysis cell is ok,
 * and the listed customers are real customers of the data (ids, not indexes or blanks).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  cellsSettled,
  openApp,
  pageSql,
  startSession,
  waitForEngine,
  type RecordedPage,
  type Session,
} from './harness.ts';

let session: Session;
let app: RecordedPage;

before(async () => {
  session = await startSession();
  app = await openApp(session);
  await waitForEngine(app.page);
});
after(async () => {
  await session?.close();
});

/** Opens a built-in notebook and waits for every cell to finish. */
async function open(id: string, title: string): Promise<void> {
  await app.page.locator(`[data-testid="builtin-notebooks"] [data-notebook="${id}"]`).click();
  await app.page.getByTestId('notebook-title').filter({ hasText: title }).waitFor();
  await cellsSettled(app.page, 180_000);
  const statuses = await app.page
    .locator('[data-testid="nb-cell"][data-kind="analysis"]')
    .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-cell-id')}: ${e.getAttribute('data-status')}`));
  assert.ok(statuses.length > 0, 'the notebook has analysis cells');
  assert.deepEqual(
    statuses.filter((s) => !s.endsWith(': ok')),
    [],
    'every analysis cell ran',
  );
}

/** The listed ids of a kept analysis table, checked against the customers of the data. */
async function listedIds(table: string): Promise<string[]> {
  const [ids] = await pageSql(app.page, `SELECT customer_id FROM ${table} ORDER BY 1`);
  const [known] = await pageSql(
    app.page,
    `SELECT count(*) FROM (SELECT customer_id FROM ${table}) l WHERE l.customer_id IN (SELECT customer_id FROM transactions)`,
  );
  assert.ok(ids && ids.length > 0, `${table} lists customers`);
  assert.equal(Number(known![0]), ids.length, `${table}: every listed id is a customer of the data`);
  return ids;
}

describe('segmentation and CLV notebooks', () => {
  it('"Segmenting the customer base" runs, and its lists name real customers', async () => {
    await open('segmenting-the-customer-base', 'Segmenting the customer base');
    for (const t of ['mvc_mvc', 'mvc_mgc', 'moves_early_warning']) await listedIds(t);
  });

  it('"Who will buy again?" runs (holdout check and scores), and its lists name real customers', async () => {
    await open('who-will-buy-again', 'Who will buy again?');
    for (const t of ['check_customers', 'scores_customers', 'scores_at_risk']) await listedIds(t);
    // The whole scores table stays in the worker: one row per customer of the summary, real ids.
    const ids = await listedIds('scores_scores');
    const [customers] = await pageSql(
      app.page,
      'SELECT count(*) FROM summary.customer_history WHERE purchase_days > 0',
    );
    assert.equal(ids.length, Number(customers![0]));
    assert.equal(new Set(ids).size, ids.length);
    const [bands] = await pageSql(app.page, 'SELECT sum(customers) FROM purchase_bands');
    assert.equal(Number(bands![0]), ids.length);
  });

  it('raised no page error and made no request outside the page', () => {
    assert.deepEqual(app.errors, []);
    assert.deepEqual(app.foreignRequests(), []);
  });
});
