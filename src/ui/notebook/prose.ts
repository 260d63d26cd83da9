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
  const { html } = renderMarkdown(source, {
    values: (ref) => (values === undefined ? '…' : Object.hasOwn(values, ref.key) ? values[ref.key] : undefined),
  });
  return DOMPurify.sanitize(html, { FORBID_TAGS: ['style', 'form', 'input', 'iframe'], FORBID_ATTR: ['style'] });
}
