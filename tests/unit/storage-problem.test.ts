// "Not saved: …" always gives a reason, whatever the browser's storage error carries.
import { describe, expect, it } from 'vitest';
import { en } from '../../src/ui/i18n/messages-en.ts';
import { interpolate } from '../../src/ui/i18n/translate.ts';
import { storageProblem, type Say } from '../../src/ui/notebook/storage-problem.ts';

const say: Say = (key, name) => interpolate(en[key], 'en', { name });

describe('storageProblem', () => {
  it.each<[string, unknown, RegExp]>([
    ['a quota error without a message', new DOMException('', 'QuotaExceededError'), /storage for this site is full/],
    [
      'a quota error with one',
      new DOMException('Quota exceeded.', 'QuotaExceededError'),
      /storage for this site is full/,
    ],
    ['an abort without a message', new DOMException('', 'AbortError'), /refused to store it \(AbortError\)/],
    ['an error with a message', new Error('disk on fire'), /^disk on fire$/],
    ['an empty Error', new Error(''), /refused to store it \(Error\)/],
    ['a blank string', '  ', /refused to store it \(Error\)/],
    ['nothing at all', undefined, /refused to store it \(Error\)/],
  ])('%s', (_name, e, expected) => {
    const text = storageProblem(e, say);
    expect(text.trim().length).toBeGreaterThan(0);
    expect(text).toMatch(expected);
  });
});
