/**
 * Tells the other tabs of this origin which notebook version a tab saved (BroadcastChannel), so a
 * tab with the same notebook open learns at once that its copy is no longer the newest, instead of
 * finding out only when its next save meets the newer version (`saveNotebook`).
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

/** A channel to the other tabs; `close` stops listening. */
export interface NotebookChannel {
  /** Tells the other tabs that this tab saved `version` of notebook `id`. */
  saved(id: string, version: number): void;
  close(): void;
}

const NAME = 'caw-notebooks';

/** Opens the channel; `onsaved` hears about saves by other tabs. */
export function notebookChannel(onsaved: (message: NotebookSavedMessage) => void): NotebookChannel {
  if (typeof BroadcastChannel === 'undefined') return { saved: () => undefined, close: () => undefined };
  const channel = new BroadcastChannel(NAME);
  channel.onmessage = (ev: MessageEvent<NotebookSavedMessage>) => {
    const m = ev.data;
    if (m && m.kind === 'saved' && m.tab !== tabId && typeof m.id === 'string' && typeof m.version === 'number') onsaved(m);
  };
  return {
    saved: (id, version) => channel.postMessage({ kind: 'saved', id, version, tab: tabId } satisfies NotebookSavedMessage),
    close: () => channel.close(),
  };
}
