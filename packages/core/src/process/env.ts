import type { Simulation } from '../kernel/simulation.ts';
import type { SimEvent } from './event.ts';
import type { Process } from './process.ts';
import { EventPriority } from './priority.ts';

const environments = new WeakMap<Simulation, ProcessEnv>();

/**
 * The process layer's per-simulation state: the process running right now and the FIFO of
 * triggered events waiting to be processed. Every triggered event gets its own kernel
 * entry at (now, NORMAL), but the entry is one shared callback that takes the next event
 * from this FIFO: NORMAL entries scheduled with delay 0 pop in scheduling order, so the
 * FIFO order is the kernel order and no closure is allocated per event.
 */
export class ProcessEnv {
  readonly sim: Simulation;
  /** The process whose generator is executing, if any. */
  active: Process<unknown> | undefined = undefined;
  /** Numbers unnamed processes in creation order. */
  nextProcessId = 0;
  #fifo: Array<SimEvent<unknown> | undefined> = [];
  #head = 0;
  readonly #dispatch = (): void => {
    const fifo = this.#fifo;
    const event = fifo[this.#head] as SimEvent<unknown>;
    fifo[this.#head++] = undefined;
    if (this.#head === fifo.length) {
      fifo.length = 0;
      this.#head = 0;
    } else if (this.#head > 4096 && this.#head * 2 > fifo.length) {
      this.#fifo = fifo.slice(this.#head);
      this.#head = 0;
    }
    event.process();
  };

  constructor(sim: Simulation) {
    this.sim = sim;
  }

  /** Schedules the processing of a just-triggered event at the current time. */
  enqueue(event: SimEvent<unknown>): void {
    this.#fifo.push(event);
    this.sim.scheduleCallback(0, this.#dispatch, EventPriority.NORMAL);
  }
}

/** The process environment of `sim`, created on first use. */
export function envOf(sim: Simulation): ProcessEnv {
  let env = environments.get(sim);
  if (env === undefined) {
    env = new ProcessEnv(sim);
    environments.set(sim, env);
  }
  return env;
}
