import type { LogOrigin } from '../sourcing/log.ts';
import type { Simulation } from './simulation.ts';

/** Handles one event type in the plain-data style: reads `data`, may schedule more events. */
export type EventHandler<D = unknown> = (data: D, sim: Simulation) => void;

/** A registered event type; scheduling with it skips the name lookup in hot loops. */
export interface EventKind<D = unknown> {
  readonly id: number;
  readonly name: string;
  /** Phantom field so `EventKind<A>` and `EventKind<B>` do not mix. */
  readonly __data?: D;
}

/** Options of a new {@link Simulation}. */
export interface SimulationOptions {
  /** The run seed every named random stream derives from. */
  readonly seed: string | number;
  /**
   * Record every fired plain-data event in the log (default false). `'hash'` hashes each
   * entry as it is recorded and keeps nothing else: the run's identity (`log.digest()`) at
   * flat memory, for Monte Carlo runs that fold their outcomes as events stream past; such a
   * log cannot be read back, replayed or snapshotted.
   */
  readonly record?: boolean | 'hash';
  /** Initial clock value (default 0). */
  readonly startTime?: number;
  /** Continue a log from a snapshot (set by {@link Simulation.restore}). */
  readonly logOrigin?: LogOrigin;
}

/** How far {@link Simulation.run} goes. */
export interface RunOptions {
  /**
   * Stop time. The rule: every event with time <= `until` is processed (including events
   * scheduled at exactly `until` while processing), then the clock is set to `until`.
   * Events after `until` stay pending, so a later `run` continues exactly.
   */
  readonly until?: number;
  /** Stop after this many fired events (the clock stays at the last event's time). */
  readonly maxEvents?: number;
}

/** Counts of one {@link Simulation.run} call. */
export interface RunResult {
  readonly events: number;
  readonly now: number;
  readonly pending: number;
}
