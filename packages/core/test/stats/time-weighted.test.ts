import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TimeWeighted } from '../../src/stats/time-weighted.ts';
import { pinned } from '../support/property.ts';

describe('TimeWeighted', () => {
  it('given 0 on [0,2), 3 on [2,4), 1 on [4,10), then mean 12/10, integral 12, min 0, max 3', () => {
    const q = new TimeWeighted(0, 0);
    q.update(2, 3);
    q.update(4, 1);
    expect(q.integral(10)).toBe(12);
    expect(q.mean(10)).toBeCloseTo(1.2, 12);
    expect([q.min, q.max, q.current]).toEqual([0, 3, 1]);
    // E[x^2] = (9*2 + 1*6)/10 = 2.4, variance 2.4 - 1.44 = 0.96
    expect(q.variance(10)).toBeCloseTo(0.96, 12);
  });

  it('given a reset at 4, then only later time counts and the current value carries over', () => {
    const q = new TimeWeighted(0, 5);
    q.update(4, 2);
    q.reset(4);
    q.add(6, 2); // 2 on [4,6), 4 on [6,8)
    expect(q.mean(8)).toBe(3);
    expect([q.since, q.min, q.max]).toEqual([4, 2, 4]);
  });

  it('given an empty period, then the mean is the current value', () => {
    expect(new TimeWeighted(3, 7).mean(3)).toBe(7);
  });

  it('given time going back, then INVALID_TIME', () => {
    const q = new TimeWeighted(5, 0);
    expect(() => q.update(4, 1)).toThrowError(expect.objectContaining({ code: 'INVALID_TIME' }));
    expect(() => q.mean(4)).toThrowError(expect.objectContaining({ code: 'INVALID_TIME' }));
  });

  it('property: equals the sum of value x duration over the segments', () => {
    const step = fc.record({ dt: fc.double({ min: 0, max: 100, noNaN: true }), value: fc.integer({ min: -50, max: 50 }) });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), fc.double({ min: 0, max: 100, noNaN: true }), (steps, tail) => {
        const q = new TimeWeighted(0, 0);
        let t = 0;
        let value = 0;
        let integral = 0;
        for (const s of steps) {
          integral += value * s.dt;
          t += s.dt;
          q.update(t, s.value);
          value = s.value;
        }
        integral += value * tail;
        const end = t + tail;
        expect(Math.abs(q.integral(end) - integral)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(integral)));
        if (end > 0) expect(q.mean(end)).toBeCloseTo(integral / end, 6);
      }),
      pinned(200),
    );
  });
});
