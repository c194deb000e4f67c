import { checkLeverNames, leversFor, parseLeverOptions } from '../levers.ts';
import { catalogOf, loadCliModel } from '../model.ts';
import { checkScenarioFile, formatProblem, type ResolvedScenario, type ScenarioProblem } from '../scenario-api.ts';

/**
 * `stibium validate`: checks files without running them; exit 2 when any has problems.
 * With `--lever`, each file is checked again with the values of the levers it declares.
 */
export async function validateCommand(files: readonly string[], opts: { json?: boolean; lever?: readonly string[] }): Promise<number> {
  const levers = parseLeverOptions(opts.lever);
  const { model } = await loadCliModel();
  const catalog = catalogOf(model);
  const results: { file: string; ok: boolean; name?: string; variants?: string[]; unavailableVariants?: Readonly<Record<string, string>>; problems: readonly ScenarioProblem[] }[] = [];
  const loaded: { path: string; scenario: ResolvedScenario }[] = [];
  for (const file of files) {
    let outcome = checkScenarioFile(file, catalog);
    if (outcome.scenario !== undefined && Object.keys(levers).length > 0) {
      loaded.push({ path: file, scenario: outcome.scenario });
      const own = leversFor(levers, file, outcome.scenario);
      if (Object.keys(own).length > 0) outcome = checkScenarioFile(file, catalog, { levers: own });
    }
    if (outcome.scenario === undefined) results.push({ file, ok: false, problems: outcome.problems });
    else {
      const unavailable = outcome.scenario.unavailableVariants ?? {};
      results.push({ file, ok: true, name: outcome.scenario.name, variants: Object.keys(outcome.scenario.variants), ...(Object.keys(unavailable).length > 0 ? { unavailableVariants: unavailable } : {}), problems: [] });
    }
  }
  if (loaded.length > 0) checkLeverNames(levers, loaded);
  const bad = results.filter((r) => !r.ok);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ ok: bad.length === 0, files: results })}\n`);
  } else {
    for (const r of results) {
      if (r.ok) {
        process.stdout.write(`ok  ${r.file} (scenario ${r.name}${r.variants && r.variants.length > 0 ? `; variants: ${r.variants.join(', ')}` : ''})\n`);
        for (const [v, why] of Object.entries(r.unavailableVariants ?? {})) process.stdout.write(`    variant ${v} cannot run with these levers: ${why}\n`);
      }
      else for (const p of r.problems) process.stderr.write(`${formatProblem(p)}\n`);
    }
    if (bad.length > 0) {
      const count = bad.reduce((n, r) => n + r.problems.length, 0);
      process.stderr.write(`error: ${count} problem${count === 1 ? '' : 's'} in ${bad.length} of ${results.length} file${results.length === 1 ? '' : 's'}\n`);
    }
  }
  return bad.length > 0 ? 2 : 0;
}
