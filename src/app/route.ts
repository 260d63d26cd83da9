/**
 * The app's address: which view is open, in the URL's fragment, so a reload or a pasted link
 * reopens it and the browser's back and forward move between notebooks. One scheme, fragment
 * only (the app is static and offline: nothing is asked of a server):
 *
 * - `#start` — the start page; `#scratch` — Scratch SQL;
 * - `#notebook=<id>` — a notebook, built-in (its file stem, a translation's `….zh-Hans`) or the
 *   user's own (`user-…`, its stable id), in the editing view;
 * - `…&view=read` — the same notebook in the reading view;
 * - `…&input.<name>=<value>` — input values, only in a link the user asked for ("Copy link with
 *   these inputs"); the value is JSON (`0.3`, `"North"`, `[1,12]`, `true`), or plain text.
 *
 * A scorecard tile's `#notebook=<id>` link is this form, so those links keep working.
 */
import type { InputValue } from '../notebook/format/types.ts';

/** A view the address can name. */
export type Route =
  | { kind: 'start' }
  | { kind: 'scratch' }
  | {
      kind: 'notebook';
      id: string;
      /** The reading view (`view=read`) instead of the editing notebook. */
      read: boolean;
      /** Input values the link sets, or null when it sets none. */
      inputs: Record<string, InputValue> | null;
    };

const INPUT = 'input.';

/** The route a URL fragment names (`location.hash`, with or without `#`), or null for none or one the app does not know. */
export function parseRoute(hash: string): Route | null {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text === '') return null;
  const params = new URLSearchParams(text);
  if (params.has('start')) return { kind: 'start' };
  if (params.has('scratch')) return { kind: 'scratch' };
  const id = params.get('notebook');
  if (!id) return null;
  let inputs: Record<string, InputValue> | null = null;
  for (const [key, raw] of params) {
    if (!key.startsWith(INPUT) || key.length === INPUT.length) continue;
    (inputs ??= {})[key.slice(INPUT.length)] = inputValue(raw);
  }
  return { kind: 'notebook', id, read: params.get('view') === 'read', inputs };
}

/** The URL fragment (with `#`) of a route; input values only when the route carries them. */
export function routeHash(route: Route): string {
  if (route.kind !== 'notebook') return `#${route.kind}`;
  const params = new URLSearchParams({ notebook: route.id });
  if (route.read) params.set('view', 'read');
  for (const [name, value] of Object.entries(route.inputs ?? {})) params.set(INPUT + name, JSON.stringify(value));
  return `#${params.toString()}`;
}

/** A value written in a link: JSON when it parses as a value an input can hold, else the text itself. */
function inputValue(raw: string): InputValue {
  try {
    const v: unknown = JSON.parse(raw);
    if (v === null || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
    if (Array.isArray(v) && v.length === 2) {
      if (v.every((x) => typeof x === 'number')) return [v[0] as number, v[1] as number];
      if (v.every((x) => typeof x === 'string')) return [v[0] as string, v[1] as string];
    }
  } catch {
    // Not JSON: a plain word typed by hand (`input.region=North`).
  }
  return raw;
}
