import type { ScopeValue } from '../expressions/evaluate.ts';
import { NAME_PATTERN, RESERVED_NAMES } from '../expressions/whitelist.ts';
import type { ValidationContext } from './context.ts';
import type { LeverValue, ResolvedLever } from './types.ts';

/** One value of a lever: what `--lever name=value` and `if:` name. */
export type LeverChoice = number | string | boolean;

/**
 * What expressions see of the levers: numeric and boolean levers as values, and the
 * string and list levers by name only, so reading one is a clear error ("use `if:`")
 * rather than "unknown name".
 */
export interface LeverScope {
  readonly values: Readonly<Record<string, ScopeValue>>;
  readonly text: ReadonlyMap<string, LeverValue>;
}

/** An empty lever scope (parameters, or a scenario whose levers failed to resolve). */
export const NO_LEVERS: LeverScope = { values: {}, text: new Map() };

/** Whether a lever name can appear in an expression at all (an identifier, not reserved). */
function usable(name: string): boolean {
  return NAME_PATTERN.test(name) && !RESERVED_NAMES.has(name);
}

/** Splits resolved levers into expression values and names that expressions may not read. */
export function leverScope(levers: Readonly<Record<string, ResolvedLever>>, exclude: ReadonlySet<string> = new Set()): LeverScope {
  const values: Record<string, ScopeValue> = {};
  const text = new Map<string, LeverValue>();
  for (const [name, lever] of Object.entries(levers)) {
    if (!usable(name) || exclude.has(name)) continue;
    if (typeof lever.value === 'number' || typeof lever.value === 'boolean') values[name] = lever.value;
    else text.set(name, lever.value);
  }
  return { values, text };
}

/** The numeric and boolean lever values of a resolved scenario, for per-run expressions. */
export function leverValues(levers: Readonly<Record<string, ResolvedLever>>): Record<string, ScopeValue> {
  return { ...leverScope(levers).values };
}

/**
 * Reports levers named like a parameter or an uncertainty: they share the expressions'
 * names, and parameters must mean the same in every policy. Returns the clashing names.
 */
export function checkLeverNames(ctx: ValidationContext, levers: readonly string[], parameters: readonly string[], uncertainties: ReadonlySet<string>): Set<string> {
  const clashes = new Set<string>();
  for (const name of levers) {
    const other = parameters.includes(name) ? 'parameter' : uncertainties.has(name) ? 'uncertainty' : undefined;
    if (other === undefined) continue;
    clashes.add(name);
    ctx.report(['levers', name], 'INVALID_VALUE', `lever \`${name}\` has the name of a${other === 'uncertainty' ? 'n' : ''} ${other}; expressions could not tell them apart: rename one`, {
      atKey: true,
      expected: `a name that is not a parameter or an uncertainty`,
      found: JSON.stringify(name),
    });
  }
  return clashes;
}

/** Whether a lever's value is one of `wanted` (for a list-valued lever: holds one of them). */
export function leverMatches(value: LeverValue, wanted: readonly LeverChoice[]): boolean {
  const values: readonly LeverChoice[] = Array.isArray(value) ? value : [value as LeverChoice];
  return wanted.some((w) => values.includes(w));
}
