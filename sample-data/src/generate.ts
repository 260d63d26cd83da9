/**
 * The programmatic API: customers are generated one at a time, each from its own seeded stream,
 * so any consumer (a test, the streaming CLI) holds only one customer in memory.
 */
import { csvHeader, csvLine } from './csv.ts';
import { Rng, streamSeed } from './prng.ts';
import { sampleFiles, type CustomerRecord, type SampleFile } from './rows.ts';
import { simulateCustomer } from './simulate.ts';

/** Options of the generator. */
export interface SampleDataOptions {
  /** Number of customers (default 4,000: the committed default dataset). */
  customers?: number;
  /** Seed of the dataset (default 42). Same seed and size → byte-identical files. */
  seed?: number;
}

/** Defaults that produce the committed `sample-data/default` dataset. */
export const defaultSampleOptions = { customers: 4000, seed: 42 } as const satisfies Required<SampleDataOptions>;

function resolve(options: SampleDataOptions): Required<SampleDataOptions> {
  const customers = options.customers ?? defaultSampleOptions.customers;
  const seed = options.seed ?? defaultSampleOptions.seed;
  if (!Number.isInteger(customers) || customers < 0) throw new Error(`invalid customer count: ${customers}`);
  if (!Number.isInteger(seed)) throw new Error(`invalid seed: ${seed} (expected an integer)`);
  return { customers, seed };
}

/** Yields every customer with its transactions, service costs and surveys, in customer-id order. */
export function* generateSampleData(options: SampleDataOptions = {}): Generator<CustomerRecord> {
  const { customers, seed } = resolve(options);
  for (let i = 0; i < customers; i++) yield simulateCustomer(new Rng(streamSeed(seed, i)), i);
}

/** Yields the CSV text of one customer, per file (no headers). */
export function customerCsv(record: CustomerRecord): Record<SampleFile, string> {
  return {
    customers: csvLine('customers', record.customer),
    transactions: record.transactions.map((r) => csvLine('transactions', r)).join(''),
    service_costs: record.serviceCosts.map((r) => csvLine('service_costs', r)).join(''),
    surveys: record.surveys.map((r) => csvLine('surveys', r)).join(''),
  };
}

/** The four CSV files as strings, for small datasets and tests (the CLI streams instead). */
export function renderSampleCsv(options: SampleDataOptions = {}): Record<SampleFile, string> {
  const parts = Object.fromEntries(sampleFiles.map((f) => [f, [csvHeader(f)]])) as Record<SampleFile, string[]>;
  for (const record of generateSampleData(options)) {
    const text = customerCsv(record);
    for (const f of sampleFiles) if (text[f]) parts[f].push(text[f]);
  }
  return Object.fromEntries(sampleFiles.map((f) => [f, parts[f].join('')])) as Record<SampleFile, string>;
}
