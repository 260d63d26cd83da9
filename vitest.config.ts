import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.ts',
      'tests/unit/**/*.test.ts',
      'tests/engine/**/*.test.ts',
      'sample-data/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    environment: 'node',
    // Engine tests start a real DuckDB-WASM instance per file; give them room on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    env: { TZ: 'UTC' },
  },
});
