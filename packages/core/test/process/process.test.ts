import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/kernel/simulation.ts';
import { isStibiumError } from '../../src/errors.ts';
import { spawn, activeProcess, type Process } from '../../src/process/process.ts';
import { timeout } from '../../src/process/timeout.ts';
import { SimEvent } from '../../src/process/event.ts';

describe('generator processes', () => {
  it('given two processes with timeouts, when run, then they resume at the right times in order', () => {
    const sim = new Simulation({ seed: 1 });
    const trace: string[] = [];
    spawn(sim, function* () {
      yield timeout(2);
      trace.push(`a@${sim.now}`);
      yield timeout(3);
      trace.push(`a@${sim.now}`);
    });
    spawn(sim, function* () {
      yield timeout(4);
      trace.push(`b@${sim.now}`);
    });
    sim.run();
    expect(trace).toEqual(['a@2', 'b@4', 'a@5']);
    expect(sim.now).toBe(5);
  });

  it('given events at equal times, when run, then they resume in scheduling order (FIFO)', () => {
    const sim = new Simulation({ seed: 1 });
    const trace: number[] = [];
    for (let i = 0; i < 5; i++) {
      spawn(sim, function* () {
        yield timeout(1);
        trace.push(i);
      });
    }
    sim.run();
    expect(trace).toEqual([0, 1, 2, 3, 4]);
  });

  it('given a process created at the time a timeout fires, then its start (URGENT) runs before the timeout (NORMAL)', () => {
    const sim = new Simulation({ seed: 1 });
    const trace: string[] = [];
    spawn(sim, function* () {
      yield timeout(1); // scheduled when this process starts, after the callback below
      trace.push('A timeout');
    });
    sim.scheduleCallback(1, () => {
      spawn(sim, function* () {
        trace.push('B started');
        yield timeout(0);
      });
    });
    sim.run();
    expect(trace).toEqual(['B started', 'A timeout']);
  });

  it('given a timeout with a value, when yielded, then the yield returns the value', () => {
    const sim = new Simulation({ seed: 1 });
    let got: unknown;
    spawn(sim, function* () {
      got = yield timeout(1, 'ding');
    });
    sim.run();
    expect(got).toBe('ding');
  });

  it('given a child process, when the parent yields it, then the parent gets its return value at its end time', () => {
    const sim = new Simulation({ seed: 1 });
    let result: unknown;
    let at = -1;
    spawn(sim, function* () {
      const child = spawn(sim, function* () {
        yield timeout(3);
        return 42;
      });
      result = yield child;
      at = sim.now;
    });
    sim.run();
    expect(result).toBe(42);
    expect(at).toBe(3);
  });

  it('given a child that throws, when the parent waits on it, then the error is thrown at the parent\'s yield', () => {
    const sim = new Simulation({ seed: 1 });
    let caught: unknown;
    spawn(sim, function* () {
      const child = spawn(sim, function* () {
        yield timeout(1);
        throw new Error('boom');
      });
      try {
        yield child;
      } catch (error) {
        caught = error;
      }
    });
    sim.run();
    expect((caught as Error).message).toBe('boom');
  });

  it('given a failing process nobody waits on, when run, then the error surfaces from sim.run', () => {
    const sim = new Simulation({ seed: 1 });
    spawn(sim, function* () {
      yield timeout(1);
      throw new Error('lost');
    });
    expect(() => sim.run()).toThrow('lost');
  });

  it('given a process that finished, when another yields it later, then it continues at once with the value', () => {
    const sim = new Simulation({ seed: 1 });
    const child = spawn(sim, function* () {
      yield timeout(1);
      return 'early';
    });
    let got: unknown;
    let at = -1;
    spawn(sim, function* () {
      yield timeout(5);
      got = yield child;
      at = sim.now;
    });
    sim.run();
    expect([got, at]).toEqual(['early', 5]);
  });

  it('given a process that yields a number, then PROCESS_ERROR is thrown at the yield and says what was yielded', () => {
    const sim = new Simulation({ seed: 1 });
    let caught: unknown;
    spawn(sim, function* () {
      try {
        yield 5 as unknown as SimEvent;
      } catch (error) {
        caught = error;
      }
    });
    sim.run();
    expect(isStibiumError(caught, 'PROCESS_ERROR')).toBe(true);
    expect((caught as Error).message).toMatch(/the number 5.*timeout\(5\)/);
  });

  it('given a negative, NaN or infinite delay, then timeout throws INVALID_DELAY', () => {
    for (const bad of [-1, NaN, Infinity]) {
      expect(() => timeout(bad)).toThrowError(expect.objectContaining({ code: 'INVALID_DELAY' }));
    }
  });

  it('given a plain event, when a process waits and a callback succeeds it, then the process gets the value', () => {
    const sim = new Simulation({ seed: 1 });
    const signal = new SimEvent<string>(sim);
    let got: unknown;
    spawn(sim, function* () {
      got = yield signal;
    });
    sim.scheduleCallback(2, () => signal.succeed('go'));
    sim.run();
    expect(got).toBe('go');
    expect(() => signal.succeed('again')).toThrowError(expect.objectContaining({ code: 'PROCESS_ERROR' }));
  });

  it('given a process, when it runs, then activeProcess is that process and the body receives it', () => {
    const sim = new Simulation({ seed: 1 });
    let seen: unknown;
    let self: Process<unknown> | undefined;
    const p = spawn(sim, function* (me) {
      self = me;
      seen = activeProcess(sim);
      yield timeout(0);
    }, { name: 'worker' });
    sim.run();
    expect(seen).toBe(p);
    expect(self).toBe(p);
    expect(p.name).toBe('worker');
    expect(p.isAlive).toBe(false);
    expect(activeProcess(sim)).toBeUndefined();
  });

  it('given run with until, then events at exactly until run and later ones stay pending', () => {
    const sim = new Simulation({ seed: 1 });
    const trace: number[] = [];
    spawn(sim, function* () {
      for (;;) {
        yield timeout(1);
        trace.push(sim.now);
      }
    });
    sim.run({ until: 3 });
    expect(trace).toEqual([1, 2, 3]);
    sim.run({ until: 4 });
    expect(trace).toEqual([1, 2, 3, 4]);
  });
});
