import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventSourcedModel, canonicalEntry, canonicalJson, hashLog, replay, type ModelSnapshot } from '../../src/index.ts';
import { pinned } from '../support/property.ts';
import { createShop, shopDecider, shopDefinition, type ShopState } from '../support/shop.ts';

const seed = fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.string({ minLength: 1, maxLength: 8 }));
const horizon = fc.integer({ min: 20, max: 150 });
// Pause points land on event times (whole days) half of the time: the boundary case.
const pause = fc.oneof(fc.integer({ min: 0, max: 150 }), fc.double({ min: 0, max: 150, noNaN: true }));

function runShop(s: string | number, until: number): ReturnType<typeof createShop> {
  const model = createShop(s);
  model.run({ until });
  return model;
}

describe('run identity', () => {
  it('the same seed gives the same log hash; a different seed a different one', () => {
    fc.assert(
      fc.property(seed, seed, horizon, (a, b, until) => {
        fc.pre(String(a) !== String(b));
        const first = runShop(a, until);
        const again = runShop(a, until);
        const other = runShop(b, until);
        expect(again.hash()).toBe(first.hash());
        expect(again.log!.toArray()).toEqual(first.log!.toArray());
        expect(other.hash()).not.toBe(first.hash());
      }),
      pinned(25),
    );
  });
});

describe('replay', () => {
  it('replaying the log gives the final state, and the state at any earlier time t', () => {
    fc.assert(
      fc.property(seed, horizon, pause, (s, until, t) => {
        fc.pre(t <= until);
        const model = createShop(s);
        model.run({ until: t });
        const atT = model.state;
        model.run({ until });
        expect(replay(model.log!, shopDecider)).toEqual(model.state);
        expect(replay(model.log!, shopDecider, t)).toEqual(atT);
      }),
      pinned(40),
    );
  });
});

describe('snapshot and resume', () => {
  it('resuming from serialised snapshots gives the uninterrupted run, byte for byte', () => {
    fc.assert(
      fc.property(seed, horizon, fc.array(pause, { minLength: 1, maxLength: 3 }), (s, until, pauses) => {
        const whole = runShop(s, until);
        // when the run is paused, serialised and restored at each pause point in turn
        let model = createShop(s);
        for (const t of [...pauses].sort((x, y) => x - y).filter((t) => t <= until)) {
          model.run({ until: t });
          const text = JSON.stringify(model.snapshot());
          model = EventSourcedModel.restore(JSON.parse(text) as ModelSnapshot<ShopState>, shopDefinition);
        }
        model.run({ until });
        // then the log hash, the final state, the last entries and the full run state are identical
        expect(model.hash()).toBe(whole.hash());
        expect(canonicalJson(model.state)).toBe(canonicalJson(whole.state));
        const tail = model.log!.toArray().map(canonicalEntry);
        expect(tail).toEqual(whole.log!.toArray().slice(model.log!.baseSeq).map(canonicalEntry));
        expect(JSON.stringify(model.snapshot())).toBe(JSON.stringify(whole.snapshot()));
      }),
      pinned(40),
    );
  });

  it('a snapshot survives JSON and restores to the same snapshot', () => {
    fc.assert(
      fc.property(seed, pause, (s, t) => {
        const model = runShop(s, t);
        const snapshot = model.snapshot();
        const restored = EventSourcedModel.restore(JSON.parse(JSON.stringify(snapshot)) as ModelSnapshot<ShopState>, shopDefinition);
        expect(JSON.stringify(restored.snapshot())).toBe(JSON.stringify(snapshot));
        expect(restored.hash()).toBe(hashLog(model.log!));
      }),
      pinned(30),
    );
  });
});
