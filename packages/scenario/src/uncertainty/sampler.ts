import { RandomStreams, StibiumError } from '@stibium/core';
import type { ResolvedScenario } from '../format/types.ts';
import { imanConover, permutation } from './iman-conover.ts';
import { quantileFunction } from './quantile.ts';

/** How uniforms are drawn: stratified Latin hypercube (default) or plain Monte Carlo. */
export type SamplingMethod = 'lhs' | 'mc';

/** Options of {@link createUncertaintySampler}. */
export interface SamplerOptions {
  /** Runs in the whole experiment (the design depends on it; a run range uses the same total). */
  readonly runs: number;
  /** Experiment seed; defaults to the scenario's. */
  readonly seed?: number | string;
  readonly method?: SamplingMethod;
}

/** Sampled values of every uncertainty, per run index. */
export interface UncertaintySampler {
  /** Uncertainty names, sorted. */
  readonly names: readonly string[];
  /** The sample of run `runIndex` (0-based): name -> value. Same inputs, same numbers. */
  sample(runIndex: number): Record<string, number>;
}

/**
 * Builds the experiment's sampling design once: for each uncertainty, `runs` uniforms
 * (Latin hypercube: one per stratum, strata shuffled; or plain draws), mapped through its
 * quantile function, then rank-correlated by Iman-Conover. Every variable draws from its
 * own named stream (`uncertainty/<name>`, `uncertainty.ic/<name>`) derived from the seed,
 * so adding an uncertainty never changes another's draws, and two scenarios with the
 * same seed share their draws (common random numbers). Memory is runs x variables doubles.
 */
export function createUncertaintySampler(scenario: ResolvedScenario, options: SamplerOptions): UncertaintySampler {
  const { runs } = options;
  if (!Number.isInteger(runs) || runs < 1) throw new StibiumError('INVALID_ARGUMENT', `runs must be a positive integer, got ${runs}`);
  const method = options.method ?? 'lhs';
  const streams = new RandomStreams(options.seed ?? scenario.seed);
  const names = Object.keys(scenario.uncertainties).sort();
  const columns = new Map<string, Float64Array>();
  for (const name of names) {
    const dist = scenario.uncertainties[name];
    if (!dist) continue;
    const quantile = quantileFunction(dist);
    const stream = streams.get(`uncertainty/${name}`);
    const strata = method === 'lhs' ? permutation(runs, stream) : undefined;
    const column = new Float64Array(runs);
    for (let i = 0; i < runs; i++) {
      const u = strata ? ((strata[i] as number) + stream.next()) / runs : stream.next();
      column[i] = quantile(Math.min(Math.max(u, 1e-12), 1 - 1e-12));
    }
    columns.set(name, column);
  }
  const corr = scenario.correlations;
  if (corr && runs > corr.variables.length) {
    const cols = corr.variables.map((v) => columns.get(v)).filter((c): c is Float64Array => c !== undefined);
    if (cols.length === corr.variables.length) {
      imanConover(cols, corr.matrix, corr.variables.map((v) => streams.get(`uncertainty.ic/${v}`)));
    }
  }
  return {
    names,
    sample(runIndex) {
      if (!Number.isInteger(runIndex) || runIndex < 0 || runIndex >= runs) {
        throw new StibiumError('INVALID_ARGUMENT', `run index ${runIndex} is outside 0..${runs - 1}`);
      }
      const out: Record<string, number> = {};
      for (const name of names) out[name] = (columns.get(name) as Float64Array)[runIndex] as number;
      return out;
    },
  };
}
