import { renderFinding } from '../analyses/messages/finding.ts';
import type { MessageParams, RenderOptions } from '../analyses/messages/render.ts';
import { toRows, type ColumnarTable, type ColumnInfo } from '../engine/types.ts';
import type { FrontMatter, Notebook } from '../notebook/format/types.ts';
import type { CellState } from '../notebook/runtime/state.ts';

/** Rows of a result written to the JSON report. */
export const jsonRowLimit = 1000;

/** One cell in the JSON report. */
export interface JsonCell {
  id: string;
  kind: string;
  /** `not_applicable`: the cell does not apply to this data (not an error); `reason` says why. */
  status: 'ok' | 'error' | 'not_applicable';
  error?: string;
  reason?: string;
  /** For `not_applicable`: the canonical tables that would make it apply. */
  needs?: string[];
  result?: { columns: { name: string; type: string }[]; rowCount: number; rows: Record<string, unknown>[] };
  findings: JsonFinding[];
}

/**
 * One finding in the JSON report: the sentence and its headline in the report's language, and
 * the same as data (catalogue key and typed parameters) for programs that format it themselves.
 */
export interface JsonFinding {
  id: string;
  text: string;
  /** The headline number as the sentence writes it, when the finding has one. */
  headline: string | null;
  value: number | string | null;
  key: string;
  params: MessageParams;
}

/** The JSON report: the front matter and every cell's outcome. */
export interface JsonReport {
  notebook: Record<string, unknown>;
  cells: JsonCell[];
}

/**
 * Builds the JSON report from the runtime's cell states. A blocked cell is an error (its message
 * says what it waits on); a cell that does not apply to the data is `not_applicable`, with why. Dates become ISO
 * strings (`YYYY-MM-DD` for DATE columns).
 */
export function jsonReport(
  nb: Notebook,
  states: readonly CellState[],
  reader: RenderOptions = { locale: 'en' },
): JsonReport {
  return {
    notebook: frontMatterJson(nb.frontMatter),
    cells: states.map((s) => {
      const out = s.status === 'ok' ? s.output : undefined;
      let result: JsonCell['result'];
      let findings: JsonFinding[] = [];
      if (out?.kind === 'sql') result = tableJson(out.preview, out.columns, out.rowCount);
      if (out?.kind === 'analysis') {
        const first = Object.values(out.result.tables)[0];
        if (first) result = tableJson(first, first.columns, first.rowCount);
        findings = out.result.findings.map((f) => ({
          id: f.id,
          ...renderFinding(f, reader),
          value: f.value ?? null,
          key: f.key,
          params: f.params,
        }));
      }
      return {
        id: s.id,
        kind: s.kind,
        status: s.status === 'ok' ? 'ok' : s.status === 'na' ? 'not_applicable' : 'error',
        ...(s.status === 'ok'
          ? {}
          : s.status === 'na'
            ? { reason: s.error ?? '', needs: s.needs ?? [] }
            : { error: s.error ?? `not run (${s.status})` }),
        ...(result ? { result } : {}),
        findings,
      };
    }),
  };
}

function frontMatterJson(fm: FrontMatter): Record<string, unknown> {
  return { title: fm.title, description: fm.description, language: fm.language, dataset: fm.dataset, ...fm.extra };
}

function tableJson(
  table: ColumnarTable,
  columns: readonly ColumnInfo[],
  rowCount: number,
): NonNullable<JsonCell['result']> {
  const isDate = new Set(columns.filter((c) => c.type === 'DATE').map((c) => c.name));
  const rows = toRows(table)
    .slice(0, jsonRowLimit)
    .map((row) => {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(row)) {
        out[k] =
          v instanceof Date
            ? isDate.has(k)
              ? v.toISOString().slice(0, 10)
              : v.toISOString()
            : typeof v === 'number' && !Number.isFinite(v)
              ? null
              : v;
      }
      return out;
    });
  return { columns: columns.map((c) => ({ name: c.name, type: c.type })), rowCount, rows };
}
