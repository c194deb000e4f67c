import { StibiumError } from '../errors.ts';
import type { Simulation } from '../kernel/simulation.ts';
import { envOf } from './env.ts';
import { Preempted } from './interrupt.ts';
import { EventPriority } from './priority.ts';
import { Request, type RequestHost, type RequestOptions } from './request.ts';
import { ResourceStats } from './resource-stats.ts';
import { FifoQueue, type WaitQueue } from './wait-queue.ts';

/**
 * What happens to users beyond a reduced capacity. `'wait'` (default): they keep their
 * slots until they release them, and nobody new is granted until the users are fewer than
 * the capacity. `'preempt'`: the excess users are preempted at once (most recently granted
 * first; for priority resources the lowest priority first) and their processes receive an
 * `Interrupt` whose cause is a `Preempted` with reason `'capacity'`.
 */
export type CapacityDropRule = 'wait' | 'preempt';

/** Options of a {@link Resource}. */
export interface ResourceOptions {
  /** Number of slots, an integer >= 1 (default 1). */
  readonly capacity?: number;
  /** See {@link CapacityDropRule}. */
  readonly onCapacityDrop?: CapacityDropRule;
  /** A name for error messages and reports. */
  readonly name?: string;
}

/**
 * A set of identical slots (servers, berths, machines) that processes request, hold and
 * release, SimPy's `Resource`: requests are served first come, first served. Capacity may
 * change during the run ({@link Resource.setCapacity}); statistics are kept in `stats`.
 *
 * @example
 * const berths = new Resource(sim, { capacity: 2 });
 * spawn(sim, function* () {
 *   const req = berths.request();
 *   yield req;
 *   yield timeout(3);
 *   berths.release(req);
 * });
 */
export class Resource implements RequestHost {
  /** The simulation it belongs to. */
  readonly sim: Simulation;
  /** Its name (for messages and reports). */
  readonly name: string;
  /** Utilization, queue and wait statistics. */
  readonly stats: ResourceStats;
  /** The capacity-drop rule. */
  readonly onCapacityDrop: CapacityDropRule;
  /** Requests holding a slot, in grant order. */
  protected readonly holders = new Set<Request>();
  /** Requests waiting for a slot. */
  protected readonly waiting: WaitQueue<Request>;
  #capacity: number;
  #seq = 0;

  constructor(sim: Simulation, options: ResourceOptions = {}, queue: WaitQueue<Request> = new FifoQueue<Request>()) {
    const capacity = options.capacity ?? 1;
    if (!(Number.isInteger(capacity) && capacity >= 1)) {
      throw new StibiumError('INVALID_CAPACITY', `resource capacity must be an integer >= 1, got ${capacity}`, { capacity });
    }
    this.sim = sim;
    this.name = options.name ?? 'resource';
    this.onCapacityDrop = options.onCapacityDrop ?? 'wait';
    this.#capacity = capacity;
    this.waiting = queue;
    this.stats = new ResourceStats(sim, capacity);
  }

  /** Number of slots now. */
  get capacity(): number {
    return this.#capacity;
  }

  /** Slots in use now (may exceed a just-reduced capacity under the `'wait'` rule). */
  get count(): number {
    return this.holders.size;
  }

  /** Requests waiting now. */
  get queueLength(): number {
    return this.waiting.size;
  }

  /** The requests holding a slot, in grant order. */
  get users(): Request[] {
    return [...this.holders];
  }

  /** The waiting requests, in service order. */
  get queue(): Request[] {
    return this.waiting.toArray();
  }

  /**
   * Asks for a slot. The returned request is granted at once if a slot is free (still
   * processed by the kernel, so `yield` it), otherwise it waits its turn. With
   * `{ timeout }` it gives up after that long and succeeds with `false`.
   */
  request(options: RequestOptions = {}): Request {
    return this.enqueue(0, false, options.timeout);
  }

