import type { Cell, CellId, InputValue, Notebook } from '../format/types.ts';
import { acceptsInputValue } from '../format/input-cell.ts';
import type { NotebookEffects } from './effects.ts';
import { buildGraph, downstream, type DependencyGraph } from './graph.ts';
import { runCell, type RunLimits } from './run-cell.ts';
import type { CellOutput, CellState } from './state.ts';
import { canonicalTables } from '../../model/schema.ts';
import { requirementTable, unmetRequirements } from '../format/requirements.ts';
import { text } from '../../analyses/messages/finding.ts';
import { english } from '../../analyses/messages/localise.ts';
import type { MessageRef } from '../../analyses/messages/render.ts';

/** Options for `createRuntime`. */
export interface RuntimeOptions {
  limits?: Partial<RunLimits>;
  /** Clock for elapsed times (tests pin it). Default `performance.now`. */
  now?: () => number;
}

const defaultLimits: RunLimits = { previewRows: 1000, chartRows: 100_000, optionRows: 10_000 };

/**
 * The reactive notebook runtime. Cells form a dependency graph; a change (input value, edited
 * cell) marks the changed cells and everything downstream as queued, and one scheduler loop runs
 * them in dependency order, one at a time (the engine has one connection anyway).
 *
 * Superseded runs are dropped: every invalidation bumps the cell's stamp, and a run whose stamp
 * changed while it was in flight discards its result, so an older run can never overwrite a newer
 * one. A failing cell records its error; cells downstream are `blocked` and say what they wait
 * on; cells that do not depend on it keep running.
 */
export class NotebookRuntime {
  private nb: Notebook;
  private graph: DependencyGraph;
  private readonly effects: NotebookEffects;
  private readonly limits: RunLimits;
  private readonly now: () => number;
  private readonly states = new Map<CellId, CellState>();
  private readonly inputs = new Map<string, InputValue>();
  private readonly stamps = new Map<CellId, number>();
  private readonly dirty = new Set<CellId>();
  private readonly listeners = new Set<(runtime: NotebookRuntime) => void>();
  private running: CellId | null = null;
  /** What the notebook requires that the data lacks (front matter `requires`); checked once per run of the whole notebook. */
  private unmet: Promise<string[]> | null = null;
  private loop: Promise<void> | null = null;
  /** Set by `stop`: the notebook was closed, nothing more runs. */
  private stopped = false;

  constructor(nb: Notebook, effects: NotebookEffects, options: RuntimeOptions = {}) {
    this.nb = nb;
    this.graph = buildGraph(nb);
    this.effects = effects;
    this.limits = { ...defaultLimits, ...options.limits };
    this.now = options.now ?? (() => performance.now());
    for (const cell of nb.cells) this.states.set(cell.id, { id: cell.id, kind: cell.kind, status: 'idle', runs: 0 });
    this.resetInputs(nb.cells);
  }

  /** The notebook being run. */
  get notebook(): Notebook {
    return this.nb;
  }

  /** States of every cell, in notebook order. */
  cells(): CellState[] {
    return this.nb.cells.map((c) => this.states.get(c.id)!);
  }

  /** One cell's state. */
  cell(id: CellId): CellState | undefined {
    return this.states.get(id);
  }

  /** Current value of an input. */
  inputValue(name: string): InputValue | undefined {
    return this.inputs.get(name);
  }

