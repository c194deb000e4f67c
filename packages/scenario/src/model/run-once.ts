import { replay, type RecordedEvent } from '@stibium/core';
import {
  ANTIMONY_VINTAGES,
  OUTCOME_CATALOGUE,
  antimonyWorld,
  createWorldDecider,
  OutcomeFold,
  foldOutcomes,
  monthsBetween,
  parseMonth,
  worldIds,
  yearOfMonth,
  type World,
  type WorldEvent,
} from '@stibium/market';
import { runPolicyWorld } from '@stibium/policy';
import type { RunOnceOptions, RunOutput } from '../experiment/types.ts';
import { applyOverrides } from '../format/apply-overrides.ts';
import type { IdCatalog } from '../format/catalog.ts';
import { overridesForRun } from '../format/run-overrides.ts';
import type { ResolvedScenario } from '../format/types.ts';
import { createUncertaintySampler, type UncertaintySampler } from '../uncertainty/sampler.ts';
import { FlowFold } from './flows.ts';
import { outcomeSelector } from './outcome-select.ts';
import { numericPaths, treeToWorld, uniformShapes, worldToTree, type ParameterTree } from './parameter-tree.ts';

// The antimony model as the experiment runner sees it: one module, loaded once per worker.
// Caches hold only data derived from immutable inputs, so results never depend on which
// runs a worker happened to see before.

const worlds = new Map<string, { world: World; tree: ParameterTree }>();
const samplers = new Map<string, UncertaintySampler>();

function baseWorld(vintage: string): { world: World; tree: ParameterTree } {
  let entry = worlds.get(vintage);
  if (entry === undefined) {
    const world = uniformShapes(antimonyWorld(vintage));
    entry = { world, tree: worldToTree(world) };
    worlds.set(vintage, entry);
  }
  return entry;
}

function samplerFor(scenario: ResolvedScenario): UncertaintySampler | undefined {
  if (Object.keys(scenario.uncertainties).length === 0) return undefined;
  const key = JSON.stringify([scenario.name, scenario.seed, scenario.runs, scenario.uncertainties, scenario.correlations]);
  let sampler = samplers.get(key);
  if (sampler === undefined) {
    sampler = createUncertaintySampler(scenario, { runs: scenario.runs, seed: scenario.seed });
    samplers.set(key, sampler);
  }
  return sampler;
}

/** The world one run of a scenario simulates: vintage, then overrides with this run's sample. */
export function worldForRun(scenario: ResolvedScenario, runIndex: number): World {
  const { world, tree } = baseWorld(scenario.vintage);
  const sample = samplerFor(scenario)?.sample(runIndex) ?? {};
  const overrides = overridesForRun(scenario, sample);
  if (Object.keys(overrides).length === 0) return world;
  return uniformShapes(treeToWorld(applyOverrides(tree, overrides), world));
}

/**
 * A run's two folds behind one listener: the prototype's `add`, bound once per run. An
 * arrow made per run is a new closure, and V8 was seen optimising such closures again
 * every few runs (`--trace-opt`), background CPU a two-worker pool needs for runs.
 */
class RunFolds {
  readonly add: (event: RecordedEvent<WorldEvent>) => void;

  constructor(
    readonly flows: FlowFold,
    readonly fold: OutcomeFold,
  ) {
    this.add = this.#add.bind(this);
  }

  #add(event: RecordedEvent<WorldEvent>): void {
    this.flows.add(event);
    this.fold.add(event);
  }
}

const isPrice = (id: string): boolean => id.startsWith('price.');

/**
 * Runs one scenario (or one of its variants) once: resolves the world, compiles the
 * timed interventions and adaptive rules, runs the event-sourced world on the engine and
 * folds the log into the scenario's outcomes: yearly for every outcome, monthly too for
 * prices, and yearly flows for the report's flow diagram.
 */
