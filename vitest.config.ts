import { defineConfig } from 'vitest/config';

/**
 * One vitest run covers every package. Property tests pin their seeds in code
 * (see `packages/core/test/support/property.ts`), so runs are deterministic.
 */
export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'examples/**/*.test.ts', 'bench/**/*.test.ts', 'docs/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