  /** Calls `listener` after every state change; returns the unsubscribe function. */
  subscribe(listener: (runtime: NotebookRuntime) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs every cell. Resolves when the notebook is idle. */
  runAll(): Promise<void> {
    // A run of everything follows a change of data: look at what it holds again.
    this.unmet = null;
    return this.invalidate(this.nb.cells.map((c) => c.id));
  }

  /** Runs one cell and everything downstream of it (Shift+Enter). */
  run(id: CellId): Promise<void> {
    return this.invalidate([id]);
  }

  /** Sets an input's value and re-runs only what depends on it. */
  setInput(name: string, value: InputValue): Promise<void> {
    const cell = this.nb.cells.find((c) => c.kind === 'input' && c.name === name);
    if (!cell) return Promise.reject(new Error(`unknown input "${name}"`));
    this.inputs.set(name, value);
    return this.invalidate([cell.id]);
  }

  /**
   * Gives inputs the values a user left them at (saved in the browser), without running anything:
   * call it before `runAll()`. Values the control could not hold now (the cell was edited since,
   * see `acceptsInputValue`) and unknown names are ignored. Returns the names that were restored.
   */
  restoreInputs(values: Readonly<Record<string, unknown>>): string[] {
    const restored: string[] = [];
    for (const cell of this.nb.cells) {
      if (cell.kind !== 'input' || !cell.name || !cell.spec || !Object.hasOwn(values, cell.name)) continue;
      const value = values[cell.name];
      if (!acceptsInputValue(cell.spec, value)) continue;
      this.inputs.set(cell.name, Array.isArray(value) ? ([...value] as InputValue) : value);
      restored.push(cell.name);
    }
    if (restored.length) this.emit();
    return restored;
  }

  /**
   * Shows outputs an earlier run saved (same data, notebook text, inputs and settings: the caller
   * checks that) before this session has run anything, so a reopened notebook shows its results
   * at once instead of after the engine has started and re-run it. Nothing is skipped: the next
   * `runAll` runs every cell as usual, each keeping its restored output on screen until its own
   * result replaces it, so later cells find their tables in the engine. Only cells still untouched
   * (idle, never run) take a saved state, of the same kind. Returns how many cells took one.
   */
  restore(saved: readonly CellState[]): number {
    if (this.stopped || this.loop !== null) return 0;
    let n = 0;
    for (const s of saved) {
      const now = this.states.get(s.id);
      if (!now || now.kind !== s.kind || now.status !== 'idle' || now.runs !== 0 || s.output === undefined) continue;
      if (s.status !== 'ok' && s.status !== 'na') continue;
      this.states.set(s.id, stripUndefined({ ...s, runs: 0, restored: true as const }));
      n++;
    }
    if (n) this.emit();
    return n;
  }

  /**
   * Replaces the notebook after an edit. Cells whose text, name or resolved dependencies changed,
   * and everything downstream of them, re-run; the rest keep their results.
   */
  setNotebook(nb: Notebook): Promise<void> {
    const before = new Map(this.nb.cells.map((c) => [c.id, this.fingerprint(c, this.graph)]));
    if (nb.frontMatter.requires.join() !== this.nb.frontMatter.requires.join()) this.unmet = null;
    this.nb = nb;
    this.graph = buildGraph(nb);
    const changed: CellId[] = [];
    for (const cell of nb.cells) {
      if (before.get(cell.id) === this.fingerprint(cell, this.graph)) continue;
      changed.push(cell.id);
      if (cell.kind === 'input') {
        this.inputs.delete(cell.name ?? '');
        this.resetInputs([cell]);
      }
      if (!this.states.has(cell.id))
        this.states.set(cell.id, { id: cell.id, kind: cell.kind, status: 'idle', runs: 0 });
      else this.states.get(cell.id)!.kind = cell.kind;
    }
    const ids = new Set(nb.cells.map((c) => c.id));
    const drops: Promise<void>[] = [];
    const drop = (table: string) =>
      drops.push((this.effects.dropTable?.(table) ?? Promise.resolve()).catch(() => undefined));
    for (const [id, state] of [...this.states]) {
      const now = nb.cells.find((c) => c.id === id);
      // Temp tables of a deleted (or renamed, or re-kinded) cell must not linger for SQL to find.
      if (state.output?.kind === 'sql' && now?.kind !== 'sql') drop(state.output.table);
      if (state.output?.kind === 'analysis' && now?.kind !== 'analysis')
        Object.values(state.output.tables).forEach(drop);
      if (!ids.has(id)) this.states.delete(id);
    }
    for (const id of [...this.dirty]) if (!ids.has(id)) this.dirty.delete(id);
    return Promise.all(drops).then(() => this.invalidate(changed));
  }

  /**
   * Stops for good (the notebook was closed or replaced): nothing queued runs, the result of the
   * cell in flight is dropped, and its engine call is cancelled, so a notebook opened next does
   * not wait for this one's work. Later calls (`run`, `setInput`…) do nothing.
   */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    for (const id of this.dirty) this.stamps.set(id, (this.stamps.get(id) ?? 0) + 1);
    this.dirty.clear();
    if (this.running !== null) {
      this.stamps.set(this.running, (this.stamps.get(this.running) ?? 0) + 1);
      void this.effects.cancel?.().catch(() => undefined);
    }
    this.listeners.clear();
  }

  /** Whether `stop` was called. */
  get isStopped(): boolean {
    return this.stopped;
  }

  /** Resolves when nothing is queued or running. */
  async idle(): Promise<void> {
    while (this.loop) await this.loop;
  }

  private fingerprint(cell: Cell, graph: DependencyGraph): string {
    return JSON.stringify([
      cell.kind,
      cell.name,
      cell.source,
      cell.issues,
      graph.deps.get(cell.id),
      graph.problems.get(cell.id),
    ]);
  }

