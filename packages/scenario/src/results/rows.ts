import type { RunOutput } from '../experiment/types.ts';

/** One row of the long per-run table. */
export interface RunRow {
  readonly scenario: string;
  readonly run: number;
  readonly seed: string;
  readonly outcome: string;
  readonly period: string;
  /** Null when the model produced a non-finite number. */
  readonly value: number | null;
}

/** Code-point order: the same on every machine and locale. */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The rows of one run output, outcomes and periods in code-point order: the definition
 * packed outputs (`packed.ts`) follow.
 */
export function* rowsOf(output: RunOutput): Generator<RunRow> {
  const outcomes = Object.keys(output.outcomes).sort(byCodePoint);
  for (const outcome of outcomes) {
    const periods = output.outcomes[outcome] as Record<string, number>;
    for (const period of Object.keys(periods).sort(byCodePoint)) {
      const value = periods[period] as number;
      // -0 becomes 0: a journal round trip (JSON) loses the sign, and bytes must not differ.
      yield { scenario: output.scenario, run: output.run, seed: output.seed, outcome, period, value: Number.isFinite(value) ? value + 0 : null };
    }
  }
}
