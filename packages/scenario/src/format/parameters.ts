import { NAME_PATTERN, RESERVED_NAMES } from '../expressions/whitelist.ts';
import type { CompiledExpression } from '../expressions/evaluate.ts';
import type { ValidationContext } from './context.ts';
import { compileAt, evaluateAt } from './expression-at.ts';

const FORBIDDEN_NAMES = new Set(['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty']);

/** Reports a declared name that expressions could not use (not an identifier, reserved). */
export function checkName(ctx: ValidationContext, section: string, name: string): boolean {
  if (!NAME_PATTERN.test(name) || RESERVED_NAMES.has(name) || FORBIDDEN_NAMES.has(name)) {
    const why = NAME_PATTERN.test(name) ? 'is reserved' : 'is not a plain identifier (letters, digits, _; not starting with a digit)';
    ctx.report([section, name], 'INVALID_VALUE', `name \`${name}\` ${why}`, { atKey: true, expected: 'an identifier such as `refineryCapacity`', found: JSON.stringify(name) });
    return false;
  }
  return true;
}

/**
 * Evaluates `parameters` in dependency order. Parameter expressions may read other
 * parameters only (uncertainties are sampled per run; levers differ between policies,
 * and a parameter means the same in all of them); a cycle is reported with its chain.
 */
export function evaluateParameters(
  ctx: ValidationContext,
  raw: Readonly<Record<string, unknown>>,
  uncertaintyNames: ReadonlySet<string>,
  leverNames: ReadonlySet<string> = new Set(),
): Record<string, number> {
  const names = Object.keys(raw).filter((name) => checkName(ctx, 'parameters', name));
  const declared = new Set(names);
  const values: Record<string, number> = {};
  const compiled = new Map<string, CompiledExpression>();
  const pathOf = (name: string): (string | number)[] => {
    const entry = raw[name];
    return typeof entry === 'object' && entry !== null ? ['parameters', name, 'value'] : ['parameters', name];
  };
  for (const name of names) {
    const entry = raw[name];
    const value = typeof entry === 'object' && entry !== null ? (entry as { value: unknown }).value : entry;
    if (typeof value === 'number') values[name] = value;
    else if (typeof value === 'string') {
      const expr = compileAt(ctx, pathOf(name), value, (n) => declared.has(n) || uncertaintyNames.has(n) || leverNames.has(n), [...declared]);
      if (!expr) continue;
      const lever = expr.symbols.find((s) => leverNames.has(s) && !declared.has(s));
      if (lever !== undefined) {
        ctx.report(pathOf(name), 'EXPRESSION', `parameter \`${name}\` reads lever \`${lever}\`: parameters mean the same in every policy; use the lever in \`overrides\`, \`events\` or \`rules\` instead`);
        continue;
      }
      const sampled = expr.symbols.filter((s) => uncertaintyNames.has(s));
      if (sampled.length > 0) {
        ctx.report(pathOf(name), 'EXPRESSION', `parameter \`${name}\` reads uncertainty \`${sampled[0]}\`: parameters are fixed, uncertainties are sampled per run; use the uncertainty in \`overrides\` instead`);
        continue;
      }
      compiled.set(name, expr);
    }
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, chain: string[]): void => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') {
      const cycle = [...chain.slice(chain.indexOf(name)), name];
      ctx.report(pathOf(name), 'EXPRESSION', `parameters depend on each other in a cycle: ${cycle.join(' -> ')}`);
      return;
    }
    const expr = compiled.get(name);
    if (!expr) return;
    state.set(name, 'visiting');
    for (const dep of expr.symbols) visit(dep, [...chain, name]);
    state.set(name, 'done');
    if (expr.symbols.every((dep) => values[dep] !== undefined)) {
      const value = evaluateAt(ctx, pathOf(name), expr, values);
      if (value !== undefined) values[name] = value;
    }
  };
  for (const name of compiled.keys()) visit(name, []);
  return values;
}
