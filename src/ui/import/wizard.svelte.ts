/**
 * The import wizard's state (Svelte 5 runes): the files dropped, what the engine found in each,
 * the user's overrides, mapping and rules, the preview, and the import with progress, cancel and
 * reports. Every call to the engine sends `$state.snapshot`s: reactive proxies cannot be cloned
 * into the worker, while `File`s cross as disk-backed handles (never read here).
 */
import { callback } from '../../app/engine-client.ts';
import { runImport } from '../../app/import-run.ts';
import {
  getDataset,
  listMappings,
  newDatasetId,
  StorageFullError,
  rejectsFile,
  saveMapping,
  saveRejects as saveRejectsOf,
} from '../../app/datasets.ts';
import type { InspectResult } from '../../engine/import/inspect.ts';
import type { ImportProgress } from '../../engine/import/import-file.ts';
import type { ImportPreview } from '../../engine/import/preview-import.ts';
import type { ImportReport } from '../../engine/import/report.ts';
import { defaultRules, findSavedMapping, type ImportRules } from '../../engine/import/mapping.ts';
import { suggestForTable } from '../../engine/import/roles.ts';
import type { TextEncodingName } from '../../engine/import/encoding.ts';
import type { Delimiter } from '../../engine/import/sniff-csv.ts';
import type { SourceOverrides } from '../../engine/import/analyse-source.ts';
import type { CanonicalTableName } from '../../model/schema.ts';
import { EngineError } from '../../engine/types.ts';
import type { Workbench } from '../workbench.svelte.ts';
import { t } from '../i18n/index.ts';
import { downloadCsv } from './download.ts';
import { formatBytes } from '../../engine/import/errors.ts';
import { draftFrom, mappingFrom, missingRequired, type MappingDraft } from './mapping-edit.ts';

/** An error shown to the user: what went wrong (naming file, row, column) and what to do. */
export interface ShownError {
  message: string;
  fix?: string;
}

/** The user's overrides of what was detected. */
export interface FileOverrides {
  encoding?: TextEncodingName;
  delimiter?: Delimiter;
  header?: boolean;
  sheet?: string;
}

/** Import progress of one file as shown: the phase in words. */
export interface ShownProgress {
  /** What the import is doing now, in the UI language. */
  phase: string;
  /** 0…1 over the file's import. */
  fraction: number;
}

const phaseKeys = {
  reading: 'import.phase.reading',
  mapping: 'import.phase.mapping',
  validating: 'import.phase.validating',
  done: 'import.phase.done',
} as const satisfies Record<ImportProgress['phase'], string>;

/** A notice about the whole import, kept as its key so it follows a change of UI language. */
type Notice =
  | { key: 'import.notice.cancelled' | 'import.notice.nothing' }
  | { key: 'import.notice.stopped' | 'import.notice.rejectsNotSaved' | 'import.notice.failed'; message: string };

/** One dropped file as the wizard holds it. */
export interface FileEntry {
  key: number;
  file: File;
  status: 'inspecting' | 'ready' | 'failed' | 'importing' | 'imported' | 'cancelled';
  info: InspectResult | null;
  error: ShownError | null;
  overrides: FileOverrides;
  draft: MappingDraft | null;
  rules: ImportRules;
  /** Set when a saved mapping for these columns was applied. */
  savedApplied: boolean;
  preview: ImportPreview | null;
  previewError: ShownError | null;
  progress: ShownProgress | null;
  report: ImportReport | null;
}

/** The engine's message (kept in English) with where it happened in the UI language, unless it already says so. */
function locatedMessage(message: string, d: Record<string, unknown>): string {
  /* eslint-disable @typescript-eslint/no-base-to-string -- error details hold numbers and names */
  // Plain strings, not numbers: a line number reads without digit grouping.
  const line = d.line ? String(d.line) : '';
  const row = !line && d.row ? String(d.row) : '';
  const column = d.column ? String(d.column) : '';
  /* eslint-enable @typescript-eslint/no-base-to-string */
  if ((line || row) && message.includes(line || row)) return message;
  if (line)
    return column ? t('import.at.lineColumn', { message, line, column }) : t('import.at.line', { message, line });
  if (row) return column ? t('import.at.rowColumn', { message, row, column }) : t('import.at.row', { message, row });
  return column ? t('import.at.column', { message, column }) : message;
}

/** Turns an engine error into words for the user (its details carry `fix`, `line`, `column`). */
export function shownError(e: unknown): ShownError {
  if (e instanceof EngineError) {
    const d = (e.info.details ?? {}) as Record<string, unknown>;
    const message = locatedMessage(e.message, d);
    // The engine's message usually ends with the fix already; show it once.
    return typeof d.fix === 'string' && !message.includes(d.fix) ? { message, fix: d.fix } : { message };
  }
  return { message: e instanceof Error ? e.message : String(e) };
}

