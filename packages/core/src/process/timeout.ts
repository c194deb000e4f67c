import { StibiumError } from '../errors.ts';
import type { Simulation } from '../kernel/simulation.ts';
import { SimEvent, abandon } from './event.ts';
import { EventPriority } from './priority.ts';

/**
 * A delay for a process to wait, made by {@link timeout}. It is a tiny description, not a
 * scheduled event: the delay starts when a process yields it (or when a condition that
 * contains it is created or first yielded), which is what lets the hold loop run without
 * allocating more than this object per step. Yielding the same `Timeout` twice waits twice.
 */
export class Timeout<T = undefined> {
  /** Simulated time to wait, >= 0. */
  readonly delay: number;
  /** What the `yield` returns when the delay has passed. */
  readonly value: T;

  constructor(delay: number, value: T) {
    if (!(delay >= 0) || delay === Infinity) {
      throw new StibiumError(
        'INVALID_DELAY',
        `timeout delay must be a finite number >= 0, got ${delay}${delay < 0 ? ' (a process cannot wait into the past)' : ''}`,
        { delay },
      );
    }
    this.delay = delay;
    this.value = value;
  }
}

/**
 * A delay to yield from a process: `yield timeout(5)` resumes the process 5 time units
 * later (SimPy's `env.timeout`). Throws INVALID_DELAY for negative, NaN or infinite delays.
 *
 * @example
 * spawn(sim, function* () {
 *   yield timeout(exponential(rng, 1));
 * });
 */
export function timeout(delay: number): Timeout<undefined>;
export function timeout<T>(delay: number, value: T): Timeout<T>;
export function timeout<T>(delay: number, value?: T): Timeout<T | undefined> {
  return new Timeout(delay, value);
}

/** @internal A timeout made into a real event, so a condition can watch it. */
export class TimerEvent<T> extends SimEvent<T> {
  #handle: number;

  constructor(sim: Simulation, delay: number, value: T) {
    super(sim);
    this.#handle = sim.scheduleCallback(delay, () => {
      this.#handle = -1;
      this.succeed(value);
    }, EventPriority.NORMAL);
  }

  /** A timer nobody needs any more leaves the future event list. */
  override [abandon](): void {
    if (this.#handle >= 0) this.sim.cancel(this.#handle);
    this.#handle = -1;
  }
}