export function runScenarioOnce(
  scenario: ResolvedScenario,
  variant: string | undefined,
  runIndex: number,
  runSeed: string,
  options: RunOnceOptions,
): RunOutput {
  const resolved = variant === undefined ? scenario : (scenario.variants[variant] ?? scenario);
  const world = worldForRun(resolved, runIndex);
  const months = monthsBetween(world.start, resolved.horizon.end);
  const origin = parseMonth(world.start);
  const folds = new RunFolds(new FlowFold((m) => yearOfMonth(m, origin)), new OutcomeFold(world, months));
  const { flows, fold } = folds;
  // Outcomes fold as events are recorded, so a run that keeps no log holds no events:
  // they die young, and the log is only hashed.
  const result = runPolicyWorld(
    { world, interventions: resolved.events, rules: resolved.rules, months },
    {
      seed: runSeed,
      record: options.keepLog,
      onEvent: folds.add,
    },
  );
  // Only prices are reported per month.
  const table = fold.result(isPrice);
  const selected = outcomeSelector(resolved.outcomes);
  const firstYear = Number(resolved.horizon.start.slice(0, 4));
  // The reported years and price months are the same for every outcome: found once.
  const yearAt: number[] = [];
  const yearLabels: string[] = [];
  for (let i = 0; i < table.years.length; i++) {
    const year = table.years[i] as number;
    if (year >= firstYear) {
      yearAt.push(i);
      yearLabels.push(String(year));
    }
  }
  const monthAt: number[] = [];
  for (let i = 0; i < table.months.length; i++) if ((table.months[i] as string) >= resolved.horizon.start) monthAt.push(i);
  const outcomes: Record<string, Record<string, number>> = {};
  for (const id of Object.keys(table.outcomes).sort()) {
    if (!selected(id)) continue;
    const series = table.outcomes[id] as { yearly: number[]; monthly: number[] };
    const values: Record<string, number> = {};
    for (let k = 0; k < yearAt.length; k++) values[yearLabels[k] as string] = series.yearly[yearAt[k] as number] as number;
    if (isPrice(id)) {
      for (const i of monthAt) values[table.months[i] as string] = series.monthly[i] as number;
    }
    outcomes[id] = values;
  }
  const flowOutcomes = flows.result(firstYear);
  for (const id in flowOutcomes) if (selected(id)) outcomes[id] = flowOutcomes[id] as Record<string, number>;
  return {
    scenario: variant === undefined ? scenario.name : `${scenario.name}/${variant}`,
    run: runIndex,
    seed: runSeed,
    logHash: result.logHash,
    outcomes,
    ...(options.keepLog ? { log: result.events as RecordedEvent[] } : {}),
  };
}

/** The ids and parameter paths scenario files may refer to, from the shipped world. */
export function scenarioCatalog(): IdCatalog {
  const { world, tree } = baseWorld(ANTIMONY_VINTAGES.includes('mcs2026') ? 'mcs2026' : (ANTIMONY_VINTAGES[0] as string));
  const ids = worldIds(world);
  const paths = numericPaths(tree);
  const known = new Set(paths);
  return {
    countries: ids.countries,
    facilities: [...ids.mines, ...ids.plants].sort(),
    markets: ids.markets,
    routes: ids.routes,
    parameterPaths: (path) => known.has(path),
    parameterPathList: paths,
    vintages: ANTIMONY_VINTAGES,
    outcomes: outcomeIds(ids.countries),
  };
}

/**
 * Every outcome id a run can report: the catalogue's families expanded over product forms
 * and countries (plus ROW, the ex-China market's hub), and the flow outcomes of the report.
 */
function outcomeIds(countries: readonly string[]): string[] {
  const places = [...countries, 'ROW'];
  const expand: Readonly<Record<string, readonly string[]>> = { '<form>': ['ore', 'concentrate', 'metal', 'oxide'], '<dest>': places, '<ISO3>': places };
  const ids: string[] = [];
  for (const { id } of OUTCOME_CATALOGUE as readonly { id: string }[]) {
    const slot = Object.keys(expand).find((token) => id.includes(token));
    if (slot === undefined) ids.push(id);
    else for (const value of expand[slot] as readonly string[]) ids.push(id.replace(slot, value));
  }
  for (const stage of ['mine', 'concentrate', 'refined']) for (const from of countries) for (const to of places) ids.push(`flow.${stage}.${from}.${to}`);
  return ids.sort();
}

/** State and outcomes at time `until` (model months) folded from a stored log. */
export function replayOutcomes(entries: Iterable<RecordedEvent>, until: number): { state: unknown; outcomes: Record<string, Record<string, number>> } {
  const world = baseWorld(ANTIMONY_VINTAGES.includes('mcs2026') ? 'mcs2026' : (ANTIMONY_VINTAGES[0] as string)).world;
  const upTo = [...entries].filter((e) => e.time <= until) as RecordedEvent<WorldEvent>[];
  const state = replay(upTo, createWorldDecider(world), until);
  const table = foldOutcomes(world, upTo);
  const outcomes: Record<string, Record<string, number>> = {};
  for (const [id, series] of Object.entries(table.outcomes)) {
    outcomes[id] = Object.fromEntries(table.years.map((year, i) => [String(year), series.yearly[i] as number]));
  }
  return { state, outcomes };
}

/** The outcome catalogue (id, unit, description, formula), written into results folders. */
export function outcomeCatalogue(): readonly unknown[] {
  return OUTCOME_CATALOGUE;
}

export { resultsMetadata } from './metadata.ts';
