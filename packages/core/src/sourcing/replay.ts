import type { Decider } from './decider.ts';
import type { Command, DomainEvent, RecordedEvent } from './event.ts';

/**
 * The state at time `until` (inclusive) rebuilt from a stored log: a left fold of
 * `evolve` over the entries from `initialState()`. Entries must be in log order.
 */
export function replay<C extends Command, E extends DomainEvent, S>(
  entries: Iterable<RecordedEvent<E>>,
  decider: Pick<Decider<C, E, S>, 'evolve' | 'initialState'>,
  until = Infinity,
): S {
  let state = decider.initialState();
  for (const entry of entries) {
    if (entry.time > until) break;
    state = decider.evolve(state, { type: entry.type, data: entry.data } as E);
  }
  return state;
}

/**
 * A projection: a fold over recorded events into a read model, usable live (over
 * `recorded$`) or over a stored log.
 */
export interface Projection<E extends DomainEvent, R> {
  readonly name: string;
  init(): R;
  apply(model: R, event: RecordedEvent<E>): R;
}

/** Folds a stored log (or any sequence of recorded events) through a projection. */
export function project<E extends DomainEvent, R>(entries: Iterable<RecordedEvent<E>>, projection: Projection<E, R>): R {
  let model = projection.init();
  for (const entry of entries) model = projection.apply(model, entry);
  return model;
}
