import type { FactoryFunctionMap, MathNode } from 'mathjs';
import { mathjs } from './mathjs-bundle.ts';

const { all, create } = mathjs;

/**
 * The one mathjs instance scenario expressions use. Following the mathjs security guide,
 * the functions that could reach the parser or the instance itself are replaced by ones
 * that throw, after keeping a private reference to `parse`. `predictable` makes
 * `sqrt(-1)` NaN rather than a complex number, so results stay real.
 */
const math = create(all as FactoryFunctionMap);
// Set after creation: the one-file bundle's create() ignores a config argument.
math.config({ predictable: true, number: 'number' });

math.import(
  {
    clamp: (x: number, lo: number, hi: number): number => Math.min(Math.max(x, lo), hi),
  },
  { override: false },
);

const privateParse = math.parse.bind(math) as (expr: string) => MathNode;

function disabled(name: string): () => never {
  return () => {
    throw new Error(`function ${name} is disabled in scenario expressions`);
  };
}

math.import(
  Object.fromEntries(
    ['import', 'createUnit', 'evaluate', 'parse', 'simplify', 'derivative', 'resolve', 'compile', 'reviver', 'chain'].map(
      (name) => [name, disabled(name)],
    ),
  ),
  { override: true },
);

/** Parses with the locked instance; callers must check the tree before compiling it. */
export function parseLocked(expr: string): MathNode {
  return privateParse(expr);
}
