import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/kernel/simulation.ts';
import { spawn } from '../../src/process/process.ts';
import { timeout } from '../../src/process/timeout.ts';
import { PriorityResource } from '../../src/process/priority-resource.ts';
import { PreemptiveResource } from '../../src/process/preemptive-resource.ts';
import { Interrupt, Preempted } from '../../src/process/interrupt.ts';

describe('PriorityResource', () => {
  it('given waiting requests of different priorities, then lower numbers are served first and equal ones FIFO', () => {
    const sim = new Simulation({ seed: 1 });
    const res = new PriorityResource(sim, { capacity: 1 });
    const log: string[] = [];
    const arrivals: Array<[string, number]> = [['first', 5], ['low', 3], ['high', 1], ['high2', 1], ['mid', 2]];
    for (const [name, priority] of arrivals) {
      spawn(sim, function* () {
        const req = res.request({ priority });
        yield req;
        log.push(name);
        yield timeout(1);
        res.release(req);
      });
    }
    sim.run();
    expect(log).toEqual(['first', 'high', 'high2', 'mid', 'low']);
    expect(() => res.request({ priority: NaN })).toThrowError(expect.objectContaining({ code: 'INVALID_PRIORITY' }));
  });
});

describe('PreemptiveResource', () => {
  function user(sim: Simulation, res: PreemptiveResource, name: string, at: number, priority: number, log: string[], preempt = true): void {
    spawn(sim, function* () {
      yield timeout(at);
      const req = res.request({ priority, preempt });
      yield req;
      log.push(`${name}+${sim.now}`);
      try {
        yield timeout(5);
        res.release(req);
        log.push(`${name}-${sim.now}`);
      } catch (error) {
        expect(error).toBeInstanceOf(Interrupt);
        const cause = (error as Interrupt<Preempted>).cause;
        expect(cause).toBeInstanceOf(Preempted);
        log.push(`${name} preempted at ${sim.now} since ${cause.usageSince} (${cause.reason})`);
        res.release(req); // releasing a preempted request is a no-op
      }
    });
  }

  it('given a low-priority user, when a higher-priority request arrives, then the user is interrupted with Preempted', () => {
    const sim = new Simulation({ seed: 1 });
    const res = new PreemptiveResource(sim, { capacity: 1 });
    const log: string[] = [];
    user(sim, res, 'low', 0, 5, log);
    user(sim, res, 'high', 2, 0, log);
    sim.run();
    expect(log).toEqual(['low+0', 'low preempted at 2 since 0 (priority)', 'high+2', 'high-7']);
    expect(res.stats.preemptions).toBe(1);
  });

  it('given equal priority or preempt false, then nobody is preempted', () => {
    const sim = new Simulation({ seed: 1 });
    const res = new PreemptiveResource(sim, { capacity: 1 });
    const log: string[] = [];
    user(sim, res, 'a', 0, 1, log);
    user(sim, res, 'b', 1, 1, log);
    user(sim, res, 'c', 2, 0, log, false);
    sim.run();
    expect(log).toEqual(['a+0', 'a-5', 'c+5', 'c-10', 'b+10', 'b-15']);
  });

  it('given two users, then the lowest-priority one is displaced', () => {
    const sim = new Simulation({ seed: 1 });
    const res = new PreemptiveResource(sim, { capacity: 2 });
    const log: string[] = [];
    user(sim, res, 'p3', 0, 3, log);
    user(sim, res, 'p7', 0, 7, log);
    user(sim, res, 'p1', 1, 1, log);
    sim.run();
    expect(log.slice(0, 4)).toEqual(['p3+0', 'p7+0', 'p7 preempted at 1 since 0 (priority)', 'p1+1']);
  });
});