  private resetInputs(cells: readonly Cell[]): void {
    for (const c of cells)
      if (c.kind === 'input' && c.name && c.spec && !this.inputs.has(c.name)) this.inputs.set(c.name, c.spec.value);
  }

  private invalidate(ids: Iterable<CellId>): Promise<void> {
    if (this.stopped) return Promise.resolve();
    const affected = downstream(this.graph, ids);
    for (const id of affected) {
      this.stamps.set(id, (this.stamps.get(id) ?? 0) + 1);
      this.dirty.add(id);
      const state = this.states.get(id);
      if (state) this.states.set(id, { ...state, status: 'queued' });
    }
    if (this.running && affected.has(this.running)) void this.effects.cancel?.().catch(() => undefined);
    this.emit();
    this.loop ??= this.drain().finally(() => {
      this.loop = null;
    });
    return this.idle();
  }

  /** Runs queued cells in dependency order until none is left. */
  private async drain(): Promise<void> {
    while (!this.stopped) {
      const next = this.graph.order.find(
        (id) => this.dirty.has(id) && (this.graph.deps.get(id) ?? []).every((d) => !this.dirty.has(d)),
      );
      if (next === undefined) {
        // Whatever is still dirty sits on a cycle; its problems are reported by `settle`.
        const stuck = this.graph.order.find((id) => this.dirty.has(id));
        if (stuck === undefined) return;
        this.dirty.delete(stuck);
        const cell = this.nb.cells.find((c) => c.id === stuck)!;
        this.fail(cell, [...cell.issues, ...(this.graph.problems.get(stuck) ?? [])].join('\n') || 'circular reference');
        continue;
      }
      await this.runOne(next);
    }
  }

  private async runOne(id: CellId): Promise<void> {
    const cell = this.nb.cells.find((c) => c.id === id)!;
    this.dirty.delete(id);
    const problems = [...cell.issues, ...(this.graph.problems.get(id) ?? [])];
    if (problems.length) return this.fail(cell, problems.join('\n'));
    const deps = this.graph.deps.get(id) ?? [];
    const failedDep = deps.find((d) => {
      const s = this.states.get(d)?.status;
      return s === 'error' || s === 'blocked';
    });
    // A cell built on one that does not apply to this data does not apply either (not an error).
    const naDep = failedDep === undefined ? deps.find((d) => this.states.get(d)?.status === 'na') : undefined;
    if (naDep !== undefined) {
      const dep = this.nb.cells.find((c) => c.id === naDep)!;
      const why = this.states.get(naDep)!;
      const errorRef: MessageRef | undefined = why.errorRef && {
        kind: 'msg',
        key: 'note.cell_na.dependency',
        params: { cell: text(dep.name ?? dep.id), why: why.errorRef },
      };
      return this.set(id, {
        status: 'na',
        error: `${dep.name ?? dep.id} does not apply to this data: ${why.error ?? ''}`.trim(),
        ...(errorRef ? { errorRef } : {}),
        needs: why.needs ?? [],
      });
    }
    if (failedDep !== undefined) {
      const dep = this.nb.cells.find((c) => c.id === failedDep)!;
      return this.set(id, {
        status: 'blocked',
        error: `waiting on ${dep.name ?? dep.id}, which ${this.states.get(failedDep)!.status === 'error' ? 'failed' : 'is blocked'}`,
      });
    }
    // A notebook written for data this one is not (it says what it needs): its queries, analyses
    // and charts do not apply, and say what to import, instead of failing one by one.
    const stamp = this.stamps.get(id);
    if (cell.kind === 'sql' || cell.kind === 'analysis' || cell.kind === 'chart') {
      const unmet = await this.unmetRequirements();
      // Edited or re-run meanwhile: the newer run (queued) does this, once.
      if (this.stamps.get(id) !== stamp || !this.states.has(id)) return;
      if (unmet.length) {
        const errorRef = this.requirementsReason(unmet);
        return this.set(id, {
          status: 'na',
          error: english(errorRef),
          errorRef,
          needs: [...new Set(unmet.map(requirementTable))],
        });
      }
    }
    this.running = id;
    this.set(id, { status: 'running' });
    const started = this.now();
    try {
      const { output, rowCount } = await runCell(cell, {
        effects: this.effects,
        inputs: this.inputs,
        graph: this.graph,
        limits: this.limits,
        outputOf: (name) => this.outputOf(name),
      });
      if (this.stamps.get(id) !== stamp || !this.states.has(id)) return; // superseded: a newer run is queued
      if (output.kind === 'input') this.inputs.set(cell.name!, output.value);
      const runs = this.states.get(id)!.runs + 1;
      const na = output.kind === 'analysis' ? output.result.notApplicable : undefined;
      if (na) {
        // Kept as the output too, so the analysis's notes can still be shown.
        this.set(id, {
          status: 'na',
          error: na.reason,
          ...(na.reasonRef ? { errorRef: na.reasonRef } : {}),
          needs: na.needs,
          elapsedMs: this.now() - started,
          output,
          runs,
        });
        return;
      }
      this.set(id, {
        status: 'ok',
        elapsedMs: this.now() - started,
        output,
        runs,
        ...(rowCount === undefined ? {} : { rowCount }),
      });
    } catch (e) {
      if (this.stamps.get(id) !== stamp || !this.states.has(id)) return;
      const err = e as Error & { info?: { sql?: string } };
      const missing = cell.kind === 'sql' ? missingCanonicalTable(err.message) : null;
      if (missing) {
        // The query reads a table of the data model that this dataset does not have: the cell does
        // not apply to this data (as an analysis that needs it), it is not broken.
        const errorRef: MessageRef = {
          kind: 'msg',
          key: 'note.cell_na.query_table',
          params: { table: text(`\`${missing}\``) },
        };
        this.set(id, {
          status: 'na',
          error: english(errorRef),
          errorRef,
          needs: [missing],
          elapsedMs: this.now() - started,
        });
        return;
      }
      const label = cell.name ? `${cell.kind} ${cell.name}` : `${cell.kind} on line ${cell.line}`;
      const message = err.message.startsWith(label) ? err.message : `${label}: ${err.message}`;
      this.set(id, {
        status: 'error',
        error: message,
        elapsedMs: this.now() - started,
        ...(err.info?.sql ? { sql: err.info.sql } : {}),
      });
    } finally {
      this.running = null;
    }
  }

