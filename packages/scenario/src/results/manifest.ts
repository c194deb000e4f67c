import type { ExperimentCase, ExperimentPlan } from '../experiment/types.ts';
import { RUN_SEED_RULE } from '../experiment/seeds.ts';
import type { ResolvedScenario, ScenarioFileRef } from '../format/types.ts';
import type { FileDigest } from './atomic.ts';
import type { EngineProvenance } from './provenance.ts';
import { byCodePoint } from './rows.ts';

/** Name and version of the results folder layout, first in every manifest. */
export const RESULTS_FORMAT = 'stibium-results';
/** Bumped when the layout of a results folder changes. */
export const RESULTS_FORMAT_VERSION = 1;

/** One scenario (case) of the experiment as the manifest records it. */
export interface ManifestScenario {
  readonly id: string;
  readonly name: string;
  readonly variant: string | null;
  readonly vintage: string;
  /** Every file that went into it, with SHA-256. */
  readonly files: readonly ScenarioFileRef[];
  /** The resolved configuration that was run (variants listed by name only). */
  readonly resolved: unknown;
}

/** One run index: its seed and the log hash of each scenario. */
export interface ManifestRun {
  readonly run: number;
  readonly seed: string;
  readonly logHashes: Readonly<Record<string, string>>;
}

/** `manifest.json`: everything needed to cite, check and reproduce the results. */
export interface Manifest {
  readonly format: typeof RESULTS_FORMAT;
  readonly formatVersion: number;
  readonly engine: EngineProvenance;
  readonly experiment: {
    readonly seed: string;
    readonly runs: number;
    readonly runRange: { readonly from: number; readonly to: number };
    readonly runSeedRule: string;
    readonly baseline: string | null;
    readonly keepLogs: boolean;
  };
  readonly dataVintages: readonly string[];
  readonly scenarios: readonly ManifestScenario[];
  readonly runs: readonly ManifestRun[];
  /** Size and SHA-256 of every other result file. */
  readonly files: Readonly<Record<string, FileDigest>>;
}

/** The scenario actually run by a case: the variant's resolution when one is chosen. */
export function caseScenario(c: ExperimentCase): ResolvedScenario {
  if (c.variant === undefined) return c.scenario;
  const v = c.scenario.variants[c.variant];
  if (v === undefined) throw new Error(`scenario ${c.scenario.name} has no variant ${c.variant}`);
  return v;
}

function describeCase(c: ExperimentCase): ManifestScenario {
  const resolved = caseScenario(c);
  return {
    id: c.id,
    name: c.scenario.name,
    variant: c.variant ?? null,
    vintage: resolved.vintage,
    files: c.scenario.files,
    resolved: { ...resolved, variants: Object.keys(c.scenario.variants).sort(byCodePoint) },
  };
}

/** The manifest without the per-run list and file digests: known before the first run. */
export type ManifestHeader = Omit<Manifest, 'runs' | 'files'>;

/** The manifest header of a plan (a merge takes it from the slices' manifests instead). */
export function manifestHeader(plan: ExperimentPlan, engine: EngineProvenance): ManifestHeader {
  const scenarios = plan.cases.map(describeCase);
  return {
    format: RESULTS_FORMAT,
    formatVersion: RESULTS_FORMAT_VERSION,
    engine,
    experiment: {
      seed: plan.seed,
      runs: plan.runs,
      runRange: { from: plan.range.from, to: plan.range.to },
      runSeedRule: RUN_SEED_RULE,
      baseline: plan.baseline,
      keepLogs: plan.keepLogs,
    },
    dataVintages: [...new Set(scenarios.map((s) => s.vintage))].sort(byCodePoint),
    scenarios,
  };
}
