import type { Observable } from 'rxjs';
import { StibiumError } from '../errors.ts';
import { RandomStreams, type RandomStream } from '../random/stream.ts';
import type { RecordedEvent } from '../sourcing/event.ts';
import { EventLog } from '../sourcing/log.ts';
import { EventQueue, checkPriority, type PoppedEntry } from './queue.ts';
import { checkAbsolute, checkDelay, checkTime } from './checks.ts';
import { RecordedEvents } from './recorded.ts';
import { SNAPSHOT_VERSION, checkKernelSnapshot, type KernelSnapshot } from './snapshot.ts';
import type { EventHandler, EventKind, RunOptions, RunResult, SimulationOptions } from './types.ts';

export type { EventHandler, EventKind, RunOptions, RunResult, SimulationOptions } from './types.ts';


const CALLBACK_KIND = 0;

/**
 * The discrete-event kernel: a clock, the future event list ordered by (time, priority,
 * insertion sequence), named random streams and an optional append-only log. Plain-data
 * events (a registered type name plus JSON-safe data) are what make a run snapshot-able;
 * callbacks serve SimPy-style processes and are never recorded.
 *
 * @example
 * const sim = new Simulation({ seed: 7 });
 * const tick = sim.define<number>('Tick', (n, s) => { if (n < 3) s.schedule(1, tick, n + 1); });
 * sim.schedule(0, tick, 0);
 * sim.run();
 */
export class Simulation {
  /** The run seed. */
  readonly seed: string;
  /** Current simulation time; it never goes back. */
  now: number;
  /** The log of recorded events, present when recording is on. */
  readonly log: EventLog | undefined;
  readonly #queue = new EventQueue();
  readonly #streams: RandomStreams;
  readonly #handlers: Array<EventHandler<never> | undefined> = [undefined];
  readonly #names: string[] = ['@callback'];
  // Per kind: the log's interned type id; -1 for a recorded kind when there is no log;
  // -2 for a kind that is never recorded.
  readonly #logType: number[] = [-1];
  readonly #kinds = new Map<string, EventKind>();
  readonly #popped: PoppedEntry = { time: 0, kind: 0, data: undefined };
  readonly #recorded = new RecordedEvents();
  #fired = 0;

  constructor(options: SimulationOptions) {
    const start = options.startTime ?? 0;
    checkTime(start, 'startTime');
    this.now = start;
    this.#streams = new RandomStreams(options.seed);
    this.seed = this.#streams.seed;
    this.log = options.record ? new EventLog(options.logOrigin, { keep: options.record !== 'hash' }) : undefined;
  }

