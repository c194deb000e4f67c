import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlowTally } from '../src/model/month/flow-tally.ts';

type Op = { readonly kind: 'add'; readonly key: string; readonly tonnes: number } | { readonly kind: 'reset' };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 9, arbitrary: fc.record({ kind: fc.constant('add' as const), key: fc.constantFrom('PAK>CHN', 'CHN>us', 'BOL>IND', 'RUS>CHN', 'a', 'b', 'c'), tonnes: fc.double({ min: 0, max: 1e4, noNaN: true }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reset' as const }) },
);

describe('FlowTally', () => {
  it('agrees with a Map rebuilt every month: values (bit for bit), membership, size and first-touch order', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const tally = new FlowTally();
        let map = new Map<string, number>();
        for (const o of ops) {
          if (o.kind === 'reset') {
            tally.reset();
            map = new Map();
          } else {
            tally.add(o.key, o.tonnes);
            map.set(o.key, (map.get(o.key) ?? 0) + o.tonnes);
          }
          expect(tally.size).toBe(map.size);
        }
        for (const key of ['PAK>CHN', 'CHN>us', 'BOL>IND', 'RUS>CHN', 'a', 'b', 'c', 'never']) {
          expect(tally.has(key)).toBe(map.has(key));
          expect(Object.is(tally.get(key), map.get(key))).toBe(true);
        }
        expect(Array.from({ length: tally.size }, (_, i) => tally.keyAt(i))).toEqual([...map.keys()]);
      }),
      { seed: 424242, numRuns: 300 },
    );
  });

  it('grows past its first capacity without losing values', () => {
    const tally = new FlowTally();
    for (let i = 0; i < 1000; i++) tally.add(`k${i}`, i);
    expect(tally.size).toBe(1000);
    expect(tally.get('k999')).toBe(999);
    expect(tally.keyAt(500)).toBe('k500');
  });
});
