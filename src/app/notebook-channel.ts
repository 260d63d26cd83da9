/**
 * Tells the other tabs of this origin which notebook version a tab saved (BroadcastChannel), so a
 * tab with the same notebook open learns at once that its copy is no longer the newest, instead of
 * finding out only when its next save meets the newer version (`saveNotebook`); and which input
 * values a tab saved for a notebook, so every tab showing it follows the latest values instead of
 * overwriting them with its own older ones at its next move.
 */
import { tabId } from './write-ahead.ts';

/** A message between tabs. */
export interface NotebookSavedMessage {
  kind: 'saved';
  /** The notebook's id. */
  id: string;
  /** The version now stored. */
  version: number;
  /** The tab that saved it. */
  tab: string;
}

/** A tab saved the input values of a notebook (`key` as `inputsKey` makes it). */
export interface InputsSavedMessage {
  kind: 'inputs';
  key: string;
  values: Record<string, unknown>;
  tab: string;
}

/** A channel to the other tabs; `close` stops listening. */
export interface NotebookChannel {
  /** Tells the other tabs that this tab saved `version` of notebook `id`. */
  saved(id: string, version: number): void;
  /** Tells the other tabs that this tab saved these input values for the notebook `key`. */
  inputsSaved(key: string, values: Record<string, unknown>): void;
  close(): void;
}

const NAME = 'caw-notebooks';

/** Opens the channel; `onsaved` hears about saves by other tabs. */
export function notebookChannel(
  onsaved: (message: NotebookSavedMessage) => void,
  oninputs: (message: InputsSavedMessage) => void = () => undefined,
): NotebookChannel {
  if (typeof BroadcastChannel === 'undefined')
    return { saved: () => undefined, inputsSaved: () => undefined, close: () => undefined };
  const channel = new BroadcastChannel(NAME);
  channel.onmessage = (ev: MessageEvent<NotebookSavedMessage | InputsSavedMessage>) => {
    const m = ev.data;
    if (!m || m.tab === tabId) return;
    if (m.kind === 'saved' && typeof m.id === 'string' && typeof m.version === 'number') onsaved(m);
    if (m.kind === 'inputs' && typeof m.key === 'string' && m.values && typeof m.values === 'object') oninputs(m);
  };
  return {
    saved: (id, version) =>
      channel.postMessage({ kind: 'saved', id, version, tab: tabId } satisfies NotebookSavedMessage),
    inputsSaved: (key, values) =>
      channel.postMessage({ kind: 'inputs', key, values, tab: tabId } satisfies InputsSavedMessage),
    close: () => channel.close(),
  };
}