function sourceOverrides(o: FileOverrides): SourceOverrides {
  const out: SourceOverrides = {};
  if (o.encoding) out.encoding = o.encoding;
  if (o.sheet) out.sheet = o.sheet;
  const dialect: NonNullable<SourceOverrides['dialect']> = {};
  if (o.delimiter) dialect.delimiter = o.delimiter;
  if (o.header !== undefined) dialect.header = o.header;
  if (Object.keys(dialect).length) out.dialect = dialect;
  return out;
}

/** `orders.csv.gz` → `orders`: the default dataset name for a file. */
function stemOf(name: string): string {
  return name.replace(/\.gz$/i, '').replace(/\.[^.]+$/, '');
}

let nextKey = 1;

export class ImportWizard {
  files: FileEntry[] = $state([]);
  /** Name of the dataset the import creates. */
  name = $state('');
  phase: 'setup' | 'importing' | 'done' = $state('setup');
  /** Every file is in; the dataset is being saved in the browser (no longer cancellable). */
  saving = $state(false);
  /** Overall progress 0…1 while importing. */
  fraction = $state(0);
  private noticeOf: Notice | null = $state(null);
  /** A message about the import as a whole (cancelled, nothing imported…), in the UI language. */
  get notice(): string | null {
    const n = this.noticeOf;
    if (!n) return null;
    return 'message' in n ? t(n.key, { message: n.message }) : t(n.key);
  }
  /** The dataset the last import was saved as (its rejected rows are saved with it). */
  datasetId: string | null = null;
  private current: string | null = null;
  private cancelled = false;

  constructor(private readonly wb: Workbench) {}

  private get api() {
    return this.wb.client.api;
  }

  /** Adds files and inspects each. */
  add(list: Iterable<File>): void {
    if (this.phase === 'done') this.reset();
    for (const file of list) {
      this.files.push({
        key: nextKey++,
        file,
        status: 'inspecting',
        info: null,
        error: null,
        overrides: {},
        draft: null,
        rules: { ...defaultRules },
        savedApplied: false,
        preview: null,
        previewError: null,
        progress: null,
        report: null,
      });
      if (!this.name) this.name = stemOf(file.name);
      void this.inspect(this.files[this.files.length - 1]!.key);
    }
  }

  /** The reactive entry for a key. */
  entry(key: number): FileEntry | undefined {
    return this.files.find((f) => f.key === key);
  }

  remove(key: number): void {
    const gone = this.entry(key);
    this.files = this.files.filter((f) => f.key !== key);
    // A name taken from the removed file follows the files that remain.
    if (gone && this.name === stemOf(gone.file.name)) this.name = this.files[0] ? stemOf(this.files[0].file.name) : '';
  }

  reset(): void {
    this.files = [];
    this.name = '';
    this.phase = 'setup';
    this.fraction = 0;
    this.noticeOf = null;
    this.datasetId = null;
  }

  /** (Re-)reads the head of a file with the current overrides; applies a saved mapping if one fits. */
  async inspect(key: number): Promise<void> {
    const f = this.entry(key);
    if (!f) return;
    f.status = 'inspecting';
    f.error = null;
    const table = f.draft?.table;
    try {
      const info = await this.api.inspectImport(
        { name: f.file.name, data: f.file },
        { ...sourceOverrides($state.snapshot(f.overrides)), ...(table ? { table } : {}) },
      );
      const g = this.entry(key);
      if (!g) return;
      g.info = info;
      const saved = table
        ? null
        : findSavedMapping(
            await listMappings().catch(() => []),
            info.columns.map((c) => c.name),
          );
      g.savedApplied = !!saved;
      g.draft = draftFrom(saved ? saved.mapping : info.suggestion.mapping, info.columns);
      if (saved) g.rules = { ...saved.rules };
      g.status = 'ready';
      void this.refreshPreview(key);
    } catch (e) {
      const g = this.entry(key);
      if (!g) return;
      g.status = 'failed';
      g.error = shownError(e);
    }
  }

  /** Changes an override and reads the file again. */
  override(key: number, change: Partial<FileOverrides>): void {
    const f = this.entry(key);
    if (!f) return;
    f.overrides = { ...f.overrides, ...change };
    // Another sheet is another table: suggest its target afresh instead of keeping the old one.
    if (change.sheet !== undefined) f.draft = null;
    void this.inspect(key);
  }

