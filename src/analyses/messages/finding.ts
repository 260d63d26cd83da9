/**
 * Building findings in an analysis and rendering them for a reader. An analysis calls
 * `finding(id, key, params, headline)`; the app, the CLI, slides and reports call `renderFinding`.
 */
import { isTypedValue } from '../../format/typed.ts';
import type { Finding } from '../types.ts';
import type { FindingKey } from './catalogs.ts';
import {
  renderMessage,
  renderParam,
  type MessageParam,
  type MessageParams,
  type RenderOptions,
  type RenderedFinding,
} from './render.ts';

/**
 * A finding: sentence `key` with typed `params`; `headline` names the parameter the tile shows
 * (its number becomes `value` unless `value` is given for prose and slides).
 */
export function finding(
  id: string,
  key: FindingKey,
  params: MessageParams,
  headline?: string,
  value?: number | string | null,
): Finding {
  const text = renderMessage(key, params, { locale: 'en' });
  const h = headline === undefined ? undefined : params[headline];
  if (headline !== undefined && (h === undefined || !isTypedValue(h)))
    throw new Error(`finding ${id}: headline ${headline} is not a typed parameter of ${key}`);
  const v = value !== undefined ? value : h && isTypedValue(h) ? h.value : null;
  return { id, key, params, ...(headline !== undefined ? { headline } : {}), text, value: v };
}

/** The sentence and tile of `f` for one reader. A finding without a key (older saved output) keeps its text. */
export function renderFinding(f: Finding, options: RenderOptions): RenderedFinding {
  if (!f.key) return { text: f.text, headline: null };
  const h: MessageParam | undefined = f.headline === undefined ? undefined : f.params[f.headline];
  return { text: renderMessage(f.key, f.params, options), headline: h === undefined ? null : renderParam(h, options) };
}

/** Shorthands for non-numeric parameters. */
export const text = (value: string): MessageParam => ({ kind: 'text', value });
export const term = (key: FindingKey): MessageParam => ({ kind: 'term', key });
export const clause = (key: FindingKey, params: MessageParams = {}): MessageParam => ({ kind: 'msg', key, params });
export const list = (items: MessageParam[], conj: 'or' | 'and' = 'or'): MessageParam => ({ kind: 'list', items, conj });
/** The dataset's currency as an axis unit (rendered only when one is set). */
export const currencyUnit = (): MessageParam => ({ kind: 'currency' });
