import type { ValidationContext } from './context.ts';
import { leverMatches } from './levers.ts';
import type { LeverChoice } from './levers.ts';
import type { DataPath } from './origins.ts';
import { suggest } from './suggest.ts';
import type { ResolvedLever } from './types.ts';

function isChoice(value: unknown): value is LeverChoice {
  return typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean';
}

function checkWanted(ctx: ValidationContext, at: DataPath, name: string, lever: ResolvedLever, wanted: LeverChoice): boolean {
  const options = lever.options;
  if (!options) {
    // Without options, a value of another type (`"true"` for a boolean lever) could never match.
    const types = new Set((Array.isArray(lever.value) ? lever.value : [lever.value]).map((v) => typeof v));
    if (types.size === 0 || types.has(typeof wanted)) return true;
    ctx.report(at, 'INVALID_VALUE', `lever \`${name}\` holds ${[...types].join(' or ')} values; ${JSON.stringify(wanted)} can never match it`, { expected: `a ${[...types].join(' or ')}`, found: JSON.stringify(wanted) });
    return false;
  }
  if (options.includes(wanted)) return true;
  const guess = typeof wanted === 'string' ? suggest(wanted, options.filter((o): o is string => typeof o === 'string')) : undefined;
  ctx.report(at, 'INVALID_VALUE', `${JSON.stringify(wanted)} is not an option of lever \`${name}\` (options: ${options.map((o) => JSON.stringify(o)).join(', ')})`, {
    expected: `one of ${options.join(', ')}`,
    found: JSON.stringify(wanted),
    ...(guess !== undefined ? { suggestion: guess } : {}),
  });
  return false;
}

/**
 * Checks the `if` of one event or rule entry (`if: { lever: value }` or
 * `if: { lever: [a, b] }`) against the levers, and says whether the entry is kept: every
 * named lever must have one of the listed values. Reports unknown levers (with a
 * suggestion) and values outside a lever's options at the `if` key or value. With
 * `levers` undefined (the section failed) nothing is checked and the entry is kept.
 */
export function entryKept(ctx: ValidationContext, at: DataPath, condition: unknown, levers: Readonly<Record<string, ResolvedLever>> | undefined): boolean {
  const where = [...at, 'if'];
  if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) {
    ctx.report(where, 'WRONG_TYPE', '`if` takes a mapping of lever names to a value or a list of values, e.g. `if: { refinery: build }`', {
      expected: 'a mapping such as { refinery: build }',
      found: JSON.stringify(condition),
    });
    return true;
  }
  if (!levers) return true;
  let kept = true;
  for (const [name, raw] of Object.entries(condition as Record<string, unknown>)) {
    const lever = levers[name];
    if (!Object.hasOwn(levers, name) || lever === undefined) {
      const names = Object.keys(levers);
      const guess = suggest(name, names);
      ctx.report([...where, name], 'UNKNOWN_REFERENCE', `unknown lever \`${name}\` in \`if\`; ${names.length === 0 ? 'the scenario declares no levers' : `levers: ${names.join(', ')}`}`, {
        atKey: true,
        expected: 'a lever declared under `levers`',
        found: JSON.stringify(name),
        ...(guess !== undefined ? { suggestion: guess } : {}),
      });
      continue;
    }
    const list = Array.isArray(raw) ? raw : [raw];
    const paths: DataPath[] = Array.isArray(raw) ? raw.map((_, i) => [...where, name, i]) : [[...where, name]];
    if (list.length === 0 || !list.every(isChoice)) {
      ctx.report([...where, name], 'WRONG_TYPE', `\`if.${name}\` takes a value of lever \`${name}\` or a non-empty list of them`, { expected: 'a number, string, boolean or a list of them', found: JSON.stringify(raw) });
      continue;
    }
    const valid = list.map((w, i) => checkWanted(ctx, paths[i] as DataPath, name, lever, w)).every(Boolean);
    if (valid && !leverMatches(lever.value, list)) kept = false;
  }
  return kept;
}
