/**
 * The built-in sample dataset, bundled by Vite as static assets of our own origin (`?url`),
 * fetched by the worker at start-up. No other origin is ever contacted.
 */
import customersUrl from '../../sample-data/default/customers.csv?url';
import serviceCostsUrl from '../../sample-data/default/service_costs.csv?url';
import surveysUrl from '../../sample-data/default/surveys.csv?url';
import transactionsUrl from '../../sample-data/default/transactions.csv?url';
import type { DataFile } from './api.ts';

const files: readonly { table: string; url: string }[] = [
  { table: 'customers', url: customersUrl },
  { table: 'transactions', url: transactionsUrl },
  { table: 'service_costs', url: serviceCostsUrl },
  { table: 'surveys', url: surveysUrl },
];

/** Fetches the sample CSVs from our own origin. */
export async function sampleFiles(): Promise<DataFile[]> {
  return Promise.all(
    files.map(async ({ table, url }) => {
      const res = await fetch(new URL(url, self.location.href));
      if (!res.ok) throw new Error(`sample data ${table}.csv: HTTP ${res.status}`);
      return { table, fileName: `${table}.csv`, bytes: new Uint8Array(await res.arrayBuffer()) };
    }),
  );
}
