import MarkdownIt from 'markdown-it';
import type { AnalysisResult } from '../analyses/types.ts';
import { compileFormat } from '../charts/format.ts';
import { renderChartToSvgString } from '../charts/render-node.ts';
import type { ChartSpec } from '../charts/spec.ts';
import { toRows, type ColumnarTable, type Row } from '../engine/types.ts';
import { findInterpolations } from '../notebook/format/interpolation.ts';
import type { Cell, Notebook } from '../notebook/format/types.ts';
import type { CellState } from '../notebook/runtime/state.ts';

/** Rows of a table shown in the HTML report (the JSON report carries more). */
const htmlRowLimit = 50;

// Raw HTML in prose is shown as text (html: false) and markdown-it refuses javascript:/data: links,
// so a notebook or a data value can never inject script into the report.
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * A self-contained HTML report of a run notebook: prose with interpolated values, inputs with
 * their values, tables, charts as inline SVG, findings and errors. No script, no outside request.
 */
export function htmlReport(nb: Notebook, states: readonly CellState[]): string {
  const byId = new Map(states.map((s) => [s.id, s]));
  const body = nb.cells.map((cell) => renderCell(cell, byId.get(cell.id))).join('\n');
  const title = escapeHtml(nb.frontMatter.title || 'Notebook');
  return `<!doctype html>
<html lang="${escapeHtml(nb.frontMatter.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${title}</title>
<style>${css}</style>
</head>
<body>
<main>
<header><h1 class="title">${title}</h1>${nb.frontMatter.description ? `<p class="description">${escapeHtml(nb.frontMatter.description)}</p>` : ''}</header>
${body}
</main>
</body>
</html>
`;
}

function renderCell(cell: Cell, state: CellState | undefined): string {
  const error = state && state.status !== 'ok' ? `<div class="error"><strong>${escapeHtml(cell.name ?? cell.id)}</strong>: ${escapeHtml(state.error ?? state.status)}</div>` : '';
  const out = state?.output;
  switch (cell.kind) {
    case 'prose': {
      const values = out?.kind === 'prose' ? out.values : {};
      return `<section class="prose">${renderProse(cell.source, values)}</section>${error}`;
    }
    case 'input': {
      const value = out?.kind === 'input' ? out.value : cell.spec?.value;
      const shown = Array.isArray(value) ? value.map((v) => formatValue(v, cell.spec?.format)).join(' – ') : formatValue(value ?? null, cell.spec?.format);
      return `<p class="input"><span class="label">${escapeHtml(cell.spec?.label ?? cell.name ?? '')}</span> <span class="value">${escapeHtml(shown)}</span></p>${error}`;
    }
    case 'sql':
      return `<section class="sql"><h3 class="cell-name">${escapeHtml(cell.name ?? '')}</h3>${out?.kind === 'sql' ? renderTable(out.preview, out.rowCount) : ''}</section>${error}`;
    case 'chart':
      return `<figure class="chart">${out?.kind === 'chart' ? renderSvg(out.spec, (name) => out.data[name]) : ''}</figure>${error}`;
    case 'analysis':
      return `<section class="analysis">${out?.kind === 'analysis' ? renderAnalysis(out.result) : ''}</section>${error}`;
  }
}

function renderProse(source: string, values: Record<string, unknown>): string {
  // Swap interpolations for private-use placeholders, render Markdown, then put escaped values back.
  const found = findInterpolations(source);
  let text = '';
  let last = 0;
  const replacements: string[] = [];
  for (const it of found) {
    const key = it.member ? `${it.name}.${it.member}` : it.name;
    const value = key in values ? values[key] : undefined;
    replacements.push(value === undefined ? source.slice(it.start, it.end) : formatValue(value, it.format));
    text += `${source.slice(last, it.start)}\uE000${replacements.length - 1}\uE001`;
    last = it.end;
  }
  text += source.slice(last);
  return md.render(text).replace(/\uE000(\d+)\uE001/g, (_, i: string) => `<span class="value">${escapeHtml(replacements[Number(i)]!)}</span>`);
}

/** Formats a value with a d3-format string; dates as ISO dates; anything else as text. */
export function formatValue(value: unknown, format?: string): string {
  if (value === null || value === undefined) return '–';
  if (value instanceof Date) return format ? compileFormat(format)(value) : value.toISOString().slice(0, 10);
  if (format && typeof value === 'number') {
    try {
      return compileFormat(format)(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

function renderTable(table: ColumnarTable, rowCount: number): string {
  const rows = toRows(table).slice(0, htmlRowLimit);
  const head = table.columns.map((c) => `<th>${escapeHtml(c.name)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${table.columns.map((c) => `<td class="${c.kind === 'number' ? 'num' : ''}">${escapeHtml(cellText(r[c.name] ?? null))}</td>`).join('')}</tr>`)
    .join('\n');
  const note = rowCount > rows.length ? `<p class="note">First ${rows.length} of ${rowCount.toLocaleString('en')} rows.</p>` : `<p class="note">${rowCount.toLocaleString('en')} rows.</p>`;
  return `<div class="table"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>${note}`;
}

function cellText(v: Row[string]): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toLocaleString('en', { maximumFractionDigits: 4 });
  return v === null ? '' : String(v);
}

function renderSvg(spec: ChartSpec, resolve: (name: string) => Row[] | undefined): string {
  try {
    return renderChartToSvgString(spec, resolve);
  } catch (e) {
    return `<div class="error">chart: ${escapeHtml(e instanceof Error ? e.message : String(e))}</div>`;
  }
}

function renderAnalysis(result: AnalysisResult): string {
  const findings = result.findings.length ? `<ul class="findings">${result.findings.map((f) => `<li>${escapeHtml(f.text)}</li>`).join('')}</ul>` : '';
  const tables = Object.fromEntries(Object.entries(result.tables).map(([k, t]) => [k, toRows(t)]));
  const charts = result.charts.map((c) => `<figure class="chart">${renderSvg(c, (name) => tables[name])}</figure>`).join('');
  const notes = result.notes.length ? `<ul class="notes">${result.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>` : '';
  return findings + charts + notes;
}

const css = `
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI","PingFang SC","Noto Sans CJK SC",sans-serif;color:#1f2328;background:#fff}
main{max-width:860px;margin:0 auto;padding:2rem 1.25rem 4rem}
h1.title{font-size:2rem;margin:0 0 .25rem}.description{color:#57606a;margin:0 0 2rem}
.cell-name{font:600 .8rem ui-monospace,monospace;color:#57606a;margin:1.5rem 0 .25rem}
.table{overflow-x:auto}table{border-collapse:collapse;font-size:.85rem;width:100%}
th,td{padding:.25rem .5rem;border-bottom:1px solid #d0d7de;text-align:left}td.num{text-align:right;font-variant-numeric:tabular-nums}
.note{color:#57606a;font-size:.8rem}.input .label{color:#57606a}.input .value,.prose .value{font-weight:600}
.findings li{margin:.25rem 0}.notes{color:#57606a;font-size:.85rem}
.error{border-left:4px solid #cf222e;background:#ffebe9;padding:.5rem .75rem;margin:.5rem 0;white-space:pre-wrap}
figure.chart{margin:1.5rem 0}figure.chart svg{max-width:100%;height:auto}
@media (prefers-color-scheme: dark){body{background:#0d1117;color:#e6edf3}.description,.note,.cell-name,.input .label,.notes{color:#8b949e}th,td{border-color:#30363d}.error{background:#3b1418}}
`;
