import { readFile, writeFile } from 'node:fs/promises';
import { parseNotebook } from '../notebook/format/parse.ts';
import type { Notebook } from '../notebook/format/types.ts';
import { engineEffects } from '../notebook/runtime/engine-effects.ts';
import { createRuntime } from '../notebook/runtime/runtime.ts';
import type { CellState } from '../notebook/runtime/state.ts';
import type { CliArgs } from './args.ts';
import { currencyByCode } from '../format/currency.ts';
import type { Locale } from '../format/locale.ts';
import { htmlReport } from './html-report.ts';
import { jsonReport } from './json-report.ts';
import { loadData, type LoadedData } from './load-data.ts';

/** The outcome of running one notebook. */
export interface NotebookRun {
  notebook: Notebook;
  states: CellState[];
  /** One line per data file that could not be imported (`<data file>: <message>`), then per failed cell (`<notebook>: <message>`). */
  errors: string[];
  /** Warnings about the data (files skipped). */
  warnings: string[];
  /** Row accounting of each imported file (`--data`): read = imported + rejected. */
  imports: string[];
}

/**
 * Runs a notebook file over the given data (or the sample) with the same runtime the app uses.
 * Pass `data` to reuse an already-started engine (tests run many notebooks on one engine).
 */
export async function runNotebookFile(
  file: string,
  options: { dataDir?: string; data?: LoadedData; lang?: Locale } = {},
): Promise<NotebookRun> {
  const notebook = parseNotebook(await readFile(file, 'utf8'));
  const data = options.data ?? (await loadData(options.dataDir));
  const locale = options.lang;
  const runtime = createRuntime(notebook, engineEffects(data.engine, locale ? { locale: () => locale } : {}));
  await runtime.runAll();
  const states = runtime.cells();
  const errors = [
    // A data file that could not be imported fails the run: the notebook's results would
    // silently leave out its rows.
    ...data.failed,
    ...notebook.issues.map((i) => `${file}: ${i}`),
    // A cell that does not apply to the data is not an error: it is reported, and the run succeeds.
    ...states
      .filter((s) => s.status !== 'ok' && s.status !== 'na')
      .map((s) => `${file}: ${(s.error ?? s.status).split('\n').join(`\n${file}: `)}`),
  ];
  const imports = (data.report?.imports ?? []).map(
    (r) =>
      `${r.fileName} → ${r.table}: read ${r.read}, imported ${r.imported}, rejected ${r.rejected}` +
      (r.rejectGroups.length ? ` (${r.rejectGroups.map((g) => `${g.count} ${g.reason}`).join('; ')})` : '') +
      (r.warnings.length
        ? `; ${r.warnings.length} warning${r.warnings.length > 1 ? 's' : ''}: ${r.warnings.map((w) => w.message).join(' ')}`
        : ''),
  );
  return { notebook, states, errors, warnings: data.skipped, imports };
}

/** Runs the `run` command: executes the notebook, writes the reports, returns the exit code. */
export async function runCommand(
  args: CliArgs,
  io: { stdout: (s: string) => void; stderr: (s: string) => void },
): Promise<number> {
  const result = await runNotebookFile(args.notebook, {
    ...(args.data ? { dataDir: args.data } : {}),
    ...(args.lang ? { lang: args.lang } : {}),
  });
  // Findings are rendered in the asked language, with the asked currency (none by default).
  const reader = {
    locale: args.lang ?? 'en',
    currency: (args.currency && currencyByCode(args.currency)) || null,
  } as const;
  for (const line of result.imports) io.stderr(`import: ${line}\n`);
  for (const w of result.warnings) io.stderr(`warning: ${w}\n`);
  if (args.json) {
    const json = JSON.stringify(jsonReport(result.notebook, result.states, reader), null, 2) + '\n';
    if (args.json === '-') io.stdout(json);
    else await writeFile(args.json, json);
  }
  if (args.html) await writeFile(args.html, htmlReport(result.notebook, result.states, reader));
  for (const e of result.errors) io.stderr(`${e}\n`);
  const ok = result.states.filter((s) => s.status === 'ok').length;
  const na = result.states.filter((s) => s.status === 'na');
  for (const s of na) io.stderr(`not applicable: ${s.error ?? s.id}\n`);
  if (args.json !== '-')
    io.stderr(
      `${args.notebook}: ${ok} of ${result.states.length} cells ran${na.length ? `, ${na.length} not applicable to this data` : ''}${result.errors.length ? `, ${result.errors.length} error(s)` : ''}\n`,
    );
  return result.errors.length ? 1 : 0;
}