  /**
   * Captures the run so it can continue elsewhere: clock, pending plain-data events,
   * random streams and the log position with its hash. Throws SNAPSHOT_UNSUPPORTED while
   * callbacks (generator processes) are pending, since closures cannot be serialised.
   */
  snapshot(): KernelSnapshot {
    const pending = this.#queue.entries().map((entry) => {
      if (entry.kind === CALLBACK_KIND) {
        throw new StibiumError(
          'SNAPSHOT_UNSUPPORTED',
          'cannot snapshot while callbacks or generator processes are pending; snapshots need plain-data events',
        );
      }
      return { time: entry.time, priority: entry.priority, seq: entry.seq, type: this.kindName(entry.kind), data: entry.data };
    });
    return structuredClone({
      version: SNAPSHOT_VERSION,
      seed: this.seed,
      now: this.now,
      nextSeq: this.#queue.nextSeq,
      fired: this.#fired,
      record: this.log !== undefined,
      pending,
      streams: this.#streams.save(),
      log: this.log ? { length: this.log.length, hash: this.log.hashState() } : null,
    });
  }

  /**
   * A simulation that continues from `snapshot`. `define` registers the same event types
   * (handlers may differ: that is how a fork changes policy). The continuation is
   * identical to the uninterrupted run when the handlers are the same.
   */
  static restore(snapshot: KernelSnapshot, define: (sim: Simulation) => void): Simulation {
    checkKernelSnapshot(snapshot);
    const copy = structuredClone(snapshot);
    const sim = new Simulation({
      seed: copy.seed,
      record: copy.record,
      startTime: copy.now,
      ...(copy.log ? { logOrigin: { baseSeq: copy.log.length, hash: copy.log.hash } } : {}),
    });
    define(sim);
    sim.#fired = copy.fired;
    sim.#streams.restore(copy.streams);
    for (const event of copy.pending) {
      sim.#queue.pushWithSeq(event.time, event.priority, event.seq, sim.kind(event.type).id, event.data);
    }
    sim.#queue.continueSeqFrom(copy.nextSeq);
    return sim;
  }

  /**
   * Registers the handler of plain-data event type `name` and returns its kind token.
   * With `record: false` the type is never appended to the log (e.g. commands of an
   * event-sourced model, whose resulting domain events are what gets recorded).
   */
  define<D>(name: string, handler: EventHandler<D>, options: { readonly record?: boolean } = {}): EventKind<D> {
    if (this.#kinds.has(name) || name === '@callback') {
      throw new StibiumError('DUPLICATE_EVENT_TYPE', `event type "${name}" is already defined`, { name });
    }
    const kind: EventKind<D> = { id: this.#handlers.length, name };
    this.#handlers.push(handler as EventHandler<never>);
    this.#names.push(name);
    this.#logType.push(options.record === false ? -2 : this.log === undefined ? -1 : this.log.intern(name));
    this.#kinds.set(name, kind);
    return kind;
  }

  /** The kind registered as `name`; throws UNKNOWN_EVENT_TYPE when none is. */
  kind(name: string): EventKind {
    const kind = this.#kinds.get(name);
    if (kind === undefined) {
      const known = [...this.#kinds.keys()].join(', ') || '(none)';
      throw new StibiumError('UNKNOWN_EVENT_TYPE', `unknown event type "${name}"; defined types: ${known}`, { name });
    }
    return kind;
  }

  /** Schedules a plain-data event `delay` time units from now; returns its cancellation handle. */
  schedule<D>(delay: number, kind: EventKind<D> | string, data?: D, priority = 0): number {
    if (!(delay >= 0) || delay === Infinity) checkDelay(delay);
    return this.#push(this.now + delay, kind, data, priority);
  }

  /** Schedules a plain-data event at absolute time `time` (not before now). */
  scheduleAt<D>(time: number, kind: EventKind<D> | string, data?: D, priority = 0): number {
    if (!(time >= this.now) || time === Infinity) checkAbsolute(time, this.now);
    return this.#push(time, kind, data, priority);
  }

  /**
   * Schedules a callback (not recorded, not snapshot-able): the building block of
   * generator processes and resources.
   */
  scheduleCallback(delay: number, callback: () => void, priority = 0): number {
    if (!(delay >= 0) || delay === Infinity) checkDelay(delay);
    if (priority !== 0) checkPriority(priority);
    return this.#queue.push(this.now + delay, priority, CALLBACK_KIND, callback);
  }

  /** Cancels a pending event by its handle; returns false if it already fired or was cancelled. */
  cancel(handle: number): boolean {
    return this.#queue.cancel(handle);
  }

  /** The named random stream, derived from the run seed and the name only. */
  rng(name: string): RandomStream {
    return this.#streams.get(name);
  }

  /** The run's random streams (for snapshots). */
  get streams(): RandomStreams {
    return this.#streams;
  }

  /** Live pending events. */
  get pending(): number {
    return this.#queue.liveSize;
  }

  /** Total events fired so far (callbacks included). */
  get fired(): number {
    return this.#fired;
  }

  /** Time of the next pending event, or Infinity. */
  peek(): number {
    return this.#queue.peekTime();
  }

  /** The future event list (for snapshots and inspection). */
  get queue(): EventQueue {
    return this.#queue;
  }

  /** Name of a kind id (for snapshots). */
  kindName(id: number): string {
    const name = this.#names[id];
    if (name === undefined) throw new StibiumError('UNKNOWN_EVENT_TYPE', `unknown event kind id ${id}`);
    return name;
  }

  /**
   * The recorded events as they are appended: an rxjs Observable, hot. Subscribing turns
   * on emission; with no subscriber, recording costs no allocation per event.
   */
  get recorded$(): Observable<RecordedEvent> {
    return this.#recorded.stream();
  }

  /**
   * Calls `listener` with each recorded event as it is appended, synchronously, before
   * `recorded$` subscribers. The cheap way to fold a run's events as they happen (an rxjs
   * subscription costs several calls and checks per event); returns a function that
   * removes the listener.
   */
  onRecorded(listener: (event: RecordedEvent) => void): () => void {
    return this.#recorded.listen(listener);
  }

  /**
   * Appends a domain event to the log at the current time (event-sourced models call
   * this). Returns its log sequence number, or -1 when recording is off.
   */
  record(type: string, data: unknown): number {
    const log = this.log;
    if (log === undefined) {
      if (this.#recorded.observed) this.#recorded.emit({ seq: -1, time: this.now, type, data });
      return -1;
    }
    const seq = log.append(this.now, type, data);
    if (this.#recorded.observed) this.#recorded.emit({ seq, time: this.now, type, data });
    return seq;
  }

  /** Fires the next event; returns false when none is pending. */
  step(): boolean {
    return this.run({ maxEvents: 1 }).events === 1;
  }

  /** Processes events in order up to `until` (see {@link RunOptions}) or `maxEvents`. */
  run(options: RunOptions = {}): RunResult {
    const until = options.until ?? Infinity;
    if (Number.isNaN(until) || until < this.now) {
      throw new StibiumError('INVALID_TIME', `run until ${until} is before the current time ${this.now}`, { until });
    }
    const maxEvents = options.maxEvents ?? Infinity;
    const queue = this.#queue;
    const popped = this.#popped;
    const handlers = this.#handlers;
    const names = this.#names;
    const log = this.log;
    const logType = this.#logType;
    let count = 0;
    try {
      while (count < maxEvents && queue.size > 0 && queue.peekTime() <= until) {
        if (!queue.pop(popped)) break;
        this.now = popped.time;
        count++;
        const kind = popped.kind;
        const data = popped.data;
        popped.data = undefined;
        if (kind === CALLBACK_KIND) {
          (data as () => void)();
          continue;
        }
        const typeId = logType[kind] as number;
        if (typeId >= 0) {
          const seq = (log as EventLog).appendInterned(popped.time, typeId, data);
          if (this.#recorded.observed) this.#recorded.emit({ seq, time: popped.time, type: names[kind] as string, data });
        } else if (typeId === -1 && this.#recorded.observed) {
          this.#recorded.emit({ seq: -1, time: popped.time, type: names[kind] as string, data });
        }
        (handlers[kind] as EventHandler<unknown>)(data, this);
      }
    } finally {
      // Counted even when a handler throws, so `fired` matches the events really consumed.
      this.#fired += count;
    }
    if (until !== Infinity && count < maxEvents) this.now = until;
    return { events: count, now: this.now, pending: queue.liveSize };
  }

  /** Completes the recorded$ stream (end of run). */
  complete(): void {
    this.#recorded.complete();
  }

  #push(time: number, kind: EventKind | string, data: unknown, priority: number): number {
    const id = typeof kind === 'string' ? this.kind(kind).id : kind.id;
    if (priority !== 0) checkPriority(priority);
    if (this.#handlers[id] === undefined) {
      throw new StibiumError('UNKNOWN_EVENT_TYPE', `event kind ${typeof kind === 'string' ? kind : kind.name} is not defined in this simulation`);
    }
    return this.#queue.push(time, priority, id, data);
  }
}