  /**
   * Gives back the slot `request` holds. Throws RESOURCE_NOT_HELD when it does not hold one
   * (still waiting, already released, or made at another resource). Releasing a request
   * whose slot was taken by preemption does nothing.
   */
  release(request: Request): void {
    if (request.resource !== this || !this.holders.has(request)) {
      if (request.resource === this && request.status === 'preempted') return;
      const why =
        request.resource !== this ? `it was made at another resource`
        : request.status === 'waiting' ? 'it is still waiting (use request.cancel() to withdraw it)'
        : `its status is "${request.status}"`;
      throw new StibiumError('RESOURCE_NOT_HELD', `cannot release a request that does not hold ${this.name}: ${why}`, {
        resource: this.name,
        status: request.status,
      });
    }
    this.holders.delete(request);
    request.setStatus('released', this.sim.now);
    this.stats.noteRelease(this.holders.size, false);
    this.grant();
  }

  /**
   * Sets the number of slots from now on (outage: 0; ramp-up: more). More capacity grants
   * waiting requests at once; less follows {@link CapacityDropRule}. Integer >= 0.
   */
  setCapacity(capacity: number): void {
    if (!(Number.isInteger(capacity) && capacity >= 0)) {
      throw new StibiumError('INVALID_CAPACITY', `new capacity of ${this.name} must be an integer >= 0, got ${capacity}`, { capacity });
    }
    this.#capacity = capacity;
    this.stats.noteCapacity(capacity);
    if (this.onCapacityDrop === 'preempt' && this.holders.size > capacity) {
      const victims = this.victimOrder().slice(0, this.holders.size - capacity);
      for (const victim of victims) this.preemptUser(victim, undefined, 'capacity');
    }
    this.grant();
  }

  /** @internal Removes a waiting request (cancel, anyOf loser, or time-out). */
  withdraw(request: Request, status: 'withdrawn' | 'timedOut'): void {
    if (!this.waiting.remove(request)) return;
    const now = this.sim.now;
    if (request.timer >= 0) {
      if (status !== 'timedOut') this.sim.cancel(request.timer);
      request.timer = -1;
    }
    request.setStatus(status, now);
    this.stats.noteWithdraw(now - request.requestedAt, status === 'timedOut', this.waiting.size);
    if (status === 'timedOut') request.succeed(false);
  }

  /** Creates, queues and possibly grants a request. */
  protected enqueue(priority: number, preempt: boolean, timeoutAfter: number | undefined): Request {
    if (timeoutAfter !== undefined && !(timeoutAfter >= 0 && timeoutAfter !== Infinity)) {
      throw new StibiumError('INVALID_DELAY', `request timeout must be a finite number >= 0, got ${timeoutAfter}`, {
        delay: timeoutAfter,
      });
    }
    const request = new Request(this.sim, this, priority, preempt, this.#seq++, envOf(this.sim).active);
    this.beforeQueue(request);
    this.waiting.push(request);
    this.stats.noteRequest(this.waiting.size);
    this.grant();
    if (timeoutAfter !== undefined && request.status === 'waiting') {
      request.timer = this.sim.scheduleCallback(timeoutAfter, () => this.withdraw(request, 'timedOut'), EventPriority.NORMAL);
    }
    return request;
  }

  /** Hook run before a new request joins the queue (preemption lives here). */
  protected beforeQueue(_request: Request): void {}

  /** Users in the order they should lose their slot on a capacity drop. */
  protected victimOrder(): Request[] {
    return [...this.holders].reverse();
  }

  /** Takes the slot away from `victim` and interrupts its process. */
  protected preemptUser(victim: Request, by: unknown, reason: 'priority' | 'capacity'): void {
    this.holders.delete(victim);
    victim.setStatus('preempted', this.sim.now);
    this.stats.noteRelease(this.holders.size, true);
    const owner = victim.owner;
    if (owner !== undefined && owner.isAlive && envOf(this.sim).active !== owner) {
      owner.interrupt(new Preempted(by, victim.grantedAt, this, reason));
    }
  }

  /** Grants waiting requests while slots are free. */
  protected grant(): void {
    const waiting = this.waiting;
    while (this.holders.size < this.#capacity && waiting.size > 0) {
      const request = waiting.shift() as Request;
      const now = this.sim.now;
      if (request.timer >= 0) {
        this.sim.cancel(request.timer);
        request.timer = -1;
      }
      this.holders.add(request);
      request.setStatus('granted', now);
      this.stats.noteGrant(now - request.requestedAt, this.holders.size, waiting.size);
      request.succeed(true);
    }
  }
}
