/**
 * Defence in depth for the HTML fragments the report inlines. Prose comes from
 * `renderMarkdown` and SVG from `renderChart`, both already safe; these passes additionally
 * guarantee the report's promise — no script, no event handler, no external reference — even if a
 * caller passes a fragment from elsewhere. They work on the serialisation our renderers produce
 * (double-quoted attributes), not on arbitrary HTML.
 */
import { escapeHtml } from './escape.ts';

/** Removes scripts, handlers and external references from an SVG string and drops its `xmlns` (inline SVG needs none). */
export function sanitizeSvg(svg: string): string {
  return stripActive(svg).replace(/<[a-z][^>]*>/gi, (tag) =>
    tag
      .replace(/\s+xmlns(:\w+)?="[^"]*"/g, '')
      .replace(/\s+(xlink:)?href="(?!#)[^"]*"/gi, '')
      .replace(/url\((?!#)[^)]*\)/gi, 'none'),
  );
}

/**
 * Prose: images become their alt text (a self-contained report cannot load them), and anything
 * active is stripped. Links stay: following one is the reader's choice, not a request on open.
 */
export function sanitizeProse(html: string): string {
  return stripActive(html).replace(/<img\b[^>]*>/gi, (tag) => {
    const alt = /\balt="([^"]*)"/i.exec(tag)?.[1] ?? 'image';
    return `<span class="blocked">⟨image: ${alt}⟩</span>`;
  });
}

function stripActive(html: string): string {
  return html
    .replace(/<(script|iframe|object|embed|foreignObject|style)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<(script|iframe|object|embed|link|meta|base)\b[^>]*>/gi, (tag) => escapeHtml(tag))
    .replace(/<[a-z][^>]*>/gi, (tag) =>
      // Inside tags only, so text such as "option one=5" is left alone.
      tag
        .replace(/\s+on[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '')
        .replace(/\s+(src|srcset|action|formaction)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '')
        .replace(/(href\s*=\s*")\s*(javascript|data|vbscript):[^"]*"/gi, '$1#"'),
    );
}
