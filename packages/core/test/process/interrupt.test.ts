import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/kernel/simulation.ts';
import { isStibiumError } from '../../src/errors.ts';
import { spawn } from '../../src/process/process.ts';
import { timeout } from '../../src/process/timeout.ts';
import { Interrupt } from '../../src/process/interrupt.ts';
import { SimEvent } from '../../src/process/event.ts';

describe('interrupts', () => {
  it('given a process waiting on a timeout, when interrupted, then Interrupt(cause) is thrown at its yield and the old timeout never resumes it', () => {
    const sim = new Simulation({ seed: 1 });
    const trace: string[] = [];
    const worker = spawn(sim, function* () {
      try {
        yield timeout(10);
        trace.push('finished work');
      } catch (error) {
        expect(error).toBeInstanceOf(Interrupt);
        trace.push(`interrupted at ${sim.now} by ${String((error as Interrupt).cause)}`);
        yield timeout(1);
        trace.push(`repaired at ${sim.now}`);
      }
    });
    spawn(sim, function* () {
      yield timeout(3);
      worker.interrupt('breakdown');
    });
    sim.run();
    expect(trace).toEqual(['interrupted at 3 by breakdown', 'repaired at 4']);
    expect(sim.now).toBe(4); // the cancelled timeout at 10 is gone
  });

  it('given a process waiting on an event, when interrupted, then it stops waiting on the event', () => {
    const sim = new Simulation({ seed: 1 });
    const signal = new SimEvent<string>(sim);
    const trace: string[] = [];
    const waiter = spawn(sim, function* () {
      try {
        yield signal;
        trace.push('signalled');
      } catch {
        trace.push('interrupted');
        yield timeout(5);
        trace.push('done');
      }
    });
    sim.scheduleCallback(1, () => waiter.interrupt());
    sim.scheduleCallback(2, () => signal.succeed('late'));
    sim.run();
    expect(trace).toEqual(['interrupted', 'done']);
  });

  it('given an uncaught interrupt, then the process fails with code INTERRUPTED', () => {
    const sim = new Simulation({ seed: 1 });
    const victim = spawn(sim, function* () {
      yield timeout(5);
    });
    let caught: unknown;
    spawn(sim, function* () {
      yield timeout(1);
      victim.interrupt('stop');
      try {
        yield victim;
      } catch (error) {
        caught = error;
      }
    });
    sim.run();
    expect(isStibiumError(caught, 'INTERRUPTED')).toBe(true);
    expect((caught as Interrupt).cause).toBe('stop');
  });

  it('given a finished process, when interrupted, then PROCESS_ERROR; and a process cannot interrupt itself', () => {
    const sim = new Simulation({ seed: 1 });
    const done = spawn(sim, function* () {
      yield timeout(1);
    });
    let selfError: unknown;
    const selfish = spawn(sim, function* () {
      try {
        selfish.interrupt();
      } catch (error) {
        selfError = error;
      }
      yield timeout(0);
    });
    sim.run();
    expect(() => done.interrupt()).toThrowError(expect.objectContaining({ code: 'PROCESS_ERROR' }));
    expect(isStibiumError(selfError, 'PROCESS_ERROR')).toBe(true);
  });

  it('given two interrupts at the same time, then both are delivered in order', () => {
    const sim = new Simulation({ seed: 1 });
    const causes: unknown[] = [];
    const target = spawn(sim, function* () {
      for (let i = 0; i < 3; i++) {
        try {
          yield timeout(100);
        } catch (error) {
          causes.push((error as Interrupt).cause);
        }
      }
    });
    sim.scheduleCallback(1, () => {
      target.interrupt('first');
      target.interrupt('second');
    });
    sim.run();
    expect(causes).toEqual(['first', 'second']);
    expect(sim.now).toBe(101);
  });
});
