// The snapshot helper itself: a missing snapshot is written on a developer's machine but fails in
// CI, where writing it would let any rendering pass.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareSnapshot, isCi, normalizeSvg } from '../charts/snapshot.ts';

const SVG = '<svg><rect width="1.23456"></rect></svg>';

describe('compareSnapshot', () => {
  it.each<[string, string | null, boolean, string, boolean]>([
    // case, saved snapshot (null: none), CI, status, snapshot file exists afterwards
    ['missing, on a developer machine: written', null, false, 'written', true],
    ['missing, in CI: fails and writes nothing', null, true, 'missing', false],
    ['present and equal, in CI', normalizeSvg(SVG), true, 'same', true],
    ['present and different, in CI', '<svg></svg>\n', true, 'changed', true],
  ])('%s', (_name, saved, ci, status, exists) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'snap-'));
    if (saved !== null) writeFileSync(path.join(dir, 'c.svg'), saved);
    const r = compareSnapshot('c', SVG, { dir, ci });
    expect(r.status).toBe(status);
    expect(r.actual === r.expected).toBe(status === 'written' || status === 'same');
    expect(existsSync(path.join(dir, 'c.svg'))).toBe(exists);
  });
});

describe('isCi', () => {
  it.each<[string | undefined, boolean]>([
    [undefined, false],
    ['', false],
    ['false', false],
    ['0', false],
    ['true', true],
    ['1', true],
  ])('CI=%s → %s', (v, ci) => {
    expect(isCi({ CI: v })).toBe(ci);
  });
});
