import type { Parameters } from 'fast-check';

/** The seed every property test pins, so CI runs the same cases each time. */
export const PROPERTY_SEED = 424242;

/**
 * fast-check options `{ seed: 424242, numRuns }`. On failure fast-check prints the seed and
 * the shrunk path; rerun with `{ seed, path }` to reproduce. A larger fuzz run by hand, with
 * a fresh random seed: `FUZZ_RUNS=5000 pnpm vitest run packages/core/test/properties`.
 */
export function pinned<T = unknown>(numRuns: number): Parameters<T> {
  const fuzz = Number(process.env.FUZZ_RUNS ?? '');
  if (Number.isInteger(fuzz) && fuzz > 0) return { numRuns: fuzz };
  return { seed: PROPERTY_SEED, numRuns };
}
