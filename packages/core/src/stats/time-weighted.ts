import { StibiumError } from '../errors.ts';

/** A plain-data summary of a {@link TimeWeighted} at one time, JSON-safe. */
export interface TimeWeightedSummary {
  readonly since: number;
  readonly until: number;
  readonly current: number;
  readonly mean: number;
  readonly variance: number;
  readonly min: number;
  readonly max: number;
  readonly integral: number;
}

/**
 * Statistics of a piecewise-constant quantity over simulated time (busy servers, queue
 * length, tonnes in a stockpile): the value holds from one `update` to the next, so the mean
 * weights each value by how long it lasted, not by how often it was set.
 *
 * @example
 * const q = new TimeWeighted(0, 0);
 * q.update(2, 3); // 0 during [0, 2), then 3
 * q.mean(4);      // (0 * 2 + 3 * 2) / 4 = 1.5
 */
export class TimeWeighted {
  #since: number;
  #last: number;
  #value: number;
  #integral = 0;
  #integralSq = 0;
  #min: number;
  #max: number;

  /** Starts accumulating at `time` with `value`. */
  constructor(time = 0, value = 0) {
    check(time, 'time');
    check(value, 'value');
    this.#since = time;
    this.#last = time;
    this.#value = value;
    this.#min = value;
    this.#max = value;
  }

  /** Sets the value from `time` on; `time` never goes back. */
  update(time: number, value: number): void {
    this.#advance(time);
    if (!Number.isFinite(value)) check(value, 'value');
    this.#value = value;
    if (value < this.#min) this.#min = value;
    if (value > this.#max) this.#max = value;
  }

  /** Adds `delta` to the value from `time` on. */
  add(time: number, delta: number): void {
    this.update(time, this.#value + delta);
  }

  /** The value now. */
  get current(): number {
    return this.#value;
  }

  /** Start of the accumulation period (construction or last reset). */
  get since(): number {
    return this.#since;
  }

  /** Smallest value taken since the start of the period. */
  get min(): number {
    return this.#min;
  }

  /** Largest value taken since the start of the period. */
  get max(): number {
    return this.#max;
  }

  /** Integral of the value over [since, time]; `time` must not precede the last update. */
  integral(time: number): number {
    return this.#integral + this.#value * this.#span(time);
  }

  /** Time-weighted mean over [since, time]; the current value when the period is empty. */
  mean(time: number): number {
    const integral = this.integral(time);
    const total = time - this.#since;
    return total > 0 ? integral / total : this.#value;
  }

  /** Time-weighted (population) variance over [since, time]; 0 when the period is empty. */
  variance(time: number): number {
    const span = this.#span(time);
    const total = time - this.#since;
    if (!(total > 0)) return 0;
    const mean = this.mean(time);
    const meanSq = (this.#integralSq + this.#value * this.#value * span) / total;
    return Math.max(0, meanSq - mean * mean);
  }

  /** Restarts the period at `time`, keeping the current value (e.g. after a warm-up). */
  reset(time: number): void {
    this.#advance(time);
    this.#since = time;
    this.#integral = 0;
    this.#integralSq = 0;
    this.#min = this.#value;
    this.#max = this.#value;
  }

  /** The statistics over [since, time] as plain data. */
  summary(time: number): TimeWeightedSummary {
    return {
      since: this.#since,
      until: time,
      current: this.#value,
      mean: this.mean(time),
      variance: this.variance(time),
      min: this.#min,
      max: this.#max,
      integral: this.integral(time),
    };
  }

  #span(time: number): number {
    const dt = time - this.#last;
    if (!(dt >= 0)) {
      throw new StibiumError('INVALID_TIME', `time ${time} is before the last update at ${this.#last}`, { time });
    }
    return dt;
  }

  #advance(time: number): void {
    const dt = this.#span(time);
    if (dt > 0) {
      const v = this.#value;
      this.#integral += v * dt;
      this.#integralSq += v * v * dt;
      this.#last = time;
    }
  }
}

function check(x: number, what: string): void {
  if (!Number.isFinite(x)) throw new StibiumError('INVALID_ARGUMENT', `a time-weighted ${what} must be finite, got ${x}`);
}
