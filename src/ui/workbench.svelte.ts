/**
 * App-wide state (Svelte 5 runes): the engine client, its status, the active dataset and its
 * tables. Components read it; only this class talks to the engine client's lifecycle.
 */
import { EngineClient, type EngineState } from '../app/engine-client.ts';
import {
  datasetDatabase,
  datasetFiles,
  DATABASE_FILE,
  deleteDataset,
  getDataset,
  listDatasets,
  loadActiveDataset,
  renameDataset,
  SAMPLE_ID,
  saveActiveDataset,
  saveDataset,
  type StoredDataset,
} from '../app/datasets.ts';
import { datasetStamp, forgetResultsOfDataset } from '../app/saved-results.ts';
import type { TableInfo } from '../engine/api.ts';
import type { WorkerApi } from '../engine/worker-api.ts';
import { t } from './i18n/index.ts';
import type { MessageKey } from './i18n/index.ts';

/** A message for the user kept as its key, so it follows a later change of UI language. */
interface PendingMessage {
  key: Extract<MessageKey, 'datasets.loadFailed' | 'datasets.loadMissing' | 'datasets.listFailed'>;
  message?: string;
}

/** An engine that stops again within this time of an automatic restart is not restarted again. */
const AUTO_RESTART_INTERVAL_MS = 60_000;

export class Workbench {
  readonly client = new EngineClient();
  engine: EngineState = $state({ kind: 'starting' });
  tables: TableInfo[] = $state([]);
  theme: 'light' | 'dark' = $state('light');
  /** Saved datasets (the sample is not in this list; it is always available). */
  datasets: StoredDataset[] = $state([]);
  /** Id of the active dataset (`sample` or a saved dataset's id). */
  activeId: string = $state(SAMPLE_ID);
  private datasetProblem: PendingMessage | null = $state(null);
  /** Set when the active dataset could not be loaded and the sample was loaded instead (in the UI language). */
  get datasetError(): string | null {
    const p = this.datasetProblem;
    if (!p) return null;
    return p.key === 'datasets.loadMissing' ? t(p.key) : t(p.key, { message: p.message ?? '' });
  }
  /** Only `null` (dismiss) is meant to be set from outside. */
  set datasetError(value: null) {
    this.datasetProblem = value;
  }
  /** Bumped whenever different data is loaded, so open notebooks re-run. */
  dataVersion = $state(0);
  /**
   * Why the engine last stopped, when it was restarted automatically (the UI says so until
   * dismissed); null otherwise.
   */
  autoRestarted: string | null = $state(null);
  /** Whether the engine stopped again soon after an automatic restart (and was left stopped). */
  crashedAgain = $state(false);
  private lastAutoRestart = -Infinity;

  /** Table → column names, for SQL completion. */
  readonly schema = $derived(Object.fromEntries(this.tables.map((t) => [t.name, t.columns.map((c) => c.name)])));
  /** Name of the active dataset for the header. */
  readonly activeName = $derived(
    this.activeId === SAMPLE_ID
      ? t('datasets.sampleName')
      : (this.datasets.find((d) => d.id === this.activeId)?.name ?? t('datasets.unnamed')),
  );

  constructor() {
    this.client.subscribe((s) => {
      this.engine = s;
      if (s.kind === 'crashed') this.onCrash(s.message);
    });
    this.activeId = loadActiveDataset();
    // After every (re)start the engine gets the active dataset back, not the sample.
    this.client.loadData = (api) => this.loadActive(api);
    const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('caw.theme') : null;
    const prefersDark = typeof matchMedia !== 'undefined' && matchMedia('(prefers-color-scheme: dark)').matches;
    this.setTheme(saved === 'dark' || saved === 'light' ? saved : prefersDark ? 'dark' : 'light');
  }

  /**
   * Loads the active dataset into the engine and shows its tables: every load answers with the
   * tables it loaded, so the data panel needs no call of its own (at a cold start that call ran
   * ahead of the notebook's first cells, in the one-call-at-a-time engine).
   */
  private async loadActive(api: WorkerApi): Promise<void> {
    if (this.activeId !== SAMPLE_ID) {
      try {
        const ds = await getDataset(this.activeId);
        if (ds) {
          this.tables =
            ds.format === 'duckdb'
              ? await api.loadDatabase(ds.name, await datasetDatabase(ds), DATABASE_FILE)
              : // Saved before the database form: its CSV files are read back as they were saved.
                await api.loadDataset(ds.name, await datasetFiles(ds));
          this.datasetProblem = null;
          return;
        }
        this.datasetProblem = { key: 'datasets.loadMissing' };
      } catch (e) {
        this.datasetProblem = { key: 'datasets.loadFailed', message: e instanceof Error ? e.message : String(e) };
      }
      // Either way the sample is opened, so the app stays usable.
      this.activeId = SAMPLE_ID;
      saveActiveDataset(SAMPLE_ID);
    }
    // `loadSample` clears the previous dataset's tables (and its rejected rows) before it waits for
    // the sample's file, so nothing reads them meanwhile.
    this.tables = await api.loadSample();
  }

