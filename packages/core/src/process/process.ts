import { StibiumError } from '../errors.ts';
import type { Simulation } from '../kernel/simulation.ts';
import { envOf, type ProcessEnv } from './env.ts';
import { SimEvent, addWaiter, bind, removeWaiter } from './event.ts';
import { Interrupt } from './interrupt.ts';
import { EventPriority } from './priority.ts';
import { Timeout } from './timeout.ts';

const generatorNext = (Object.getPrototypeOf(function* () {}) as { prototype: Generator }).prototype.next as (
  this: Generator,
  value?: unknown,
) => IteratorResult<Yieldable, never>;

/** What a process may yield: an event to wait on, or a {@link Timeout}. */
export type Yieldable = SimEvent<unknown> | Timeout<unknown>;

/**
 * The generator a process runs. `yield` returns the value of the event waited on
 * (`unknown`: read typed values from the event object, e.g. `store.get()`'s `.value`).
 */
export type ProcessGenerator<R = void> = Generator<Yieldable, R, unknown>;

/** Options of {@link spawn}. */
export interface ProcessOptions {
  /** A name for error messages and inspection. */
  readonly name?: string;
}

/**
 * A running generator, SimPy's `Process`. It is itself an event: it succeeds with the
 * generator's return value or fails with the error the generator threw, so another
 * process can `yield` it to wait for it (join) and receives the failure at its `yield`.
 */
export class Process<R = unknown> extends SimEvent<R> {
  /** The name given at creation (or `process#<n>`). */
  readonly name: string;
  readonly #env: ProcessEnv;
  readonly #gen: ProcessGenerator<R>;
  #target: SimEvent<unknown> | undefined = undefined;
  #timer = -1;
  #timerValue: unknown = undefined;
  #alive = true;
  // Bound once per process (bind rather than arrow fields: dev transpilers wrap named
  // arrows in a per-instance name helper that bloats every process).
  readonly #onTimer: () => void;
  readonly #onEvent: (event: SimEvent<unknown>) => void;

  /** Use {@link spawn}. */
  constructor(sim: Simulation, body: ProcessGenerator<R> | ((self: Process<R>) => ProcessGenerator<R>), options: ProcessOptions) {
    super(sim);
    this.#env = this.env;
    this.#onTimer = this.#fireTimer.bind(this);
    this.#onEvent = this.#eventProcessed.bind(this);
    this.name = options.name ?? `process#${this.#env.nextProcessId++}`;
    this.#gen = typeof body === 'function' ? body(this) : body;
    if (Object.prototype.toString.call(this.#gen) !== '[object Generator]') {
      throw new StibiumError('PROCESS_ERROR', `process "${this.name}" needs a generator (call a function*), got ${describeValue(this.#gen)}`);
    }
    // The start is a zero-delay "timer" with no value, at URGENT priority.
    this.#timer = sim.scheduleCallback(0, this.#onTimer, EventPriority.URGENT);
  }

  #fireTimer(): void {
    const value = this.#timerValue;
    this.#timer = -1;
    this.#timerValue = undefined;
    this.#resume(true, value);
  }

