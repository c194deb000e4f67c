import type { Simulation } from '../kernel/simulation.ts';
import { Tally, orNull, type TallySummary } from '../stats/tally.ts';
import { TimeWeighted, type TimeWeightedSummary } from '../stats/time-weighted.ts';

/** A plain-data summary of {@link LevelStats}, JSON-safe. */
export interface LevelStatsSummary {
  readonly level: TimeWeightedSummary;
  readonly meanPutQueue: number;
  readonly meanGetQueue: number;
  readonly maxPutQueue: number;
  readonly maxGetQueue: number;
  readonly meanPutWait: number | null;
  readonly meanGetWait: number | null;
  readonly putWaits: TallySummary;
  readonly getWaits: TallySummary;
  readonly puts: number;
  readonly gets: number;
  readonly withdrawals: number;
  readonly timeouts: number;
}

/**
 * Statistics of a container or store: the level (tonnes, items) over time, the put and get
 * queues over time, and how long completed puts and gets waited. `reset()` after a warm-up.
 */
export class LevelStats {
  /** Level over time (amount in a container, items in a store). */
  readonly level: TimeWeighted;
  /** Waiting puts over time. */
  readonly putQueue: TimeWeighted;
  /** Waiting gets over time. */
  readonly getQueue: TimeWeighted;
  /** Waits of completed puts. */
  readonly putWaits = new Tally();
  /** Waits of completed gets. */
  readonly getWaits = new Tally();
  #puts = 0;
  #gets = 0;
  #withdrawals = 0;
  #timeouts = 0;
  readonly #sim: Simulation;

  /** @internal Created by the container or store. */
  constructor(sim: Simulation, level: number) {
    this.#sim = sim;
    this.level = new TimeWeighted(sim.now, level);
    this.putQueue = new TimeWeighted(sim.now, 0);
    this.getQueue = new TimeWeighted(sim.now, 0);
  }

  /** Time-average level. */
  get meanLevel(): number {
    return this.level.mean(this.#sim.now);
  }

  /** Completed puts. */
  get puts(): number {
    return this.#puts;
  }

  /** Completed gets. */
  get gets(): number {
    return this.#gets;
  }

  /** Waiting puts or gets withdrawn (cancelled, or losers of an `anyOf`). */
  get withdrawals(): number {
    return this.#withdrawals;
  }

  /** Waiting puts or gets whose `timeout` ran out. */
  get timeouts(): number {
    return this.#timeouts;
  }

  /** Restarts every statistic at the current time, keeping current levels. */
  reset(): void {
    const now = this.#sim.now;
    this.level.reset(now);
    this.putQueue.reset(now);
    this.getQueue.reset(now);
    this.putWaits.reset();
    this.getWaits.reset();
    this.#puts = this.#gets = this.#withdrawals = this.#timeouts = 0;
  }

  /** Every statistic as plain data, at the current time. */
  summary(): LevelStatsSummary {
    const now = this.#sim.now;
    return {
      level: this.level.summary(now),
      meanPutQueue: this.putQueue.mean(now),
      meanGetQueue: this.getQueue.mean(now),
      maxPutQueue: this.putQueue.max,
      maxGetQueue: this.getQueue.max,
      meanPutWait: orNull(this.putWaits.mean),
      meanGetWait: orNull(this.getWaits.mean),
      putWaits: this.putWaits.summary(),
      getWaits: this.getWaits.summary(),
      puts: this.#puts,
      gets: this.#gets,
      withdrawals: this.#withdrawals,
      timeouts: this.#timeouts,
    };
  }

  /** @internal */
  noteQueues(puts: number, gets: number): void {
    const now = this.#sim.now;
    this.putQueue.update(now, puts);
    this.getQueue.update(now, gets);
  }

  /** @internal */
  noteDone(kind: 'put' | 'get', wait: number, level: number): void {
    if (kind === 'put') {
      this.#puts++;
      this.putWaits.add(wait);
    } else {
      this.#gets++;
      this.getWaits.add(wait);
    }
    this.level.update(this.#sim.now, level);
  }

  /** @internal */
  noteWithdraw(timedOut: boolean): void {
    if (timedOut) this.#timeouts++;
    else this.#withdrawals++;
  }
}
