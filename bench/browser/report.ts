/** The browser-worker run as JSON and as a Markdown table (pure). */
import type { AnalysisTiming, ImportTiming, MemoryFacts, TimedCall } from './types.ts';

/** Everything `npm run bench:browser` records. */
export interface BrowserResults {
  date: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    platform: string;
    chromium: string;
    hardwareConcurrency: number;
    loadAverage: { before: number; after: number; max: number; mean: number };
  };
  engine: { duckdbVersion: string };
  dataset: { customers: number; rows: Record<string, number>; bytes: Record<string, number> };
  /**
   * How the files reached the worker: the import API (the user's path), `loadDataset` (a saved
   * dataset in the older CSV form), or `reopen`: `loadDataset`, saved as a database file in OPFS,
   * a fresh worker, and `loadDatabase` from that file (a saved dataset after a reload).
   */
  loadPath: 'import' | 'saved' | 'reopen';
  import: { files: ImportTiming[]; commit: TimedCall; totalMs: number } | null;
  /** `loadDataset` of the four files, when `loadPath` is `saved`. */
  saved: { load: TimedCall; totalMs: number } | null;
  /** Saving as a database file and reopening it, when `loadPath` is `reopen`. */
  reopen?: { export: TimedCall; write: TimedCall; fileBytes: number; start: TimedCall; open: TimedCall } | null;
  /** Row counts of the active tables after the import. */
  tables: Record<string, number>;
  analyses: AnalysisTiming[];
  memory: { afterImport: MemoryFacts | null; afterAnalyses: MemoryFacts | null };
  /** Wall-clock time of the whole run, ms. */
  wallMs: number;
  /** Set when the run stopped early (worker death, time-out). */
  aborted: string | null;
}

/** Milliseconds with thousands separators; below 100 ms one decimal. */
export function fmtMs(x: number): string {
  return x < 100 ? x.toFixed(1) : Math.round(x).toLocaleString('en-US');
}

function row(step: string, call: TimedCall, result: string): string {
  const f = call.frames;
  const status = call.error
    ? `**failed**: ${call.error.replace(/\|/g, '\\|').replace(/\s+/g, ' ').slice(0, 200)}`
    : 'ok';
  return `| ${step} | ${fmtMs(call.ms)} | ${fmtMs(f.longestGapMs)} | ${f.fps.toFixed(0)} | ${result} | ${status} |`;
}

/** The Markdown table of one run: import steps, then each analysis. */
export function browserTable(r: BrowserResults): string {
  const lines = [
    '| step | browser worker ms | longest main-thread frame gap ms | main-thread fps | result | status |',
    '|---|---:|---:|---:|---|---|',
  ];
  for (const f of r.import?.files ?? []) {
    lines.push(
      row(
        `inspect ${f.fileName}`,
        f.inspect,
        f.correctedTo ? `suggested ${f.suggestedTable ?? '?'}; chose ${f.correctedTo}` : `→ ${f.suggestedTable ?? '?'}`,
      ),
    );
    lines.push(
      row(
        `import ${f.fileName}`,
        f.import,
        f.imported === null
          ? ''
          : `${f.imported.toLocaleString('en-US')} rows (${(f.rejected ?? 0).toLocaleString('en-US')} rejected)`,
      ),
    );
  }
  if (r.import) {
    lines.push(row('commitImport', r.import.commit, ''));
    lines.push(`| **import total** | ${fmtMs(r.import.totalMs)} | | | | |`);
  }
  const counts = Object.entries(r.tables ?? {})
    .map(([t, n]) => `${t} ${n.toLocaleString('en-US')}`)
    .join(', ');
  if (r.saved) lines.push(row('loadDataset (4 files)', r.saved.load, r.reopen ? '' : counts));
  if (r.reopen) {
    const mb = `${(r.reopen.fileBytes / 2 ** 20).toFixed(0)} MB`;
    lines.push(row('exportDatabase (save as a database file)', r.reopen.export, mb));
    lines.push(row('write the file to OPFS', r.reopen.write, ''));
    lines.push(row('fresh engine worker (as after a reload)', r.reopen.start, ''));
    lines.push(row('**loadDatabase from OPFS (reopen)**', r.reopen.open, counts));
  }
  for (const a of r.analyses) {
    const rows = Object.values(a.tables).reduce((s, n) => s + n, 0);
    lines.push(
      row(a.id, a, a.error ? '' : `${Object.keys(a.tables).length} tables, ${rows.toLocaleString('en-US')} rows`),
    );
  }
  return lines.join('\n');
}

/** The machine line of a run: cores, load average at start, end, max and mean. */
export function machineLine(r: BrowserResults): string {
  const la = r.machine.loadAverage;
  return `Chromium ${r.machine.chromium}, DuckDB ${r.engine.duckdbVersion}, ${r.dataset.customers.toLocaleString('en-US')} customers; ${r.machine.cpus} cores, 1-min load average ${la.before.toFixed(1)} at start, ${la.after.toFixed(1)} at end (max ${la.max.toFixed(1)}, mean ${la.mean.toFixed(1)}); ${r.date.slice(0, 10)}`;
}

/**
 * Replaces the generated section `key` of a Markdown document (between
 * `<!-- bench:browser KEY -->` and `<!-- /bench:browser KEY -->`), or appends it: docs/benchmarks.md
 * carries the harness's own output, never figures typed by hand.
 */
export function replaceSection(doc: string, key: string, body: string): string {
  const open = `<!-- bench:browser ${key} -->`;
  const close = `<!-- /bench:browser ${key} -->`;
  const block = `${open}\n${body.trim()}\n${close}`;
  const from = doc.indexOf(open);
  const to = doc.indexOf(close);
  if (from >= 0 && to > from) return doc.slice(0, from) + block + doc.slice(to + close.length);
  return `${doc.trimEnd()}\n\n${block}\n`;
}
