/**
 * The report's inline stylesheet: light, readable on screen and on paper. No `url()`, no web
 * fonts, no imports — the file must open offline and request nothing.
 */
export const REPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: #1f2937;
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "PingFang SC", "Microsoft YaHei", sans-serif; }
/* Chinese reports: the script's system CJK fonts (macOS, Windows, Linux), never a web font. */
:lang(zh-Hans) body { font-family: system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
  "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif; line-break: strict; }
:lang(zh-Hant) body { font-family: system-ui, -apple-system, "PingFang TC", "Microsoft JhengHei",
  "Noto Sans CJK TC", "Source Han Sans TC", sans-serif; line-break: strict; }
main { max-width: 880px; margin: 0 auto; padding: 40px 24px 64px; }
h1 { font-size: 30px; line-height: 1.2; margin: 0 0 8px; }
.lede { font-size: 18px; color: #4b5563; margin: 0 0 32px; }
h2 { font-size: 22px; margin: 32px 0 8px; }
h3 { font-size: 18px; margin: 24px 0 8px; }
a { color: #2459a6; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 14px; }
pre { background: #f3f4f6; padding: 12px; overflow-x: auto; border-radius: 4px; }
.block { margin: 24px 0; }
figure { margin: 24px 0; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { color: #4b5563; font-size: 14px; margin-top: 6px; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: 14px; font-variant-numeric: tabular-nums; }
caption { text-align: left; color: #4b5563; padding-bottom: 6px; }
th, td { padding: 4px 10px; border-bottom: 1px solid #e5e7eb; text-align: left; vertical-align: top; }
th { border-bottom: 2px solid #9ca3af; font-weight: 600; }
td.num { text-align: right; }
td.null { color: #9ca3af; }
.table-note { color: #4b5563; font-size: 13px; margin-top: 4px; }
.findings { border-left: 4px solid #2459a6; background: #f5f8fc; padding: 12px 16px 12px 32px; margin: 24px 0; }
.findings li { margin: 4px 0; font-size: 17px; }
.error { border-left: 4px solid #c23b3b; background: #fdf2f2; padding: 12px 16px; margin: 24px 0; }
.not-applicable { border-left: 4px solid #9ca3af; background: #f6f7f9; color: #4b5563; padding: 12px 16px; margin: 24px 0; }
.not-applicable p { margin: 6px 0 0; }
.error pre { background: transparent; padding: 0; margin: 6px 0 0; white-space: pre-wrap; }
.nb-value { font-weight: 600; }
.nb-unknown, .nb-blocked, .blocked { color: #c23b3b; font-style: italic; }
@page { margin: 16mm; }
@media print {
  body { font-size: 12pt; }
  main { max-width: none; padding: 0; }
  figure, table, .findings, .error, .not-applicable { break-inside: avoid; }
  h1, h2, h3 { break-after: avoid; }
  a { color: inherit; }
}
`;
