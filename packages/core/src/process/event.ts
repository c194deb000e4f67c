import { StibiumError } from '../errors.ts';
import type { Simulation } from '../kernel/simulation.ts';
import { envOf, type ProcessEnv } from './env.ts';

/** Called with the event when it is processed (or, for watchers, when it is triggered). */
export type EventCallback<T = unknown> = (event: SimEvent<T>) => void;

type Callback = (event: SimEvent<unknown>) => void;

const PENDING = 0;
const TRIGGERED = 1;
const PROCESSED = 2;

/** Internal hooks (symbol-keyed so they stay off the public surface). */
export const watch = Symbol('watch');
/** See {@link watch}. */
export const unwatch = Symbol('unwatch');
/** See {@link watch}. */
export const addWaiter = Symbol('addWaiter');
/** See {@link watch}. */
export const removeWaiter = Symbol('removeWaiter');
/** Called when a condition that included this event resolved without it. */
export const abandon = Symbol('abandon');
/** Binds a lazily created event (a condition of timeouts only) to a simulation. */
export const bind = Symbol('bind');

/**
 * Something that happens at one simulation time, SimPy's `Event`: pending until it is
 * triggered with `succeed(value)` or `fail(error)`, then processed at the same time by the
 * kernel, which resumes the processes waiting on it. Processes, resource requests, store
 * and container operations and conditions are events; a process waits on one by yielding it.
 *
 * A failed event that nobody waits on is not swallowed: its error is thrown out of
 * `sim.run()` when it is processed, unless `defuse()` was called.
 */
export class SimEvent<T = unknown> {
  #env: ProcessEnv | undefined;
  #state = PENDING;
  #ok = true;
  #value: unknown = undefined;
  #defused = false;
  // Stored without T so SimEvent stays covariant in T (a SimEvent<number> is a SimEvent<unknown>).
  #waiter: Callback | undefined = undefined;
  #waiters: Callback[] | undefined = undefined;
  #watchers: Callback[] | undefined = undefined;

  /** A pending event of `sim`; `undefined` only for conditions bound when first yielded. */
  constructor(sim: Simulation | undefined) {
    this.#env = sim === undefined ? undefined : envOf(sim);
  }

  /** The simulation this event belongs to. */
  get sim(): Simulation {
    return this.env.sim;
  }

  /** @internal The process environment (throws for a not yet bound condition). */
  get env(): ProcessEnv {
    const env = this.#env;
    if (env === undefined) {
      throw new StibiumError('PROCESS_ERROR', 'this condition is not bound to a simulation yet: yield it from a process first');
    }
    return env;
  }

  /** @internal True once bound to a simulation. */
  get isBound(): boolean {
    return this.#env !== undefined;
  }

  /** True once `succeed` or `fail` was called. */
  get triggered(): boolean {
    return this.#state !== PENDING;
  }

  /** True once the kernel has processed the event and resumed its waiters. */
  get processed(): boolean {
    return this.#state === PROCESSED;
  }

  /** True unless the event failed (also true while pending). */
  get ok(): boolean {
    return this.#ok;
  }

  /** The value it succeeded with; `undefined` while pending or when it failed. */
  get value(): T | undefined {
    return this.#ok ? (this.#value as T | undefined) : undefined;
  }

  /** The error it failed with; `undefined` otherwise. */
  get error(): unknown {
    return this.#ok ? undefined : this.#value;
  }

  /** Triggers the event with `value`; it is processed later at the current time. */
  succeed(value: T): this {
    this.#trigger(true, value);
    return this;
  }

  /** Triggers the event as failed: waiting processes get `error` thrown at their `yield`. */
  fail(error: unknown): this {
    this.#trigger(false, error);
    return this;
  }

  /** Marks a failure as handled, so it is not thrown out of `sim.run()` when nobody waits. */
  defuse(): this {
    this.#defused = true;
    return this;
  }

  /**
   * Calls `callback` when the event is processed; right away if it already was. Use it to
   * react to an event outside a process (processes simply yield the event).
   */
  onProcessed(callback: EventCallback<T>): this {
    if (this.#state === PROCESSED) {
      if (!this.#ok) this.#defused = true;
      callback(this);
    } else {
      this[addWaiter](callback);
    }
    return this;
  }

  /** @internal Processes the event: resumes its waiters, or throws an unhandled failure. */
  process(): void {
    this.#state = PROCESSED;
    const first = this.#waiter;
    const rest = this.#waiters;
    this.#waiter = undefined;
    this.#waiters = undefined;
    if (first === undefined) {
      if (!this.#ok && !this.#defused) throw this.#value;
      return;
    }
    if (!this.#ok) this.#defused = true;
    const self = this as SimEvent<unknown>;
    first(self);
    if (rest !== undefined) for (const callback of rest) callback(self);
  }

  /** @internal Adds a callback run when the event is processed. */
  [addWaiter](callback: EventCallback<T>): void {
    const stored = callback as Callback;
    if (this.#waiter === undefined) this.#waiter = stored;
    else (this.#waiters ??= []).push(stored);
  }

  /** @internal Removes a callback added with addWaiter (an interrupted process stops waiting). */
  [removeWaiter](callback: EventCallback<T>): void {
    const stored = callback as Callback;
    if (this.#waiter === stored) {
      this.#waiter = this.#waiters?.shift();
      return;
    }
    const rest = this.#waiters;
    const i = rest === undefined ? -1 : rest.indexOf(stored);
    if (i >= 0) rest?.splice(i, 1);
  }

  /** @internal Adds a callback run synchronously when the event is triggered (conditions). */
  [watch](callback: EventCallback<T>): void {
    (this.#watchers ??= []).push(callback as Callback);
  }

  /** @internal Removes a watcher. */
  [unwatch](callback: EventCallback<T>): void {
    const list = this.#watchers;
    const i = list === undefined ? -1 : list.indexOf(callback as Callback);
    if (i >= 0) list?.splice(i, 1);
  }

  /** @internal A condition resolved without this event; request-like events withdraw. */
  [abandon](): void {}

  /** @internal Binds a lazily created event to a simulation. */
  [bind](sim: Simulation): void {
    if (this.#env === undefined) this.#env = envOf(sim);
  }

  #trigger(ok: boolean, value: unknown): void {
    if (this.#state !== PENDING) {
      throw new StibiumError('PROCESS_ERROR', `${describeEvent(this as SimEvent<unknown>)} has already been triggered; an event succeeds or fails once`);
    }
    const env = this.env;
    this.#state = TRIGGERED;
    this.#ok = ok;
    this.#value = value;
    env.enqueue(this as SimEvent<unknown>);
    const watchers = this.#watchers;
    if (watchers !== undefined) {
      this.#watchers = undefined;
      if (!ok) this.#defused = true;
      for (const callback of watchers) callback(this as SimEvent<unknown>);
    }
  }
}

/** A short description of an event for error messages. */
export function describeEvent(event: SimEvent<unknown>): string {
  return `${event.constructor.name} event`;
}
