/**
 * Keeps the customer-base summary (schema `summary`, docs/summary.md) in step with the active
 * data: built once per dataset version, at load or import, and rebuilt only when the canonical
 * tables it reads have changed (their fingerprint, or a mutating statement the engine ran).
 */
import { canonicalTables } from '../model/schema.ts';
import type { DatasetProfile } from '../model/profile.ts';
import {
  SUMMARY_SCHEMA,
  SUMMARY_VERSION,
  buildSummaryStatements,
  sourceFingerprintSql,
  summaryTables,
  type SummaryState,
} from '../model/summary/index.ts';
import type { Database } from './database.ts';
import { toRows } from './types.ts';
import { quoteLiteral } from '../sql/quote.ts';

/** The fingerprint of the canonical tables present now (see `sourceFingerprintSql`). */
export function sourceFingerprint(db: Database): string {
  const present = toRows(
    db.querySync(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_catalog = current_database()`,
    ),
  ).map((r) => String(r.table_name));
  const tables = canonicalTables.map((t) => t.name).filter((t) => present.includes(t));
  if (tables.length === 0) return '';
  return String(db.querySync(sourceFingerprintSql(tables)).data[0]?.[0] ?? '');
}

/** Drops the summary (when the data is cleared or replaced). */
export function dropSummary(db: Database): void {
  db.exec(`DROP SCHEMA IF EXISTS ${SUMMARY_SCHEMA} CASCADE`);
}

const isoDate = (v: unknown): string | null => (v instanceof Date ? v.toISOString().slice(0, 10) : null);

/** The stored summary's state when it is current for `fingerprint`, else null. */
function storedSummary(db: Database, fingerprint: string): SummaryState | null {
  const exists = db.querySync(
    `SELECT count(*) FROM information_schema.tables WHERE table_schema = ${quoteLiteral(SUMMARY_SCHEMA)} AND table_catalog = current_database()`,
  );
  if (Number(exists.data[0]?.[0] ?? 0) < Object.keys(summaryTables).length) return null;
  const row = toRows(
    db.querySync(`SELECT summary_version, date_from, date_to, source, orders_within_months FROM ${summaryTables.info}`),
  )[0];
  if (!row || Number(row.summary_version) !== SUMMARY_VERSION || row.source !== fingerprint) return null;
  return {
    dateFrom: isoDate(row.date_from),
    dateTo: isoDate(row.date_to),
    source: fingerprint,
    ordersWithinMonths: row.orders_within_months === true,
    buildMs: 0,
  };
}

/**
 * Returns the current summary, building it first when it is missing or stale; null when the
 * data has no transactions (nothing to summarise). `force` rebuilds even when the stored one
 * looks current (after an UPDATE, which keeps row counts).
 */
export async function ensureSummary(
  db: Database,
  profile: DatasetProfile,
  fingerprint: string,
  force = false,
): Promise<SummaryState | null> {
  if (!profile.tables.transactions) {
    dropSummary(db);
    return null;
  }
  if (!force) {
    const stored = storedSummary(db, fingerprint);
    if (stored) return stored;
  }
  const started = performance.now();
  // A reopened dataset's summary is views over the saved file: replace them, never write through.
  dropSummary(db);
  for (const step of buildSummaryStatements(profile)) {
    if (step.bindsSource) db.querySync(step.sql, [fingerprint]);
    else await db.run(step.sql);
  }
  const state = storedSummary(db, fingerprint);
  if (!state) throw new Error('the customer-base summary was built but cannot be read back');
  return { ...state, buildMs: performance.now() - started };
}
