import { StibiumError } from '../errors.ts';
import type { Simulation } from '../kernel/simulation.ts';
import { LevelStats } from './level-stats.ts';
import { QueuedOperation, checkOperationTimeout, type OperationHost, type OperationOptions } from './operation.ts';
import { EventPriority } from './priority.ts';
import { FifoQueue } from './wait-queue.ts';

/** Options of a {@link Container}. */
export interface ContainerOptions {
  /** Largest level, > 0 (default Infinity). */
  readonly capacity?: number;
  /** Level at the start, in [0, capacity] (default 0). */
  readonly init?: number;
  /** A name for error messages and reports. */
  readonly name?: string;
}

/** A put or get of an amount on a {@link Container}; succeeds with the amount. */
export class ContainerOperation extends QueuedOperation<number> {
  /** The amount to move. */
  readonly amount: number;

  /** @internal Made by the container. */
  constructor(sim: Simulation, host: OperationHost, kind: 'put' | 'get', amount: number) {
    super(sim, host, kind);
    this.amount = amount;
  }
}

/**
 * A continuous level with a capacity, SimPy's `Container`: tonnes in a stockpile, fuel in a
 * tank. `put(x)` waits until there is room for x, `get(x)` until x is there. Each queue is
 * strictly first come, first served: a large get at the head blocks smaller gets behind it,
 * so nothing waits forever behind a stream of small requests.
 *
 * @example
 * const stock = new Container(sim, { capacity: 500, init: 100 });
 * spawn(sim, function* () { yield stock.get(30); });
 */
export class Container implements OperationHost {
  /** The simulation it belongs to. */
  readonly sim: Simulation;
  /** Its name. */
  readonly name: string;
  /** Level and queue statistics. */
  readonly stats: LevelStats;
  #level: number;
  #capacity: number;
  readonly #puts = new FifoQueue<ContainerOperation>();
  readonly #gets = new FifoQueue<ContainerOperation>();
  #serving = false;
  #again = false;

  constructor(sim: Simulation, options: ContainerOptions = {}) {
    const capacity = options.capacity ?? Infinity;
    const init = options.init ?? 0;
    if (!(capacity > 0)) {
      throw new StibiumError('INVALID_CAPACITY', `container capacity must be > 0, got ${capacity}`, { capacity });
    }
    if (!(init >= 0 && init <= capacity && Number.isFinite(init))) {
      throw new StibiumError('INVALID_AMOUNT', `container init must be in [0, ${capacity}], got ${init}`, { init });
    }
    this.sim = sim;
    this.name = options.name ?? 'container';
    this.#capacity = capacity;
    this.#level = init;
    this.stats = new LevelStats(sim, init);
  }

  /** The amount in the container now. */
  get level(): number {
    return this.#level;
  }

  /** The largest level now. */
  get capacity(): number {
    return this.#capacity;
  }

  /** Waiting puts. */
  get putQueueLength(): number {
    return this.#puts.size;
  }

  /** Waiting gets. */
  get getQueueLength(): number {
    return this.#gets.size;
  }

  /** Adds `amount` (> 0, at most the capacity) once there is room. */
  put(amount: number, options: OperationOptions = {}): ContainerOperation {
    return this.#queue('put', amount, options.timeout);
  }

  /** Takes `amount` (> 0, at most the capacity) once it is there. */
  get(amount: number, options: OperationOptions = {}): ContainerOperation {
    return this.#queue('get', amount, options.timeout);
  }

  /**
   * Changes the capacity from now on (> 0). A level above the new capacity stays; puts wait
   * until gets bring it below. Waiting operations larger than the new capacity wait until
   * it grows again.
   */
  setCapacity(capacity: number): void {
    if (!(capacity > 0)) {
      throw new StibiumError('INVALID_CAPACITY', `new capacity of ${this.name} must be > 0, got ${capacity}`, { capacity });
    }
    this.#capacity = capacity;
    this.#serve();
  }

  /** @internal */
  withdraw(operation: QueuedOperation<unknown>, status: 'withdrawn' | 'timedOut'): void {
    const op = operation as ContainerOperation;
    const queue = op.kind === 'put' ? this.#puts : this.#gets;
    if (!queue.remove(op)) return;
    if (op.timer >= 0 && status !== 'timedOut') this.sim.cancel(op.timer);
    op.timer = -1;
    op.setStatus(status);
    this.stats.noteWithdraw(status === 'timedOut');
    this.stats.noteQueues(this.#puts.size, this.#gets.size);
    if (status === 'timedOut') op.succeed(undefined);
    // The head of a queue may have left: the next one may now proceed.
    this.#serve();
  }

  #queue(kind: 'put' | 'get', amount: number, timeoutAfter: number | undefined): ContainerOperation {
    if (!(amount > 0 && Number.isFinite(amount))) {
      throw new StibiumError('INVALID_AMOUNT', `${kind} amount must be a finite number > 0, got ${amount}`, { amount });
    }
    if (amount > this.#capacity) {
      throw new StibiumError(
        'INVALID_AMOUNT',
        `${kind} of ${amount} exceeds the capacity ${this.#capacity} of ${this.name}; it could never proceed`,
        { amount, capacity: this.#capacity },
      );
    }
    checkOperationTimeout(timeoutAfter);
    const op = new ContainerOperation(this.sim, this, kind, amount);
    (kind === 'put' ? this.#puts : this.#gets).push(op);
    this.stats.noteQueues(this.#puts.size, this.#gets.size);
    this.#serve();
    if (timeoutAfter !== undefined && op.status === 'waiting') {
      op.timer = this.sim.scheduleCallback(timeoutAfter, () => this.withdraw(op as unknown as QueuedOperation<unknown>, 'timedOut'), EventPriority.NORMAL);
    }
    return op;
  }

  #serve(): void {
    // Re-entry happens when a finished operation resolves an anyOf that withdraws another
    // operation here; the outer pass then simply runs once more.
    if (this.#serving) {
      this.#again = true;
      return;
    }
    this.#serving = true;
    try {
      this.#serveLoop();
    } finally {
      this.#serving = false;
    }
  }

  #serveLoop(): void {
    let progressed = true;
    while (progressed || this.#again) {
      progressed = false;
      this.#again = false;
      for (let put = this.#puts.peek(); put !== undefined && this.#level + put.amount <= this.#capacity; put = this.#puts.peek()) {
        this.#puts.shift();
        this.#level += put.amount;
        this.#finish(put);
        progressed = true;
      }
      for (let get = this.#gets.peek(); get !== undefined && get.amount <= this.#level; get = this.#gets.peek()) {
        this.#gets.shift();
        this.#level -= get.amount;
        this.#finish(get);
        progressed = true;
      }
    }
  }

  #finish(op: ContainerOperation): void {
    if (op.timer >= 0) this.sim.cancel(op.timer);
    op.timer = -1;
    op.setStatus('done');
    this.stats.noteDone(op.kind, this.sim.now - op.requestedAt, this.#level);
    this.stats.noteQueues(this.#puts.size, this.#gets.size);
    op.succeed(op.amount);
  }
}
