import { StibiumError } from '../errors.ts';
import type { Simulation } from '../kernel/simulation.ts';
import { EventPriority } from './priority.ts';

/** Anything whose capacity can change during a run: resources, containers, stores. */
export interface CapacityTarget {
  readonly capacity: number;
  setCapacity(capacity: number): void;
}

/** One step of a capacity schedule: from absolute time `at`, the capacity is `capacity`. */
export interface CapacityStep {
  readonly at: number;
  readonly capacity: number;
}

/**
 * Changes `target`'s capacity at the given absolute times (ramp-ups, shift patterns,
 * planned outages). Each change runs with URGENT priority, so a request arriving at exactly
 * the same time already sees the new capacity. Returns the kernel handles, for
 * `sim.cancel`. Throws INVALID_TIME for a step before now and INVALID_CAPACITY for a
 * capacity the target rejects (checked when the step fires).
 *
 * @example
 * scheduleCapacity(sim, smelter, [{ at: 0, capacity: 1 }, { at: 12, capacity: 2 }, { at: 24, capacity: 4 }]);
 */
export function scheduleCapacity(sim: Simulation, target: CapacityTarget, steps: readonly CapacityStep[]): number[] {
  return steps.map((step) => {
    checkAt(sim, step.at);
    if (!(step.capacity >= 0)) {
      throw new StibiumError('INVALID_CAPACITY', `capacity step at ${step.at} has capacity ${step.capacity}; it must be >= 0`);
    }
    return sim.scheduleCallback(step.at - sim.now, () => target.setCapacity(step.capacity), EventPriority.URGENT);
  });
}

/** An outage: from `at` for `duration`, capacity drops to `capacity` (default 0). */
export interface Outage {
  readonly at: number;
  readonly duration: number;
  readonly capacity?: number;
}

/**
 * Schedules an outage of `target`: at `at` its capacity drops to `outage.capacity` (0 by
 * default), and after `duration` it returns to whatever it was just before the outage
 * began (so a ramp-up scheduled before the outage is not undone). What happens to current
 * users follows the target's capacity-drop rule. Returns the two kernel handles.
 */
export function scheduleOutage(sim: Simulation, target: CapacityTarget, outage: Outage): [number, number] {
  checkAt(sim, outage.at);
  if (!(outage.duration >= 0 && Number.isFinite(outage.duration))) {
    throw new StibiumError('INVALID_DELAY', `outage duration must be a finite number >= 0, got ${outage.duration}`);
  }
  const reduced = outage.capacity ?? 0;
  let before = target.capacity;
  const start = sim.scheduleCallback(outage.at - sim.now, () => {
    before = target.capacity;
    target.setCapacity(reduced);
  }, EventPriority.URGENT);
  const end = sim.scheduleCallback(outage.at + outage.duration - sim.now, () => target.setCapacity(before), EventPriority.URGENT);
  return [start, end];
}

function checkAt(sim: Simulation, at: number): void {
  if (!(Number.isFinite(at) && at >= sim.now)) {
    throw new StibiumError('INVALID_TIME', `capacity change time must be finite and not before now (${sim.now}), got ${at}`, { at });
  }
}
