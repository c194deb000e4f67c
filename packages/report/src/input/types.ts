/**
 * The parts of a results folder the report reads, as plain data. These mirror the files
 * written by @stibium/scenario's results writer, declared here because the report reads
 * files and never imports domain code; every field the files may lack is optional.
 */

/** Statistics of one outcome in one period across runs (`summary.json` leaf). */
export interface PeriodStats {
  readonly mean: number | null;
  readonly sd: number | null;
  readonly p5: number | null;
  /** Only when the writer adds inner quantiles; the fan chart then draws a p25-p75 band. */
  readonly p25: number | null;
  readonly p50: number | null;
  readonly p75: number | null;
  readonly p95: number | null;
  readonly n: number | null;
}

/** `summary.json`: scenario -> outcome id -> period ('YYYY' or 'YYYY-MM') -> statistics. */
export type SummaryData = ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, PeriodStats>>>;

/** One paired difference of `comparison.json`. */
export interface DifferenceStats {
  readonly n: number | null;
  readonly meanDifference: number | null;
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
  readonly baselineMean: number | null;
  readonly policyMean: number | null;
}

/** `comparison.json`: policy -> outcome -> period -> difference from the baseline. */
export interface ComparisonData {
  readonly baseline: string;
  readonly confidence: number | null;
  readonly method: string | null;
  readonly differences: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, DifferenceStats>>>;
}

/** What the report shows about an outcome id (from `outcomes.json` or the manifest). */
export interface OutcomeInfo {
  readonly id: string;
  readonly unit: string | null;
  readonly description: string | null;
  readonly formula: string | null;
}

/** A cited publication (`assumptions.json` `sources` entry). */
export interface SourceInfo {
  readonly key: string;
  readonly title: string | null;
  readonly url: string | null;
  readonly via: string | null;
}

/** One assumption: a value the model takes as given, and where it comes from. */
export interface AssumptionInfo {
  readonly id: string;
  /** Scenario it belongs to, or null for the world data every scenario shares. */
  readonly scenario: string | null;
  readonly value: string | null;
  readonly unit: string | null;
  readonly description: string | null;
  /** Source key, 'assumption', or a scenario file path. */
  readonly source: string | null;
  readonly note: string | null;
}

/** One scenario file that went into a case, with its hash. */
export interface ScenarioFileInfo {
  readonly path: string;
  readonly sha256: string | null;
  readonly bytes: number | null;
}

/** One scenario (case) of the manifest. */
export interface ScenarioInfo {
  readonly id: string;
  readonly name: string;
  readonly variant: string | null;
  readonly description: string | null;
  readonly vintage: string | null;
  readonly files: readonly ScenarioFileInfo[];
  /** Inclusive 'YYYY-MM' months, when the manifest has the resolved horizon. */
  readonly horizon: { readonly start: string; readonly end: string } | null;
  /** The resolved configuration as recorded (read for scenario-level assumptions). */
  readonly resolved: Readonly<Record<string, unknown>> | null;
}

/** The provenance fields of `manifest.json`, each null when absent. */
export interface ProvenanceInfo {
  readonly format: string | null;
  readonly formatVersion: number | null;
  readonly engineVersion: string | null;
  readonly gitCommit: string | null;
  readonly node: string | null;
  readonly seed: string | null;
  readonly runs: number | null;
  readonly runRange: { readonly from: number; readonly to: number } | null;
  readonly runSeedRule: string | null;
  readonly baseline: string | null;
  readonly keepLogs: boolean | null;
  readonly dataVintages: readonly string[];
  /** Number of (run, scenario) log hashes recorded. */
  readonly logHashCount: number;
  /** Runs listed in the manifest with their seeds (first and last shown). */
  readonly runSeeds: readonly { readonly run: number; readonly seed: string }[];
  readonly files: readonly { readonly name: string; readonly bytes: number | null; readonly sha256: string | null }[];
}

/** Everything the report is made from, with notes on what was missing. */
export interface ResultsData {
  readonly dir: string;
  readonly provenance: ProvenanceInfo | null;
  /** Scenarios in manifest order (or summary order without a manifest). */
  readonly scenarios: readonly ScenarioInfo[];
  readonly summary: SummaryData;
  readonly comparison: ComparisonData | null;
  readonly outcomes: ReadonlyMap<string, OutcomeInfo>;
  readonly sources: ReadonlyMap<string, SourceInfo>;
  readonly assumptions: readonly AssumptionInfo[];
  /** Visible notes on absent or unreadable parts (the report degrades, it does not fail). */
  readonly notes: readonly string[];
}