  /**
   * Which data the engine holds (or is loading) now, as text that changes whenever the data does:
   * `sample`, or a saved dataset's id and save time. Saved results are matched on it.
   */
  async datasetStamp(): Promise<string> {
    const id = this.activeId;
    if (id === SAMPLE_ID) return SAMPLE_ID;
    const ds = this.datasets.find((d) => d.id === id) ?? (await getDataset(id));
    return ds ? datasetStamp(ds) : `${id}@missing`;
  }

  async start(): Promise<void> {
    // The engine worker starts first: compiling DuckDB is most of a cold start, and the list of
    // saved datasets (IndexedDB) is not needed to load the active one.
    const datasets = this.refreshDatasets();
    await this.client.start();
    await datasets;
  }

  /**
   * A stopped engine (a crash, a WebAssembly trap, an invalidated database) is restarted at once
   * with the active dataset, and open notebooks run again. Once per minute at most: an engine that
   * stops again right after (a notebook that traps it every time, data that cannot load) is left
   * stopped, with the Restart button, instead of restarting in a loop.
   */
  private onCrash(message: string): void {
    const now = performance.now();
    if (now - this.lastAutoRestart < AUTO_RESTART_INTERVAL_MS) {
      this.crashedAgain = true;
      return;
    }
    this.lastAutoRestart = now;
    this.crashedAgain = false;
    this.autoRestarted = message;
    // After the subscriber returns: the client is still inside its own state change.
    queueMicrotask(() => void this.restart());
  }

  async restart(): Promise<void> {
    this.tables = [];
    await this.client.restart();
    this.dataVersion++;
  }

  async refreshDatasets(): Promise<void> {
    try {
      this.datasets = await listDatasets();
    } catch (e) {
      this.datasetProblem = { key: 'datasets.listFailed', message: e instanceof Error ? e.message : String(e) };
    }
  }

  async refreshTables(): Promise<void> {
    if (this.engine.kind !== 'ready') return;
    try {
      this.tables = await this.client.api.listTables();
    } catch {
      // The engine state already carries the message when this fails.
    }
  }

  /** Makes a dataset active: the engine's tables are replaced by its tables. */
  async switchDataset(id: string): Promise<void> {
    this.activeId = id;
    saveActiveDataset(id);
    try {
      await this.loadActive(this.client.api);
    } catch (e) {
      // The panel shows what the engine holds after the failed load, not the previous dataset.
      await this.refreshTables();
      throw e;
    }
    this.dataVersion++;
  }

  /**
   * Saves the active data (the tables just imported, and their summaries) as a new dataset and
   * makes it active (they are already loaded, so nothing is re-read).
   */
  async saveImported(name: string, sources: string[], id: string): Promise<StoredDataset> {
    const exported = await this.client.api.exportDatabase();
    const stored = await saveDataset({ id, name, sources }, exported);
    this.activeId = stored.id;
    saveActiveDataset(stored.id);
    await this.refreshDatasets();
    await this.refreshTables();
    this.dataVersion++;
    return stored;
  }

  async renameDataset(id: string, name: string): Promise<void> {
    await renameDataset(id, name);
    await this.refreshDatasets();
  }

  /** Deletes a saved dataset (and the notebook results computed on it); when it was active, the sample becomes active. */
  async deleteDataset(id: string): Promise<void> {
    await deleteDataset(id);
    await forgetResultsOfDataset(id).catch(() => undefined);
    await this.refreshDatasets();
    if (this.activeId === id) await this.switchDataset(SAMPLE_ID);
  }

  setTheme(theme: 'light' | 'dark'): void {
    this.theme = theme;
    document.documentElement.dataset.theme = theme;
    try {
      localStorage.setItem('caw.theme', theme);
    } catch {
      // Private mode: the theme just isn't remembered.
    }
  }
}
