import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/kernel/simulation.ts';
import { spawn } from '../../src/process/process.ts';
import { timeout } from '../../src/process/timeout.ts';
import { allOf, anyOf, type ConditionValue } from '../../src/process/condition.ts';
import { Resource } from '../../src/process/resource.ts';
import { SimEvent } from '../../src/process/event.ts';

describe('allOf / anyOf', () => {
  it('given timeouts 2 and 5, when waiting on allOf, then it resumes at 5 with both values', () => {
    const sim = new Simulation({ seed: 1 });
    let value: ConditionValue | undefined;
    let at = -1;
    const a = timeout(2, 'a');
    const b = timeout(5, 'b');
    spawn(sim, function* () {
      value = (yield allOf([a, b])) as ConditionValue;
      at = sim.now;
    });
    sim.run();
    expect(at).toBe(5);
    expect(value?.get(a)).toBe('a');
    expect(value?.get(b)).toBe('b');
  });

  it('given timeouts 2 and 5, when waiting on anyOf, then it resumes at 2 with only the first, and the losing timer is cancelled', () => {
    const sim = new Simulation({ seed: 1 });
    let value: ConditionValue | undefined;
    const a = timeout(2, 'a');
    const b = timeout(5, 'b');
    spawn(sim, function* () {
      value = (yield anyOf([a, b])) as ConditionValue;
    });
    sim.run();
    expect(sim.now).toBe(2);
    expect(value?.has(a)).toBe(true);
    expect(value?.has(b)).toBe(false);
    expect(value?.operands()).toEqual([a]);
  });

  it('given processes, when waiting on allOf of them, then it gets their return values', () => {
    const sim = new Simulation({ seed: 1 });
    const p1 = spawn(sim, function* () {
      yield timeout(1);
      return 1;
    });
    const p2 = spawn(sim, function* () {
      yield timeout(3);
      return 2;
    });
    let sum = 0;
    spawn(sim, function* () {
      const v = (yield allOf([p1, p2])) as ConditionValue;
      sum = (v.get(p1) as number) + (v.get(p2) as number);
    });
    sim.run();
    expect(sum).toBe(3);
    expect(sim.now).toBe(3);
  });

  it('given an operand that fails, then the condition fails with its error at the waiter', () => {
    const sim = new Simulation({ seed: 1 });
    const failing = spawn(sim, function* () {
      yield timeout(1);
      throw new Error('bad');
    });
    let caught: unknown;
    spawn(sim, function* () {
      try {
        yield allOf([failing, timeout(5)]);
      } catch (error) {
        caught = error;
      }
    });
    sim.run();
    expect((caught as Error).message).toBe('bad');
  });

  it('given an empty anyOf and allOf, then both succeed at once', () => {
    const sim = new Simulation({ seed: 1 });
    const trace: number[] = [];
    spawn(sim, function* () {
      yield anyOf([]);
      yield allOf([]);
      trace.push(sim.now);
    });
    sim.run();
    expect(trace).toEqual([0]);
  });

  it('given an already-triggered operand, then anyOf resolves immediately', () => {
    const sim = new Simulation({ seed: 1 });
    const done = new SimEvent<number>(sim).succeed(7);
    let value: ConditionValue | undefined;
    spawn(sim, function* () {
      yield timeout(1);
      value = (yield anyOf([done, timeout(10)])) as ConditionValue;
    });
    sim.run();
    expect(value?.get(done)).toBe(7);
    expect(sim.now).toBe(1);
  });

  it('given a request and a patience timeout, when the timeout wins, then the request leaves the queue (reneging)', () => {
    const sim = new Simulation({ seed: 1 });
    const server = new Resource(sim, { capacity: 1 });
    const trace: string[] = [];
    spawn(sim, function* () {
      const req = server.request();
      yield req;
      yield timeout(10);
      server.release(req);
    });
    spawn(sim, function* () {
      const req = server.request();
      const patience = timeout(3);
      const result = (yield anyOf([req, patience])) as ConditionValue;
      trace.push(result.has(req) ? 'served' : `reneged at ${sim.now}`);
      expect(req.status).toBe('withdrawn');
      expect(server.queueLength).toBe(0);
    });
    sim.run();
    expect(trace).toEqual(['reneged at 3']);
    expect(server.stats.withdrawals).toBe(1);
    expect(server.stats.grants).toBe(1);
  });

  it('given a request and a timeout, when the request wins, then it is granted and the timer is cancelled', () => {
    const sim = new Simulation({ seed: 1 });
    const server = new Resource(sim, { capacity: 1 });
    let served = false;
    spawn(sim, function* () {
      const req = server.request();
      const result = (yield anyOf([req, timeout(3)])) as ConditionValue;
      served = result.has(req);
      yield timeout(1);
      server.release(req);
    });
    sim.run();
    expect(served).toBe(true);
    expect(sim.now).toBe(1);
  });

  it('given cancelLosers: false, then the losing request keeps waiting', () => {
    const sim = new Simulation({ seed: 1 });
    const server = new Resource(sim, { capacity: 1 });
    const trace: string[] = [];
    spawn(sim, function* () {
      const req = server.request();
      yield req;
      yield timeout(10);
      server.release(req);
    });
    spawn(sim, function* () {
      const req = server.request();
      yield anyOf([req, timeout(3)], { cancelLosers: false });
      trace.push(`still waiting at ${sim.now}: ${req.status}`);
      yield req;
      trace.push(`served at ${sim.now}`);
      server.release(req);
    });
    sim.run();
    expect(trace).toEqual(['still waiting at 3: waiting', 'served at 10']);
  });

  it('given nested conditions, then they compose', () => {
    const sim = new Simulation({ seed: 1 });
    let at = -1;
    spawn(sim, function* () {
      yield allOf([anyOf([timeout(4), timeout(2)]), timeout(3)]);
      at = sim.now;
    });
    sim.run();
    expect(at).toBe(3);
  });

  it('given a non-event operand, then PROCESS_ERROR', () => {
    expect(() => anyOf([42 as unknown as SimEvent])).toThrowError(expect.objectContaining({ code: 'PROCESS_ERROR' }));
  });
});
