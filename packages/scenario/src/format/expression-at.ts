import { isStibiumError } from '@stibium/core';
import { compileExpression } from '../expressions/evaluate.ts';
import type { CompiledExpression } from '../expressions/evaluate.ts';
import type { ValidationContext } from './context.ts';
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
export function evaluateAt(ctx: ValidationContext, path: DataPath, compiled: CompiledExpression, scope: Readonly<Record<string, number>>): number | undefined {
  try {
    return compiled.evaluate(scope);
  } catch (error) {
    reportExpressionError(ctx, path, compiled.source, error);
    return undefined;
  }
}

/** Compiles and evaluates a number-or-expression over `scope` in one step. */
export function numberAt(ctx: ValidationContext, path: DataPath, value: unknown, scope: Readonly<Record<string, number>>): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  const compiled = compileAt(ctx, path, value, (name) => Object.hasOwn(scope, name), Object.keys(scope));
  return compiled ? evaluateAt(ctx, path, compiled, scope) : undefined;
}
