import { RandomStreams, type DecideContext } from '@stibium/core';
import { describe, expect, it } from 'vitest';
import { antimonyWorld, createWorldDecider, runWorld, worldInvariantViolations, type WorldEvent, type WorldState } from '../src/index.ts';

const world = antimonyWorld();
const risk = { type: 'ApplyIntervention' as const, data: { id: 'risk', intervention: { kind: 'disruptionRisk' as const, annualProbability: 0.6, meanDurationMonths: 3, severity: 0.5, countries: [] } } };

/** Clears months [from, to) from `state`, drawing from `streams`. */
function clearMonths(state: WorldState, streams: RandomStreams, from: number, to: number): { state: WorldState; events: WorldEvent[] } {
  const decider = createWorldDecider(world);
  const events: WorldEvent[] = [];
  for (let m = from; m < to; m++) {
    const ctx: DecideContext = { now: m + 1, rng: (name) => streams.get(name) };
    for (const e of decider.decide({ type: 'ClearMonth', data: { month: m } }, state, ctx)) {
      events.push(e);
      state = decider.evolve(state, e);
    }
  }
  return { state, events };
}

describe('snapshots', () => {
  it('given a JSON snapshot of state and random streams at month 12, when resumed, then the rest of the log equals the uninterrupted run', () => {
    const decider = createWorldDecider(world);
    const start = (): { state: WorldState; streams: RandomStreams } => {
      const streams = new RandomStreams('snap');
      let state = decider.initialState();
      for (const e of decider.decide(risk, state, { now: 0, rng: (n) => streams.get(n) })) state = decider.evolve(state, e);
      return { state, streams };
    };
    const a = start();
    const whole = clearMonths(a.state, a.streams, 0, 24);
    const b = start();
    const first = clearMonths(b.state, b.streams, 0, 12);
    const snapshot = JSON.stringify({ state: first.state, rng: b.streams.save() });
    const restored = JSON.parse(snapshot) as { state: WorldState; rng: ReturnType<RandomStreams['save']> };
    const streams = new RandomStreams('snap');
    streams.restore(restored.rng);
    const rest = clearMonths(restored.state, streams, 12, 24);
    expect(JSON.stringify([...first.events, ...rest.events])).toBe(JSON.stringify(whole.events));
    expect(JSON.stringify(rest.state)).toBe(JSON.stringify(whole.state));
  });

  it('the MCS 2025 vintage runs the full horizon with every invariant holding', () => {
    const w = antimonyWorld('mcs2025');
    const run = runWorld({ world: w }, { seed: 3 });
    expect(worldInvariantViolations(w, run.events, run.finalState)).toEqual([]);
  });
});
