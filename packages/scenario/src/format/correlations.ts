import { cholesky } from '../uncertainty/cholesky.ts';
import type { ValidationContext } from './context.ts';
import { suggest } from './suggest.ts';
import type { ResolvedCorrelations } from './types.ts';

type RawCorrelations = readonly { between: readonly [string, string]; rho: number }[] | { variables: readonly string[]; matrix: readonly (readonly number[])[] };

/**
 * Normalises correlations (pairs or a matrix) to a matrix over the variables involved and
 * checks it: known uncertainty names, symmetric, unit diagonal, positive definite (or
 * Iman-Conover cannot induce it).
 */
export function resolveCorrelations(ctx: ValidationContext, raw: RawCorrelations | undefined, names: readonly string[]): ResolvedCorrelations | null {
  if (raw === undefined) return null;
  const known = (name: string, at: (string | number)[]): boolean => {
    if (names.includes(name)) return true;
    const guess = suggest(name, names);
    ctx.report(at, 'UNKNOWN_REFERENCE', `\`${name}\` is not a declared uncertainty`, { expected: 'an uncertainty name', found: JSON.stringify(name), ...(guess !== undefined ? { suggestion: guess } : {}) });
    return false;
  };
  let variables: string[];
  let matrix: number[][];
  if (Array.isArray(raw)) {
    const pairs = raw as readonly { between: readonly [string, string]; rho: number }[];
    variables = [];
    let ok = true;
    pairs.forEach((pair, i) => {
      pair.between.forEach((name, j) => {
        if (!known(name, ['correlations', i, 'between', j])) ok = false;
        else if (!variables.includes(name)) variables.push(name);
      });
      if (pair.between[0] === pair.between[1]) {
        ctx.report(['correlations', i, 'between'], 'CORRELATION', `a variable cannot be correlated with itself (\`${pair.between[0]}\`)`);
        ok = false;
      }
    });
    if (!ok) return null;
    matrix = variables.map((a) => variables.map((b) => (a === b ? 1 : 0)));
    const seen = new Map<string, number>();
    for (const [i, pair] of pairs.entries()) {
      const a = variables.indexOf(pair.between[0]);
      const b = variables.indexOf(pair.between[1]);
      const key = [a, b].sort().join(',');
      if (seen.has(key)) {
        ctx.report(['correlations', i], 'CORRELATION', `this pair is already correlated by correlations[${seen.get(key)}]`);
        return null;
      }
      seen.set(key, i);
      matrix[a]![b] = pair.rho;
      matrix[b]![a] = pair.rho;
    }
  } else {
    const m = raw as { variables: readonly string[]; matrix: readonly (readonly number[])[] };
    variables = [...m.variables];
    if (!variables.every((v, i) => known(v, ['correlations', 'variables', i]))) return null;
    if (new Set(variables).size !== variables.length) {
      ctx.report(['correlations', 'variables'], 'CORRELATION', 'each variable may appear once');
      return null;
    }
    const n = variables.length;
    if (m.matrix.length !== n || m.matrix.some((row) => row.length !== n)) {
      ctx.report(['correlations', 'matrix'], 'CORRELATION', `expected a ${n} x ${n} matrix (one row and column per variable)`);
      return null;
    }
    for (let i = 0; i < n; i++) {
      if (m.matrix[i]![i] !== 1) {
        ctx.report(['correlations', 'matrix', i, i], 'CORRELATION', `the diagonal must be 1, found ${m.matrix[i]![i]}`);
        return null;
      }
      for (let j = 0; j < i; j++) {
        if (Math.abs(m.matrix[i]![j]! - m.matrix[j]![i]!) > 1e-12) {
          ctx.report(['correlations', 'matrix', i, j], 'CORRELATION', `the matrix must be symmetric: [${i}][${j}] = ${m.matrix[i]![j]} but [${j}][${i}] = ${m.matrix[j]![i]}`);
          return null;
        }
      }
    }
    matrix = m.matrix.map((row) => [...row]);
  }
  if (!cholesky(matrix)) {
    ctx.report(['correlations'], 'CORRELATION', 'these correlations are inconsistent (the matrix is not positive definite): weaken some of them', {
      expected: 'a positive definite correlation matrix',
    });
    return null;
  }
  return { variables, matrix };
}
