/**
 * One open notebook (Svelte 5 runes): the document being edited, the runtime that runs it, each
 * cell's state, and autosave. Editing a built-in notebook turns it into the user's own copy first.
 *
 * Text edits change the document only; the runtime sees them when the cell is run (Shift+Enter,
 * Run all) or, for prose, when the editor closes — so typing never re-runs queries mid-word.
 * Structural edits (add, delete, move, duplicate) reach the runtime at once.
 *
 * Input values are saved apart from the text (per notebook, built-in ones included) and restored
 * before the first run, so a reload finds the controls where the user left them.
 *
 * Durability: every edit and every input value is logged synchronously (`write-ahead.ts`) before
 * the debounced IndexedDB save, so a reload or crash right after loses nothing. Saves go over the
 * version this session loaded (`saveNotebook`); when another tab saved the notebook meanwhile, this
 * session's text becomes a copy "… (other tab)", which it goes on editing, and `conflict` says so.
 *
 * Every run is recorded as started/finished (`run-marker.ts`); a notebook whose last run never
 * finished opens `interrupted` and is not run until the user asks.
 */
import { markRunFinished, markRunStarted, runUnfinished } from '../../app/run-marker.ts';
import { cellsToSave, loadResults, resultsKey, saveResults, type ResultsContext } from '../../app/saved-results.ts';
import { getInputs, inputsKey, newNotebookId, putInputs, saveLastOpen, saveNotebook } from '../../app/storage.ts';
import { forgetNotebook, logInputs, logNotebook, settleInputs, settleNotebook } from '../../app/write-ahead.ts';
import { i18n, t } from '../i18n/index.ts';
import { storageProblem, type Say } from './storage-problem.ts';
import { parseNotebook } from '../../notebook/format/parse.ts';
import { serializeNotebook } from '../../notebook/format/serialize.ts';
import type { CellId, InputValue, Notebook } from '../../notebook/format/types.ts';
import { createRuntime, type NotebookRuntime } from '../../notebook/runtime/runtime.ts';
import type { NotebookEngine } from '../../notebook/runtime/engine-effects.ts';
import { engineEffects, followsReaderLanguage } from '../../notebook/runtime/engine-effects.ts';
import type { CellState } from '../../notebook/runtime/state.ts';
import { quoteIdent } from '../../sql/quote.ts';
import type { ColumnarTable } from '../../sql/table.ts';
import { MAX_EXPORT_ROWS } from '../table/export.ts';

/** Which notebook is open. */
export type NotebookRef = { kind: 'builtin' | 'user'; id: string };

/** Where autosave stands. */
export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error';

/** Options of a session. */
export interface SessionOptions {
  ref: NotebookRef;
  source: string;
  engine: NotebookEngine;
  /** The stored version `source` is (0 for a built-in notebook or one saved before versions). */
  version?: number;
  /** Called after the first edit of a built-in notebook made a user copy (and after every save). */
  onsaved?: (ref: NotebookRef) => void;
  /** Called with each version this session saved (the app tells other tabs). */
  savedVersion?: (id: string, version: number) => void;
  /** Called with the input values this session saved (the app tells other tabs). */
  savedInputs?: (ref: NotebookRef, values: Record<string, InputValue>) => void;
  /**
   * The data and reader language results are computed for now (`saved-results.ts`), or null when
   * that is not known (results are then neither shown from nor saved to storage).
   */
  resultsContext?: () => Promise<Pick<ResultsContext, 'dataset' | 'locale'> | null>;
  /** Input values a link set (`route.ts`): they win over the saved ones and are saved as the user's. */
  linkInputs?: Record<string, InputValue>;
}

/** How long after a finished run its results are saved (a slider drag saves once, at its end). */
export const RESULTS_SAVE_DELAY_MS = 1_000;

/** Autosave delay: edits are written at most this long after they happen. */
export const SAVE_DELAY_MS = 400;

export class NotebookSession {
  ref: NotebookRef = $state({ kind: 'user', id: '' });
  doc: Notebook = $state.raw(parseNotebook(''));
  states: ReadonlyMap<CellId, CellState> = $state.raw(new Map());
  inputs: Record<string, InputValue> = $state.raw({});
  saveStatus: SaveStatus = $state('saved');
  saveError: string | null = $state(null);
  /** True once the notebook has been run against the current engine. */
  started = $state(false);
  /** The last run of this notebook never finished (the tab froze or crashed): wait for Run all. */
  interrupted = $state(false);
  /** Set when a save found that another tab had saved this notebook: this text went to a copy. */
  conflict: { original: string; copy: string } | null = $state(null);
  /** Set when another tab saved a newer version of the open notebook (`noticeNewerVersion`). */
  newerElsewhere = $state(false);
  /** The stored version the document is based on. */
  baseVersion = 0;

