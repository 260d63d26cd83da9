/**
 * Notes as analyses write them. A note is a catalogue message (rendered in each reader's language by
 * `localiseNotes`) or, where no message fits, English text: a fixed `note.*` sentence (found again
 * by its English) or text from elsewhere. `noteFields` turns an analysis's list into the result's
 * `notes` (English, for code and tests) and `noteRefs` (the messages, by index).
 */
import type { AnalysisResult } from '../types.ts';
import type { FindingKey } from './catalogs.ts';
import { english } from './localise.ts';
import type { MessageParams, MessageRef } from './render.ts';

/** One note of an analysis. */
export type Note = MessageRef | string;

/** The note `key` with its parameters. */
export function note(key: FindingKey, params: MessageParams = {}): MessageRef {
  return { kind: 'msg', key, params };
}

/** The English of a note. */
export function noteText(n: Note): string {
  return typeof n === 'string' ? n : english(n);
}

/** A result's `notes` and `noteRefs` from an analysis's notes. */
export function noteFields(list: readonly Note[]): Pick<AnalysisResult, 'notes' | 'noteRefs'> {
  const noteRefs: Record<number, MessageRef> = {};
  const notes = list.map((n, i) => {
    if (typeof n === 'string') return n;
    noteRefs[i] = n;
    return english(n);
  });
  return Object.keys(noteRefs).length ? { notes, noteRefs } : { notes };
}
