import { StibiumError } from '../errors.ts';
import type { RandomStream } from './stream.ts';

// Each sampler draws a fixed number of uniforms where it can (normal draws exactly two,
// discarding the second Box-Muller value), so a stream's position after N draws does not
// depend on the values drawn: the property common random numbers rely on.

function bad(what: string, value: unknown): never {
  throw new StibiumError('INVALID_ARGUMENT', `${what}, got ${String(value)}`);
}

/** Uniform on [min, max). */
export function uniform(rng: RandomStream, min: number, max: number): number {
  if (!(Number.isFinite(min) && Number.isFinite(max) && min <= max)) bad('uniform needs finite min <= max', `${min}, ${max}`);
  const x = min + (max - min) * rng.next();
  // Rounding can land on max when the range is tiny against |min|; keep [min, max) half-open.
  return x < max || min === max ? x : Math.max(min, max - Math.abs(max) * Number.EPSILON);
}

/** Exponential with the given rate (mean 1/rate). */
export function exponential(rng: RandomStream, rate: number): number {
  if (!(rate > 0 && Number.isFinite(rate))) bad('exponential needs a finite rate > 0', rate);
  return -Math.log(1 - rng.next()) / rate;
}

/** Normal(mean, sd) by Box-Muller; always two uniforms per draw. */
export function normal(rng: RandomStream, mean: number, sd: number): number {
  if (!(sd >= 0 && Number.isFinite(sd) && Number.isFinite(mean))) bad('normal needs finite mean and sd >= 0', `${mean}, ${sd}`);
  const u1 = 1 - rng.next();
  const u2 = rng.next();
  return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Lognormal: exp of Normal(mu, sigma) (mu, sigma of the log). */
export function lognormal(rng: RandomStream, mu: number, sigma: number): number {
  return Math.exp(normal(rng, mu, sigma));
}

/** Triangular on [min, max] with the given mode, by inversion. */
export function triangular(rng: RandomStream, min: number, mode: number, max: number): number {
  if (!(min <= mode && mode <= max && Number.isFinite(min) && Number.isFinite(max))) {
    bad('triangular needs finite min <= mode <= max', `${min}, ${mode}, ${max}`);
  }
  const u = rng.next();
  const span = max - min;
  if (span === 0) return min;
  const cut = (mode - min) / span;
  return u < cut ? min + Math.sqrt(u * span * (mode - min)) : max - Math.sqrt((1 - u) * span * (max - mode));
}

/**
 * Poisson(mean): Knuth's product method for small means, a rounded normal approximation
 * with continuity correction above 500 (where its error is negligible for simulation).
 */
export function poisson(rng: RandomStream, mean: number): number {
  if (!(mean >= 0 && Number.isFinite(mean))) bad('poisson needs a finite mean >= 0', mean);
  if (mean === 0) return 0;
  if (mean > 500) return Math.max(0, Math.round(normal(rng, mean, Math.sqrt(mean))));
  if (mean > 30) {
    // Split large means into chunks so exp(-chunk) never underflows.
    let total = 0;
    let left = mean;
    while (left > 30) {
      total += poisson(rng, 30);
      left -= 30;
    }
    return total + poisson(rng, left);
  }
  const limit = Math.exp(-mean);
  let k = 0;
  let product = rng.next();
  while (product > limit) {
    k++;
    product *= rng.next();
  }
  return k;
}

/** Index drawn with probability proportional to `weights` (non-negative, not all zero). */
export function categorical(rng: RandomStream, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) {
    if (!(w >= 0 && Number.isFinite(w))) bad('categorical weights must be finite and >= 0', w);
    total += w;
  }
  if (!(total > 0)) bad('categorical needs at least one positive weight', weights.join(','));
  let target = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    target -= weights[i] as number;
    if (target < 0) return i;
  }
  return weights.length - 1;
}
