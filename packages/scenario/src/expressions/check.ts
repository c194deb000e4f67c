import type { MathNode } from 'mathjs';
import { EXPRESSION_CONSTANTS, EXPRESSION_FUNCTIONS, EXPRESSION_OPERATORS } from './whitelist.ts';

/** Why an expression was refused, and where in its text (0-based character index) if known. */
export interface ExpressionFault {
  readonly message: string;
  readonly index: number | undefined;
  /** The undeclared name, when that is the fault (lets callers suggest a declared one). */
  readonly unknownName?: string;
}

/** Index of `word` as a whole identifier in `source`, so errors can point at it. */
function indexOfWord(source: string, word: string): number | undefined {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(?<![A-Za-z0-9_$])${escaped}(?![A-Za-z0-9_$])`).exec(source);
  return match?.index;
}

function indexOfAny(source: string, chars: string): number | undefined {
  for (let i = 0; i < source.length; i++) if (chars.includes(source[i] as string)) return i;
  return undefined;
}

const FORBIDDEN_NODE_HINTS: Readonly<Record<string, { what: string; chars: string }>> = {
  AssignmentNode: { what: 'assignment', chars: '=' },
  FunctionAssignmentNode: { what: 'function definitions', chars: '=' },
  AccessorNode: { what: 'property access', chars: '.[' },
  IndexNode: { what: 'indexing', chars: '[' },
  ArrayNode: { what: 'arrays', chars: '[' },
  ObjectNode: { what: 'objects', chars: '{' },
  RangeNode: { what: 'ranges', chars: ':' },
  BlockNode: { what: 'several statements', chars: ';\n' },
  RelationalNode: { what: 'chained comparisons', chars: '<>=' },
};

/**
 * Walks a parsed tree and returns the first construct outside the whitelist, or the set of
 * declared names it reads. Checking the tree before compiling it is what keeps expressions
 * away from mathjs internals (`constructor`, `import`, `evaluate`) and from unbounded work
 * (no function definitions, hence no recursion).
 */
export function checkTree(
  root: MathNode,
  source: string,
  isDeclared: (name: string) => boolean,
): { readonly fault: ExpressionFault } | { readonly symbols: readonly string[] } {
  const symbols = new Set<string>();
  const visit = (node: MathNode): ExpressionFault | undefined => {
    switch (node.type) {
      case 'ConstantNode': {
        const value = (node as unknown as { value: unknown }).value;
        // Booleans are allowed so a boolean lever can be compared: `refineryOn == false`.
        if (typeof value === 'boolean') return undefined;
        if (typeof value !== 'number' || !Number.isFinite(value)) {
          const shown = typeof value === 'string' ? `"${value}"` : String(value);
          return { message: `only finite numbers and true/false may appear as constants, found ${shown}`, index: indexOfAny(source, '"\'') };
        }
        return undefined;
      }
      case 'SymbolNode': {
        const name = (node as unknown as { name: string }).name;
        if (Object.hasOwn(EXPRESSION_CONSTANTS, name) || isDeclared(name)) {
          if (!Object.hasOwn(EXPRESSION_CONSTANTS, name)) symbols.add(name);
          return undefined;
        }
        const asFunction = EXPRESSION_FUNCTIONS.has(name) ? ` (${name} is a function: call it as ${name}(...))` : '';
        return { message: `unknown name \`${name}\`: declare it under parameters, uncertainties or levers${asFunction}`, index: indexOfWord(source, name), unknownName: name };
      }
      case 'ParenthesisNode':
        return visit((node as unknown as { content: MathNode }).content);
      case 'OperatorNode': {
        const op = node as unknown as { fn: string; op: string; args: MathNode[] };
        if (!EXPRESSION_OPERATORS.has(op.fn)) {
          return { message: `operator \`${op.op}\` is not allowed in scenario expressions`, index: source.indexOf(op.op) >= 0 ? source.indexOf(op.op) : undefined };
        }
        for (const arg of op.args) {
          const fault = visit(arg);
          if (fault) return fault;
        }
        return undefined;
      }
      case 'ConditionalNode': {
        const c = node as unknown as { condition: MathNode; trueExpr: MathNode; falseExpr: MathNode };
        return visit(c.condition) ?? visit(c.trueExpr) ?? visit(c.falseExpr);
      }
      case 'FunctionNode': {
        const fn = node as unknown as { fn: MathNode & { name?: string }; args: MathNode[] };
        if (fn.fn.type !== 'SymbolNode' || fn.fn.name === undefined) {
          return { message: 'only calls of named functions are allowed', index: indexOfAny(source, '.[(') };
        }
        if (!EXPRESSION_FUNCTIONS.has(fn.fn.name)) {
          return {
            message: `function \`${fn.fn.name}\` is not allowed; allowed: ${[...EXPRESSION_FUNCTIONS].join(', ')}`,
            index: indexOfWord(source, fn.fn.name),
          };
        }
        for (const arg of fn.args) {
          const fault = visit(arg);
          if (fault) return fault;
        }
        return undefined;
      }
      default: {
        const hint = FORBIDDEN_NODE_HINTS[node.type];
        const what = hint?.what ?? node.type;
        return { message: `${what} not allowed in scenario expressions`, index: hint ? indexOfAny(source, hint.chars) : undefined };
      }
    }
  };
  const fault = visit(root);
  return fault ? { fault } : { symbols: [...symbols].sort() };
}