  #eventProcessed(event: SimEvent<unknown>): void {
    this.#target = undefined;
    this.#resume(event.ok, event.ok ? event.value : event.error);
  }

  /** True until the generator returns or throws. */
  get isAlive(): boolean {
    return this.#alive;
  }

  /** The event the process waits on now (`undefined` while it waits on a plain timeout). */
  get target(): SimEvent<unknown> | undefined {
    return this.#target;
  }

  /**
   * Throws an {@link Interrupt} carrying `cause` into the process at its current `yield`,
   * at the current time with URGENT priority. The process stops waiting on what it waited
   * for (a pending resource request stays queued: cancel it in a `finally`). Throws
   * PROCESS_ERROR when the process has ended or interrupts itself.
   */
  interrupt(cause?: unknown): void {
    if (!this.#alive) {
      throw new StibiumError('PROCESS_ERROR', `process "${this.name}" has terminated and cannot be interrupted`);
    }
    if (this.#env.active === (this as Process<unknown>)) {
      throw new StibiumError('PROCESS_ERROR', `process "${this.name}" cannot interrupt itself`);
    }
    this.sim.scheduleCallback(0, () => this.#deliver(cause), EventPriority.URGENT);
  }

  #deliver(cause: unknown): void {
    if (!this.#alive) return;
    if (this.#timer >= 0) {
      this.sim.cancel(this.#timer);
      this.#timer = -1;
      this.#timerValue = undefined;
    } else if (this.#target !== undefined) {
      this.#target[removeWaiter](this.#onEvent);
      this.#target = undefined;
    }
    this.#resume(false, new Interrupt(cause));
  }

  #resume(ok: boolean, value: unknown): void {
    const env = this.#env;
    const previous = env.active;
    env.active = this as Process<unknown>;
    try {
      const gen = this.#gen;
      for (;;) {
        let step: IteratorResult<Yieldable, R>;
        try {
          // Calling the intrinsic %GeneratorPrototype%.next directly keeps this call site
          // monomorphic even when every process has its own generator function (and map).
          step = ok ? generatorNext.call(gen, value) : gen.throw(value);
        } catch (error) {
          this.#alive = false;
          this.fail(error);
          return;
        }
        if (step.done === true) {
          this.#alive = false;
          this.succeed(step.value);
          return;
        }
        const yielded = step.value;
        if (yielded instanceof Timeout) {
          this.#timerValue = yielded.value;
          this.#timer = env.sim.scheduleCallback(yielded.delay, this.#onTimer, EventPriority.NORMAL);
          return;
        }
        if (yielded instanceof SimEvent) {
          if (!yielded.isBound) yielded[bind](env.sim);
          if (yielded.sim !== env.sim) {
            ok = false;
            value = new StibiumError('PROCESS_ERROR', `process "${this.name}" yielded an event of another simulation`);
            continue;
          }
          if (yielded.processed) {
            // Already processed: SimPy continues at once with its outcome.
            ok = yielded.ok;
            value = ok ? yielded.value : yielded.error;
            continue;
          }
          this.#target = yielded;
          yielded[addWaiter](this.#onEvent);
          return;
        }
        ok = false;
        value = new StibiumError(
          'PROCESS_ERROR',
          `process "${this.name}" yielded ${describeValue(yielded)}; yield an event (timeout(d), a request, a process, allOf/anyOf)`,
        );
      }
    } finally {
      env.active = previous;
    }
  }
}

/**
 * Starts a generator process at the current time, SimPy's `env.process`: it first runs
 * when the kernel reaches it, with URGENT priority. The generator function receives the
 * process itself (for `self.sim.now`, `self.name`). Named `spawn` so that importing it
 * never shadows Node's global `process`.
 *
 * With many processes, define the generator function once and pass a started generator,
 * `spawn(sim, customer(i))`: a `function*` written inside a loop is a new function per
 * process, and V8 then gives every generator its own hidden class, which costs speed.
 *
 * @example
 * const p = spawn(sim, function* () {
 *   const req = machine.request();
 *   yield req;
 *   yield timeout(5);
 *   machine.release(req);
 *   return 'done';
 * });
 */
export function spawn<R>(
  sim: Simulation,
  body: ProcessGenerator<R> | ((self: Process<R>) => ProcessGenerator<R>),
  options: ProcessOptions = {},
): Process<R> {
  return new Process(sim, body, options);
}

/** The process whose generator is running now in `sim`, if any (SimPy's `active_process`). */
export function activeProcess(sim: Simulation): Process<unknown> | undefined {
  return envOf(sim).active;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined (a bare `yield`)';
  if (typeof value === 'number') return `the number ${value} (did you mean \`yield timeout(${value})\`?)`;
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  if (typeof value === 'function') return 'a function (did you forget to call it?)';
  if (typeof value === 'object') {
    const name = (value as object).constructor?.name ?? 'Object';
    if (typeof (value as { next?: unknown }).next === 'function') return `a generator (${name}); start it with spawn(sim, ...) and yield the process`;
    if (typeof (value as { then?: unknown }).then === 'function') return 'a Promise; processes wait on simulation events, not promises';
    return `an object of type ${name}`;
  }
  return `a value of type ${typeof value}`;
}
