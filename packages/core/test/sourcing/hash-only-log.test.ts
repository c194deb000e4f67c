import { describe, expect, it } from 'vitest';
import { EventSourcedModel, Simulation, type Decider } from '../../src/index.ts';

type Cmd = { type: 'Sell'; data: { units: number } };
type Ev = { type: 'Sold'; data: { units: number; price: number } };
const shop: Decider<Cmd, Ev, number> = {
  initialState: () => 0,
  decide: (command, _state, context) => [{ type: 'Sold', data: { units: command.data.units, price: context.rng('price').next() } }],
  evolve: (state, event) => state + event.data.units,
};

function run(record: boolean | 'hash'): EventSourcedModel<Cmd, Ev, number> {
  const model = EventSourcedModel.create({ decider: shop }, { seed: 5, record });
  for (let i = 0; i < 5000; i++) model.dispatch({ type: 'Sell', data: { units: i % 7 } }, { at: i / 10 });
  model.run();
  return model;
}

describe("record: 'hash' (a log that keeps only its hash)", () => {
  it('ends with the same hash and state as a kept log, across hash blocks', () => {
    const kept = run(true);
    const hashed = run('hash');
    expect(hashed.hash()).toBe(kept.hash());
    expect(hashed.state).toBe(kept.state);
    expect(hashed.log?.length).toBe(5000);
    expect(hashed.log?.keeps).toBe(false);
  });

  it('refuses to read entries (LOG_NOT_KEPT) or to snapshot (SNAPSHOT_UNSUPPORTED)', () => {
    const hashed = run('hash');
    expect(() => hashed.log?.toArray()).toThrow(expect.objectContaining({ code: 'LOG_NOT_KEPT' }));
    expect(() => hashed.log?.at(0)).toThrow(expect.objectContaining({ code: 'LOG_NOT_KEPT' }));
    expect(() => hashed.snapshot()).toThrow(expect.objectContaining({ code: 'SNAPSHOT_UNSUPPORTED' }));
  });

  it('still streams every recorded event to recorded$ with its sequence number', () => {
    const sim = new Simulation({ seed: 1, record: 'hash' });
    const seen: number[] = [];
    sim.recorded$.subscribe((e) => seen.push(e.seq));
    sim.define('Tick', () => {});
    for (let i = 0; i < 3; i++) sim.schedule(i, 'Tick', { i });
    sim.run();
    expect(seen).toEqual([0, 1, 2]);
  });
});
