import type { RecordedEvent } from '@stibium/core';
import type { ResolvedScenario } from '../format/types.ts';

/** Outcome values of one run: outcome id -> period ('YYYY' or 'YYYY-MM') -> value. */
export type OutcomeValues = Record<string, Record<string, number>>;

/** What one run of one scenario produces (the contract of `runScenarioOnce`). */
export interface RunOutput {
  /** The case id the run belongs to (scenario name, or `name/variant`). */
  readonly scenario: string;
  readonly run: number;
  readonly seed: string;
  /** SHA-256 of the run's event log. */
  readonly logHash: string;
  readonly outcomes: OutcomeValues;
  /** The event log, only when asked for with `keepLog`. */
  readonly log?: RecordedEvent[];
}

/** Options the runner passes to a model run. */
export interface RunOnceOptions {
  readonly keepLog: boolean;
  /** Total runs of the experiment (the scenario's `runs` is set to it as well). */
  readonly runs?: number;
}

/**
 * A model module: what the experiment runner imports (in each worker) to run scenarios.
 * `packages/scenario/src/model/run-once.ts` is the antimony one; tests use small fakes.
 */
export interface ModelModule {
  runScenarioOnce(scenario: ResolvedScenario, variant: string | undefined, runIndex: number, runSeed: string, options: RunOnceOptions): RunOutput | Promise<RunOutput>;
}

/** One scenario (or variant of one) in an experiment. */
export interface ExperimentCase {
  /** Id in result files: the scenario name, or `name/variant`. */
  readonly id: string;
  readonly scenario: ResolvedScenario;
  readonly variant: string | undefined;
}

/** The outputs of every case for one run index, in case order. */
export interface RunGroup {
  readonly run: number;
  readonly seed: string;
  readonly outputs: readonly RunOutput[];
}

/** A half-open slice [from, to) of run indices. */
export interface RunRange {
  readonly from: number;
  readonly to: number;
}

/**
 * Everything that determines an experiment's results (and nothing that does not, such as
 * the worker count): cases, baseline, total runs, the slice to run, seed, logs kept.
 */
export interface ExperimentPlan {
  readonly cases: readonly ExperimentCase[];
  /** Case id the others are compared with, or null for no comparison. */
  readonly baseline: string | null;
  /** Runs of the whole experiment (a slice still knows the total). */
  readonly runs: number;
  readonly range: RunRange;
  /** The experiment seed; run seeds derive from it and the run index only. */
  readonly seed: string;
  readonly keepLogs: boolean;
}
