import { resolve } from 'node:path';
import { safeSegment, type ExperimentCase } from '@stibium/scenario';
import { usage } from '../errors.ts';
import { checkLeverNames, leversFor } from '../levers.ts';
import { ScenarioError, leverCaseId, leverCombinations, loadScenario, type IdCatalog, type LeverChoice, type ResolvedScenario, type ScenarioProblem } from '../scenario-api.ts';

/** Which scenarios an experiment runs, as the user asked (stored for `--resume`). */
export interface CaseRequest {
  /** Policy (or plain) scenario files, as typed. */
  readonly files: readonly string[];
  /** The baseline file (compare), run first. */
  readonly baselineFile: string | null;
  /** `--baseline <id>` for run: a scenario id among the files. */
  readonly baselineId: string | null;
  readonly variant: string | null;
  readonly allVariants: boolean;
  /** `--lever name=value`, parsed (absent in requests stored before levers existed). */
  readonly levers?: Readonly<Record<string, LeverChoice>>;
  /** `--all-levers`: every combination of lever options is a case. */
  readonly allLevers?: boolean;
}

interface Loaded {
  readonly path: string;
  readonly scenario: ResolvedScenario;
  /** The `--lever` values that apply to this file. */
  readonly levers: Readonly<Record<string, LeverChoice>>;
}

/** Loads every path (with its levers), collecting all problems of all files before throwing. */
function loadAll(items: readonly { path: string; levers: Readonly<Record<string, LeverChoice>> }[], catalog: IdCatalog): Loaded[] {
  const problems: ScenarioProblem[] = [];
  const loaded: Loaded[] = [];
  for (const { path, levers } of items) {
    try {
      loaded.push({ path, levers, scenario: loadScenario(path, catalog, { levers }) });
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new ScenarioError(problems);
  return loaded;
}

/**
 * The cases of one file under `--all-levers`: one per combination of the options of the
 * levers of the scenario that runs (the base, or the `--variant`), other than those fixed
 * with `--lever`, each loaded with that combination over the fixed values. Id:
 * `name[lever=value,...]`. Undefined when the scenario has no lever with options.
 */
function leverCases(file: Loaded, variant: string | undefined, catalog: IdCatalog): ExperimentCase[] | undefined {
  const target = variant === undefined ? file.scenario : (file.scenario.variants[variant] as ResolvedScenario);
  const combinations = leverCombinations(target.levers, Object.keys(file.levers));
  if (combinations.length === 1 && Object.keys(combinations[0] ?? {}).length === 0) return undefined;
  return combinations.map((combination) => {
    const [loaded] = loadAll([{ path: file.path, levers: { ...file.levers, ...combination } }], catalog);
    return { id: leverCaseId(target.name, combination), scenario: (loaded as Loaded).scenario, variant };
  });
}

/**
 * Loads every file (all problems of all files reported together), with the `--lever`
 * values of the levers it declares, and expands them into cases: a file's base scenario,
 * its `--variant`, or all its variants; with `--all-levers`, the scenario that runs
 * becomes one case per combination of lever options (variants of `--all-variants` run
 * once each, at their own lever values). Returns the cases (baseline first) and the
 * baseline id (null when nothing is compared).
 */
export function buildCases(request: CaseRequest, catalog: IdCatalog): { cases: ExperimentCase[]; baseline: string | null } {
  const paths = [...(request.baselineFile === null ? [] : [request.baselineFile]), ...request.files];
  const seen = new Set<string>();
  for (const path of paths) {
    if (seen.has(resolve(path))) throw usage(`${path} is given twice`);
    seen.add(resolve(path));
  }
  const levers = request.levers ?? {};
  let loaded = loadAll(paths.map((path) => ({ path, levers: {} })), catalog);
  if (Object.keys(levers).length > 0) {
    // Load once as written to learn which levers each file declares, then with its --lever values.
    checkLeverNames(levers, loaded);
    loaded = loadAll(loaded.map((l) => ({ path: l.path, levers: leversFor(levers, l.path, l.scenario) })), catalog);
  }
  if (request.variant !== null) {
    const refused = loaded.find((l) => l.scenario.unavailableVariants?.[request.variant as string] !== undefined);
    if (refused !== undefined) throw usage(`${refused.path}: variant "${request.variant}" cannot run with these levers: ${refused.scenario.unavailableVariants?.[request.variant] ?? ''}`);
  }
  for (const l of loaded) {
    // Under --all-variants, a variant that cannot take the --lever values sits out, said once.
    for (const [v, why] of Object.entries(l.scenario.unavailableVariants ?? {})) if (request.allVariants) process.stderr.write(`note: ${l.path}: variant "${v}" left out: ${why}\n`);
  }
  if (request.variant !== null && !loaded.some((l) => l.scenario.variants[request.variant as string] !== undefined)) {
    const known = loaded.flatMap((l) => Object.keys(l.scenario.variants).map((v) => `${l.path}: ${v}`));
    throw usage(`no scenario defines the variant "${request.variant}"${known.length > 0 ? `; variants: ${known.join(', ')}` : ' (none of the files has variants)'}`);
  }
  const cases: ExperimentCase[] = [];
  loaded.forEach((file, i) => {
    const { scenario } = file;
    // The baseline of `compare` is one case, never swept.
    const sweep = (variant: string | undefined): ExperimentCase[] | undefined => (request.allLevers === true && !(i === 0 && request.baselineFile !== null) ? leverCases(file, variant, catalog) : undefined);
    const variants = Object.keys(scenario.variants);
    if (request.allVariants) {
      cases.push(...(sweep(undefined) ?? [{ id: scenario.name, scenario, variant: undefined }]));
      for (const v of variants) cases.push({ id: (scenario.variants[v] as ResolvedScenario).name, scenario, variant: v });
    } else if (request.variant !== null && scenario.variants[request.variant] !== undefined) {
      cases.push(...(sweep(request.variant) ?? [{ id: (scenario.variants[request.variant] as ResolvedScenario).name, scenario, variant: request.variant }]));
    } else {
      cases.push(...(sweep(undefined) ?? [{ id: scenario.name, scenario, variant: undefined }]));
    }
  });
  const folders = new Map<string, string>();
  for (const c of cases) {
    const other = folders.get(safeSegment(c.id));
    if (other !== undefined && other !== c.id) throw usage(`the scenarios "${other}" and "${c.id}" would share the folder name ${safeSegment(c.id)}; rename one`);
    folders.set(safeSegment(c.id), c.id);
  }
  let baseline: string | null = null;
  if (request.baselineFile !== null) baseline = (cases[0] as ExperimentCase).id;
  else if (request.baselineId !== null) {
    if (!cases.some((c) => c.id === request.baselineId)) throw usage(`--baseline ${request.baselineId} is not one of the scenarios run (${cases.map((c) => c.id).join(', ')})`);
    baseline = request.baselineId;
  } else if (cases.length > 1 && cases.some((c) => c.id === 'baseline')) baseline = 'baseline';
  if (baseline !== null) {
    // The baseline runs first, so every table lists it first.
    const index = cases.findIndex((c) => c.id === baseline);
    cases.unshift(...cases.splice(index, 1));
  }
  return { cases, baseline };
}
