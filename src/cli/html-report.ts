import type { AnalysisResult } from '../analyses/types.ts';
import { renderFinding } from '../analyses/messages/finding.ts';
import { localiseCharts, localiseNotes } from '../analyses/messages/localise.ts';
import type { RenderOptions } from '../analyses/messages/render.ts';
import { renderChartToSvgString } from '../charts/render-node.ts';
import type { ChartSpec } from '../charts/spec.ts';
import { toRows, type Row } from '../engine/types.ts';
import { formatValue, renderMarkdown } from '../notebook/markdown.ts';
import type { Cell, Notebook } from '../notebook/format/types.ts';
import type { CellState } from '../notebook/runtime/state.ts';
import { escapeHtml, renderHtmlReport, type ReportBlock } from '../report/index.ts';

/** Rows of a table shown in the HTML report (the JSON report carries up to 1,000). */
const htmlRowLimit = 50;

/**
 * A self-contained HTML report of a run notebook: prose with interpolated values (safe Markdown),
 * inputs with their values, result tables, charts as inline SVG, findings and errors.
 * No script and no outside request (the page writer in src/report enforces both).
 */
export function htmlReport(nb: Notebook, states: readonly CellState[], reader?: RenderOptions): string {
  const byId = new Map(states.map((s) => [s.id, s]));
  const blocks = nb.cells.flatMap((cell) => cellBlocks(cell, byId.get(cell.id), reader ?? { locale: 'en' }));
  // The page's language is the findings' when one was asked for, else the notebook's own.
  const language = reader?.locale ?? nb.frontMatter.language;
  return renderHtmlReport({
    title: nb.frontMatter.title || 'Notebook',
    description: nb.frontMatter.description,
    language,
    blocks,
  });
}

function cellBlocks(cell: Cell, state: CellState | undefined, reader: RenderOptions): ReportBlock[] {
  const out = state?.output;
  const blocks: ReportBlock[] = [];
  switch (cell.kind) {
    case 'prose':
      blocks.push({
        kind: 'prose',
        html: renderMarkdown(cell.source, { values: out?.kind === 'prose' ? out.values : {} }).html,
      });
      break;
    case 'input': {
      const value = out?.kind === 'input' ? out.value : cell.spec?.value;
      const shown = Array.isArray(value)
        ? value.map((v) => formatValue(v, cell.spec?.format)).join(' – ')
        : formatValue(value ?? null, cell.spec?.format);
      blocks.push({
        kind: 'prose',
        html: `<p class="input">${escapeHtml(cell.spec?.label ?? cell.name ?? '')}: <strong>${escapeHtml(shown)}</strong></p>`,
      });
      break;
    }
    case 'sql':
      if (out?.kind === 'sql') {
        blocks.push({
          kind: 'table',
          title: cell.name ?? undefined,
          columns: out.columns.map((c) => ({ name: c.name, type: c.type })),
          rows: toRows(out.preview).slice(0, htmlRowLimit),
          rowCount: out.rowCount,
        });
      }
      break;
    case 'chart':
      if (out?.kind === 'chart') blocks.push(...chartBlock(out.spec, (name) => out.data[name], cell.name ?? cell.id));
      break;
    case 'analysis':
      // A not-applicable analysis explains itself below; its notes would say the same again.
      if (out?.kind === 'analysis' && state?.status === 'ok')
        blocks.push(...analysisBlocks(out.result, cell.name ?? cell.id, reader));
      break;
  }
  if (state?.status === 'na')
    blocks.push({ kind: 'not-applicable', cell: cell.name ?? cell.id, message: state.error ?? '' });
  else if (state && state.status !== 'ok')
    blocks.push({ kind: 'error', cell: cell.name ?? cell.id, message: state.error ?? state.status });
  return blocks;
}

function chartBlock(spec: ChartSpec, resolve: (name: string) => Row[] | undefined, cell: string): ReportBlock[] {
  try {
    return [{ kind: 'svg', svg: renderChartToSvgString(spec, resolve) }];
  } catch (e) {
    return [{ kind: 'error', cell, message: `chart: ${e instanceof Error ? e.message : String(e)}` }];
  }
}

function analysisBlocks(result: AnalysisResult, cell: string, reader: RenderOptions): ReportBlock[] {
  const blocks: ReportBlock[] = [];
  if (result.findings.length)
    blocks.push({
      kind: 'findings',
      items: result.findings.map((f) => ({ id: f.id, text: renderFinding(f, reader).text, value: f.value ?? null })),
    });
  const tables = Object.fromEntries(Object.entries(result.tables).map(([k, t]) => [k, toRows(t)]));
  for (const chart of localiseCharts(result, reader)) blocks.push(...chartBlock(chart, (name) => tables[name], cell));
  const notes = localiseNotes(result, reader);
  if (notes.length)
    blocks.push({
      kind: 'prose',
      html: `<ul class="notes">${notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`,
    });
  return blocks;
}
