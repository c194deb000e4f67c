import { StibiumError } from '../errors.ts';
import type { Simulation } from '../kernel/simulation.ts';
import { LevelStats } from './level-stats.ts';
import { QueuedOperation, checkOperationTimeout, type OperationHost, type OperationOptions } from './operation.ts';
import { EventPriority } from './priority.ts';
import { FifoQueue } from './wait-queue.ts';

/** Options of a {@link Store}. */
export interface StoreOptions {
  /** Most items it holds, an integer >= 1 (default Infinity). */
  readonly capacity?: number;
  /** A name for error messages and reports. */
  readonly name?: string;
}

/** A put of one item on a {@link Store}; succeeds with the item. */
export class StorePut<T> extends QueuedOperation<T> {
  /** The item to add. */
  readonly item: T;

  /** @internal Made by the store. */
  constructor(sim: Simulation, host: OperationHost, item: T) {
    super(sim, host, 'put');
    this.item = item;
  }
}

/** A get from a {@link Store}; succeeds with the item taken. */
export class StoreGet<T> extends QueuedOperation<T> {
  /** Which items it accepts (all when undefined). */
  readonly filter: ((item: T) => boolean) | undefined;

  /** @internal Made by the store. */
  constructor(sim: Simulation, host: OperationHost, filter: ((item: T) => boolean) | undefined) {
    super(sim, host, 'get');
    this.filter = filter;
  }
}

/**
 * A buffer of discrete items, SimPy's `Store`: `put(item)` waits while it is full, `get()`
 * takes the oldest item, waiting while it is empty. Items and gets are both FIFO.
 *
 * @example
 * const yard = new Store<Shipment>(sim, { capacity: 20 });
 * spawn(sim, function* () {
 *   const get = yard.get();
 *   yield get;
 *   const shipment = get.value;
 * });
 */
export class Store<T> implements OperationHost {
  /** The simulation it belongs to. */
  readonly sim: Simulation;
  /** Its name. */
  readonly name: string;
  /** Item count and queue statistics. */
  readonly stats: LevelStats;
  readonly #items: T[] = [];
  #capacity: number;
  readonly #puts = new FifoQueue<StorePut<T>>();
  // Gets are scanned in order on every change, so a plain array with lazy removal.
  #gets: Array<StoreGet<T>> = [];
  #getCount = 0;
  #serving = false;
  #again = false;

  constructor(sim: Simulation, options: StoreOptions = {}) {
    const capacity = options.capacity ?? Infinity;
    checkStoreCapacity(capacity, 'store capacity');
    this.sim = sim;
    this.name = options.name ?? 'store';
    this.#capacity = capacity;
    this.stats = new LevelStats(sim, 0);
  }

  /** The items now, oldest first (a copy). */
  get items(): T[] {
    return [...this.#items];
  }

  /** Number of items now. */
  get size(): number {
    return this.#items.length;
  }

  /** Most items it holds now. */
  get capacity(): number {
    return this.#capacity;
  }

  /** Waiting puts. */
  get putQueueLength(): number {
    return this.#puts.size;
  }

  /** Waiting gets. */
  get getQueueLength(): number {
    return this.#getCount;
  }

  /** Adds `item` once there is room. */
  put(item: T, options: OperationOptions = {}): StorePut<T> {
    checkOperationTimeout(options.timeout);
    const op = new StorePut(this.sim, this, item);
    this.#puts.push(op);
    return this.#started(op, options.timeout);
  }

  /** Takes the oldest item once there is one. */
  get(options: OperationOptions = {}): StoreGet<T> {
    return this.getMatching(undefined, options);
  }

  /** Changes the capacity from now on (integer >= 1 or Infinity); items above it stay. */
  setCapacity(capacity: number): void {
    checkStoreCapacity(capacity, `new capacity of ${this.name}`);
    this.#capacity = capacity;
    this.#serve();
  }

  /** @internal */
  withdraw(operation: QueuedOperation<unknown>, status: 'withdrawn' | 'timedOut'): void {
    if (operation.status !== 'waiting') return;
    if (operation.kind === 'put') {
      this.#puts.remove(operation as StorePut<T>);
    } else if (operation.queued) {
      operation.queued = false;
      this.#getCount--;
    }
    if (operation.timer >= 0 && status !== 'timedOut') this.sim.cancel(operation.timer);
    operation.timer = -1;
    operation.setStatus(status);
    this.stats.noteWithdraw(status === 'timedOut');
    this.stats.noteQueues(this.#puts.size, this.#getCount);
    if (status === 'timedOut') operation.succeed(undefined);
    this.#serve();
  }

  /** Queues a get that accepts only items passing `filter` (all when undefined). */
  protected getMatching(filter: ((item: T) => boolean) | undefined, options: OperationOptions): StoreGet<T> {
    checkOperationTimeout(options.timeout);
    const op = new StoreGet(this.sim, this, filter);
    op.queued = true;
    this.#gets.push(op);
    this.#getCount++;
    return this.#started(op, options.timeout);
  }

  #started<O extends QueuedOperation<T>>(op: O, timeoutAfter: number | undefined): O {
    this.stats.noteQueues(this.#puts.size, this.#getCount);
    this.#serve();
    if (timeoutAfter !== undefined && op.status === 'waiting') {
      op.timer = this.sim.scheduleCallback(timeoutAfter, () => this.withdraw(op as QueuedOperation<unknown>, 'timedOut'), EventPriority.NORMAL);
    }
    return op;
  }

  #serve(): void {
    // Re-entry happens when a finished get resolves an anyOf that withdraws another
    // operation here; the outer pass then simply runs once more.
    if (this.#serving) {
      this.#again = true;
      return;
    }
    this.#serving = true;
    try {
      do {
        this.#again = false;
        for (let put = this.#puts.peek(); put !== undefined && this.#items.length < this.#capacity; put = this.#puts.peek()) {
          this.#puts.shift();
          this.#items.push(put.item);
          this.#finish(put, put.item);
        }
        // Each waiting get, in order, takes the oldest item it accepts; a get that finds
        // none does not block the gets behind it (their filters may differ).
        const gets = this.#gets;
        for (let i = 0; i < gets.length && this.#items.length > 0; i++) {
          const get = gets[i] as StoreGet<T>;
          if (!get.queued) continue;
          const index = get.filter === undefined ? 0 : this.#items.findIndex(get.filter);
          if (index < 0) continue;
          const item = this.#items.splice(index, 1)[0] as T;
          get.queued = false;
          this.#getCount--;
          this.#finish(get, item);
          if (this.#puts.size > 0) this.#again = true;
        }
        if (this.#gets.length > this.#getCount) this.#gets = this.#gets.filter((g) => g.queued);
      } while (this.#again);
    } finally {
      this.#serving = false;
    }
  }

  #finish(op: QueuedOperation<T>, item: T): void {
    if (op.timer >= 0) this.sim.cancel(op.timer);
    op.timer = -1;
    op.setStatus('done');
    this.stats.noteDone(op.kind, this.sim.now - op.requestedAt, this.#items.length);
    this.stats.noteQueues(this.#puts.size, this.#getCount);
    op.succeed(item);
  }
}

function checkStoreCapacity(capacity: number, what: string): void {
  if (!(capacity === Infinity || (Number.isInteger(capacity) && capacity >= 1))) {
    throw new StibiumError('INVALID_CAPACITY', `${what} must be an integer >= 1 or Infinity, got ${capacity}`, { capacity });
  }
}
