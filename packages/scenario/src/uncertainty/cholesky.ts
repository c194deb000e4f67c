/**
 * Lower-triangular Cholesky factor L of a symmetric matrix (A = L L^T), or undefined
 * when A is not positive definite. Small and dependency-free: correlation matrices here
 * are a handful of variables.
 */
export function cholesky(a: readonly (readonly number[])[]): number[][] | undefined {
  const n = a.length;
  const l: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = (a[i] as readonly number[])[j] as number;
      for (let k = 0; k < j; k++) sum -= (l[i] as number[])[k]! * (l[j] as number[])[k]!;
      if (i === j) {
        if (!(sum > 1e-12)) return undefined;
        (l[i] as number[])[i] = Math.sqrt(sum);
      } else {
        (l[i] as number[])[j] = sum / (l[j] as number[])[j]!;
      }
    }
  }
  return l;
}

/** Inverse of a lower-triangular matrix, by forward substitution. */
export function invertLower(l: readonly (readonly number[])[]): number[][] {
  const n = l.length;
  const inv: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let col = 0; col < n; col++) {
    for (let i = col; i < n; i++) {
      let sum = i === col ? 1 : 0;
      for (let k = col; k < i; k++) sum -= l[i]![k]! * inv[k]![col]!;
      inv[i]![col] = sum / l[i]![i]!;
    }
  }
  return inv;
}
