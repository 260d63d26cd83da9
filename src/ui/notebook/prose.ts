/**
 * Prose cells to safe HTML in the browser: `renderMarkdown` (raw HTML disabled, values escaped,
 * unsafe links refused) does the work; DOMPurify sanitises its output as a second line of defence.
 */
import DOMPurify from 'dompurify';
import { formatValue, renderMarkdown } from '../../notebook/markdown.ts';

export { formatValue };

/**
 * Renders prose Markdown with `{name}` / `{name.member:format}` values. While the runtime has not
 * produced values yet (`values` undefined) references show as "…"; a name that stays unknown after
 * the run shows the visible ⟨unknown⟩ marker.
 */
export function renderProse(source: string, values: Record<string, unknown> | undefined): string {
  // The notebook view re-derives every prose cell whenever any cell's state changes (a slider
  // step changes several); most of those renders are of the same text with the same values.
  // Parsing and sanitising again was the largest main-thread cost of a slider drag (bench:app).
  const key = `${source}\u0000${values === undefined ? '' : JSON.stringify(values, keyPart)}`;
  const kept = rendered.get(key);
  if (kept !== undefined) {
    rendered.delete(key);
    rendered.set(key, kept);
    return kept;
  }
  const html = renderUncached(source, values);
  rendered.set(key, html);
  if (rendered.size > MAX_RENDERED) rendered.delete(rendered.keys().next().value!);
  return html;
}

/** JSON that keeps apart what plain JSON would merge: a date from its ISO text, NaN and ±∞ from null. */
function keyPart(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const original = this[key];
  if (original instanceof Date) return `date:${String(value)}`;
  if (typeof original === 'number' && !Number.isFinite(original)) return `number:${original}`;
  return value;
}

/** Rendered prose by (source, values), most recently used last. */
const rendered = new Map<string, string>();
const MAX_RENDERED = 400;

function renderUncached(source: string, values: Record<string, unknown> | undefined): string {
  const { html } = renderMarkdown(source, {
    values: (ref) => (values === undefined ? '…' : Object.hasOwn(values, ref.key) ? values[ref.key] : undefined),
  });
  return DOMPurify.sanitize(html, { FORBID_TAGS: ['style', 'form', 'input', 'iframe'], FORBID_ATTR: ['style'] });
}
