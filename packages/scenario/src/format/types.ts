import type { EventEntry, RuleEntry } from './policy-schemas.ts';

/** An override that depends on sampled uncertainties, evaluated per run. */
export interface DeferredExpression {
  readonly expression: string;
  /** Parameter and uncertainty names it reads. */
  readonly dependsOn: readonly string[];
}

/** Fields every resolved distribution has. */
interface DistributionInfo {
  /** World parameter path the sampled value overrides, if any. */
  readonly target?: string;
  readonly unit?: string;
  readonly description?: string;
}

/** A distribution with every parameter evaluated to a number (lognormal normalised to mu/sigma). */
export type ResolvedDistribution = DistributionInfo &
  (
    | { readonly type: 'uniform'; readonly min: number; readonly max: number }
    | { readonly type: 'triangular'; readonly min: number; readonly mode: number; readonly max: number }
    | { readonly type: 'normal'; readonly mean: number; readonly sd: number; readonly truncate?: { readonly min?: number; readonly max?: number } }
    | { readonly type: 'lognormal'; readonly mu: number; readonly sigma: number }
    | { readonly type: 'discrete'; readonly values: readonly number[]; readonly weights: readonly number[] }
    | { readonly type: 'empirical'; readonly samples: readonly number[] }
  );

/** A rank correlation matrix over named uncertainties. */
export interface ResolvedCorrelations {
  readonly variables: readonly string[];
  readonly matrix: readonly (readonly number[])[];
}

/** A lever's value: a scalar or a list of scalars. */
export type LeverValue = number | string | boolean | readonly (number | string | boolean)[];

/** A lever as resolved: its chosen value and, if declared, its options. */
export interface ResolvedLever {
  readonly value: LeverValue;
  readonly options?: readonly (number | string | boolean)[];
  readonly description?: string;
}

/** One file that went into a scenario, for provenance. */
export interface ScenarioFileRef {
  /** Path as named by the user or the extending file. */
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
}

/**
 * A scenario with `extends` merged, expressions evaluated (or deferred, for overrides that
 * read uncertainties) and everything validated. Plain JSON: it goes into the results
 * manifest as the resolved configuration.
 */
export interface ResolvedScenario {
  readonly name: string;
  readonly description?: string;
  /** The file loaded first, then every file it extends (each once). */
  readonly files: readonly ScenarioFileRef[];
  readonly horizon: { readonly start: string; readonly end: string };
  readonly timeStep: 'month';
  readonly vintage: string;
  readonly parameters: Readonly<Record<string, number>>;
  readonly overrides: Readonly<Record<string, number | DeferredExpression>>;
  readonly uncertainties: Readonly<Record<string, ResolvedDistribution>>;
  /** Null when no correlations are declared. */
  readonly correlations: ResolvedCorrelations | null;
  readonly levers: Readonly<Record<string, ResolvedLever>>;
  /** Timed interventions in file order, validated by `@stibium/policy`, expressions evaluated. */
  readonly events: readonly EventEntry[];
  /** Adaptive rules, defaults applied. */
  readonly rules: readonly RuleEntry[];
  readonly runs: number;
  readonly seed: number | string;
  /** Outcome ids or globs to report; `['*']` when the file gives none. */
  readonly outcomes: readonly string[];
  /** Named variants, each fully resolved (its own `variants` is empty). */
  readonly variants: Readonly<Record<string, ResolvedScenario>>;
  /**
   * Variants left out because a lever value given by the caller (`--lever`) is not among
   * the options the variant allows, with the reason; absent when none is.
   */
  readonly unavailableVariants?: Readonly<Record<string, string>>;
}
