import type { Simulation } from '../kernel/simulation.ts';
import { SimEvent, abandon } from './event.ts';
import type { Process } from './process.ts';
import type { Queued } from './wait-queue.ts';

/** Where a request stands: waiting in the queue, holding a slot, or done in one of four ways. */
export type RequestStatus = 'waiting' | 'granted' | 'released' | 'withdrawn' | 'timedOut' | 'preempted';

/** Options of `resource.request()`. */
export interface RequestOptions {
  /**
   * Give up after this long in the queue: the request leaves the queue and its event
   * succeeds with `false` (`granted` stays false, `status` is `'timedOut'`).
   */
  readonly timeout?: number;
}

/** Options of a request to a priority resource: lower `priority` is served first. */
export interface PriorityRequestOptions extends RequestOptions {
  /** Lower numbers are served first (default 0); equal priorities are served FIFO. */
  readonly priority?: number;
}

/** Options of a request to a preemptive resource. */
export interface PreemptiveRequestOptions extends PriorityRequestOptions {
  /** Take the slot of a user with a strictly lower priority when full (default true). */
  readonly preempt?: boolean;
}

/** @internal What a request calls back into: its resource. */
export interface RequestHost {
  release(request: Request): void;
  /** Removes a waiting request from the queue with the given final status. */
  withdraw(request: Request, status: 'withdrawn' | 'timedOut'): void;
}

/**
 * A claim on one slot of a resource (SimPy's `Request`). Yield it to wait for the slot; the
 * event succeeds with `true` when granted (or `false` when its `timeout` ran out). Give the
 * slot back with `resource.release(request)`; `cancel()` is the catch-all for `finally`.
 */
export class Request extends SimEvent<boolean> implements Queued {
  /** @internal Maintained by the wait queue. */
  queued = false;
  /** The resource asked. */
  readonly resource: RequestHost;
  /** Lower is served first (0 for plain resources). */
  readonly priority: number;
  /** Whether it may preempt a lower-priority user. */
  readonly preempt: boolean;
  /** When it was made. */
  readonly requestedAt: number;
  /** Order of creation at its resource; breaks priority ties FIFO. */
  readonly seq: number;
  /** The process that made it (and is interrupted if it is preempted), if any. */
  readonly owner: Process<unknown> | undefined;
  /** @internal Kernel handle of the time-out, or -1. */
  timer = -1;
  #status: RequestStatus = 'waiting';
  #grantedAt = NaN;
  #endedAt = NaN;

  /** Use `resource.request()`. */
  constructor(
    sim: Simulation,
    resource: RequestHost,
    priority: number,
    preempt: boolean,
    seq: number,
    owner: Process<unknown> | undefined,
  ) {
    super(sim);
    this.resource = resource;
    this.priority = priority;
    this.preempt = preempt;
    this.seq = seq;
    this.owner = owner;
    this.requestedAt = sim.now;
  }

  /** Where the request stands. */
  get status(): RequestStatus {
    return this.#status;
  }

  /** True while it holds a slot. */
  get granted(): boolean {
    return this.#status === 'granted';
  }

  /** When it was granted (NaN if never). */
  get grantedAt(): number {
    return this.#grantedAt;
  }

  /** When it stopped waiting or holding (NaN while waiting or holding). */
  get endedAt(): number {
    return this.#endedAt;
  }

  /**
   * Gives up the request whatever its state: leaves the queue if waiting, releases the slot
   * if granted, does nothing if already finished. Safe in a `finally` block.
   */
  cancel(): void {
    if (this.#status === 'waiting') this.resource.withdraw(this, 'withdrawn');
    else if (this.#status === 'granted') this.resource.release(this);
  }

  /** @internal */
  override [abandon](): void {
    if (this.#status === 'waiting') this.resource.withdraw(this, 'withdrawn');
  }

  /** @internal Status changes come from the resource only. */
  setStatus(status: RequestStatus, now: number): void {
    this.#status = status;
    if (status === 'granted') this.#grantedAt = now;
    else if (status !== 'waiting') this.#endedAt = now;
  }
}
