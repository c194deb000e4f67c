import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Tally } from '../../src/stats/tally.ts';
import { pinned } from '../support/property.ts';

describe('Tally', () => {
  it('given 2, 4, 4, 4, 5, 5, 7, 9, then mean 5, sample variance 32/7, min 2, max 9', () => {
    const t = new Tally();
    for (const x of [2, 4, 4, 4, 5, 5, 7, 9]) t.add(x);
    expect(t.count).toBe(8);
    expect(t.mean).toBe(5);
    expect(t.variance).toBeCloseTo(32 / 7, 12);
    expect([t.min, t.max, t.sum]).toEqual([2, 9, 40]);
  });

  it('given no or one observation, then undefined statistics are NaN and null in the summary', () => {
    const t = new Tally();
    expect(t.summary()).toEqual({ count: 0, mean: null, variance: null, sd: null, min: null, max: null });
    t.add(3);
    expect(t.summary()).toEqual({ count: 1, mean: 3, variance: null, sd: null, min: 3, max: 3 });
    expect(() => t.add(NaN)).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('given a large offset, then Welford keeps the variance accurate', () => {
    const t = new Tally();
    for (const x of [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]) t.add(x);
    expect(t.variance).toBeCloseTo(30, 6);
  });

  it('property: matches the two-pass formulas', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 50 }), (xs) => {
        const t = new Tally();
        xs.forEach((x) => t.add(x));
        const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
        const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
        expect(t.mean).toBeCloseTo(mean, 6);
        expect(Math.abs(t.variance - variance)).toBeLessThanOrEqual(1e-9 * Math.max(1, variance) + 1e-6);
        expect(t.min).toBe(Math.min(...xs));
        expect(t.max).toBe(Math.max(...xs));
      }),
      pinned(200),
    );
  });
});
