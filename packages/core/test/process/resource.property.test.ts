import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Simulation } from '../../src/kernel/simulation.ts';
import { spawn } from '../../src/process/process.ts';
import { timeout } from '../../src/process/timeout.ts';
import { Resource } from '../../src/process/resource.ts';
import { pinned } from '../support/property.ts';

const customer = fc.record({
  arrive: fc.integer({ min: 0, max: 20 }),
  service: fc.integer({ min: 1, max: 6 }),
  patience: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
});

describe('Resource invariants under random workloads', () => {
  it('property: never more holders than capacity, FIFO grants, counts add up, busy integral = served time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.array(customer, { maxLength: 25 }), (capacity, customers) => {
        const sim = new Simulation({ seed: 1 });
        const res = new Resource(sim, { capacity });
        const requestOrder: number[] = [];
        const grantOrder: number[] = [];
        let served = 0;
        customers.forEach((c, i) => {
          spawn(sim, function* () {
            yield timeout(c.arrive);
            const req = c.patience === undefined ? res.request() : res.request({ timeout: c.patience });
            requestOrder.push(i);
            const granted = yield req;
            if (granted !== true) return;
            expect(res.count).toBeLessThanOrEqual(capacity);
            grantOrder.push(i);
            yield timeout(c.service);
            served += c.service;
            res.release(req);
          });
        });
        sim.run();
        // FIFO: the granted customers appear in the order they requested.
        expect(grantOrder).toEqual(requestOrder.filter((i) => grantOrder.includes(i)));
        const s = res.stats;
        expect(s.requests).toBe(customers.length);
        expect(s.grants + s.timeouts).toBe(customers.length);
        expect(s.releases).toBe(s.grants);
        expect([res.count, res.queueLength]).toEqual([0, 0]);
        expect(s.busy.integral(sim.now)).toBe(served);
        expect(s.busy.max).toBeLessThanOrEqual(capacity);
      }),
      pinned(150),
    );
  });
});
