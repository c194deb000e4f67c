import type { RandomStream } from '@stibium/core';
import { cholesky, invertLower } from './cholesky.ts';
import { normalQuantile } from './normal.ts';

/** Fisher-Yates shuffle of 0..n-1 drawn from `stream`, so a permutation is reproducible. */
export function permutation(n: number, stream: RandomStream): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(stream.next() * (i + 1));
    const t = p[i] as number;
    p[i] = p[j] as number;
    p[j] = t;
  }
  return p;
}

function pearson(columns: readonly Float64Array[]): number[][] {
  const k = columns.length;
  const n = columns[0]?.length ?? 0;
  const centered = columns.map((c) => {
    const mean = c.reduce((a, b) => a + b, 0) / n;
    return c.map((x) => x - mean);
  });
  const norms = centered.map((c) => Math.sqrt(c.reduce((a, b) => a + b * b, 0)));
  return Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => {
      if (i === j) return 1;
      let s = 0;
      const a = centered[i] as Float64Array;
      const b = centered[j] as Float64Array;
      for (let r = 0; r < n; r++) s += (a[r] as number) * (b[r] as number);
      return s / ((norms[i] as number) * (norms[j] as number));
    }),
  );
}

/**
 * Reorders the values in each column of `columns` (in place) so their rank correlation
 * approaches `target`, without changing any column's values (Iman & Conover 1982):
 * van der Waerden scores are permuted per column (permutations from `streams`),
 * decorrelated by their own Cholesky factor, correlated by the target's, and each column
 * is rearranged to the ranks of its scores. Returns false when `target` is not positive
 * definite or there are too few rows (the columns are then left as they were).
 */
export function imanConover(columns: Float64Array[], target: readonly (readonly number[])[], streams: readonly RandomStream[]): boolean {
  const k = columns.length;
  const n = columns[0]?.length ?? 0;
  if (k < 2 || n < k + 1) return false;
  const p = cholesky(target);
  if (!p) return false;
  const scores = Array.from({ length: n }, (_, i) => normalQuantile((i + 1) / (n + 1)));
  const s = streams.map((stream) => Float64Array.from(permutation(n, stream), (i) => scores[i] as number));
  const q = cholesky(pearson(s));
  if (!q) return false;
  const qInv = invertLower(q);
  // M = P * Q^-1 (both lower): S* row = S row * M^T.
  const m = Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => {
      let sum = 0;
      for (let t = 0; t < k; t++) sum += p[i]![t]! * qInv[t]![j]!;
      return sum;
    }),
  );
  const star = Array.from({ length: k }, () => new Float64Array(n));
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < k; i++) {
      let sum = 0;
      for (let j = 0; j < k; j++) sum += m[i]![j]! * s[j]![r]!;
      star[i]![r] = sum;
    }
  }
  for (let i = 0; i < k; i++) {
    const column = columns[i] as Float64Array;
    const sorted = Float64Array.from(column).sort();
    const order = Array.from({ length: n }, (_, r) => r).sort((a, b) => star[i]![a]! - star[i]![b]! || a - b);
    order.forEach((row, rank) => {
      column[row] = sorted[rank] as number;
    });
  }
  return true;
}
