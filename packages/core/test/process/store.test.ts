import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/kernel/simulation.ts';
import { spawn } from '../../src/process/process.ts';
import { timeout } from '../../src/process/timeout.ts';
import { Store } from '../../src/process/store.ts';
import { FilterStore } from '../../src/process/filter-store.ts';
import { anyOf } from '../../src/process/condition.ts';

describe('Store', () => {
  it('given a producer and a consumer, then items come out in FIFO order at the right times', () => {
    const sim = new Simulation({ seed: 1 });
    const store = new Store<string>(sim, { capacity: 2 });
    const log: string[] = [];
    spawn(sim, function* () {
      for (const item of ['a', 'b', 'c', 'd']) {
        yield store.put(item);
        log.push(`put ${item}@${sim.now}`);
      }
    });
    spawn(sim, function* () {
      for (let i = 0; i < 4; i++) {
        yield timeout(2);
        const get = store.get();
        yield get;
        log.push(`got ${String(get.value)}@${sim.now}`);
      }
    });
    sim.run();
    expect(log).toEqual(['put a@0', 'put b@0', 'got a@2', 'put c@2', 'got b@4', 'put d@4', 'got c@6', 'got d@8']);
    expect(store.stats.putWaits.max).toBe(2);
  });

  it('given gets waiting on an empty store, then they are served in order', () => {
    const sim = new Simulation({ seed: 1 });
    const store = new Store<number>(sim);
    const g1 = store.get();
    const g2 = store.get();
    store.put(1);
    store.put(2);
    sim.run();
    expect([g1.value, g2.value]).toEqual([1, 2]);
    expect(() => new Store(sim, { capacity: 0 })).toThrowError(expect.objectContaining({ code: 'INVALID_CAPACITY' }));
  });

  it('given two gets in an anyOf, when one item arrives, then the other get is withdrawn', () => {
    const sim = new Simulation({ seed: 1 });
    const a = new Store<string>(sim);
    const b = new Store<string>(sim);
    const ga = a.get();
    const gb = b.get();
    let fired: unknown;
    spawn(sim, function* () {
      yield anyOf([ga, gb]);
      fired = [ga.status, gb.status];
    });
    sim.scheduleCallback(1, () => b.put('x'));
    sim.run();
    expect(fired).toEqual(['withdrawn', 'done']);
    a.put('later');
    expect(a.size).toBe(1);
  });
});

describe('FilterStore', () => {
  it('given a get with a filter, then it takes the oldest matching item and does not block other gets', () => {
    const sim = new Simulation({ seed: 1 });
    const spares = new FilterStore<{ kind: string; id: number }>(sim);
    const log: string[] = [];
    spawn(sim, function* () {
      const get = spares.get((p) => p.kind === 'bearing');
      yield get;
      log.push(`bearing ${String(get.value?.id)}@${sim.now}`);
    });
    spawn(sim, function* () {
      const get = spares.get();
      yield get;
      log.push(`any ${String(get.value?.id)}@${sim.now}`);
    });
    sim.scheduleCallback(1, () => spares.put({ kind: 'belt', id: 1 }));
    sim.scheduleCallback(2, () => spares.put({ kind: 'belt', id: 2 }));
    sim.scheduleCallback(3, () => spares.put({ kind: 'bearing', id: 3 }));
    sim.run();
    expect(log).toEqual(['any 1@1', 'bearing 3@3']);
    expect(spares.items.map((p) => p.id)).toEqual([2]);
  });

  it('given two filtered gets, then each takes its own match regardless of order', () => {
    const sim = new Simulation({ seed: 1 });
    const s = new FilterStore<number>(sim);
    const even = s.get((x) => x % 2 === 0);
    const odd = s.get((x) => x % 2 === 1);
    s.put(3);
    s.put(4);
    sim.run();
    expect([even.value, odd.value]).toEqual([4, 3]);
  });
});
