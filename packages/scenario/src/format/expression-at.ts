import { isStibiumError } from '@stibium/core';
import { compileExpression } from '../expressions/evaluate.ts';
import type { CompiledExpression, ScopeValue } from '../expressions/evaluate.ts';
import type { ValidationContext } from './context.ts';
import type { LeverScope } from './levers.ts';
import type { DataPath } from './origins.ts';
import { suggest } from './suggest.ts';

function reportExpressionError(ctx: ValidationContext, path: DataPath, source: string, error: unknown, candidates: readonly string[] = []): void {
  if (!isStibiumError(error, 'EXPRESSION_INVALID')) throw error;
  const index = error.detail?.['index'];
  const unknownName = error.detail?.['unknownName'];
  const guess = typeof unknownName === 'string' ? suggest(unknownName, candidates) : undefined;
  ctx.report(path, 'EXPRESSION', `invalid expression ${JSON.stringify(source.length > 80 ? `${source.slice(0, 77)}...` : source)}: ${error.message}`, {
    ...(typeof index === 'number' ? { index } : {}),
    expected: 'an expression over declared parameters',
    ...(guess !== undefined ? { suggestion: guess } : {}),
  });
}

/**
 * Compiles an expression found at `path`, reporting (not throwing) what is wrong with it;
 * `candidates` are the declared names, for "did you mean" on a misspelt one.
 */
export function compileAt(
  ctx: ValidationContext,
  path: DataPath,
  source: string,
  isDeclared: (name: string) => boolean,
  candidates: readonly string[] = [],
): CompiledExpression | undefined {
  try {
    return compileExpression(source, isDeclared);
  } catch (error) {
    reportExpressionError(ctx, path, source, error, candidates);
    return undefined;
  }
}

/** Evaluates a compiled expression found at `path`, reporting non-finite results. */
export function evaluateAt(ctx: ValidationContext, path: DataPath, compiled: CompiledExpression, scope: Readonly<Record<string, ScopeValue>>): number | undefined {
  try {
    return compiled.evaluate(scope);
  } catch (error) {
    reportExpressionError(ctx, path, compiled.source, error);
    return undefined;
  }
}

/**
 * Reports an expression that reads a string or list lever (expressions compute numbers;
 * such levers switch entries with `if:`). Returns false when it does.
 */
export function checkTextLevers(ctx: ValidationContext, path: DataPath, compiled: CompiledExpression, text: LeverScope['text']): boolean {
  const name = compiled.symbols.find((s) => text.has(s));
  if (name === undefined) return true;
  const value = text.get(name);
  const shown = Array.isArray(value) ? 'a list' : `the string ${JSON.stringify(value)}`;
  const first: unknown = Array.isArray(value) ? (value[0] ?? 'option') : value;
  const example = typeof first === 'string' && /^[A-Za-z][\w-]*$/.test(first) ? first : JSON.stringify(first);
  const at = new RegExp(`(?<![A-Za-z0-9_$])${name}(?![A-Za-z0-9_$])`).exec(compiled.source)?.index;
  ctx.report(path, 'EXPRESSION', `lever \`${name}\` is ${shown}; expressions read only numeric and boolean levers: use \`if: { ${name}: ${example} }\` on events and rules to switch them by this lever instead`, {
    ...(at !== undefined ? { index: at } : {}),
    expected: 'an expression over parameters and numeric or boolean levers',
  });
  return false;
}

/**
 * Compiles and evaluates a number-or-expression over `scope` in one step; names of string
 * or list levers in `text` are known but refused (see {@link checkTextLevers}).
 */
export function numberAt(ctx: ValidationContext, path: DataPath, value: unknown, scope: Readonly<Record<string, ScopeValue>>, text: LeverScope['text'] = new Map()): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  const compiled = compileAt(ctx, path, value, (name) => Object.hasOwn(scope, name) || text.has(name), [...Object.keys(scope), ...text.keys()]);
  if (!compiled || !checkTextLevers(ctx, path, compiled, text)) return undefined;
  return evaluateAt(ctx, path, compiled, scope);
}
