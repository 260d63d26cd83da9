/**
 * App-wide state (Svelte 5 runes): the engine client, its status, and the tables of the
 * active dataset. Components read it; only this class talks to the engine client's lifecycle.
 */
import { EngineClient, type EngineState } from '../app/engine-client.ts';
import type { TableInfo } from '../engine/api.ts';

export class Workbench {
  readonly client = new EngineClient();
  engine: EngineState = $state({ kind: 'starting' });
  tables: TableInfo[] = $state([]);
  theme: 'light' | 'dark' = $state('light');

  /** Table → column names, for SQL completion. */
  readonly schema = $derived(Object.fromEntries(this.tables.map((t) => [t.name, t.columns.map((c) => c.name)])));

  constructor() {
    this.client.subscribe((s) => (this.engine = s));
    const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('caw.theme') : null;
    const prefersDark = typeof matchMedia !== 'undefined' && matchMedia('(prefers-color-scheme: dark)').matches;
    this.setTheme(saved === 'dark' || saved === 'light' ? saved : prefersDark ? 'dark' : 'light');
  }

  async start(): Promise<void> {
    await this.client.start();
    await this.refreshTables();
  }

  async restart(): Promise<void> {
    this.tables = [];
    await this.client.restart();
    await this.refreshTables();
  }

  async refreshTables(): Promise<void> {
    if (this.engine.kind !== 'ready') return;
    try {
      this.tables = await this.client.api.listTables();
    } catch {
      // The engine state already carries the message when this fails.
    }
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
