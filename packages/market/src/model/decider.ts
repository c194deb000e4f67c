import type { DecideContext, Decider } from '@stibium/core';
import type { World } from '../world/types.ts';
import type { WorldCommand } from './commands.ts';
import { decideWorld, stepWorld, type WorldStep } from './decide.ts';
import type { WorldEvent } from './events.ts';
import { evolveWorld } from './evolve.ts';
import { initialWorldState } from './initial.ts';
import { indexWorld } from './month/context.ts';
import type { WorldState } from './state.ts';

/** The world's decider type: commands in, events out, state as their fold. */
export type WorldDecider = Decider<WorldCommand, WorldEvent, WorldState> & {
  /** decide plus the folded state in one pass (equal to folding the events with evolve). */
  step(command: WorldCommand, state: WorldState, context: DecideContext): WorldStep;
};

/**
 * The event-sourced world model for one resolved world: pure `decide`, `evolve` and
 * `initialState`; time and random draws come from the context.
 */
export function createWorldDecider(world: World): WorldDecider {
  const index = indexWorld(world);
  return {
    decide: (command, state, context) => decideWorld(world, index, command, state, context),
    step: (command, state, context) => stepWorld(world, index, command, state, context),
    evolve: evolveWorld,
    initialState: () => initialWorldState(world),
  };
}
