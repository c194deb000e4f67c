import { Simulation, exponential } from '@stibium/core';

/** Result of one hold-model run. */
export interface HoldResult {
  readonly events: number;
  readonly seconds: number;
  readonly logged: number;
}

/**
 * The classic hold model in the kernel's plain-data style: K entities, each rescheduling
 * itself after an exponential(1) delay, until `events` events have fired.
 */
export function holdPlain(k: number, events: number, record: boolean, seed = 1): HoldResult {
  const sim = new Simulation({ seed, record });
  const rng = sim.rng('hold');
  const hold = sim.define<number>('Held', (id, s) => {
    s.schedule(exponential(rng, 1), hold, id);
  });
  for (let i = 0; i < k; i++) sim.schedule(exponential(rng, 1), hold, i);
  const start = process.hrtime.bigint();
  const result = sim.run({ maxEvents: events });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { events: result.events, seconds, logged: sim.log?.length ?? 0 };
}
