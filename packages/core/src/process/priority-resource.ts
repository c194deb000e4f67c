import { StibiumError } from '../errors.ts';
import type { Simulation } from '../kernel/simulation.ts';
import type { PriorityRequestOptions, Request } from './request.ts';
import { Resource, type ResourceOptions } from './resource.ts';
import { PriorityQueue } from './wait-queue.ts';

/** Serves lower `priority` first, then earlier requests (FIFO among equals). */
export function servedBefore(a: Request, b: Request): boolean {
  return a.priority < b.priority || (a.priority === b.priority && a.seq < b.seq);
}

/**
 * A {@link Resource} whose queue is ordered by request priority (lower first), FIFO among
 * equal priorities: SimPy's `PriorityResource`. Holders are never displaced; see
 * {@link PreemptiveResource} for that.
 */
export class PriorityResource extends Resource {
  constructor(sim: Simulation, options: ResourceOptions = {}) {
    super(sim, options, new PriorityQueue<Request>(servedBefore));
  }

  /** Asks for a slot with a priority (lower is served first); see {@link Resource.request}. */
  override request(options: PriorityRequestOptions = {}): Request {
    return this.enqueue(checkPriority(options.priority), false, options.timeout);
  }

  /** Lowest priority first, then the most recent. */
  protected override victimOrder(): Request[] {
    return [...this.holders].sort((a, b) => (servedBefore(a, b) ? 1 : -1));
  }
}

/** @internal Validates a request priority (any finite number). */
export function checkPriority(priority: number | undefined): number {
  const p = priority ?? 0;
  if (!Number.isFinite(p)) {
    throw new StibiumError('INVALID_PRIORITY', `request priority must be a finite number, got ${p}`, { priority: p });
  }
  return p;
}