  /** Maps the file onto another canonical table (a fresh suggestion for that table). */
  setTable(key: number, table: CanonicalTableName): void {
    const f = this.entry(key);
    if (!f?.info) return;
    f.draft = draftFrom(suggestForTable(table, $state.snapshot(f.info.columns)).mapping, f.info.columns);
    f.savedApplied = false;
    void this.refreshPreview(key);
  }

  /** Sets which file column fills a canonical column ('' for none). */
  choose(key: number, target: string, source: string): void {
    const f = this.entry(key);
    if (!f?.draft) return;
    f.draft.choice[target] = source;
    void this.refreshPreview(key);
  }

  /** Keeps or leaves out an unmapped file column. */
  keep(key: number, column: string, keep: boolean): void {
    const f = this.entry(key);
    if (!f?.draft) return;
    f.draft.dropped = keep ? f.draft.dropped.filter((c) => c !== column) : [...f.draft.dropped, column];
    void this.refreshPreview(key);
  }

  setRule<K extends keyof ImportRules>(key: number, rule: K, value: ImportRules[K]): void {
    const f = this.entry(key);
    if (!f) return;
    f.rules[rule] = value;
    void this.refreshPreview(key);
  }

  /** What stops this file from importing, if anything. */
  problem(f: FileEntry): string | null {
    if (f.status === 'failed') return t('import.problem.unreadable');
    if (!f.draft || !f.info) return t('import.problem.reading');
    const missing = missingRequired(f.draft);
    // Column and table names are the canonical schema's, the same in every language.
    if (missing.length) return t('import.problem.required', { columns: missing.join(', '), table: f.draft.table });
    const same = this.files.filter((g) => g !== f && g.status !== 'failed' && g.draft?.table === f.draft!.table);
    if (same.length) return t('import.problem.duplicate', { table: f.draft.table });
    return null;
  }

  /** Files that will be imported (readable ones); failed files are skipped. */
  get importable(): FileEntry[] {
    return this.files.filter((f) => f.status !== 'failed');
  }

  get canImport(): boolean {
    return (
      this.phase === 'setup' &&
      this.importable.length > 0 &&
      this.importable.every((f) => this.problem(f) === null) &&
      this.name.trim() !== ''
    );
  }

  private previewSeq = new Map<number, number>();

  /** The head of the file as it will be imported with the current mapping and rules. */
  async refreshPreview(key: number): Promise<void> {
    const f = this.entry(key);
    if (!f?.info || !f.draft) return;
    const seq = (this.previewSeq.get(key) ?? 0) + 1;
    this.previewSeq.set(key, seq);
    if (missingRequired(f.draft).length) {
      f.preview = null;
      f.previewError = null;
      return;
    }
    const mapping = mappingFrom($state.snapshot(f.draft), $state.snapshot(f.info.columns));
    try {
      const preview = await this.api.previewImport({ name: f.file.name, data: f.file }, mapping, {
        ...sourceOverrides($state.snapshot(f.overrides)),
        rules: $state.snapshot(f.rules),
        limit: 10,
      });
      const g = this.entry(key);
      if (g && this.previewSeq.get(key) === seq) {
        g.preview = preview;
        g.previewError = null;
      }
    } catch (e) {
      const g = this.entry(key);
      if (g && this.previewSeq.get(key) === seq) {
        g.preview = null;
        g.previewError = shownError(e);
      }
    }
  }

