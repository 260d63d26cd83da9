import type { MessageKey } from '../i18n/messages-en.ts';

/** The translator `storageProblem` words its reasons with (`t` in the app). */
export type Say = (key: Extract<MessageKey, 'storage.full' | 'storage.refused'>, name: string) => string;

/**
 * Why the browser did not store something, in words: a full quota with the room left, else the
 * error's own message, else its name (IndexedDB's quota and abort errors may carry no message, and
 * "Not saved: " must never end there).
 */
export function storageProblem(e: unknown, t: Say): string {
  const name = e && typeof e === 'object' && 'name' in e ? String(e.name) : '';
  // The browser's free-space estimate is approximate (it may report room while refusing a write): not quoted.
  if (name === 'QuotaExceededError') return t('storage.full', name);
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a thrown non-Error is shown as the browser gives it
  const message = (e instanceof Error ? e.message : String(e ?? '')).trim();
  return message || t('storage.refused', name || 'Error');
}
