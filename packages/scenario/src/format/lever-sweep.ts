import { StibiumError } from '@stibium/core';
import { parse } from 'yaml';
import type { LeverChoice } from './levers.ts';
import type { ResolvedLever, ResolvedScenario } from './types.ts';

/** Most lever combinations a sweep may make: past this, an experiment is a design, not a sweep. */
export const MAX_LEVER_COMBINATIONS = 64;

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Every combination of the options of the levers that declare options (levers sorted by
 * name, options in their declared order), leaving out the levers named in `fixed`. One
 * empty combination when no lever has options. Throws `INVALID_ARGUMENT` past
 * {@link MAX_LEVER_COMBINATIONS}.
 *
 * @example leverCombinations({ a: { value: 1, options: [1, 2] }, b: { value: 'x', options: ['x', 'y'] } })
 * // [{ a: 1, b: 'x' }, { a: 1, b: 'y' }, { a: 2, b: 'x' }, { a: 2, b: 'y' }]
 */
export function leverCombinations(levers: Readonly<Record<string, ResolvedLever>>, fixed: Iterable<string> = []): Record<string, LeverChoice>[] {
  const skip = new Set(fixed);
  const swept = Object.keys(levers)
    .filter((name) => !skip.has(name) && (levers[name]?.options?.length ?? 0) > 0)
    .sort(byName);
  const count = swept.reduce((n, name) => n * (levers[name]?.options?.length ?? 1), 1);
  if (count > MAX_LEVER_COMBINATIONS) {
    const sizes = swept.map((name) => `${name}: ${levers[name]?.options?.length ?? 0}`).join(', ');
    throw new StibiumError('INVALID_ARGUMENT', `sweeping all levers would make ${count} combinations (${sizes}); at most ${MAX_LEVER_COMBINATIONS} are allowed: fix some with --lever name=value`, { count });
  }
  let combinations: Record<string, LeverChoice>[] = [{}];
  for (const name of swept) {
    const options = levers[name]?.options ?? [];
    combinations = combinations.flatMap((c) => options.map((o) => ({ ...c, [name]: o })));
  }
  return combinations;
}

/**
 * The case id of a scenario run with some lever values: `name[a=1,b=x]`, levers sorted by
 * name; just `name` when there are none. Results folders make it a safe path segment.
 */
export function leverCaseId(name: string, combination: Readonly<Record<string, LeverChoice>>): string {
  const parts = Object.keys(combination)
    .sort(byName)
    .map((lever) => `${lever}=${String(combination[lever])}`);
  return parts.length === 0 ? name : `${name}[${parts.join(',')}]`;
}

/**
 * Parses `name=value` as given to `--lever`: the value is read as a YAML scalar (a
 * number, `true`/`false`, or a string; `a,b` is the string "a,b"). Throws
 * `INVALID_ARGUMENT` for a missing name or `=`, or a value that is not a scalar.
 *
 * @example parseLeverAssignment('refinery=none') // { name: 'refinery', value: 'none' }
 */
export function parseLeverAssignment(text: string): { name: string; value: LeverChoice } {
  const eq = text.indexOf('=');
  const name = eq < 0 ? '' : text.slice(0, eq).trim();
  if (name === '') throw new StibiumError('INVALID_ARGUMENT', `--lever expects name=value (e.g. --lever refinery=none), got "${text}"`);
  const raw = text.slice(eq + 1);
  let value: unknown;
  try {
    value = parse(raw);
  } catch {
    value = undefined;
  }
  if (typeof value !== 'number' && typeof value !== 'string' && typeof value !== 'boolean') {
    throw new StibiumError('INVALID_ARGUMENT', `--lever ${name}=${raw}: the value must be one number, true/false or a word (lists are not supported), got ${raw === '' ? 'nothing' : JSON.stringify(raw)}`);
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new StibiumError('INVALID_ARGUMENT', `--lever ${name}=${raw}: the value must be a finite number`);
  return { name, value };
}

/** Every lever a resolved scenario or any of its variants declares, sorted: what `--lever` may name. */
export function declaredLevers(scenario: ResolvedScenario): string[] {
  const names = new Set(Object.keys(scenario.levers));
  for (const variant of Object.values(scenario.variants)) for (const name of Object.keys(variant.levers)) names.add(name);
  return [...names].sort(byName);
}
