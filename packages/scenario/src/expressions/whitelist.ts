/**
 * What a scenario expression may contain. Anything not listed here is rejected before
 * evaluation, so an expression can reach declared names and pure arithmetic only.
 */

/** Functions an expression may call: pure, total on finite numbers, bounded work. */
export const EXPRESSION_FUNCTIONS: ReadonlySet<string> = new Set([
  'min',
  'max',
  'abs',
  'sqrt',
  'exp',
  'log',
  'log10',
  'pow',
  'round',
  'floor',
  'ceil',
  'sign',
  'clamp',
]);

/** Named constants an expression may use without declaring them. */
export const EXPRESSION_CONSTANTS: Readonly<Record<string, number>> = { pi: Math.PI, e: Math.E };

/**
 * mathjs operator functions an expression may use (arithmetic, comparison, logic).
 * Excluded on purpose: factorial, transpose, unit conversion (`to`, `in`), bitwise, element-wise.
 */
export const EXPRESSION_OPERATORS: ReadonlySet<string> = new Set([
  'add',
  'subtract',
  'multiply',
  'divide',
  'pow',
  'mod',
  'unaryMinus',
  'unaryPlus',
  'smaller',
  'larger',
  'smallerEq',
  'largerEq',
  'equal',
  'unequal',
  'and',
  'or',
  'not',
  'xor',
]);

/** Words a declared name may not take: functions, constants, and mathjs keywords. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  ...EXPRESSION_FUNCTIONS,
  ...Object.keys(EXPRESSION_CONSTANTS),
  'and',
  'or',
  'not',
  'xor',
  'mod',
  'to',
  'in',
  'true',
  'false',
  'null',
  'undefined',
  'Infinity',
  'NaN',
  'end',
]);

/** Longest accepted expression, in characters: scenario arithmetic is short. */
export const MAX_EXPRESSION_LENGTH = 500;

/** Deepest accepted bracket nesting, which also bounds the parser's recursion. */
export const MAX_EXPRESSION_NESTING = 32;

/** A declared name: a plain identifier (letters, digits, underscore; not starting with a digit). */
export const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
