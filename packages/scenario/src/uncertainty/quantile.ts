import type { ResolvedDistribution } from '../format/types.ts';
import { normalCdf, normalQuantile } from './normal.ts';

/**
 * The quantile function (inverse CDF) of a resolved distribution. Sampling by quantile
 * keeps every draw one uniform wide, which is what Latin hypercube stratification and
 * Iman-Conover rank reordering need, and it is monotone, so ranks carry over.
 */
export function quantileFunction(dist: ResolvedDistribution): (u: number) => number {
  switch (dist.type) {
    case 'uniform':
      return (u) => dist.min + u * (dist.max - dist.min);
    case 'triangular': {
      const { min, mode, max } = dist;
      const split = (mode - min) / (max - min);
      return (u) => (u < split ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode)));
    }
    case 'normal': {
      const { mean, sd, truncate } = dist;
      if (!truncate) return (u) => mean + sd * normalQuantile(u);
      const lo = truncate.min ?? -Infinity;
      const hi = truncate.max ?? Infinity;
      const pLo = normalCdf((lo - mean) / sd);
      const pHi = normalCdf((hi - mean) / sd);
      return (u) => Math.min(hi, Math.max(lo, mean + sd * normalQuantile(pLo + u * (pHi - pLo))));
    }
    case 'lognormal':
      return (u) => Math.exp(dist.mu + dist.sigma * normalQuantile(u));
    case 'discrete': {
      const order = dist.values.map((v, i) => [v, dist.weights[i] ?? 0] as const).sort((a, b) => a[0] - b[0]);
      const total = order.reduce((sum, [, w]) => sum + w, 0);
      const cumulative: number[] = [];
      let running = 0;
      for (const [, w] of order) cumulative.push((running += w) / total);
      return (u) => {
        for (let i = 0; i < order.length; i++) if (u < (cumulative[i] as number)) return (order[i] as readonly [number, number])[0];
        return (order[order.length - 1] as readonly [number, number])[0];
      };
    }
    case 'empirical': {
      const sorted = [...dist.samples].sort((a, b) => a - b);
      return (u) => {
        const h = u * (sorted.length - 1);
        const i = Math.floor(h);
        const lo = sorted[i] as number;
        const hi = sorted[Math.min(i + 1, sorted.length - 1)] as number;
        return lo + (h - i) * (hi - lo);
      };
    }
  }
}
