import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { antimonyWorld, MonthlySums, OutcomeFold, runWorld, type WorldEvent } from '../src/index.ts';

describe('MonthlySums', () => {
  it('given adds and sets at random months, holds what a plain map of arrays would, and lists only touched keys', () => {
    const op = fc.record({
      set: fc.boolean(),
      key: fc.constantFrom('a', 'b', 'fam.X', 'fam.Y'),
      m: fc.integer({ min: -2, max: 6 }),
      value: fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(Number.NaN), fc.constant(Number.POSITIVE_INFINITY)),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const n = 5;
        const sums = new MonthlySums(n);
        const model = new Map<string, number[]>();
        for (const { set, key, m, value } of ops) {
          if (set) sums.set(key, m, value);
          else sums.add(key, m, value);
          const old = model.get(key)?.[m] ?? 0;
          const delta = set ? value - old : value;
          if (m < 0 || m >= n || !Number.isFinite(delta)) continue;
          const arr = model.get(key) ?? new Array<number>(n).fill(0);
          arr[m] = (arr[m] as number) + delta;
          model.set(key, arr);
        }
        expect(sums.keys('fam.')).toEqual([...model.keys()].filter((k) => k.startsWith('fam.')).sort());
        for (const key of ['a', 'b', 'fam.X', 'fam.Y']) expect([...sums.get(key)]).toEqual(model.get(key) ?? new Array<number>(n).fill(0));
      }),
      { seed: 424242, numRuns: 200 },
    );
  });

  it('series(key) is the live array of the key, listed by keys() from then on', () => {
    const sums = new MonthlySums(3);
    const s = sums.series('x.a');
    s[1] = 4;
    sums.add('x.a', 1, 2);
    expect([...sums.get('x.a')]).toEqual([0, 6, 0]);
    expect(sums.keys('x.')).toEqual(['x.a']);
    // Untouched keys read as zeros, in arrays of their own.
    const z = sums.get('x.none');
    z[0] = 1;
    expect([...sums.get('x.none')]).toEqual([0, 0, 0]);
  });
});

describe('OutcomeFold.result(monthlyFor)', () => {
  const world = antimonyWorld();
  const events: WorldEvent[] = [];
  runWorld({ world, months: 36 }, { seed: 7, onEvent: (e) => events.push(e as unknown as WorldEvent) });
  const fold = new OutcomeFold(world, 36);
  for (const e of events) fold.add(e);

  it('given a real run, yields the same ids and yearly values with monthly values only where asked', () => {
    const full = fold.result();
    const lean = fold.result((id) => id.startsWith('price.'));
    expect(Object.keys(lean.outcomes)).toEqual(Object.keys(full.outcomes));
    expect(lean.years).toEqual(full.years);
    for (const [id, series] of Object.entries(full.outcomes)) {
      const other = lean.outcomes[id];
      expect(other?.yearly, id).toEqual(series.yearly);
      expect(other?.monthly, id).toEqual(id.startsWith('price.') ? series.monthly : []);
      expect(series.monthly, id).toHaveLength(36);
    }
    expect(full.outcomes['world.mineProduction']?.yearly[0]).toBeGreaterThan(0);
  });
});
