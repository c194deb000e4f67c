import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/kernel/simulation.ts';
import { spawn } from '../../src/process/process.ts';
import { timeout } from '../../src/process/timeout.ts';
import { Resource, type ResourceOptions } from '../../src/process/resource.ts';
import { Interrupt, Preempted } from '../../src/process/interrupt.ts';
import { scheduleCapacity, scheduleOutage } from '../../src/process/capacity-schedule.ts';

function busyWorkers(sim: Simulation, options: ResourceOptions, n: number, service: number, log: string[]): Resource {
  const res = new Resource(sim, options);
  for (let i = 0; i < n; i++) {
    spawn(sim, function* () {
      const req = res.request();
      yield req;
      log.push(`w${i}+${sim.now}`);
      try {
        yield timeout(service);
        res.release(req);
        log.push(`w${i}-${sim.now}`);
      } catch (error) {
        const cause = (error as Interrupt<Preempted>).cause;
        log.push(`w${i} preempted at ${sim.now} (${cause.reason}, since ${cause.usageSince})`);
      }
    });
  }
  return res;
}

describe('capacity changes', () => {
  it('given the wait rule, when capacity drops below users, then users keep their slots and nobody new is served until below capacity', () => {
    const sim = new Simulation({ seed: 1 });
    const log: string[] = [];
    const res = busyWorkers(sim, { capacity: 2 }, 3, 4, log);
    sim.scheduleCallback(1, () => res.setCapacity(1));
    sim.run();
    // w0 and w1 keep their slots until 4; then only one slot exists: w2 runs 4..8.
    expect(log).toEqual(['w0+0', 'w1+0', 'w0-4', 'w1-4', 'w2+4', 'w2-8']);
    expect(res.stats.capacity.mean(8)).toBeCloseTo((2 * 1 + 1 * 7) / 8, 12);
  });

  it('given the preempt rule, when capacity drops, then the most recently granted users are interrupted with Preempted(capacity)', () => {
    const sim = new Simulation({ seed: 1 });
    const log: string[] = [];
    const res = busyWorkers(sim, { capacity: 3, onCapacityDrop: 'preempt' }, 3, 4, log);
    sim.scheduleCallback(1, () => res.setCapacity(1));
    sim.run();
    expect(log).toEqual(['w0+0', 'w1+0', 'w2+0', 'w2 preempted at 1 (capacity, since 0)', 'w1 preempted at 1 (capacity, since 0)', 'w0-4']);
    expect(res.stats.preemptions).toBe(2);
  });

  it('given an outage 2..5 with the wait rule, then no grants happen during it and capacity comes back', () => {
    const sim = new Simulation({ seed: 1 });
    const log: string[] = [];
    const res = new Resource(sim, { capacity: 1 });
    scheduleOutage(sim, res, { at: 2, duration: 3 });
    for (const [name, at] of [['a', 0], ['b', 2], ['c', 3]] as const) {
      spawn(sim, function* () {
        yield timeout(at);
        const req = res.request();
        yield req;
        log.push(`${name}+${sim.now}`);
        yield timeout(1);
        res.release(req);
      });
    }
    sim.run();
    // b arrives exactly at 2: the outage (URGENT) already applies.
    expect(log).toEqual(['a+0', 'b+5', 'c+6']);
    expect(res.capacity).toBe(1);
    expect(res.stats.capacity.mean(7)).toBeCloseTo(4 / 7, 12);
  });

  it('given a ramp-up schedule, then waiting requests are granted as capacity grows', () => {
    const sim = new Simulation({ seed: 1 });
    const log: string[] = [];
    const res = busyWorkers(sim, { capacity: 1 }, 4, 10, log);
    scheduleCapacity(sim, res, [{ at: 2, capacity: 2 }, { at: 3, capacity: 4 }]);
    sim.run({ until: 5 });
    expect(log).toEqual(['w0+0', 'w1+2', 'w2+3', 'w3+3']);
    expect(res.stats.utilization).toBeCloseTo((1 * 2 + 2 * 1 + 4 * 2) / (1 * 2 + 2 * 1 + 4 * 2), 12);
  });

  it('given a step in the past, then INVALID_TIME', () => {
    const sim = new Simulation({ seed: 1 });
    const res = new Resource(sim);
    sim.run({ until: 5 });
    expect(() => scheduleCapacity(sim, res, [{ at: 4, capacity: 1 }])).toThrowError(expect.objectContaining({ code: 'INVALID_TIME' }));
  });
});
