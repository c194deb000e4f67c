import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/kernel/simulation.ts';
import { spawn } from '../../src/process/process.ts';
import { timeout } from '../../src/process/timeout.ts';
import { Container } from '../../src/process/container.ts';
import { anyOf, type ConditionValue } from '../../src/process/condition.ts';

describe('Container', () => {
  it('given an empty stockpile, when a get of 30 t waits and puts of 20 t arrive, then it proceeds once 30 t are there', () => {
    const sim = new Simulation({ seed: 1 });
    const stock = new Container(sim, { capacity: 100 });
    const log: string[] = [];
    spawn(sim, function* () {
      const got = yield stock.get(30);
      log.push(`got ${String(got)} at ${sim.now}, level ${stock.level}`);
    });
    spawn(sim, function* () {
      for (let i = 0; i < 3; i++) {
        yield timeout(1);
        yield stock.put(20);
      }
    });
    sim.run();
    expect(log).toEqual(['got 30 at 2, level 10']);
    expect(stock.level).toBe(30);
  });

  it('given a full container, then puts block until gets make room', () => {
    const sim = new Simulation({ seed: 1 });
    const tank = new Container(sim, { capacity: 10, init: 8 });
    const log: string[] = [];
    spawn(sim, function* () {
      yield tank.put(5);
      log.push(`put at ${sim.now}`);
    });
    spawn(sim, function* () {
      yield timeout(4);
      yield tank.get(3);
      log.push(`got at ${sim.now}`);
    });
    sim.run();
    expect(log).toEqual(['got at 4', 'put at 4']);
    expect(tank.level).toBe(10);
  });

  it('given gets 50 then 5 with 10 in stock, then the large get at the head blocks the small one (strict FIFO)', () => {
    const sim = new Simulation({ seed: 1 });
    const c = new Container(sim, { init: 10 });
    const big = c.get(50);
    const small = c.get(5);
    sim.run();
    expect([big.triggered, small.triggered]).toEqual([false, false]);
    big.cancel();
    sim.run();
    expect(small.value).toBe(5);
    expect(c.level).toBe(5);
  });

  it('given a level history, then the time-weighted level is exact', () => {
    // level 0 on [0,2), 20 on [2,4), 5 on [4,10): integral 40 + 30 = 70 over 10.
    const sim = new Simulation({ seed: 1 });
    const c = new Container(sim);
    sim.scheduleCallback(2, () => c.put(20));
    sim.scheduleCallback(4, () => c.get(15));
    sim.run({ until: 10 });
    expect(c.stats.meanLevel).toBeCloseTo(7, 12);
    expect(c.stats.level.max).toBe(20);
    expect([c.stats.puts, c.stats.gets]).toEqual([1, 1]);
  });

  it('given bad amounts, then INVALID_AMOUNT; bad capacity INVALID_CAPACITY', () => {
    const sim = new Simulation({ seed: 1 });
    const c = new Container(sim, { capacity: 10 });
    for (const amount of [0, -1, NaN, Infinity, 11]) {
      expect(() => c.get(amount)).toThrowError(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
      expect(() => c.put(amount)).toThrowError(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
    }
    expect(() => new Container(sim, { capacity: 0 })).toThrowError(expect.objectContaining({ code: 'INVALID_CAPACITY' }));
    expect(() => new Container(sim, { capacity: 5, init: 6 })).toThrowError(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
  });

  it('given a get with a timeout in anyOf, when it loses, then it leaves the queue', () => {
    const sim = new Simulation({ seed: 1 });
    const c = new Container(sim);
    let result: ConditionValue | undefined;
    spawn(sim, function* () {
      const get = c.get(5);
      result = (yield anyOf([get, timeout(2)])) as ConditionValue;
      expect(get.status).toBe('withdrawn');
    });
    sim.run();
    expect(result?.size).toBe(1);
    expect(c.getQueueLength).toBe(0);
    const timed = c.get(1, { timeout: 1 });
    sim.run();
    expect([timed.status, timed.value]).toEqual(['timedOut', undefined]);
    expect(c.stats.timeouts).toBe(1);
  });
});
