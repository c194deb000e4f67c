import { describe, expect, it } from 'vitest';
import { RandomStreams, uniform } from '../../src/index.ts';

describe('uniform', () => {
  it('never returns max, as documented ([min, max)), even when the range is tiny against |min|', () => {
    // given a range narrower than the float spacing around min (found by the distribution property)
    const rng = new RandomStreams(1).get('u');
    const min = 1e6;
    const max = 1e6 + 1e-10;
    // when drawing many values / then none equals max
    const hits = Array.from({ length: 1000 }, () => uniform(rng, min, max)).filter((x) => x >= max);
    expect(hits).toEqual([]);
  });
});
