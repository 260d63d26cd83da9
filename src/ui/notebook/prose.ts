/**
 * Prose cells to safe HTML. Markdown is rendered with raw HTML disabled (markdown-it escapes it),
 * interpolated values are inserted as escaped text after rendering (a value can never become
 * markup or Markdown), and DOMPurify sanitises the result as a second line of defence.
 */
import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';
import { compileFormat } from '../../charts/format.ts';
import { findInterpolations } from '../../notebook/format/interpolation.ts';

const md = new MarkdownIt({ html: false, linkify: false, typographer: true });

/** Placeholders from the Unicode private-use area: they survive Markdown rendering untouched. */
const OPEN = '\uE000';
const CLOSE = '\uE001';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Formats one interpolated value (d3-format when the prose asks for one). */
export function formatValue(value: unknown, format?: string): string {
  if (value === null || value === undefined) return '—';
  if (format) {
    try {
      return compileFormat(format)(value instanceof Date ? value : value);
    } catch {
      return String(value);
    }
  }
  if (typeof value === 'number') return new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map((v) => formatValue(v)).join(' – ');
  return String(value);
}

/**
 * Renders prose Markdown to sanitised HTML. `values` maps `name` / `name.member` to the values
 * the runtime resolved; missing values show as a muted placeholder.
 */
export function renderProse(source: string, values: Record<string, unknown> | undefined): string {
  const found = findInterpolations(source);
  let text = '';
  let at = 0;
  found.forEach((p, i) => {
    text += source.slice(at, p.start) + `${OPEN}${i}${CLOSE}`;
    at = p.end;
  });
  text += source.slice(at);
  const html = md.render(text).replace(new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g'), (_, n: string) => {
    const p = found[Number(n)]!;
    const key = p.member ? `${p.name}.${p.member}` : p.name;
    if (!values || !(key in values)) return `<span class="pending">…</span>`;
    return `<span class="value">${escapeHtml(formatValue(values[key], p.format))}</span>`;
  });
  return DOMPurify.sanitize(html, { FORBID_TAGS: ['style', 'form', 'input', 'iframe'], FORBID_ATTR: ['style'] });
}
