import { defineConfig } from 'vitest/config';

/**
 * The harness's own unit tests (pure helpers only: no timing, no engine):
 * `npx vitest run -c bench/vitest.config.ts`. The root config does not include `bench/`.
 */
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    exclude: ['out/**'],
    environment: 'node',
    env: { TZ: 'UTC' },
  },
});
