/**
 * The built-in sample dataset, fetched by the worker at start-up from our own origin (bundled by
 * Vite, `?url`); no other origin is ever contacted. It ships as one DuckDB database file, built
 * from the committed CSVs (sample-data/default/*.csv) by sample-data/build-database.ts before every
 * build: opening it takes a fraction of the time the four CSV files take to parse (0.43 s against
 * 2.27 s in Node on a busy 2-core machine).
 */
import sampleDatabaseUrl from '../../sample-data/default/sample.duckdb?url';

/** Fetches the sample's database file (for `EngineApi.loadDatabase`). */
export async function sampleDatabase(): Promise<Uint8Array> {
  const res = await fetch(new URL(sampleDatabaseUrl, self.location.href));
  if (!res.ok) throw new Error(`sample data sample.duckdb: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}
