import { usage } from './errors.ts';
import { declaredLevers, parseLeverAssignment, suggest, type LeverChoice, type ResolvedScenario } from './scenario-api.ts';

/** Lever values given with `--lever name=value`, by lever name. */
export type LeverValues = Readonly<Record<string, LeverChoice>>;

/** Parses every `--lever name=value` (values as YAML scalars); the same lever twice is an error. */
export function parseLeverOptions(texts: readonly string[] | undefined): Record<string, LeverChoice> {
  const out: Record<string, LeverChoice> = {};
  for (const text of texts ?? []) {
    const { name, value } = parseLeverAssignment(text);
    if (Object.hasOwn(out, name) && out[name] !== value) throw usage(`--lever ${name} is given twice (${String(out[name])} and ${String(value)}); give each lever once`);
    out[name] = value;
  }
  return out;
}

/**
 * Refuses `--lever` names that none of the loaded scenarios declares (a lever of one
 * file is fine for a run of several: it applies where declared), with a suggestion.
 */
export function checkLeverNames(levers: LeverValues, scenarios: readonly { path: string; scenario: ResolvedScenario }[]): void {
  const known = [...new Set(scenarios.flatMap((s) => declaredLevers(s.scenario)))].sort();
  for (const name of Object.keys(levers)) {
    if (known.includes(name)) continue;
    const guess = suggest(name, known);
    const listing = known.length === 0 ? 'none of the scenarios declares levers' : `levers: ${known.join(', ')}`;
    throw usage(`--lever ${name}: no scenario declares a lever \`${name}\`${guess === undefined ? '' : ` (did you mean \`${guess}\`?)`}; ${listing}`);
  }
}

/**
 * The `--lever` values that apply to one file: those of levers it (or a variant) declares,
 * each checked against the lever's options. A value typed as a number or boolean that
 * matches a string option as text (`--lever year=2030` for options '2030') is taken as
 * that option.
 */
export function leversFor(levers: LeverValues, path: string, scenario: ResolvedScenario): Record<string, LeverChoice> {
  const declared = new Set(declaredLevers(scenario));
  const out: Record<string, LeverChoice> = {};
  for (const [name, given] of Object.entries(levers)) {
    if (!declared.has(name)) continue;
    const options = [scenario, ...Object.values(scenario.variants)].map((s) => s.levers[name]?.options).find((o) => o !== undefined);
    const value = options === undefined || options.includes(given) ? given : (options.find((o) => String(o) === String(given)) ?? given);
    if (options !== undefined && !options.includes(value)) {
      const guess = suggest(String(given), options.map(String));
      throw usage(`--lever ${name}=${String(given)}: not an option of lever \`${name}\` in ${path}${guess === undefined ? '' : ` (did you mean \`${guess}\`?)`}; options: ${options.map(String).join(', ')}`);
    }
    out[name] = value;
  }
  return out;
}
