import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/kernel/simulation.ts';
import { spawn } from '../../src/process/process.ts';
import { timeout } from '../../src/process/timeout.ts';
import { SimEvent } from '../../src/process/event.ts';
import { Resource } from '../../src/process/resource.ts';

describe('SimEvent', () => {
  it('given callbacks added with onProcessed, then they run when the kernel processes the event, in order', () => {
    const sim = new Simulation({ seed: 1 });
    const event = new SimEvent<number>(sim);
    const trace: string[] = [];
    event.onProcessed((e) => trace.push(`first ${String(e.value)}@${sim.now}`));
    event.onProcessed(() => trace.push('second'));
    sim.scheduleCallback(2, () => {
      event.succeed(9);
      trace.push('triggered');
    });
    sim.run();
    expect(trace).toEqual(['triggered', 'first 9@2', 'second']);
    expect([event.triggered, event.processed, event.ok]).toEqual([true, true, true]);
    event.onProcessed(() => trace.push('late')); // already processed: runs at once
    expect(trace.at(-1)).toBe('late');
  });

  it('given a failed event nobody waits on, then sim.run throws it unless it was defused', () => {
    const sim = new Simulation({ seed: 1 });
    new SimEvent(sim).fail(new Error('nobody listens'));
    expect(() => sim.run()).toThrow('nobody listens');
    const quiet = new Simulation({ seed: 1 });
    const event = new SimEvent(quiet).fail(new Error('handled elsewhere')).defuse();
    quiet.run();
    expect((event.error as Error).message).toBe('handled elsewhere');
    expect(event.value).toBeUndefined();
  });

  it('given an interrupted process holding a queued request, then cancel() in finally withdraws it', () => {
    const sim = new Simulation({ seed: 1 });
    const res = new Resource(sim, { capacity: 1 });
    const holder = res.request();
    const log: string[] = [];
    const impatient = spawn(sim, function* () {
      const req = res.request();
      try {
        yield req;
        log.push('served');
      } catch {
        log.push(`interrupted while ${req.status}`);
      } finally {
        req.cancel();
      }
    });
    sim.scheduleCallback(1, () => impatient.interrupt('go home'));
    sim.scheduleCallback(2, () => res.release(holder));
    sim.run();
    expect(log).toEqual(['interrupted while waiting']);
    expect(res.count).toBe(0);
    expect(res.stats.withdrawals).toBe(1);
  });

  it('given an event of another simulation, when yielded, then PROCESS_ERROR', () => {
    const sim = new Simulation({ seed: 1 });
    const other = new Simulation({ seed: 2 });
    const foreign = new SimEvent(other);
    let caught: unknown;
    spawn(sim, function* () {
      try {
        yield foreign;
      } catch (error) {
        caught = error;
      }
      yield timeout(0);
    });
    sim.run();
    expect(caught).toMatchObject({ code: 'PROCESS_ERROR' });
  });
});
