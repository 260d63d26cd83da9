import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, headerContentSecurityPolicy } from '../../src/app/csp.ts';
import { isSameOrigin } from '../../src/engine/same-origin-only.ts';

const html = readFileSync(path.resolve(import.meta.dirname, '../../index.html'), 'utf8');

describe('Content-Security-Policy', () => {
  it("index.html's meta tag is the page's policy", () => {
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(contentSecurityPolicy);
  });

  it('the header differs from the page policy only by eval for the worker and frame-ancestors', () => {
    expect(headerContentSecurityPolicy).toBe(
      `${contentSecurityPolicy.replace("script-src 'self' 'wasm-unsafe-eval'", "script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'")}; frame-ancestors 'none'`,
    );
    expect(contentSecurityPolicy).not.toContain("'unsafe-eval'");
  });

  it.each([contentSecurityPolicy, headerContentSecurityPolicy])(
    "keeps connections on the app's own origin: %s",
    (policy) => {
      expect(policy).toContain("connect-src 'self'");
    },
  );
});

describe('isSameOrigin (the engine worker request guard)', () => {
  const base = 'http://127.0.0.1:4173/assets/worker-abc.js';
  it.each([
    ['/assets/duckdb-eh.wasm', true],
    ['duckdb-eh.wasm', true],
    ['http://127.0.0.1:4173/x', true],
    ['blob:http://127.0.0.1:4173/1234', true],
    ['data:text/plain,hi', true],
    ['http://127.0.0.1:4174/x', false],
    ['http://localhost:4173/x', false],
    ['https://127.0.0.1:4173/x', false],
    ['https://extensions.duckdb.org/v1.4.3/wasm_eh/json.duckdb_extension.wasm', false],
    ['//evil.example/x', false],
  ])('%s → %s', (url, expected) => {
    expect(isSameOrigin(url, base)).toBe(expected);
  });
});