  readonly runtime: NotebookRuntime;
  private readonly engine: NotebookEngine;
  private readonly onsaved?: (ref: NotebookRef) => void;
  private readonly savedVersion?: (id: string, version: number) => void;
  private readonly onInputsSaved?: (ref: NotebookRef, values: Record<string, InputValue>) => void;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private copiedFrom?: string;
  private disposeListener: () => void;
  /** Settles once the saved input values (if any) are in the runtime; runs wait for it. */
  private readonly restoring: Promise<void>;
  private restored = false;
  private disposed = false;
  private inputTimer: ReturnType<typeof setTimeout> | null = null;
  /** The input values as last written (JSON), so unchanged values are not written again. */
  private savedInputs = '';
  /** The input values as last logged ahead of that write (JSON). */
  private loggedInputs = '';
  /** The input values `inputs` holds (JSON). */
  private inputsText = '';
  /** Marker key of the run in progress (kept: a first edit may change `ref` mid-run). */
  private runMarker: string | null = null;
  /** The marker of a run that finished and waits for the paint before it is cleared. */
  private finishing: string | null = null;
  private readonly resultsContext?: SessionOptions['resultsContext'];
  /** Settles once saved results (if any) are shown; runs wait for it. */
  private readonly restoringResults: Promise<void>;
  /** The data the run in progress started on (its results are saved only if it is the same at the end). */
  private runDataset: Promise<string | null> | null = null;
  private resultsTimer: ReturnType<typeof setTimeout> | null = null;
  /** The data the finished run whose save is pending started on. */
  private pendingSave: Promise<string | null> | null = null;

  constructor(options: SessionOptions) {
    this.ref = options.ref;
    this.onsaved = options.onsaved;
    this.baseVersion = options.version ?? 0;
    this.savedVersion = options.savedVersion;
    this.onInputsSaved = options.savedInputs;
    this.doc = parseNotebook(options.source);
    this.interrupted = runUnfinished(this.ref);
    this.engine = options.engine;
    this.runtime = createRuntime(this.doc, engineEffects(options.engine, { locale: () => i18n.locale }));
    this.disposeListener = this.runtime.subscribe((rt) => this.sync(rt));
    this.sync(this.runtime);
    this.resultsContext = options.resultsContext;
    this.restoring = this.restoreInputs(options.linkInputs);
    this.restoringResults = this.restoring.then(() => this.restoreResults());
  }

  /** The key of the runtime's notebook, inputs and the current data, or null when unknown. */
  private async currentResultsKey(): Promise<string | null> {
    const ctx = await this.resultsContext?.().catch(() => null);
    if (!ctx) return null;
    return resultsKey({ ...ctx, source: serializeNotebook(this.runtime.notebook), inputs: this.inputs });
  }

  /**
   * Shows the results the last run of this notebook saved, when they were computed on the same
   * data, text, inputs and language (before the engine is ready, or while it runs other work).
   * Not for a notebook whose last run was interrupted (it is not run until the user asks).
   */
  private async restoreResults(): Promise<void> {
    // A notebook whose last run never finished waits for the user, with nothing shown from before.
    if (this.interrupted) return;
    try {
      const key = await this.currentResultsKey();
      if (key === null || this.disposed) return;
      const cells = await loadResults(inputsKey(this.ref), key);
      if (!this.disposed && cells.length) this.runtime.restore(cells);
    } catch {
      // Storage unavailable: the notebook shows its results once it has run.
    }
  }

  /** Saves the finished run's results (called a moment after the run ends; skipped if another started). */
  private async saveResults(startedOn: Promise<string | null>): Promise<void> {
    // Taken now: the session may be closed (and its runtime stopped) while storage is asked.
    const cells = cellsToSave(this.runtime.cells());
    if (!cells.length) return;
    const notebook = inputsKey(this.ref);
    const source = serializeNotebook(this.runtime.notebook);
    const inputs = this.inputs;
    const ctx = await this.resultsContext?.().catch(() => null);
    // Other data was loaded while it ran: these results belong to neither.
    if (!ctx || (await startedOn) !== ctx.dataset) return;
    await saveResults(notebook, resultsKey({ ...ctx, source, inputs }), cells).catch(() => undefined);
  }

