import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isStibiumError } from '@stibium/core';
import { compileExpression, evaluateExpression } from '../../src/format/index.ts';

function failure(expr: string, scope: Record<string, number> = { a: 2 }): { message: string; index: unknown } {
  try {
    evaluateExpression(expr, scope);
  } catch (error) {
    if (isStibiumError(error, 'EXPRESSION_INVALID')) return { message: error.message, index: error.detail?.['index'] };
    throw error;
  }
  throw new Error(`expected ${expr} to be refused`);
}

describe('evaluateExpression', () => {
  it('computes arithmetic, whitelisted functions, constants and conditionals over declared names', () => {
    const scope = { capacity: 5000, growth: 0.1 };
    expect(evaluateExpression('capacity * (1 + growth)', scope)).toBeCloseTo(5500, 9);
    expect(evaluateExpression('clamp(capacity, 0, 1000)', scope)).toBe(1000);
    expect(evaluateExpression('max(1, min(3, 2)) + abs(-1) + floor(2.7) + ceil(0.2) + round(1.5)', scope)).toBe(2 + 1 + 2 + 1 + 2);
    expect(evaluateExpression('growth > 0 ? capacity : 0', scope)).toBe(5000);
    expect(evaluateExpression('2 ^ 10 + sqrt(16) + log(e) + pi * 0', scope)).toBe(1024 + 4 + 1);
    expect(evaluateExpression('7 mod 3', scope)).toBe(1);
  });

  it.each([
    ['constructor', 'unknown name `constructor`', 0],
    ['a.constructor', 'property access', 1],
    ["a['constructor']", 'property access', 1],
    ['import("fs")', 'function `import` is not allowed', 0],
    ['evaluate("1 + 1")', 'function `evaluate` is not allowed', 0],
    ['parse("1")', 'function `parse` is not allowed', 0],
    ['createUnit("x")', 'function `createUnit` is not allowed', 0],
    ['simplify("x")', 'function `simplify` is not allowed', 0],
    ['process.exit(1)', 'only calls of named functions', 7],
    ['f(x) = f(x)', 'function definitions not allowed', 5],
    ['x = 1', 'assignment not allowed', 2],
    ['a; a', 'several statements', 1],
    ['[1, 2]', 'arrays not allowed', 0],
    ['{a: 1}', 'objects not allowed', 0],
    ['"text"', 'only finite numbers and true/false may appear as constants', 0],
    ['5!', 'operator `!` is not allowed', 1],
    ['a to cm', 'operator `to` is not allowed', 2],
    ['1:3', 'ranges not allowed', 1],
    ['cos(a)', 'function `cos` is not allowed', 0],
    ['1 < a < 3', 'chained comparisons', 2],
  ])('refuses %s before evaluating it', (expr, message, index) => {
    const f = failure(expr);
    expect(f.message).toContain(message);
    expect(f.index).toBe(index);
  });

  it.each([
    ['1 / 0', 'gave Infinity'],
    ['sqrt(-1)', 'gave NaN'],
    ['log(0)', 'gave -Infinity'],
    ['exp(1000)', 'gave Infinity'],
    ['a > 1', 'gave boolean'],
  ])('refuses %s because the result is not a finite number', (expr, message) => {
    expect(failure(expr).message).toContain(message);
  });

  it('limits length and bracket nesting, so parsing stays bounded', () => {
    expect(failure('1+'.repeat(300) + '1').message).toContain('the limit is 500');
    expect(failure('('.repeat(40) + '1' + ')'.repeat(40)).message).toContain('deeper than 32');
  });

  it('reports the names an expression depends on', () => {
    expect(compileExpression('b * a + a', (n) => n === 'a' || n === 'b').symbols).toEqual(['a', 'b']);
  });

  it('never throws anything but EXPRESSION_INVALID and never returns a non-finite number, whatever the text', () => {
    const alphabet = fc.constantFrom(...'ab01.+-*/^()[]{}=;:"\'!?<>, \nxconstructorimportevaluateprocess'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((cs) => cs.join('')), (expr) => {
        try {
          const value = evaluateExpression(expr, { a: 1.5, b: -2 });
          return Number.isFinite(value);
        } catch (error) {
          return isStibiumError(error, 'EXPRESSION_INVALID');
        }
      }),
      { seed: 424242, numRuns: 2000 },
    );
  });

  it('keeps the disabled mathjs functions disabled for other users of the instance', () => {
    // the locked instance's own evaluate/import throw, so even a compiled tree cannot reach them
    expect(failure('evaluate("a")').message).toContain('not allowed');
  });
});
