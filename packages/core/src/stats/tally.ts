import { StibiumError } from '../errors.ts';

/** A plain-data summary of a {@link Tally}, JSON-safe (empty statistics are `null`). */
export interface TallySummary {
  readonly count: number;
  readonly mean: number | null;
  readonly variance: number | null;
  readonly sd: number | null;
  readonly min: number | null;
  readonly max: number | null;
}

/**
 * Statistics of a series of observations (waits, lead times): count, mean, sample variance,
 * min and max, in O(1) memory. Welford's update keeps the variance accurate when the mean is
 * large compared to the spread, where the naive sum-of-squares formula cancels badly.
 *
 * @example
 * const waits = new Tally();
 * waits.add(2); waits.add(4);
 * waits.mean; // 3
 */
export class Tally {
  #count = 0;
  #mean = 0;
  #m2 = 0;
  #min = Infinity;
  #max = -Infinity;

  /** Records one observation; throws INVALID_ARGUMENT for NaN or infinite values. */
  add(x: number): void {
    if (!Number.isFinite(x)) throw new StibiumError('INVALID_ARGUMENT', `a tally observation must be finite, got ${x}`);
    const n = ++this.#count;
    const delta = x - this.#mean;
    this.#mean += delta / n;
    this.#m2 += delta * (x - this.#mean);
    if (x < this.#min) this.#min = x;
    if (x > this.#max) this.#max = x;
  }

  /** Number of observations. */
  get count(): number {
    return this.#count;
  }

  /** Arithmetic mean; NaN before the first observation. */
  get mean(): number {
    return this.#count === 0 ? NaN : this.#mean;
  }

  /** Sum of the observations. */
  get sum(): number {
    return this.#mean * this.#count;
  }

  /** Sample variance (divisor n - 1); NaN with fewer than two observations. */
  get variance(): number {
    return this.#count < 2 ? NaN : this.#m2 / (this.#count - 1);
  }

  /** Sample standard deviation; NaN with fewer than two observations. */
  get sd(): number {
    return Math.sqrt(this.variance);
  }

  /** Smallest observation; NaN when empty. */
  get min(): number {
    return this.#count === 0 ? NaN : this.#min;
  }

  /** Largest observation; NaN when empty. */
  get max(): number {
    return this.#count === 0 ? NaN : this.#max;
  }

  /** Forgets every observation (e.g. at the end of a warm-up period). */
  reset(): void {
    this.#count = 0;
    this.#mean = 0;
    this.#m2 = 0;
    this.#min = Infinity;
    this.#max = -Infinity;
  }

  /** The statistics as plain data, with `null` where a statistic is undefined. */
  summary(): TallySummary {
    return {
      count: this.#count,
      mean: orNull(this.mean),
      variance: orNull(this.variance),
      sd: orNull(this.sd),
      min: orNull(this.min),
      max: orNull(this.max),
    };
  }
}

/** NaN becomes null so summaries survive JSON. */
export function orNull(x: number): number | null {
  return Number.isNaN(x) ? null : x;
}