  /** Puts the values the user left in this notebook back into its inputs (before anything runs). */
  private async restoreInputs(link?: Record<string, InputValue>): Promise<void> {
    try {
      const values = await getInputs(this.ref);
      if (values) this.runtime.restoreInputs(values);
    } catch {
      // Storage unavailable (private mode): the inputs start from the file's values.
    }
    this.savedInputs = JSON.stringify(this.inputs);
    this.restored = true;
    // After `restored`: values a link set differ from the saved ones, so they are saved (and a
    // reload of the notebook's plain address keeps them). Names it lacks, values it cannot hold are ignored.
    if (link) this.runtime.restoreInputs(link);
  }

  /** Title shown in the header. */
  get title(): string {
    return this.doc.frontMatter.title || 'Untitled notebook';
  }

  /** Every row of a result table of this notebook (up to Excel's row limit), for a download. */
  readTable(table: string): Promise<ColumnarTable> {
    return this.engine.query(`SELECT * FROM ${quoteIdent(table)} LIMIT ${MAX_EXPORT_ROWS}`);
  }

  /** Runs every cell (on open, after an engine restart, and on "Run all"). */
  async runAll(): Promise<void> {
    this.started = true;
    this.interrupted = false;
    await this.restoringResults;
    this.pushToRuntime();
    return this.runtime.runAll();
  }

  /**
   * After a UI language switch: runs again the analysis cells whose output follows the reader's
   * language (default tier names). Findings re-render by themselves; only these need the engine,
   * and a cell with a fixed `language:` is answered from the engine's result cache.
   */
  followLanguage(): void {
    if (!this.started) return;
    for (const cell of this.doc.cells) {
      if (cell.kind === 'analysis' && cell.analysis && followsReaderLanguage(cell.analysis)) void this.run(cell.id);
    }
  }

  /** Applies pending edits and runs one cell and what depends on it. */
  run(id: CellId): Promise<void> {
    const before = serializeNotebook(this.runtime.notebook);
    if (serializeNotebook(this.doc) !== before) {
      // setNotebook re-runs every changed cell (this one included) and their dependents.
      const p = this.runtime.setNotebook(this.doc);
      if (this.runtime.cell(id)?.status === 'queued') return p;
    }
    return this.runtime.run(id);
  }

  /** Moves an input; only cells downstream re-run. */
  /**
   * Another tab saved these input values for this notebook: take them (they are stored already),
   * so this tab shows the latest values and its next move does not put older ones back.
   */
  followInputs(values: Record<string, InputValue>): void {
    if (this.disposed) return;
    const changed = Object.entries(values).filter(
      ([name, v]) => name in this.inputs && JSON.stringify(this.inputs[name]) !== JSON.stringify(v),
    );
    if (changed.length === 0) return;
    this.inputs = { ...this.inputs, ...Object.fromEntries(changed) };
    this.savedInputs = JSON.stringify(this.inputs);
    for (const [name, v] of changed) void this.runtime.setInput(name, v).catch(() => undefined);
  }

  setInput(name: string, value: InputValue): void {
    this.inputs = { ...this.inputs, [name]: value };
    logInputs({ ref: $state.snapshot(this.ref), values: this.inputs });
    this.loggedInputs = JSON.stringify(this.inputs);
    void this.runtime.setInput(name, value).catch(() => undefined);
  }

  /** Replaces the document after an edit. `apply` also hands it to the runtime now. */
  edit(next: Notebook, apply = false): void {
    this.doc = next;
    if (apply) this.pushToRuntime();
    this.scheduleSave();
  }

  /** Hands the document to the runtime (runs what changed). */
  pushToRuntime(): void {
    if (serializeNotebook(this.runtime.notebook) !== serializeNotebook(this.doc))
      void this.runtime.setNotebook(this.doc).catch(() => undefined);
  }

  /** Writes pending edits now (page hidden or closing, switching notebooks). */
  async flush(): Promise<void> {
    if (this.inputTimer !== null) {
      clearTimeout(this.inputTimer);
      this.inputTimer = null;
      await this.saveInputs();
    }
    if (this.timer === null) return;
    clearTimeout(this.timer);
    this.timer = null;
    await this.save();
  }

  /**
   * Closes the session: stops its runtime and listening to it. A save still in flight (or a
   * `flush` after this) finishes but no longer reports back.
   */
  dispose(): void {
    this.disposed = true;
    // A finished run waiting to be saved is saved now: switching away right after it ran keeps it.
    if (this.resultsTimer !== null) clearTimeout(this.resultsTimer);
    if (this.pendingSave !== null) void this.saveResults(this.pendingSave);
    this.resultsTimer = null;
    this.pendingSave = null;
    this.disposeListener();
    // Its cells stop running: a notebook opened next (or this one again) must not share the
    // engine with this one's leftover queue, nor wait for it.
    this.runtime.stop();
    // Its results will never be drawn, so they cannot freeze anything.
    this.releaseRun();
  }

