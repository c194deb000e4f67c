import type { Simulation } from '../kernel/simulation.ts';
import { checkPriority, PriorityResource } from './priority-resource.ts';
import type { PreemptiveRequestOptions, Request } from './request.ts';
import type { ResourceOptions } from './resource.ts';

/**
 * A {@link PriorityResource} where a request may take the slot of a holder with a strictly
 * lower priority (a larger number) when no slot is free: SimPy's `PreemptiveResource`.
 * The displaced holder's request ends with status `'preempted'` and its process receives
 * an `Interrupt` whose cause is a `Preempted` record (who, since when, which resource).
 * Among several lower-priority holders the lowest priority, most recent one is displaced.
 * Equal priorities never preempt each other.
 *
 * @example
 * const repair = new PreemptiveResource(sim, { capacity: 1 });
 * const req = repair.request({ priority: 0, preempt: true });
 */
export class PreemptiveResource extends PriorityResource {
  constructor(sim: Simulation, options: ResourceOptions = {}) {
    super(sim, options);
  }

  /** Asks for a slot, preempting a lower-priority holder if full (unless `preempt: false`). */
  override request(options: PreemptiveRequestOptions = {}): Request {
    return this.enqueue(checkPriority(options.priority), options.preempt ?? true, options.timeout);
  }

  protected override beforeQueue(request: Request): void {
    // Only a full (not over-full) resource gains a usable slot by displacing one holder.
    if (!request.preempt || this.capacity === 0 || this.holders.size !== this.capacity) return;
    const victim = this.victimOrder()[0] as Request;
    if (victim.priority > request.priority) this.preemptUser(victim, request.owner, 'priority');
  }
}
