import { describe, expect, it } from 'vitest';
import { EventSourcedModel, hashLog, project, replay, type Projection, type RecordedEvent } from '../../src/index.ts';
import { arrivals, createShop, restock, shopDecider, shopDefinition, type ShopEvent } from '../support/shop.ts';

/** Units sold and customers turned away, folded from recorded events. */
const salesProjection: Projection<ShopEvent, { sold: number; lost: number; last: number }> = {
  name: 'sales',
  init: () => ({ sold: 0, lost: 0, last: -1 }),
  apply: (m, recorded) => {
    const e = { type: recorded.type, data: recorded.data } as ShopEvent;
    return e.type === 'Sold' ? { ...m, sold: m.sold + e.data.quantity, last: recorded.seq }
      : e.type === 'TurnedAway' ? { ...m, lost: m.lost + 1, last: recorded.seq }
      : { ...m, last: recorded.seq };
  },
};

describe('EventSourcedModel', () => {
  it('changes state only through logged events: replay of the log equals the state at every time', () => {
    const model = createShop(5);
    model.run({ until: 60 });
    const mid = model.state;
    model.run({ until: 120 });
    expect(replay(model.log!, shopDecider)).toEqual(model.state);
    expect(replay(model.log!, shopDecider, 60)).toEqual(mid);
  });

  it('a live projection over recorded$ equals the projection of the stored log', () => {
    // given a live projection subscribed before the run
    const model = createShop(6);
    let live = salesProjection.init();
    model.project(salesProjection).subscribe((m) => (live = m));
    // when the model runs
    model.run({ until: 80 });
    // then the live read model is the fold of the log
    expect(live).toEqual(project(model.log!, salesProjection));
    expect(live.last).toBe(model.log!.length - 1);
    expect(live.sold).toBe(model.state.sold);
  });

  it('fork with another policy shares the prefix and diverges after the fork time', () => {
    // given a run paused at t = 50
    const base = createShop(7);
    base.run({ until: 50 });
    const prefix = base.log!.toArray();
    const prefixHash = base.hash();
    // when it forks into a generous and a stingy restock policy
    const generous = base.fork({ policies: [arrivals, restock(6, 20)] });
    const stingy = base.fork({ policies: [arrivals, restock(0, 2)] });
    // then both start with the base's history and hash
    expect(generous.hash()).toBe(prefixHash);
    expect(stingy.hash()).toBe(prefixHash);
    expect(generous.state).toEqual(base.state);
    expect([generous.now, generous.log!.baseSeq]).toEqual([50, prefix.length]);
    generous.run({ until: 150 });
    stingy.run({ until: 150 });
    // and they diverge after t = 50 only
    expect(generous.hash()).not.toBe(stingy.hash());
    const g = generous.log!.toArray();
    const s = stingy.log!.toArray();
    const firstDiff = g.findIndex((e, i) => JSON.stringify(e) !== JSON.stringify(s[i]));
    expect(firstDiff).toBeGreaterThanOrEqual(0);
    expect(g[firstDiff]!.time).toBeGreaterThan(50);
    // and each branch's hash is the hash of prefix + branch entries, replayable from scratch
    expect(hashLog([...prefix, ...g])).toBe(generous.hash());
    expect(hashLog([...prefix, ...s])).toBe(stingy.hash());
    expect(replay([...prefix, ...g] as RecordedEvent<ShopEvent>[], shopDecider)).toEqual(generous.state);
    expect(generous.state.turnedAway).toBeLessThan(stingy.state.turnedAway);
    // and the base itself is untouched by its forks
    expect(base.hash()).toBe(prefixHash);
  });

  it('a fork with the same definition continues exactly like the original', () => {
    const whole = createShop(8);
    whole.run({ until: 200 });
    const paused = createShop(8);
    paused.run({ until: 77.5 });
    const fork = paused.fork();
    fork.run({ until: 200 });
    expect(fork.hash()).toBe(whole.hash());
    expect(fork.state).toEqual(whole.state);
  });

  it('dispatch validates commands and times', () => {
    const model = EventSourcedModel.create(shopDefinition, { seed: 1 });
    expect(() => model.dispatch(null as never)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => model.dispatch({ type: 'Arrive', data: {} }, { delay: -1 })).toThrow(expect.objectContaining({ code: 'INVALID_DELAY' }));
    model.run({ until: 5 });
    expect(() => model.dispatch({ type: 'Arrive', data: {} }, { at: 4 })).toThrow(expect.objectContaining({ code: 'INVALID_TIME' }));
    expect(() => EventSourcedModel.create(shopDefinition, { seed: 1, record: false }).hash()).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
