import type { Observable } from 'rxjs';
import { scan } from 'rxjs';
import { StibiumError } from '../errors.ts';
import { Simulation, type RunOptions, type RunResult } from '../kernel/simulation.ts';
import type { KernelSnapshot } from '../kernel/snapshot.ts';
import type { DecideContext, Decider, Policy, SteppingDecider } from './decider.ts';
import type { Command, DomainEvent, RecordedEvent } from './event.ts';
import type { EventLog } from './log.ts';
import type { Projection } from './replay.ts';

/** What an event-sourced model is made of; `policies` may differ between forks. */
export interface ModelDefinition<C extends Command, E extends DomainEvent, S> {
  readonly decider: Decider<C, E, S>;
  readonly policies?: readonly Policy<C, E, S>[];
}

/** Options of {@link EventSourcedModel.create}. */
export interface ModelOptions {
  readonly seed: string | number;
  /**
   * Keep the log in memory (default true; the log is how outcomes and replay work);
   * `'hash'` only hashes it (flat memory; fold outcomes from `sim.recorded$` or the step's events).
   */
  readonly record?: boolean | 'hash';
  readonly startTime?: number;
}

/** When a dispatched command runs. */
export interface DispatchOptions {
  /** Absolute time; defaults to now. */
  readonly at?: number;
  /** Relative delay; ignored when `at` is set. */
  readonly delay?: number;
  /** Lower runs first among commands due at the same time. */
  readonly priority?: number;
}

/** A model snapshot: the kernel's plus the decider state. JSON-safe. */
export interface ModelSnapshot<S> {
  readonly kernel: KernelSnapshot;
  readonly state: S;
}

const COMMAND = '@command';

/**
 * Runs a decider on the discrete-event kernel. Commands are scheduled plain data; when one
 * fires, `decide` yields events, each is appended to the log (the store adds seq and time),
 * folded by `evolve`, and offered to every policy, whose commands are scheduled in turn.
 * State changes only through the log, so replaying the log gives the same state.
 */
export class EventSourcedModel<C extends Command, E extends DomainEvent, S> {
  /** The kernel underneath (clock, queue, streams, log). */
  readonly sim: Simulation;
  #state: S;
  readonly #definition: ModelDefinition<C, E, S>;
  readonly #context: DecideContext;

  private constructor(sim: Simulation, definition: ModelDefinition<C, E, S>, state: S) {
    this.sim = sim;
    this.#definition = definition;
    this.#state = state;
    const model = sim;
    this.#context = {
      get now() {
        return model.now;
      },
      rng: (name: string) => model.rng(name),
    };
  }

  /** A new model at its initial state. */
  static create<C extends Command, E extends DomainEvent, S>(
    definition: ModelDefinition<C, E, S>,
    options: ModelOptions,
  ): EventSourcedModel<C, E, S> {
    const sim = new Simulation({ seed: options.seed, record: options.record ?? true, ...(options.startTime === undefined ? {} : { startTime: options.startTime }) });
    const model = new EventSourcedModel(sim, definition, definition.decider.initialState());
    model.#install();
    return model;
  }

  /**
   * A model that continues from `snapshot`, optionally with another definition: a fork
   * into a policy branch that shares the history up to the snapshot.
   */
  static restore<C extends Command, E extends DomainEvent, S>(
    snapshot: ModelSnapshot<S>,
    definition: ModelDefinition<C, E, S>,
  ): EventSourcedModel<C, E, S> {
    let model: EventSourcedModel<C, E, S> | undefined;
    Simulation.restore(snapshot.kernel, (sim) => {
      model = new EventSourcedModel(sim, definition, structuredClone(snapshot.state));
      model.#install();
    });
    return model as unknown as EventSourcedModel<C, E, S>;
  }

  /** The current state (treat as read-only). */
  get state(): S {
    return this.#state;
  }

  /** The log (present unless recording was turned off). */
  get log(): EventLog | undefined {
    return this.sim.log;
  }

  /** The current simulation time. */
  get now(): number {
    return this.sim.now;
  }

  /** Schedules a command; returns its cancellation handle. */
  dispatch(command: C, options: DispatchOptions = {}): number {
    if (command === null || typeof command !== 'object' || typeof command.type !== 'string') {
      throw new StibiumError('INVALID_ARGUMENT', `a command needs a string "type", got ${JSON.stringify(command)}`);
    }
    const priority = options.priority ?? 0;
    if (options.at !== undefined) return this.sim.scheduleAt(options.at, COMMAND, command, priority);
    return this.sim.schedule(options.delay ?? 0, COMMAND, command, priority);
  }

  /** Runs the kernel (see {@link RunOptions} for the `until` rule). */
  run(options?: RunOptions): RunResult {
    return this.sim.run(options);
  }

  /** SHA-256 of the log so far: the identity of the run. */
  hash(): string {
    const log = this.sim.log;
    if (log === undefined) throw new StibiumError('INVALID_ARGUMENT', 'this model does not record a log, so it has no hash');
    return log.digest();
  }

  /** A JSON-safe snapshot: kernel state plus decider state. */
  snapshot(): ModelSnapshot<S> {
    return { kernel: this.sim.snapshot(), state: structuredClone(this.#state) };
  }

  /** Forks at the current time: a restored copy, optionally with other policies or decider. */
  fork(definition: Partial<ModelDefinition<C, E, S>> = {}): EventSourcedModel<C, E, S> {
    return EventSourcedModel.restore(this.snapshot(), { ...this.#definition, ...definition });
  }

  /** A live projection: the read model after each recorded event, as an Observable. */
  project<R>(projection: Projection<E, R>): Observable<R> {
    return (this.sim.recorded$ as Observable<RecordedEvent<E>>).pipe(scan((model, event) => projection.apply(model, event), projection.init()));
  }

  #install(): void {
    this.sim.define<C>(COMMAND, (command) => this.#execute(command), { record: false });
  }

  #execute(command: C): void {
    const { decider, policies } = this.#definition;
    const stepping = (decider as Partial<SteppingDecider<C, E, S>>).step;
    const reacting = policies !== undefined && policies.length > 0;
    if (stepping !== undefined && !reacting) {
      // Fast path: the decider folds its own events; nothing needs the per-event states.
      const step = stepping.call(decider, command, this.#state, this.#context);
      for (const event of step.events) this.sim.record(event.type, event.data);
      this.#state = step.state;
      return;
    }
    const events = decider.decide(command, this.#state, this.#context);
    for (const event of events) {
      const seq = this.sim.record(event.type, event.data);
      this.#state = decider.evolve(this.#state, event);
      if (!reacting) continue;
      const recorded: RecordedEvent<E> = { seq, time: this.sim.now, type: event.type, data: event.data };
      for (const policy of policies) {
        for (const next of policy.react(recorded, this.#state, this.#context)) {
          this.dispatch(next.command, { delay: next.delay ?? 0, priority: next.priority ?? 0 });
        }
      }
    }
  }
}