  /**
   * Imports every readable file under staging names, then swaps them in as the active data, saves
   * them as a new dataset and makes it active. On cancel, or when nothing imports, the staged
   * tables are dropped and the active data was never touched.
   */
  async importAll(): Promise<void> {
    if (!this.canImport) return;
    this.phase = 'importing';
    this.noticeOf = null;
    this.cancelled = false;
    this.fraction = 0;
    const files = this.importable;
    let committed = false;
    let done: FileEntry[] = [];
    try {
      for (const f of files) {
        f.status = 'ready';
        f.error = null;
        f.report = null;
      }
      // All or nothing (src/app/import-run.ts): the first failure stops the run, nothing is committed.
      const jobs = files.map((f) => {
        const mapping = mappingFrom($state.snapshot(f.draft!), $state.snapshot(f.info!.columns));
        const request = {
          ...sourceOverrides($state.snapshot(f.overrides)),
          mapping,
          rules: $state.snapshot(f.rules),
          jobId: `import-${f.key}-${Date.now()}`,
          target: `__import_${mapping.table}`,
        };
        return { source: { name: f.file.name, data: f.file }, request };
      });
      const run = await runImport(this.api, jobs, {
        cancelled: () => this.cancelled,
        starting: (i) => {
          const f = files[i]!;
          f.status = 'importing';
          this.current = jobs[i]!.request.jobId;
          return callback((p: ImportProgress) => {
            f.progress = { phase: t(phaseKeys[p.phase]), fraction: p.fraction };
            this.fraction = (i + p.fraction) / files.length;
          });
        },
        ended: (i, outcome) => {
          const f = files[i]!;
          if (outcome.status === 'imported') {
            f.status = 'imported';
            f.report = outcome.report;
            void saveMapping({
              signature: f.info!.signature,
              mapping: jobs[i]!.request.mapping,
              rules: $state.snapshot(f.rules),
            }).catch(() => undefined);
          } else if (outcome.status === 'cancelled') {
            f.status = 'cancelled';
            this.cancelled = true;
          } else if (outcome.status === 'failed') {
            // Still importable: fixed (or removed) it goes again with the others.
            f.status = 'ready';
            f.error = shownError(outcome.error);
          }
        },
      });
      this.current = null;
      if (!run.committed) {
        const failed = run.outcomes.findIndex((o) => o.status === 'failed');
        this.noticeOf =
          failed >= 0 && files.length > 1
            ? { key: 'import.notice.failed', message: files[failed]!.file.name }
            : { key: this.cancelled ? 'import.notice.cancelled' : 'import.notice.nothing' };
        for (const f of files) {
          if (f.status === 'imported') f.status = 'ready';
          f.report = null;
        }
        this.phase = 'setup';
        return;
      }
      committed = true;
      done = files;
      for (const f of done) f.report = { ...f.report!, table: f.report!.canonicalTable };
      this.fraction = 1;
      this.saving = true;
      const stored = await this.wb.saveImported(
        this.name.trim(),
        done.map((f) => f.file.name),
        newDatasetId(),
      );
      this.datasetId = stored.id;
      await this.saveRejects(stored.id, done);
      this.phase = 'done';
    } catch (e) {
      // The new tables replaced the active data but could not be saved: the previous dataset
      // (saved file or sample) comes back first, so when the notice shows, the engine holds
      // what the header names.
      if (committed) await this.wb.switchDataset(this.wb.activeId).catch(() => undefined);
      this.noticeOf = {
        key: 'import.notice.stopped',
        message: e instanceof StorageFullError ? storageFull(e) : shownError(e).message,
      };
      this.phase = 'setup';
      for (const f of files) {
        if (f.status === 'imported' || f.status === 'importing') f.status = 'ready';
        f.report = null;
      }
    } finally {
      this.current = null;
      this.saving = false;
    }
  }

  /** Stops the running import. */
  async cancel(): Promise<void> {
    this.cancelled = true;
    if (this.current) await this.api.cancelImport(this.current).catch(() => false);
  }

  /**
   * Keeps each file's rejected rows with the saved dataset: the engine's rejects tables are
   * dropped when another dataset is loaded, the saved copy stays until the dataset is deleted.
   * A failure here does not undo the import; the download then works until another dataset is loaded.
   */
  private async saveRejects(id: string, done: readonly FileEntry[]): Promise<void> {
    const withRejects = done.filter((f) => f.report!.rejected > 0);
    if (!withRejects.length) return;
    try {
      const exported = await this.api.exportTables(withRejects.map((f) => f.report!.rejectsTable));
      await saveRejectsOf(
        id,
        withRejects.map((f, i) => ({ table: f.report!.canonicalTable, file: f.file.name, exported: exported[i]! })),
      );
      await this.wb.refreshDatasets();
    } catch (e) {
      this.noticeOf = { key: 'import.notice.rejectsNotSaved', message: shownError(e).message };
    }
  }

  /** Downloads every rejected row of a file's import as CSV: the copy saved with the dataset, else the engine's table. */
  async downloadRejects(f: FileEntry): Promise<void> {
    if (!f.report) return;
    const ds = this.datasetId ? await getDataset(this.datasetId).catch(() => undefined) : undefined;
    const saved = ds ? await rejectsFile(ds, f.report.canonicalTable).catch(() => undefined) : undefined;
    const data = saved ?? new Blob([await this.api.rejectsCsv(f.report.rejectsTable)]);
    await downloadCsv(data, `${f.file.name.replace(/\.gz$/i, '').replace(/\.[^.]+$/, '')}-rejected-rows.csv`);
  }
}

/** A dataset that did not fit in the browser's storage, in the UI language. */
function storageFull(e: StorageFullError): string {
  const needed = formatBytes(e.neededBytes);
  if (e.freeBytes === undefined) return t('storage.datasetFullNoFree', { name: e.dataset, needed });
  return t('storage.datasetFull', { name: e.dataset, needed, free: formatBytes(e.freeBytes) });
}
