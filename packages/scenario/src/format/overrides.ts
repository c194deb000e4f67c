import type { ValidationContext } from './context.ts';
import { checkTextLevers, compileAt, evaluateAt } from './expression-at.ts';
import { NO_LEVERS } from './levers.ts';
import type { LeverScope } from './levers.ts';
import { suggest } from './suggest.ts';
import type { DeferredExpression, ResolvedDistribution } from './types.ts';

/** Catalogue sections whose next path segment is an id (`facilities.<id>.capacity`). */
const ID_SECTIONS: Readonly<Record<string, 'countries' | 'facilities' | 'markets' | 'routes'>> = {
  countries: 'countries',
  facilities: 'facilities',
  markets: 'markets',
  routes: 'routes',
};

/** Reports an override path the world does not have, naming the unknown id when it is one. */
function checkPath(ctx: ValidationContext, at: (string | number)[], path: string, atKey: boolean): boolean {
  if (ctx.catalog.parameterPaths(path)) return true;
  const parts = path.split('.');
  for (let i = 0; i + 1 < parts.length; i++) {
    const section = ID_SECTIONS[parts[i] as string];
    const id = parts[i + 1] as string;
    if (section && !ctx.catalog[section].includes(id)) {
      const guess = suggest(id, ctx.catalog[section]);
      ctx.report(at, 'UNKNOWN_REFERENCE', `unknown ${section.slice(0, -1).replace(/ie$/, 'y')} \`${id}\` in path \`${path}\``, {
        atKey,
        expected: `a known ${section} id`,
        found: JSON.stringify(id),
        ...(guess !== undefined ? { suggestion: [...parts.slice(0, i + 1), guess, ...parts.slice(i + 2)].join('.') } : {}),
      });
      return false;
    }
  }
  const list = ctx.catalog.parameterPathList;
  const guess = list ? suggest(path, list) : undefined;
  ctx.report(at, 'UNKNOWN_PATH', `unknown world parameter \`${path}\``, {
    atKey,
    expected: 'a dotted path of a world parameter',
    found: JSON.stringify(path),
    ...(guess !== undefined ? { suggestion: guess } : {}),
  });
  return false;
}

/**
 * Checks override paths against the world and evaluates their values: an expression over
 * parameters and levers becomes a number now; one that reads uncertainties is kept,
 * deferred, for each run. Uncertainty `target`s are checked here too (they are overrides as well).
 */
export function resolveOverrides(
  ctx: ValidationContext,
  raw: Readonly<Record<string, unknown>>,
  params: Readonly<Record<string, number>>,
  uncertainties: Readonly<Record<string, ResolvedDistribution>>,
  uncertaintyNames: ReadonlySet<string>,
  levers: LeverScope = NO_LEVERS,
): Record<string, number | DeferredExpression> {
  const out: Record<string, number | DeferredExpression> = {};
  const scope = { ...params, ...levers.values };
  for (const [path, value] of Object.entries(raw)) {
    if (!checkPath(ctx, ['overrides', path], path, true)) continue;
    if (typeof value === 'number') {
      out[path] = value;
      continue;
    }
    if (typeof value !== 'string') continue;
    const expr = compileAt(ctx, ['overrides', path], value, (name) => Object.hasOwn(scope, name) || uncertaintyNames.has(name) || levers.text.has(name), [
      ...Object.keys(scope),
      ...uncertaintyNames,
      ...levers.text.keys(),
    ]);
    if (!expr || !checkTextLevers(ctx, ['overrides', path], expr, levers.text)) continue;
    if (expr.symbols.some((s) => uncertaintyNames.has(s))) {
      out[path] = { expression: value, dependsOn: expr.symbols };
    } else {
      const n = evaluateAt(ctx, ['overrides', path], expr, scope);
      if (n !== undefined) out[path] = n;
    }
  }
  const targeted = new Map<string, string>();
  for (const [name, dist] of Object.entries(uncertainties)) {
    if (dist.target === undefined) continue;
    const at = ['uncertainties', name, 'target'];
    if (!checkPath(ctx, at, dist.target, false)) continue;
    if (Object.hasOwn(raw, dist.target)) {
      ctx.report(at, 'INVALID_VALUE', `\`${dist.target}\` is set both by overrides and by uncertainty \`${name}\`; keep one`);
    }
    const other = targeted.get(dist.target);
    if (other !== undefined) ctx.report(at, 'INVALID_VALUE', `\`${dist.target}\` is already the target of uncertainty \`${other}\``);
    targeted.set(dist.target, name);
  }
  return out;
}
