import { StibiumError } from '../errors.ts';
import type { Simulation } from '../kernel/simulation.ts';
import { SimEvent, abandon, bind, unwatch, watch } from './event.ts';
import type { Yieldable } from './process.ts';
import { Timeout, TimerEvent } from './timeout.ts';

/** Options of {@link allOf} and {@link anyOf}. */
export interface ConditionOptions {
  /**
   * When the condition resolves, withdraw the operands it no longer needs that are still
   * pending and withdrawable: resource requests, store and container puts/gets leave their
   * queues (default true). Set false to keep waiting on them afterwards.
   */
  readonly cancelLosers?: boolean;
}

/**
 * The value of a resolved condition: the operands that had fired (succeeded) by then, with
 * their values, in operand order. Look operands up by the object you passed (the request,
 * the `Timeout`, the process).
 */
export class ConditionValue {
  readonly #values = new Map<Yieldable, unknown>();

  /** @internal */
  set(operand: Yieldable, value: unknown): void {
    this.#values.set(operand, value);
  }

  /** True when `operand` fired before the condition resolved. */
  has(operand: Yieldable): boolean {
    return this.#values.has(operand);
  }

  /** The value `operand` fired with, if it did. */
  get(operand: Yieldable): unknown {
    return this.#values.get(operand);
  }

  /** Number of operands that fired. */
  get size(): number {
    return this.#values.size;
  }

  /** The operands that fired, in operand order. */
  operands(): Yieldable[] {
    return [...this.#values.keys()];
  }
}

type Rule = 'all' | 'any';

/**
 * An event that waits on several others (SimPy's `AllOf`/`AnyOf`). It reacts when an
 * operand is triggered, so a request granted and a time-out expiring at the same time
 * resolve in the order they actually happened, and the loser is withdrawn before anything
 * else can act on it. It fails with the first operand failure it sees.
 */
export class Condition extends SimEvent<ConditionValue> {
  /** The operands as given. */
  readonly operands: readonly Yieldable[];
  readonly #rule: Rule;
  readonly #cancelLosers: boolean;
  #events: Array<SimEvent<unknown>> = [];
  readonly #onTrigger: (event: SimEvent<unknown>) => void = this.#check.bind(this);

  /** Use {@link allOf} or {@link anyOf}. */
  constructor(rule: Rule, operands: readonly Yieldable[], options: ConditionOptions) {
    super(findSim(operands));
    operands.forEach(checkOperand);
    this.#rule = rule;
    this.operands = [...operands];
    this.#cancelLosers = options.cancelLosers ?? true;
    if (this.isBound) this.#start();
  }

  /** @internal Conditions of timeouts only start when first yielded. */
  override [bind](sim: Simulation): void {
    if (this.isBound) return;
    super[bind](sim);
    this.#start();
  }

  /** @internal A losing nested condition withdraws its own pending operands. */
  override [abandon](): void {
    if (this.triggered) return;
    this.#detach();
    for (const event of this.#events) if (!event.triggered) event[abandon]();
  }

  #start(): void {
    const sim = this.sim;
    this.#events = this.operands.map((operand) => {
      if (operand instanceof Timeout) return new TimerEvent(sim, operand.delay, operand.value);
      if (!operand.isBound) operand[bind](sim);
      return operand;
    });
    for (const event of this.#events) {
      if (event.triggered) {
        this.#check(event);
        if (this.triggered) return;
      }
    }
    if (this.#events.length === 0 || this.#done()) {
      this.#resolve();
      return;
    }
    for (const event of this.#events) if (!event.triggered) event[watch](this.#onTrigger);
  }

  #check(event: SimEvent<unknown>): void {
    if (this.triggered) return;
    if (!event.ok) {
      event.defuse();
      this.#detach();
      this.#withdrawLosers();
      this.fail(event.error);
      return;
    }
    if (this.#done()) this.#resolve();
  }

  #done(): boolean {
    const events = this.#events;
    if (this.#rule === 'any') return events.length === 0 || events.some((e) => e.triggered);
    return events.every((e) => e.triggered);
  }

  #resolve(): void {
    this.#detach();
    this.#withdrawLosers();
    const result = new ConditionValue();
    this.#events.forEach((event, i) => {
      if (event.triggered && event.ok) result.set(this.operands[i] as Yieldable, event.value);
    });
    this.succeed(result);
  }

  #detach(): void {
    for (const event of this.#events) if (!event.triggered) event[unwatch](this.#onTrigger);
  }

  #withdrawLosers(): void {
    for (const event of this.#events) {
      if (event.triggered) continue;
      if (this.#cancelLosers || event instanceof TimerEvent) event[abandon]();
    }
  }
}

/**
 * An event that succeeds when every operand has succeeded (SimPy's `env.all_of`), or fails
 * with the first failure. Timeouts in it start when the condition is created (or, if it
 * holds only timeouts, when it is first yielded).
 */
export function allOf(operands: readonly Yieldable[], options: ConditionOptions = {}): Condition {
  return new Condition('all', operands, options);
}

/**
 * An event that succeeds as soon as one operand succeeds (SimPy's `env.any_of`); pending
 * requests among the others are withdrawn (see {@link ConditionOptions.cancelLosers}).
 * The classic request time-out (reneging):
 *
 * @example
 * const req = counter.request();
 * const patience = timeout(5);
 * const result = (yield anyOf([req, patience])) as ConditionValue;
 * if (result.has(req)) { ... served ...; counter.release(req); } else { ... reneged ... }
 */
export function anyOf(operands: readonly Yieldable[], options: ConditionOptions = {}): Condition {
  return new Condition('any', operands, options);
}

function checkOperand(operand: unknown, index: number): void {
  if (!(operand instanceof SimEvent) && !(operand instanceof Timeout)) {
    const what = operand === null ? 'null' : typeof operand === 'object' ? (operand as object).constructor?.name ?? 'object' : typeof operand;
    throw new StibiumError('PROCESS_ERROR', `condition operand ${index} is ${what}, not an event or timeout(d)`);
  }
}

function findSim(operands: readonly Yieldable[]): Simulation | undefined {
  for (const operand of operands) {
    if (operand instanceof SimEvent && operand.isBound) return operand.sim;
  }
  return undefined;
}
