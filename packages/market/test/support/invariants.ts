import { foldOutcomes, runWorld, worldInvariantViolations, type TimedCommand, type World } from '../../src/index.ts';

/** Runs a world and returns its log, final state and outcomes, for invariant checks. */
export function runAndFold(world: World, commands: readonly TimedCommand[], months: number, seed: string | number = 7) {
  const run = runWorld({ world, commands, months }, { seed });
  return { ...run, outcomes: foldOutcomes(world, run.events, months) };
}

/** The invariant checker of @stibium/market, under its test name. */
export const violations = worldInvariantViolations;
