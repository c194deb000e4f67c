import type { RandomStream } from '../random/stream.ts';
import type { Command, DomainEvent, RecordedEvent } from './event.ts';

/**
 * What a decider may read besides the command and the state: the simulation time and
 * named random streams. Both come from the engine, so decisions stay deterministic.
 */
export interface DecideContext {
  /** Current simulation time. */
  readonly now: number;
  /** The named random stream `name`, derived from the run seed. */
  rng(name: string): RandomStream;
}

/**
 * A decider is three pure functions (Emmett, fmodel): `decide` turns a command into
 * events, `evolve` folds one event into the state, `initialState` starts the fold.
 * Business rejections are events; broken invariants throw.
 */
export interface Decider<C extends Command, E extends DomainEvent, S> {
  decide(command: C, state: S, context: DecideContext): readonly E[];
  evolve(state: S, event: E): S;
  initialState(): S;
}

/** A command a policy wants executed, now or after `delay` simulation time units. */
export interface ScheduledCommand<C extends Command> {
  readonly command: C;
  /** Delay from now; 0 or absent means "at the current time, after the current event". */
  readonly delay?: number;
  /** Lower runs first among commands due at the same time. Default 0. */
  readonly priority?: number;
}

/**
 * A policy (saga/workflow) reacts to a recorded event, seeing the state after it, and
 * answers with commands to schedule. Policies never mutate state directly.
 */
export interface Policy<C extends Command, E extends DomainEvent, S> {
  readonly name: string;
  react(event: RecordedEvent<E>, state: S, context: DecideContext): readonly ScheduledCommand<C>[];
}

/**
 * A decider that can also return the state its events fold to, in the same pass. Runners
 * use `step` when present, sparing a second fold; it must equal folding `decide`'s events
 * with `evolve` (replay relies on that, and property tests check it).
 */
export interface SteppingDecider<C extends Command, E extends DomainEvent, S> extends Decider<C, E, S> {
  step(command: C, state: S, context: DecideContext): { readonly events: readonly E[]; readonly state: S };
}
