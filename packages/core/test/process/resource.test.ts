import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/kernel/simulation.ts';
import { spawn } from '../../src/process/process.ts';
import { timeout } from '../../src/process/timeout.ts';
import { Resource } from '../../src/process/resource.ts';

/** A customer that arrives at `at`, holds the resource for `service`, and logs. */
function customer(sim: Simulation, res: Resource, name: string, at: number, service: number, log: string[]): void {
  spawn(sim, function* () {
    yield timeout(at);
    const req = res.request();
    yield req;
    log.push(`${name}+${sim.now}`);
    yield timeout(service);
    res.release(req);
    log.push(`${name}-${sim.now}`);
  });
}

describe('Resource', () => {
  it('given capacity 1 and three customers, then they are served first come first served', () => {
    const sim = new Simulation({ seed: 1 });
    const res = new Resource(sim, { capacity: 1 });
    const log: string[] = [];
    customer(sim, res, 'a', 0, 3, log);
    customer(sim, res, 'b', 1, 1, log);
    customer(sim, res, 'c', 2, 1, log);
    sim.run();
    expect(log).toEqual(['a+0', 'a-3', 'b+3', 'b-4', 'c+4', 'c-5']);
  });

  it('given capacity 2, then two are served at once', () => {
    const sim = new Simulation({ seed: 1 });
    const res = new Resource(sim, { capacity: 2 });
    const log: string[] = [];
    customer(sim, res, 'a', 0, 3, log);
    customer(sim, res, 'b', 0, 3, log);
    customer(sim, res, 'c', 0, 3, log);
    sim.run();
    expect(log).toEqual(['a+0', 'b+0', 'a-3', 'b-3', 'c+3', 'c-6']);
  });

  it('given a hand-computed schedule, then utilization, queue length and waits are time-weighted', () => {
    // a: holds [0,3); b arrives 1, waits 2, holds [3,4); c arrives 2, waits 2, holds [4,5).
    // busy = 1 over [0,5) -> utilization 1; queue = 0 on [0,1), 1 on [1,2), 2 on [2,3), 1 on [3,4), 0 after:
    // integral 0 + 1 + 2 + 1 = 4 over 5 -> 0.8; waits 0, 2, 2 -> mean 4/3, max 2.
    const sim = new Simulation({ seed: 1 });
    const res = new Resource(sim, { capacity: 1 });
    const log: string[] = [];
    customer(sim, res, 'a', 0, 3, log);
    customer(sim, res, 'b', 1, 1, log);
    customer(sim, res, 'c', 2, 1, log);
    sim.run();
    const s = res.stats;
    expect(s.utilization).toBeCloseTo(1, 12);
    expect(s.meanQueueLength).toBeCloseTo(0.8, 12);
    expect(s.maxQueueLength).toBe(2);
    expect(s.meanWait).toBeCloseTo(4 / 3, 12);
    expect(s.waits.max).toBe(2);
    expect([s.requests, s.grants, s.releases]).toEqual([3, 3, 3]);
    sim.run({ until: 10 });
    expect(res.stats.utilization).toBeCloseTo(0.5, 12);
    const summary = res.stats.summary();
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
    expect(summary.meanQueueLength).toBeCloseTo(0.4, 12);
  });

  it('given stats reset after a warm-up, then only later activity counts', () => {
    const sim = new Simulation({ seed: 1 });
    const res = new Resource(sim, { capacity: 2 });
    const log: string[] = [];
    customer(sim, res, 'a', 0, 10, log); // busy 1 throughout [0, 10)
    sim.run({ until: 5 });
    res.stats.reset();
    customer(sim, res, 'b', 0, 5, log); // from 5 to 10
    sim.run({ until: 10 });
    expect(res.stats.meanBusy).toBeCloseTo(2, 12);
    expect(res.stats.utilization).toBeCloseTo(1, 12);
    expect(res.stats.requests).toBe(1);
  });

  it('given releasing a request not held, then RESOURCE_NOT_HELD says why', () => {
    const sim = new Simulation({ seed: 1 });
    const res = new Resource(sim, { capacity: 1, name: 'crane' });
    const other = new Resource(sim, { capacity: 1 });
    const held = res.request();
    const waiting = res.request();
    expect(() => res.release(waiting)).toThrowError(/crane.*still waiting/);
    expect(() => other.release(held)).toThrowError(expect.objectContaining({ code: 'RESOURCE_NOT_HELD' }));
    res.release(held);
    expect(() => res.release(held)).toThrowError(/status is "released"/);
  });

  it('given capacity < 1 or not an integer, then INVALID_CAPACITY', () => {
    const sim = new Simulation({ seed: 1 });
    for (const capacity of [0, -1, 1.5, NaN]) {
      expect(() => new Resource(sim, { capacity })).toThrowError(expect.objectContaining({ code: 'INVALID_CAPACITY' }));
    }
    expect(() => new Resource(sim).setCapacity(-1)).toThrowError(expect.objectContaining({ code: 'INVALID_CAPACITY' }));
  });

  it('given request({ timeout }), when not granted in time, then it succeeds with false and leaves the queue', () => {
    const sim = new Simulation({ seed: 1 });
    const res = new Resource(sim, { capacity: 1 });
    const log: string[] = [];
    customer(sim, res, 'a', 0, 5, log);
    let outcome: unknown;
    spawn(sim, function* () {
      yield timeout(1);
      const req = res.request({ timeout: 2 });
      outcome = yield req;
      log.push(`gave up at ${sim.now}: ${req.status}, granted=${req.granted}`);
    });
    sim.run();
    expect(outcome).toBe(false);
    expect(log).toContain('gave up at 3: timedOut, granted=false');
    expect(res.stats.timeouts).toBe(1);
    expect(res.stats.abandonedWaits.mean).toBe(2);
    expect(sim.now).toBe(5);
  });

  it('given request({ timeout }), when granted in time, then the timer is cancelled', () => {
    const sim = new Simulation({ seed: 1 });
    const res = new Resource(sim, { capacity: 1 });
    let outcome: unknown;
    spawn(sim, function* () {
      const req = res.request({ timeout: 50 });
      outcome = yield req;
      res.release(req);
    });
    sim.run();
    expect(outcome).toBe(true);
    expect(sim.now).toBe(0);
    expect(() => res.request({ timeout: -1 })).toThrowError(expect.objectContaining({ code: 'INVALID_DELAY' }));
  });

  it('given cancel() in a finally, then a waiting request is withdrawn and a held one released', () => {
    const sim = new Simulation({ seed: 1 });
    const res = new Resource(sim, { capacity: 1 });
    const held = res.request();
    const waiting = res.request();
    waiting.cancel();
    expect(waiting.status).toBe('withdrawn');
    held.cancel();
    expect(held.status).toBe('released');
    held.cancel(); // idempotent
    expect(res.count).toBe(0);
    expect(res.queueLength).toBe(0);
  });
});
