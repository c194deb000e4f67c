import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RandomStreams, type RandomStreamState } from '../../src/index.ts';
import { pinned } from '../support/property.ts';

const names = ['demand', 'supply', 'lead', 'a/b', 'x'] as const;
// A schedule of draws: which stream, how many uniforms.
const draws = fc.array(fc.record({ name: fc.constantFrom(...names), count: fc.integer({ min: 0, max: 20 }) }), { maxLength: 30 });
const seed = fc.oneof(fc.integer(), fc.string({ minLength: 1, maxLength: 6 }));

function alone(seed: string | number, name: string, count: number): number[] {
  const stream = new RandomStreams(seed).get(name);
  return Array.from({ length: count }, () => stream.next());
}

describe('named random streams', () => {
  it("never change a stream's sequence, whatever other streams are created or drawn and in which order", () => {
    fc.assert(
      fc.property(seed, draws, (s, schedule) => {
        const streams = new RandomStreams(s);
        const got = new Map<string, number[]>();
        for (const { name, count } of schedule) {
          const stream = streams.get(name);
          const values = got.get(name) ?? [];
          for (let i = 0; i < count; i++) values.push(stream.next());
          got.set(name, values);
        }
        for (const [name, values] of got) {
          expect(values).toEqual(alone(s, name, values.length));
          expect(streams.get(name).draws).toBe(values.length);
        }
      }),
      pinned(100),
    );
  });

  it('differ between names and between seeds', () => {
    fc.assert(
      fc.property(seed, seed, (a, b) => {
        fc.pre(String(a) !== String(b));
        expect(alone(a, 'demand', 4)).not.toEqual(alone(a, 'supply', 4));
        expect(alone(a, 'demand', 4)).not.toEqual(alone(b, 'demand', 4));
      }),
      pinned(100),
    );
  });

  it('save/restore (through JSON) continues every stream exactly', () => {
    fc.assert(
      fc.property(seed, draws, draws, (s, before, after) => {
        // given streams advanced by a random schedule, saved to JSON
        const original = new RandomStreams(s);
        for (const { name, count } of before) for (let i = 0; i < count; i++) original.get(name).next();
        const saved = JSON.parse(JSON.stringify(original.save())) as RandomStreamState[];
        const restored = new RandomStreams(s);
        restored.restore(saved);
        // when both continue with the same schedule (streams new after the save included)
        for (const { name, count } of after) {
          for (let i = 0; i < count; i++) expect(restored.get(name).next()).toBe(original.get(name).next());
        }
        // then their states agree too
        expect(restored.save()).toEqual(original.save());
      }),
      pinned(100),
    );
  });
});
