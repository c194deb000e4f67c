import { resolve } from 'node:path';
import type { ExperimentCase } from '@stibium/scenario';
import { usage } from '../errors.ts';
import { ScenarioError, loadScenario, type IdCatalog, type ResolvedScenario, type ScenarioProblem } from '../scenario-api.ts';

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
}

/**
 * Loads every file (all problems of all files reported together) and expands them into
 * cases: a file's base scenario, its `--variant`, or all its variants. Returns the cases
 * (baseline first) and the baseline id (null when nothing is compared).
 */
export function buildCases(request: CaseRequest, catalog: IdCatalog): { cases: ExperimentCase[]; baseline: string | null } {
  const paths = [...(request.baselineFile === null ? [] : [request.baselineFile]), ...request.files];
  const seen = new Set<string>();
  const problems: ScenarioProblem[] = [];
  const loaded: { path: string; scenario: ResolvedScenario }[] = [];
  for (const path of paths) {
    if (seen.has(resolve(path))) throw usage(`${path} is given twice`);
    seen.add(resolve(path));
    try {
      loaded.push({ path, scenario: loadScenario(path, catalog) });
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new ScenarioError(problems);
  if (request.variant !== null && !loaded.some((l) => l.scenario.variants[request.variant as string] !== undefined)) {
    const known = loaded.flatMap((l) => Object.keys(l.scenario.variants).map((v) => `${l.path}: ${v}`));
    throw usage(`no scenario defines the variant "${request.variant}"${known.length > 0 ? `; variants: ${known.join(', ')}` : ' (none of the files has variants)'}`);
  }
  const cases: ExperimentCase[] = [];
  for (const { scenario } of loaded) {
    const variants = Object.keys(scenario.variants);
    if (request.allVariants) {
      cases.push({ id: scenario.name, scenario, variant: undefined });
      for (const v of variants) cases.push({ id: (scenario.variants[v] as ResolvedScenario).name, scenario, variant: v });
    } else if (request.variant !== null && scenario.variants[request.variant] !== undefined) {
      cases.push({ id: (scenario.variants[request.variant] as ResolvedScenario).name, scenario, variant: request.variant });
    } else {
      cases.push({ id: scenario.name, scenario, variant: undefined });
    }
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