  private unmetRequirements(): Promise<string[]> {
    const requires = this.nb.frontMatter.requires;
    if (!requires.length || !this.effects.dataColumns) return Promise.resolve([]);
    // A failure to list the tables is not the notebook's problem: the cells then run and say theirs.
    this.unmet ??= this.effects.dataColumns().then(
      (tables) => unmetRequirements(requires, tables),
      () => [],
    );
    return this.unmet;
  }

  private requirementsReason(unmet: readonly string[]): MessageRef {
    const dataset = this.nb.frontMatter.dataset;
    // The names as code, listed as the English always did (they are identifiers in every language).
    const needs = text(unmet.map((r) => `\`${r}\``).join(', '));
    const count = { kind: 'count' as const, value: unmet.length };
    return dataset && dataset !== 'sample' && dataset !== 'any'
      ? { kind: 'msg', key: 'note.cell_na.notebook.dataset', params: { needs, count, dataset: text(dataset) } }
      : { kind: 'msg', key: 'note.cell_na.notebook', params: { needs, count } };
  }

  private outputOf(name: string): CellOutput | undefined {
    const owner = this.graph.owners.get(name);
    return owner ? this.states.get(owner.id)?.output : undefined;
  }

  private fail(cell: Cell, error: string): void {
    this.set(cell.id, { status: 'error', error });
  }

  /** Replaces a cell's state (keeping id, kind and run count) and notifies listeners. */
  private set(id: CellId, patch: Omit<Partial<CellState>, 'id' | 'kind'>): void {
    const prev = this.states.get(id);
    if (!prev) return;
    // While a cell re-runs it keeps showing its last result (no flicker); errors and blocks clear it.
    // A restored result stays marked as such until the cell's own run replaces it.
    const kept =
      patch.status === 'running'
        ? { output: prev.output, elapsedMs: prev.elapsedMs, rowCount: prev.rowCount, restored: prev.restored }
        : {};
    this.states.set(
      id,
      stripUndefined({ id, kind: prev.kind, runs: patch.runs ?? prev.runs, ...kept, ...patch }) as CellState,
    );
    this.emit();
  }

  private emit(): void {
    for (const l of this.listeners) l(this);
  }
}

/** Creates a runtime for a parsed notebook over the given effects. Call `runAll()` to start. */
export function createRuntime(nb: Notebook, effects: NotebookEffects, options?: RuntimeOptions): NotebookRuntime {
  return new NotebookRuntime(nb, effects, options);
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** The canonical table a "Table with name … does not exist" error names, if it names one. */
function missingCanonicalTable(message: string): string | null {
  const m = /Table with name "?([A-Za-z_][A-Za-z0-9_]*)"? does not exist/.exec(message);
  const name = m?.[1]?.toLowerCase();
  return name !== undefined && canonicalTables.some((t) => t.name === name) ? name : null;
}
