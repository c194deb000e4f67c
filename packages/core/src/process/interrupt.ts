import { StibiumError } from '../errors.ts';

/**
 * Thrown inside a process at its current `yield` when another party calls
 * `process.interrupt(cause)` (SimPy's `Interrupt`). Catch it to react (e.g. a machine
 * breakdown), or let it end the process. Code `INTERRUPTED`.
 */
export class Interrupt<C = unknown> extends StibiumError {
  /** What the interrupter passed, e.g. a {@link Preempted} record. */
  override readonly cause: C;

  constructor(cause: C) {
    super('INTERRUPTED', `process interrupted${describeCause(cause)}`);
    this.name = 'Interrupt';
    this.cause = cause;
  }
}

/**
 * The cause of the {@link Interrupt} a process receives when a resource takes its slot away:
 * a higher-priority preempting request, or a capacity drop with the `preempt` rule.
 */
export class Preempted {
  /** The process whose request took the slot; `undefined` for a capacity drop. */
  readonly by: unknown;
  /** When the preempted request was granted. */
  readonly usageSince: number;
  /** The resource the slot belonged to. */
  readonly resource: unknown;
  /** Why: `'priority'` (a preempting request) or `'capacity'` (capacity reduced). */
  readonly reason: 'priority' | 'capacity';

  constructor(by: unknown, usageSince: number, resource: unknown, reason: 'priority' | 'capacity') {
    this.by = by;
    this.usageSince = usageSince;
    this.resource = resource;
    this.reason = reason;
  }
}

function describeCause(cause: unknown): string {
  if (cause === undefined) return '';
  if (cause instanceof Preempted) return ` (preempted: ${cause.reason})`;
  if (typeof cause === 'string' || typeof cause === 'number') return `: ${cause}`;
  return '';
}
