import { isMap, isScalar, isSeq, parseDocument } from 'yaml';

/** A cell's YAML body read as a mapping, or why it could not be. */
export type BodyRead = { ok: true; value: Record<string, unknown> } | { ok: false; error: string };

/**
 * Reads a cell's YAML body as a plain mapping. The form only works on a body that parses; any
 * other body stays in the YAML editor, where the cell's own validation explains it.
 */
export function readBody(source: string): BodyRead {
  const doc = parseDocument(source);
  if (doc.errors.length) return { ok: false, error: doc.errors[0]!.message.split('\n')[0]! };
  const value: unknown = doc.toJS();
  if (value === null || value === undefined) return { ok: true, value: {} };
  if (typeof value !== 'object' || Array.isArray(value)) return { ok: false, error: 'expected "key: value" lines' };
  return { ok: true, value: value as Record<string, unknown> };
}

/**
 * Returns `source` with the key at `path` set to `value`, or removed when `value` is undefined
 * (an `options:` mapping left empty goes too). Edits go through the YAML document, not a fresh
 * dump, so other keys, their order, comments and flow style stay as the user wrote them.
 * Lists are written the way notebooks write them: `[a, b]`, or one `- { value, label }` line per item.
 */
export function writeKey(source: string, path: readonly string[], value: unknown): string {
  const doc = parseDocument(source);
  if (doc.errors.length) throw new Error(`cannot edit invalid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
  if (value === undefined) {
    doc.deleteIn(path);
    const parent = path.slice(0, -1);
    if (parent.length) {
      const node = doc.getIn(parent, true);
      if (isMap(node) && node.items.length === 0) doc.deleteIn(parent);
    }
  } else {
    const node = doc.getIn(path, true);
    const scalarValue = value === null || typeof value !== 'object';
    if (isScalar(node) && scalarValue) {
      // Keep the node (and the comment after it); drop its quoting style when the value's type changes.
      if (typeof node.value !== typeof value) node.type = undefined;
      node.value = value;
    } else {
      const created = doc.createNode(value, {
        flow: Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object'),
      });
      // A list of mappings (select options) is one `- { value: a, label: A }` line per item.
      if (isSeq(created)) for (const item of created.items) if (isMap(item)) item.flow = true;
      doc.setIn(path, created);
    }
  }
  const out = doc.contents === null ? '' : doc.toString({ lineWidth: 0 });
  // A cell body ends the way it did (the fence follows it).
  return source.endsWith('\n') || source === '' ? out : out.replace(/\n$/, '');
}
