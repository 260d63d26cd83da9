/**
 * Streams a generated dataset to four CSV files with bounded memory: rows are buffered per file
 * into chunks of ~64 KB and each chunk waits for the stream's `drain` when the OS buffer is full
 * (Node's backpressure), so a million customers need no more memory than a thousand.
 */
import { once } from 'node:events';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { csvHeader } from './csv.ts';
import { customerCsv, generateSampleData, type SampleDataOptions } from './generate.ts';
import { sampleFiles, type SampleFile } from './rows.ts';

/** What was written. */
export interface WriteSummary {
  /** Data rows (without header) per file. */
  rows: Record<SampleFile, number>;
  /** Bytes per file (with header). */
  bytes: Record<SampleFile, number>;
  /** Wall-clock seconds. */
  seconds: number;
}

const CHUNK = 64 * 1024;

async function write(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

/** Generates the dataset into `dir` (created if needed) as customers/transactions/service_costs/surveys.csv. */
export async function writeSampleData(dir: string, options: SampleDataOptions = {}): Promise<WriteSummary> {
  const start = performance.now();
  mkdirSync(dir, { recursive: true });
  const streams = {} as Record<SampleFile, WriteStream>;
  const pending = {} as Record<SampleFile, string>;
  const rows = {} as Record<SampleFile, number>;
  const bytes = {} as Record<SampleFile, number>;
  for (const f of sampleFiles) {
    streams[f] = createWriteStream(path.join(dir, `${f}.csv`));
    pending[f] = csvHeader(f);
    rows[f] = 0;
    bytes[f] = 0;
  }
  const flush = async (f: SampleFile): Promise<void> => {
    bytes[f] += Buffer.byteLength(pending[f]);
    await write(streams[f], pending[f]);
    pending[f] = '';
  };
  for (const record of generateSampleData(options)) {
    const text = customerCsv(record);
    rows.customers += 1;
    rows.transactions += record.transactions.length;
    rows.service_costs += record.serviceCosts.length;
    rows.surveys += record.surveys.length;
    for (const f of sampleFiles) {
      pending[f] += text[f];
      if (pending[f].length >= CHUNK) await flush(f);
    }
  }
  for (const f of sampleFiles) {
    await flush(f);
    const s = streams[f];
    s.end();
    await once(s, 'finish');
  }
  return { rows, bytes, seconds: (performance.now() - start) / 1000 };
}