  private scheduleSave(): void {
    if (this.ref.kind === 'builtin') this.makeCopy();
    this.saveStatus = 'pending';
    this.logEdit();
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.save();
    }, SAVE_DELAY_MS);
  }

  /** First edit of a built-in notebook: from now on this session edits the user's own copy. */
  private makeCopy(): void {
    // Input values moved on the built-in notebook in the last moments belong to it: write them
    // under its name now, before the session switches to the copy (which gets them too, in save).
    if (this.inputTimer !== null) {
      clearTimeout(this.inputTimer);
      this.inputTimer = null;
      const values = this.inputs;
      void putInputs(this.ref, values).catch(() => undefined);
    }
    this.copiedFrom = this.ref.id;
    const title = `Copy of ${this.doc.frontMatter.title || this.ref.id}`;
    this.doc = parseNotebook(serializeNotebook({ ...this.doc, frontMatter: { ...this.doc.frontMatter, title } }));
    this.ref = { kind: 'user', id: newNotebookId() };
    this.baseVersion = 0;
    // A reload before the first save must open the copy, whose text the write-ahead log holds.
    saveLastOpen(this.ref);
  }

  /** The text as it is now, written ahead of the IndexedDB save (synchronous). */
  private logEdit(): void {
    logNotebook({ notebook: this.stored(serializeNotebook(this.doc)), baseVersion: this.baseVersion });
  }

  private stored(source: string) {
    return {
      id: this.ref.id,
      source,
      updatedAt: Date.now(),
      ...(this.copiedFrom ? { copiedFrom: this.copiedFrom } : {}),
    };
  }

  /** Another tab saved version `version` of this notebook. */
  noticeNewerVersion(version: number): void {
    if (version > this.baseVersion) this.newerElsewhere = true;
  }

  private async save(): Promise<void> {
    this.saveStatus = 'saving';
    try {
      const source = serializeNotebook(this.doc);
      const id = this.ref.id;
      const outcome = await saveNotebook(this.stored(source), this.baseVersion, otherTabCopy);
      if (outcome.kind === 'saved') {
        this.baseVersion = outcome.version;
        this.savedVersion?.(id, outcome.version);
      } else {
        // Another tab saved first: its version stays, this text is the copy, and this session edits the copy now.
        const original = this.title;
        this.ref = { kind: 'user', id: outcome.copy.id };
        this.baseVersion = outcome.copy.version ?? 1;
        this.copiedFrom = undefined;
        const title = parseNotebook(outcome.copy.source).frontMatter.title;
        // Edits made while saving stay: only the title changes.
        this.doc = parseNotebook(serializeNotebook({ ...this.doc, frontMatter: { ...this.doc.frontMatter, title } }));
        this.newerElsewhere = false;
        this.conflict = { original, copy: this.title };
        saveLastOpen(this.ref);
        this.savedVersion?.(outcome.copy.id, this.baseVersion);
        // The logged text lives on in the copy: replaying it under the old id would copy it again.
        forgetNotebook(id);
        if (this.timer === null && serializeNotebook(this.doc) !== outcome.copy.source) this.scheduleSave();
      }
      settleNotebook(id, source);
      // Edited meanwhile: the newer text is logged under the (maybe new) id.
      if (this.timer !== null) this.logEdit();
      // A fresh copy of a built-in notebook takes the values the user gave its inputs along.
      if (this.restored) await this.saveInputs();
      if (this.timer === null) this.saveStatus = 'saved';
      this.saveError = null;
      // A closed session must not report: the app would switch back to it (another notebook is open now).
      if (!this.disposed) this.onsaved?.(this.ref);
    } catch (e) {
      this.saveStatus = 'error';
      this.saveError = storageProblem(e, sayStorage);
    }
  }

  private sync(rt: NotebookRuntime): void {
    this.states = new Map(rt.cells().map((s) => [s.id, s]));
    this.trackRun(rt);
    const inputs: Record<string, InputValue> = {};
    for (const c of rt.notebook.cells) if (c.kind === 'input' && c.name) inputs[c.name] = rt.inputValue(c.name) ?? null;
    // The runtime emits on every cell's every state change (dozens per slider step): the inputs,
    // and everything that reads them, change only when a value did; the write-ahead log (a
    // synchronous localStorage write) is written once per new value, not once per emit.
    const text = JSON.stringify(inputs);
    if (text === this.inputsText) return;
    this.inputsText = text;
    this.inputs = inputs;
    if (this.restored && text !== this.savedInputs) {
      if (text !== this.loggedInputs) {
        logInputs({ ref: $state.snapshot(this.ref), values: inputs });
        this.loggedInputs = text;
      }
      this.scheduleInputSave();
    }
  }

  /**
   * Marks a run started when a cell becomes queued or running, and finished once every cell is
   * done and the page has painted their results: a chart that freezes the tab while it draws
   * leaves the marker behind, so the next start-up does not run the notebook again.
   */
  private trackRun(rt: NotebookRuntime): void {
    const busy = rt.cells().some((c) => c.status === 'queued' || c.status === 'running');
    if (busy && this.runMarker === null) {
      this.runMarker = markRunStarted(this.ref);
      if (this.resultsTimer !== null) clearTimeout(this.resultsTimer);
      this.resultsTimer = null;
      this.pendingSave = null;
      this.runDataset = this.resultsContext
        ? this.resultsContext().then(
            (c) => c?.dataset ?? null,
            () => null,
          )
        : null;
    }
    if (busy || this.runMarker === null) return;
    const startedOn = this.runDataset;
    if (startedOn !== null) {
      this.pendingSave = startedOn;
      this.resultsTimer = setTimeout(() => {
        this.resultsTimer = null;
        // Storage clones the outputs on this thread: in an idle moment, not between two input events.
        whenIdle(() => {
          if (this.pendingSave !== startedOn) return; // another run started (or the session saved on close)
          this.pendingSave = null;
          void this.saveResults(startedOn);
        });
      }, RESULTS_SAVE_DELAY_MS);
    }
    const key = this.runMarker;
    this.runMarker = null;
    // Until the paint, the run is finished but its marker is still on disk: a reload in that
    // frame must clear it too (releaseRun), or the next start-up would hold the notebook back.
    this.finishing = key;
    afterPaint(() => {
      if (this.finishing === key) this.finishing = null;
      // Busy again meanwhile: that run owns the marker now.
      if (this.runMarker === null) markRunFinished(key);
    });
  }

  /**
   * The page is unloading normally (a reload, navigation, closing the tab), so nothing froze it:
   * forget the run in progress. A frozen or crashed page never gets here, and its marker stays.
   */
  releaseRun(): void {
    if (this.runMarker !== null) markRunFinished(this.runMarker);
    if (this.finishing !== null) markRunFinished(this.finishing);
    this.runMarker = null;
    this.finishing = null;
  }

  private scheduleInputSave(): void {
    // Not pushed back by later changes: cells re-running after a move emit many times, and the
    // value must still reach storage within SAVE_DELAY_MS. The save writes the latest values.
    if (this.inputTimer !== null) return;
    this.inputTimer = setTimeout(() => {
      this.inputTimer = null;
      void this.saveInputs();
    }, SAVE_DELAY_MS);
  }

  private async saveInputs(): Promise<void> {
    const values = this.inputs;
    const ref = $state.snapshot(this.ref);
    try {
      await putInputs(ref, values);
      settleInputs(ref, values);
      this.savedInputs = JSON.stringify(values);
      this.onInputsSaved?.(ref, values);
    } catch (e) {
      this.saveStatus = 'error';
      this.saveError = storageProblem(e, sayStorage);
    }
  }
}

/** `storageProblem`'s words in the UI language. */
const sayStorage: Say = (key, name) => (key === 'storage.full' ? t(key) : t(key, { name }));

/** The text of a notebook saved as a copy because another tab saved it first: "<title> (other tab)". */
export function otherTabCopy(source: string): string {
  const nb = parseNotebook(source);
  const title = t('sync.copyTitle', { title: nb.frontMatter.title || t('notebook.untitled') });
  return serializeNotebook({ ...nb, frontMatter: { ...nb.frontMatter, title } });
}

/** Calls `fn` when the page is idle (within a second at the latest). */
function whenIdle(fn: () => void): void {
  if (typeof requestIdleCallback === 'undefined') return void setTimeout(fn, 0);
  requestIdleCallback(fn, { timeout: 1_000 });
}

/** Calls `fn` after the next frame has been painted (effects such as chart drawing have run). */
function afterPaint(fn: () => void): void {
  if (typeof requestAnimationFrame === 'undefined') return void setTimeout(fn, 0);
  requestAnimationFrame(() => setTimeout(fn, 0));
}
