import { createHash } from 'node:crypto';

/** The documented rule of {@link runSeed}, written into every manifest. */
export const RUN_SEED_RULE =
  "runSeed = first 16 hex digits of sha256('stibium/run-seed/v1/' + experimentSeed + '/' + runIndex); the same for every scenario, so scenarios are compared on common random numbers";

/**
 * The seed of run `runIndex` of an experiment: a function of the experiment seed and the
 * run index only (never the scenario), so run i of every scenario draws the same random
 * numbers and differences between scenarios are paired.
 */
export function runSeed(experimentSeed: string, runIndex: number): string {
  return createHash('sha256').update(`stibium/run-seed/v1/${experimentSeed}/${runIndex}`).digest('hex').slice(0, 16);
}
