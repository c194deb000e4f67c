import { RandomStreams, type DecideContext } from '@stibium/core';
import { createWorldDecider, type World, type WorldCommand, type WorldEvent, type WorldState } from '../../src/index.ts';

/**
 * Given/when/then for the world decider (Emmett's DeciderSpecification): `given` folds
 * past events (or commands, decided in turn) into a state, `when` decides a command.
 */
export function worldSpec(world: World, seed = 'spec') {
  const decider = createWorldDecider(world);
  const streams = new RandomStreams(seed);
  const context = (now: number): DecideContext => ({ now, rng: (name) => streams.get(name) });
  let state: WorldState = decider.initialState();
  const api = {
    /** Runs commands (each at its time) to build the given state. */
    givenCommands(commands: readonly { time: number; command: WorldCommand }[]) {
      for (const { time, command } of commands) {
        for (const e of decider.decide(command, state, context(time))) state = decider.evolve(state, e);
      }
      return api;
    },
    /** Clears months [0, n). */
    givenMonths(n: number) {
      for (let m = state.month; m < n; m++) api.givenCommands([{ time: m + 1, command: { type: 'ClearMonth', data: { month: m } } }]);
      return api;
    },
    /** Decides `command` at `time` on the given state and folds the result. */
    when(command: WorldCommand, time: number): { events: WorldEvent[]; state: WorldState } {
      const events = [...decider.decide(command, state, context(time))];
      for (const e of events) state = decider.evolve(state, e);
      return { events, state };
    },
    get state() {
      return state;
    },
  };
  return api;
}

/** The ClearMonth command of month `m`, with its due time. */
export const clear = (m: number): [WorldCommand, number] => [{ type: 'ClearMonth', data: { month: m } }, m + 1];
