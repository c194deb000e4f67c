import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PowMemo } from '../src/model/month/pow-memo.ts';

// The feed trade's results must not change by a bit when its powers come from the memo.
const base = fc.oneof(
  fc.double(),
  fc.double({ min: 0.01, max: 4, noNaN: true }),
  fc.constantFrom(0, -0, 1, 2, -1, Infinity, -Infinity, NaN, Number.MIN_VALUE, -Number.MIN_VALUE),
);
const exponent = fc.oneof(fc.double({ min: -12, max: 12, noNaN: true }), fc.constantFrom(0, 1, 2, 3, -1, 0.5, NaN, Infinity));

describe('PowMemo', () => {
  it('given repeated and new bases over generations of exponents, when raised, then each result is exactly Math.pow', () => {
    const memo = new PowMemo();
    fc.assert(
      fc.property(fc.array(fc.tuple(exponent, fc.array(base, { maxLength: 60 })), { minLength: 1, maxLength: 5 }), (generations) => {
        for (const [e, bases] of generations) {
          memo.begin(e);
          // Each base twice, so the second comes from the memo.
          for (const b of [...bases, ...bases]) expect(memo.pow(b)).toBe(Math.pow(b, e));
        }
      }),
      { seed: 424242, numRuns: 300 },
    );
  });

  it('given -0 and +0 under an odd exponent, when both are raised, then each keeps its own sign', () => {
    const memo = new PowMemo();
    memo.begin(3);
    expect(memo.pow(0)).toBe(0);
    expect(memo.pow(-0)).toBe(-0);
    expect(memo.pow(0)).toBe(0);
  });

  it('given more bases in a generation than the table remembers, when raised twice, then results stay exact', () => {
    const memo = new PowMemo();
    memo.begin(7.5);
    const bases = Array.from({ length: 1000 }, (_, i) => 0.5 + i / 997);
    for (const b of [...bases, ...bases]) expect(memo.pow(b)).toBe(Math.pow(b, 7.5));
  });

  it('given a new exponent, when a base seen under the old one is raised, then the new exponent applies', () => {
    const memo = new PowMemo();
    memo.begin(2);
    expect(memo.pow(1.5)).toBe(2.25);
    memo.begin(3);
    expect(memo.pow(1.5)).toBe(3.375);
  });
});
