/**
 * Defence in depth for the HTML fragments the report inlines. Prose comes from
 * `renderMarkdown` and SVG from `renderChart`, both already safe; these passes additionally
 * guarantee the report's promise — no script, no event handler, no external reference — even if a
 * caller passes a fragment from elsewhere.
 *
 * The work is done by DOMPurify (the sanitiser the app already uses for prose in the browser,
 * https://github.com/cure53/DOMPurify) over the jsdom document the CLI already loads to render
 * charts: a parser decides what is a tag and an attribute, as a browser opening the report will,
 * where the former regular expressions guessed from the serialisation. DOMPurify removes what
 * can run; the report's own rule — nothing is fetched on open — is applied afterwards on the
 * parsed tree (`offline`). Node only (the report is written by the CLI).
 */
import createDOMPurify, { type DOMPurify } from 'dompurify';
import { nodeDocument } from '../charts/render-node.ts';

let purifier: DOMPurify | undefined;

/** One DOMPurify bound to the shared jsdom window (its config is passed per call; no hooks). */
function purify(): DOMPurify {
  purifier ??= createDOMPurify(nodeDocument().defaultView as unknown as Parameters<typeof createDOMPurify>[0]);
  return purifier;
}

/** Attributes that make a browser fetch something when the page opens. */
const FETCHING = ['src', 'srcset', 'poster', 'background', 'action', 'formaction', 'data', 'ping'];

/**
 * Removes from the sanitised tree whatever would be fetched on open: `src`-like attributes, links
 * out of an SVG (`href` not to `#id`), `url(…)` not to `#id`. Prose links (`<a href>`) stay:
 * following one is the reader's choice, not a request on open.
 */
function offline(root: Element, keepLinks: boolean): void {
  for (const el of root.querySelectorAll('*')) {
    for (const attr of [...el.attributes]) {
      const name = attr.name.toLowerCase();
      const isLink = name === 'href' || name === 'xlink:href';
      if (
        FETCHING.includes(name) ||
        (isLink && !(keepLinks && el.localName === 'a') && !attr.value.trim().startsWith('#'))
      ) {
        el.removeAttribute(attr.name);
      } else if (/url\(/i.test(attr.value)) {
        el.setAttribute(attr.name, attr.value.replace(/url\(\s*(?!['"]?#)[^)]*\)/gi, 'none'));
      }
    }
  }
}

/** Removes scripts, handlers and external references from an SVG string and drops its `xmlns` (inline SVG needs none). */
export function sanitizeSvg(svg: string): string {
  const body = purify().sanitize(svg, {
    USE_PROFILES: { svg: true, svgFilters: true },
    FORBID_TAGS: ['style', 'foreignObject', 'script'],
    // The chart's accessible role (`role="img"`, set by the renderer); the SVG profile omits it.
    ADD_ATTR: ['role'],
    RETURN_DOM: true,
  }) as HTMLElement;
  offline(body, false);
  for (const el of body.querySelectorAll('*')) {
    for (const attr of [...el.attributes])
      if (attr.name === 'xmlns' || attr.name.startsWith('xmlns:')) el.removeAttribute(attr.name);
  }
  return body.innerHTML;
}

/**
 * Prose: images become their alt text (a self-contained report cannot load them), and anything
 * active is stripped. Links stay: following one is the reader's choice, not a request on open.
 */
export function sanitizeProse(html: string): string {
  const body = purify().sanitize(html, {
    FORBID_TAGS: [
      'style',
      'form',
      'input',
      'iframe',
      'object',
      'embed',
      'link',
      'meta',
      'base',
      'audio',
      'video',
      'source',
      'track',
      'picture',
    ],
    FORBID_ATTR: ['style'],
    RETURN_DOM: true,
  }) as HTMLElement;
  for (const img of body.querySelectorAll('img')) {
    const blocked = body.ownerDocument.createElement('span');
    blocked.className = 'blocked';
    blocked.textContent = `⟨image: ${img.getAttribute('alt') || 'image'}⟩`;
    img.replaceWith(blocked);
  }
  offline(body, true);
  return body.innerHTML;
}
