/** Reports: one self-contained, offline HTML page for a notebook run (the CLI's `--html`). */
export { renderHtmlReport } from './html.ts';
export type { HtmlReportInput, ReportBlock, ReportColumn } from './html.ts';
export { escapeHtml } from './escape.ts';
export { sanitizeProse, sanitizeSvg } from './sanitize.ts';
