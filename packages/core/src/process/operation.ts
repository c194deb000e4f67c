import { StibiumError } from '../errors.ts';
import type { Simulation } from '../kernel/simulation.ts';
import { SimEvent, abandon } from './event.ts';
import type { Queued } from './wait-queue.ts';

/** Where a put or get stands. */
export type OperationStatus = 'waiting' | 'done' | 'withdrawn' | 'timedOut';

/** Options of a container or store put/get. */
export interface OperationOptions {
  /** Give up after this long waiting: the event succeeds with `undefined`, status `'timedOut'`. */
  readonly timeout?: number;
}

/** @internal The container or store an operation calls back into. */
export interface OperationHost {
  withdraw(operation: QueuedOperation<unknown>, status: 'withdrawn' | 'timedOut'): void;
}

/**
 * A put or get on a container or store, SimPy's `Put`/`Get` events: it waits in its queue
 * until it can proceed, then succeeds with the amount or item moved. `cancel()` withdraws
 * it while it waits (a finished operation is not undone).
 */
export class QueuedOperation<T> extends SimEvent<T | undefined> implements Queued {
  /** @internal Maintained by the wait queue. */
  queued = false;
  /** `'put'` or `'get'`. */
  readonly kind: 'put' | 'get';
  /** When it was made. */
  readonly requestedAt: number;
  /** @internal Kernel handle of the time-out, or -1. */
  timer = -1;
  #status: OperationStatus = 'waiting';
  readonly #host: OperationHost;

  /** @internal Made by containers and stores. */
  constructor(sim: Simulation, host: OperationHost, kind: 'put' | 'get') {
    super(sim);
    this.#host = host;
    this.kind = kind;
    this.requestedAt = sim.now;
  }

  /** Where it stands. */
  get status(): OperationStatus {
    return this.#status;
  }

  /** Withdraws it while it waits; does nothing once it finished. */
  cancel(): void {
    if (this.#status === 'waiting') this.#host.withdraw(this as QueuedOperation<unknown>, 'withdrawn');
  }

  /** @internal */
  override [abandon](): void {
    this.cancel();
  }

  /** @internal Status changes come from the host only. */
  setStatus(status: OperationStatus): void {
    this.#status = status;
  }
}

/** @internal Validates an operation's `timeout` option. */
export function checkOperationTimeout(timeoutAfter: number | undefined): void {
  if (timeoutAfter !== undefined && !(timeoutAfter >= 0 && timeoutAfter !== Infinity)) {
    throw new StibiumError('INVALID_DELAY', `timeout must be a finite number >= 0, got ${timeoutAfter}`, { delay: timeoutAfter });
  }
}
