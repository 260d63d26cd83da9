import type { AnalysisResult } from '../../analyses/types.ts';
import type { ChartSpec } from '../../charts/spec.ts';
import type { MessageRef } from '../../analyses/messages/render.ts';
import type { Cell as Value, ColumnInfo, ColumnarTable, Row } from '../../sql/table.ts';
import type { CellId, CellKind, InputValue, SelectOption } from '../format/types.ts';

/**
 * Where a cell is in its life: waiting to run, running, finished, unable to run (`error`, or
 * `blocked` behind a failed cell), or not applicable to this data (`na`: an analysis whose data
 * is missing, and every cell depending on it; `error` then holds the explanation).
 */
export type CellStatus = 'idle' | 'queued' | 'running' | 'ok' | 'error' | 'blocked' | 'na';

/** What a finished cell produced, by kind. */
export type CellOutput =
  | { kind: 'sql'; table: string; columns: ColumnInfo[]; rowCount: number; preview: ColumnarTable }
  | { kind: 'input'; value: InputValue; options?: SelectOption[] }
  | { kind: 'analysis'; result: AnalysisResult; tables: Record<string, string> }
  | { kind: 'chart'; spec: ChartSpec; data: Record<string, Row[]> }
  | { kind: 'prose'; values: Record<string, Value | InputValue> };

/** The runtime's view of one cell, as the UI and the CLI show it. */
export interface CellState {
  id: CellId;
  kind: CellKind;
  status: CellStatus;
  /** Why the cell failed, is blocked or does not apply (plain words; names the cell or what it waits on, or the data needed). */
  error?: string;
  /** `error` as a catalogue message, where it is one (why a cell does not apply), for the reader's language. */
  errorRef?: MessageRef;
  /** The SQL that failed, for sql cells. */
  sql?: string;
  /** Milliseconds of the last finished run. */
  elapsedMs?: number;
  /** Rows of the cell's result (sql: the table; analysis: its first table). */
  rowCount?: number;
  output?: CellOutput;
  /** For `na`: the canonical tables that would make the cell apply (may be empty). */
  needs?: string[];
  /** How many runs finished and were kept (superseded runs do not count). */
  runs: number;
  /**
   * The output was saved by an earlier run on the same data, notebook text, inputs and settings
   * (`NotebookRuntime.restore`), and is shown until this session's own run replaces it.
   */
  restored?: true;
}
