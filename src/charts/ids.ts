/**
 * Deterministic element ids. Plot numbers clip paths and markers from a global counter, so the
 * same chart renders with different ids each time (breaking snapshots) and two charts in one
 * page could share one. Ids are rewritten from a hash of the spec plus their document order.
 */

/** FNV-1a 32-bit hash, as a short base-36 string: stable across runs and platforms. */
export function stableHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/** Renames every id under `root` to `${prefix}-${n}` and rewrites `url(#…)` and `href="#…"` references. */
export function normalizeIds(root: Element, prefix: string): void {
  const renamed = new Map<string, string>();
  const withId = [root, ...root.querySelectorAll('[id]')].filter((el) => el.hasAttribute('id'));
  withId.forEach((el, i) => {
    const next = `${prefix}-${i + 1}`;
    renamed.set(el.getAttribute('id')!, next);
    el.setAttribute('id', next);
  });
  if (renamed.size === 0) return;
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const attr of [...el.attributes]) {
      let value = attr.value;
      if (value.includes('url(#')) {
        value = value.replace(/url\(#([^)]+)\)/g, (whole, id: string) => {
          const next = renamed.get(id);
          return next === undefined ? whole : `url(#${next})`;
        });
      }
      if ((attr.name === 'href' || attr.name === 'xlink:href') && value.startsWith('#')) {
        value = `#${renamed.get(value.slice(1)) ?? value.slice(1)}`;
      }
      if (value !== attr.value) el.setAttribute(attr.name, value);
    }
  }
}
