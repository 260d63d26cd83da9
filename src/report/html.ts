/**
 * One self-contained HTML page for a notebook run (the CLI's `--html`): prose, result tables,
 * charts as inline SVG, findings and cell errors. No script, no stylesheet or font or image from
 * anywhere, and a Content-Security-Policy that forbids loading anything should a fragment slip
 * through: the file opens offline and a reader opening it sends nothing anywhere.
 */
import { escapeHtml } from './escape.ts';
import { sanitizeProse, sanitizeSvg } from './sanitize.ts';
import { REPORT_CSS } from './styles.ts';
import { count } from '../format/number.ts';

/** A table column: a name, or a name with its DuckDB type (numeric types align right). */
export type ReportColumn = string | { name: string; type?: string };

/** One block of the report, in notebook order. */
export type ReportBlock =
  /** Prose already rendered by `renderMarkdown` (safe HTML). */
  | { kind: 'prose'; html: string }
  /** A result table: `rows` are the rows shown (objects keyed by column name, or arrays); `rowCount` is the full count. */
  | {
      kind: 'table';
      columns: ReportColumn[];
      rows: (Readonly<Record<string, unknown>> | readonly unknown[])[];
      rowCount: number;
      title?: string;
    }
  /** A chart rendered by `renderChartToSvgString`. */
  | { kind: 'svg'; svg: string; title?: string }
  /** Plain-language findings of an analysis. */
  | { kind: 'findings'; items: ({ id?: string; text: string; value?: unknown } | string)[] }
  /** A cell that failed: its name and the error message. */
  | { kind: 'error'; cell: string; message: string }
  /** A cell that does not apply to the data: its name and why (what data it needs). */
  | { kind: 'not-applicable'; cell: string; message: string };

/** Input of `renderHtmlReport`. */
export interface HtmlReportInput {
  title: string;
  description?: string;
  blocks: ReportBlock[];
  /** `lang` of the page, e.g. `en`, `zh-Hans`; `en` by default. */
  language?: string;
}

/** Forbids every fetch: only the inline stylesheet may apply. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'; base-uri 'none'";

/** Renders the report page as a string. */
export function renderHtmlReport(input: HtmlReportInput): string {
  const lang = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(input.language ?? '') ? input.language! : 'en';
  const parts = [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(input.title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(input.title)}</h1>`,
  ];
  if (input.description !== undefined && input.description !== '') {
    parts.push(`<p class="lede">${escapeHtml(input.description)}</p>`);
  }
  for (const block of input.blocks) parts.push(renderBlock(block));
  parts.push('</main>', '</body>', '</html>', '');
  return parts.join('\n');
}

function renderBlock(block: ReportBlock): string {
  switch (block.kind) {
    case 'prose':
      return `<section class="block prose">\n${sanitizeProse(block.html)}</section>`;
    case 'table':
      return renderTable(block);
    case 'svg': {
      const caption = block.title === undefined ? '' : `<figcaption>${escapeHtml(block.title)}</figcaption>`;
      return `<figure class="chart">${sanitizeSvg(block.svg)}${caption}</figure>`;
    }
    case 'findings': {
      const items = block.items.map((item) => `<li>${escapeHtml(typeof item === 'string' ? item : item.text)}</li>`);
      return `<ul class="findings">${items.join('')}</ul>`;
    }
    case 'error':
      return `<div class="error" role="alert"><strong>Cell ${escapeHtml(block.cell)} failed</strong><pre>${escapeHtml(block.message)}</pre></div>`;
    case 'not-applicable':
      return `<div class="not-applicable"><strong>${escapeHtml(block.cell)}: not applicable to this data</strong><p>${escapeHtml(block.message)}</p></div>`;
    default:
      return assertNever(block);
  }
}

const NUMERIC_TYPE =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|REAL|DOUBLE|DECIMAL)/i;

function renderTable(block: Extract<ReportBlock, { kind: 'table' }>): string {
  const columns = block.columns.map((c) => (typeof c === 'string' ? { name: c } : c));
  const head = columns.map((c) => `<th scope="col">${escapeHtml(c.name)}</th>`).join('');
  const body = block.rows.map((row) => {
    const cells = columns.map((column, i) => {
      const value: unknown = Array.isArray(row) ? row[i] : (row as Record<string, unknown>)[column.name];
      return renderCell(value, column.type);
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  const caption = block.title === undefined ? '' : `<caption>${escapeHtml(block.title)}</caption>`;
  const shown = block.rows.length;
  const note =
    shown < block.rowCount
      ? `<p class="table-note">Showing the first ${count(shown)} of ${count(block.rowCount)} rows.</p>`
      : `<p class="table-note">${count(block.rowCount, 'row')}.</p>`;
  return `<div class="block table-wrap"><table>${caption}<thead><tr>${head}</tr></thead><tbody>\n${body.join('\n')}\n</tbody></table>${note}</div>`;
}

function renderCell(value: unknown, type: string | undefined): string {
  if (value === null || value === undefined) return '<td class="null"></td>';
  if (typeof value === 'number' || typeof value === 'bigint') {
    const text =
      typeof value === 'number' ? value.toLocaleString('en-US', { maximumFractionDigits: 6 }) : value.toString();
    return `<td class="num">${escapeHtml(text)}</td>`;
  }
  if (value instanceof Date) {
    const iso = value.toISOString();
    return `<td>${iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ')}</td>`;
  }
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- objects are JSON-encoded on the left
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return `<td${type !== undefined && NUMERIC_TYPE.test(type) ? ' class="num"' : ''}>${escapeHtml(text)}</td>`;
}

function assertNever(value: never): never {
  throw new Error(`unknown report block: ${JSON.stringify(value)}`);
}
