// The start-up guard: a run's marker is there from start until it finished, keyed per notebook,
// and storage that fails never stops a run (the notebook then auto-runs as before).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { markRunFinished, markRunStarted, runKey, runUnfinished } from '../../src/app/run-marker.ts';

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, String(v)),
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('run markers', () => {
  it.each([
    ['never run', [], false],
    ['started, never finished (frozen or killed)', ['start'], true],
    ['started and finished', ['start', 'finish'], false],
    ['finished, then started again', ['start', 'finish', 'start'], true],
  ] as const)('%s → unfinished %s', (_name, steps, expected) => {
    vi.stubGlobal('localStorage', memoryStorage());
    const ref = { kind: 'user', id: 'user-1' } as const;
    for (const step of steps) {
      if (step === 'start') markRunStarted(ref);
      else markRunFinished(runKey(ref));
    }
    expect(runUnfinished(ref)).toBe(expected);
    expect(runUnfinished({ kind: 'builtin', id: 'user-1' })).toBe(false);
  });

  it('storage that throws neither stops a run nor holds a notebook back', () => {
    const broken = memoryStorage();
    broken.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    broken.getItem = () => {
      throw new Error('SecurityError');
    };
    vi.stubGlobal('localStorage', broken);
    const ref = { kind: 'builtin', id: 'whale' } as const;
    expect(markRunStarted(ref)).toBe('caw.run:builtin:whale');
    expect(runUnfinished(ref)).toBe(false);
  });
});
