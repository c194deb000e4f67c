import { StibiumError } from '@stibium/core';
import type { EvalFunction } from 'mathjs';
import { checkTree } from './check.ts';
import { parseLocked } from './math.ts';
import { EXPRESSION_CONSTANTS, MAX_EXPRESSION_LENGTH, MAX_EXPRESSION_NESTING } from './whitelist.ts';

/** A value an expression may read: a number, or a boolean (a boolean lever, for `on ? a : b`). */
export type ScopeValue = number | boolean;

/** A checked expression, ready to evaluate many times (e.g. once per Monte Carlo run). */
export interface CompiledExpression {
  /** The expression as written. */
  readonly source: string;
  /** Declared names it reads, sorted: what it depends on. */
  readonly symbols: readonly string[];
  /** Evaluates over `scope`; throws `EXPRESSION_INVALID` unless the result is a finite number. */
  evaluate(scope: Readonly<Record<string, ScopeValue>>): number;
}

function fail(source: string, message: string, index: number | undefined, unknownName?: string): never {
  throw new StibiumError('EXPRESSION_INVALID', message, { expression: source, index, ...(unknownName !== undefined ? { unknownName } : {}) });
}

function nestingFault(source: string): number | undefined {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
    if (depth > MAX_EXPRESSION_NESTING) return i;
  }
  return undefined;
}

/**
 * Parses and checks `source` against the whitelist: only numbers, `true`/`false`, the names for which
 * `isDeclared` is true, the constants `pi` and `e`, arithmetic/comparison/logic operators,
 * `a ? b : c`, and the whitelisted functions. Throws `StibiumError('EXPRESSION_INVALID')`
 * with `detail.index` (0-based position in `source`) where it can tell, and
 * `detail.unknownName` when an undeclared name is the fault.
 */
export function compileExpression(source: string, isDeclared: (name: string) => boolean): CompiledExpression {
  if (source.length > MAX_EXPRESSION_LENGTH) {
    fail(source, `expression is ${source.length} characters long; the limit is ${MAX_EXPRESSION_LENGTH}`, MAX_EXPRESSION_LENGTH);
  }
  if (source.trim().length === 0) fail(source, 'expression is empty', 0);
  const deep = nestingFault(source);
  if (deep !== undefined) fail(source, `expression nests brackets deeper than ${MAX_EXPRESSION_NESTING} levels`, deep);
  let tree;
  try {
    tree = parseLocked(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /\(char (\d+)\)/.exec(message);
    fail(source, `cannot parse expression: ${message}`, at ? Math.max(0, Number(at[1]) - 1) : undefined);
  }
  const checked = checkTree(tree, source, isDeclared);
  if ('fault' in checked) fail(source, checked.fault.message, checked.fault.index, checked.fault.unknownName);
  const code: EvalFunction = tree.compile();
  const symbols = checked.symbols;
  return {
    source,
    symbols,
    evaluate(scope) {
      const map = new Map<string, ScopeValue>(Object.entries(EXPRESSION_CONSTANTS));
      for (const name of symbols) {
        const value = scope[name];
        if (typeof value !== 'number' && typeof value !== 'boolean') fail(source, `no value for \`${name}\``, undefined);
        map.set(name, value);
      }
      let result: unknown;
      try {
        result = code.evaluate(map);
      } catch (error) {
        fail(source, `cannot evaluate expression: ${error instanceof Error ? error.message : String(error)}`, undefined);
      }
      if (typeof result !== 'number' || !Number.isFinite(result)) {
        fail(source, `expression must give a finite number, gave ${typeof result === 'number' ? String(result) : typeof result}`, undefined);
      }
      return result;
    },
  };
}

/**
 * Evaluates a scenario expression over `scope` (declared name -> number or boolean) in the locked
 * mathjs instance; names outside `scope` are errors. Convenience over {@link compileExpression}.
 *
 * @example evaluateExpression('capacity * (1 + growth)', { capacity: 5000, growth: 0.1 }) // 5500
 */
export function evaluateExpression(source: string, scope: Readonly<Record<string, ScopeValue>>): number {
  return compileExpression(source, (name) => Object.hasOwn(scope, name)).evaluate(scope);
}
