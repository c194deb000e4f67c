import type { Simulation } from '../kernel/simulation.ts';
import { Tally, orNull, type TallySummary } from '../stats/tally.ts';
import { TimeWeighted } from '../stats/time-weighted.ts';

/** A plain-data summary of {@link ResourceStats}, JSON-safe. */
export interface ResourceStatsSummary {
  readonly since: number;
  readonly until: number;
  readonly utilization: number | null;
  readonly meanBusy: number;
  readonly meanCapacity: number;
  readonly meanQueueLength: number;
  readonly maxQueueLength: number;
  readonly meanWait: number | null;
  readonly maxWait: number | null;
  readonly waits: TallySummary;
  readonly requests: number;
  readonly grants: number;
  readonly releases: number;
  readonly withdrawals: number;
  readonly timeouts: number;
  readonly preemptions: number;
}

/**
 * Utilization and queue statistics a resource keeps as it runs, time-weighted where the
 * quantity is a level (busy slots, queue length, capacity) and tallied where it is an
 * observation (waits). Read them at any time; `reset()` after a warm-up period.
 */
export class ResourceStats {
  /** Busy slots over time. */
  readonly busy: TimeWeighted;
  /** Waiting requests over time. */
  readonly queue: TimeWeighted;
  /** Capacity over time (it may change: outages, ramp-ups). */
  readonly capacity: TimeWeighted;
  /** Time from request to grant, per granted request. */
  readonly waits = new Tally();
  /** Time spent waiting by requests that left the queue unserved (withdrawn or timed out). */
  readonly abandonedWaits = new Tally();
  #requests = 0;
  #grants = 0;
  #releases = 0;
  #withdrawals = 0;
  #timeouts = 0;
  #preemptions = 0;
  readonly #sim: Simulation;

  /** @internal Created by the resource. */
  constructor(sim: Simulation, capacity: number) {
    this.#sim = sim;
    this.busy = new TimeWeighted(sim.now, 0);
    this.queue = new TimeWeighted(sim.now, 0);
    this.capacity = new TimeWeighted(sim.now, capacity);
  }

  /** Share of available capacity in use: integral of busy slots over integral of capacity. */
  get utilization(): number {
    const now = this.#sim.now;
    const available = this.capacity.integral(now);
    if (available > 0) return this.busy.integral(now) / available;
    return this.capacity.current > 0 ? this.busy.current / this.capacity.current : NaN;
  }

  /** Time-average number of busy slots. */
  get meanBusy(): number {
    return this.busy.mean(this.#sim.now);
  }

  /** Time-average number of waiting requests. */
  get meanQueueLength(): number {
    return this.queue.mean(this.#sim.now);
  }

  /** Longest queue seen. */
  get maxQueueLength(): number {
    return this.queue.max;
  }

  /** Mean time from request to grant over granted requests (NaN before the first). */
  get meanWait(): number {
    return this.waits.mean;
  }

  /** Requests made. */
  get requests(): number {
    return this.#requests;
  }

  /** Requests granted. */
  get grants(): number {
    return this.#grants;
  }

  /** Slots released by their users. */
  get releases(): number {
    return this.#releases;
  }

  /** Waiting requests withdrawn (cancelled, or losers of an `anyOf`). */
  get withdrawals(): number {
    return this.#withdrawals;
  }

  /** Waiting requests whose `timeout` ran out. */
  get timeouts(): number {
    return this.#timeouts;
  }

  /** Users that lost their slot to preemption or a capacity drop. */
  get preemptions(): number {
    return this.#preemptions;
  }

  /** Restarts every statistic at the current time, keeping current levels (warm-up deletion). */
  reset(): void {
    const now = this.#sim.now;
    this.busy.reset(now);
    this.queue.reset(now);
    this.capacity.reset(now);
    this.waits.reset();
    this.abandonedWaits.reset();
    this.#requests = this.#grants = this.#releases = this.#withdrawals = this.#timeouts = this.#preemptions = 0;
  }

  /** Every statistic as plain data, at the current time. */
  summary(): ResourceStatsSummary {
    const now = this.#sim.now;
    return {
      since: this.busy.since,
      until: now,
      utilization: orNull(this.utilization),
      meanBusy: this.meanBusy,
      meanCapacity: this.capacity.mean(now),
      meanQueueLength: this.meanQueueLength,
      maxQueueLength: this.maxQueueLength,
      meanWait: orNull(this.waits.mean),
      maxWait: orNull(this.waits.max),
      waits: this.waits.summary(),
      requests: this.#requests,
      grants: this.#grants,
      releases: this.#releases,
      withdrawals: this.#withdrawals,
      timeouts: this.#timeouts,
      preemptions: this.#preemptions,
    };
  }

  /** @internal */
  noteRequest(queueLength: number): void {
    this.#requests++;
    this.queue.update(this.#sim.now, queueLength);
  }

  /** @internal */
  noteGrant(wait: number, busy: number, queueLength: number): void {
    const now = this.#sim.now;
    this.#grants++;
    this.waits.add(wait);
    this.busy.update(now, busy);
    this.queue.update(now, queueLength);
  }

  /** @internal */
  noteRelease(busy: number, preempted: boolean): void {
    if (preempted) this.#preemptions++;
    else this.#releases++;
    this.busy.update(this.#sim.now, busy);
  }

  /** @internal */
  noteWithdraw(waited: number, timedOut: boolean, queueLength: number): void {
    if (timedOut) this.#timeouts++;
    else this.#withdrawals++;
    this.abandonedWaits.add(waited);
    this.queue.update(this.#sim.now, queueLength);
  }

  /** @internal */
  noteCapacity(capacity: number): void {
    this.capacity.update(this.#sim.now, capacity);
  }
}
