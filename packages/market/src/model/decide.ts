import { StibiumError, type DecideContext, type RandomStream } from '@stibium/core';
import type { World } from '../world/types.ts';
import type { WorldCommand } from './commands.ts';
import type { WorldEvent } from './events.ts';
import type { Draft } from './draft.ts';
import { applyInPlace, draftOf, evolveWorld } from './evolve.ts';
import { decideIntervention } from './decide-intervention.ts';
import { clearMarkets, supplyMarkets } from './month/clearing.ts';
import { closeMonth } from './month/close.ts';
import type { MonthContext, WorldIndex } from './month/context.ts';
import { concentrate, refine } from './month/feed.ts';
import { allocateFeed } from './month/feed-trade.ts';
import { FlowTally } from './month/flow-tally.ts';
import { adjustUtilization, drawDisruptions, produce } from './month/supply.ts';
import { deliverOfftakes, sellRefined } from './month/trade.ts';
import type { WorldState } from './state.ts';

/**
 * Decides a command against the state. ClearMonth runs the month's steps in order
 * (disruptions, utilisation, mining, concentrating, feed trade, refining, offtakes, spot
 * sales, secondary supply and releases, market clearing with settlement, close); each
 * step reads a working copy into which every emitted event is already folded, so the
 * events replay to exactly the state the decision saw.
 */
export function decideWorld(world: World, index: WorldIndex, command: WorldCommand, state: WorldState, context: DecideContext): WorldEvent[] {
  return stepWorld(world, index, command, state, context).events;
}

/** A decision's events and the state they fold to (the working copy decide already built). */
export interface WorldStep {
  readonly events: WorldEvent[];
  readonly state: WorldState;
}

// One tally per thread, reset each month: months run one at a time, start to finish.
const shipments = new FlowTally();

function monthShipments(): FlowTally {
  shipments.reset();
  return shipments;
}

/** Decides a command and returns the folded state too, sparing runners a second fold. */
export function stepWorld(world: World, index: WorldIndex, command: WorldCommand, state: WorldState, context: DecideContext): WorldStep {
  switch (command.type) {
    case 'ApplyIntervention': {
      const events = decideIntervention(world, command.data, state, context.now);
      let next = state;
      for (const e of events) next = evolveWorld(next, e);
      return { events, state: next };
    }
    case 'ClearMonth':
      return clearMonth(world, index, command.data.month, state, context);
    default: {
      const never: never = command;
      throw new StibiumError('INVALID_ARGUMENT', `unknown world command ${JSON.stringify(never)}`);
    }
  }
}

/**
 * One month's context as a class: its `emit` and `rng` are methods of one prototype, not
 * closures made every month. Closures that come and go were seen compiled again and again
 * by V8's optimising compiler (a new closure of the same function every few runs), which
 * costs background CPU that a two-worker pool needs for runs.
 */
class Month implements MonthContext {
  readonly events: WorldEvent[] = [];
  readonly shipments = monthShipments();
  readonly pendingSales: MonthContext['pendingSales'] = [];
  readonly netbacks: MonthContext['netbacks'] = { ore: new Map(), concentrate: new Map() };

  constructor(
    readonly world: World,
    readonly index: WorldIndex,
    readonly s: Draft,
    readonly m: number,
    readonly prices: Readonly<Record<string, number>>,
    private readonly context: DecideContext,
  ) {}

  rng(name: string): RandomStream {
    return this.context.rng(name);
  }

  emit(event: WorldEvent): void {
    this.events.push(event);
    applyInPlace(this.s, event);
  }
}

function clearMonth(world: World, index: WorldIndex, month: number, state: WorldState, context: DecideContext): WorldStep {
  if (month !== state.month) {
    throw new StibiumError('INVALID_ARGUMENT', `ClearMonth ${month} arrived but the world is at month ${state.month}; months clear in order`);
  }
  const ctx = new Month(world, index, draftOf(state), month, state.expectedPrices, context);
  const { events } = ctx;
  drawDisruptions(ctx);
  adjustUtilization(ctx);
  produce(ctx);
  concentrate(ctx);
  allocateFeed(ctx);
  refine(ctx);
  deliverOfftakes(ctx);
  sellRefined(ctx);
  supplyMarkets(ctx);
  const results = clearMarkets(ctx);
  const usInflow = new Map<string, number>();
  for (const e of events) {
    if (e.type === 'Shipped' && e.data.market === 'us') usInflow.set(e.data.from, (usInflow.get(e.data.from) ?? 0) + e.data.metal + e.data.oxide);
    if (e.type === 'SecondarySupplied' && e.data.market === 'us') usInflow.set(e.data.country, (usInflow.get(e.data.country) ?? 0) + e.data.tonnes);
  }
  closeMonth(ctx, results, usInflow);
  return { events, state: ctx.s };
}
