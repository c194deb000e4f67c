// @stibium/core, event sourcing: a stockpile decider (decide/evolve/initialState), a policy
// that reorders when stock runs low, then snapshot, fork into another policy, and replay.
import assert from 'node:assert/strict';
import { EventSourcedModel, replay, type Command, type Decider, type DomainEvent, type Policy } from '@stibium/core';

type StockCommand =
  | Command<'Consume', { tonnes: number }>
  | Command<'Order', { tonnes: number }>
  | Command<'Deliver', { tonnes: number }>;
type StockEvent =
  | DomainEvent<'Consumed', { tonnes: number }>
  | DomainEvent<'ConsumptionRefused', { tonnes: number; stock: number }> // rejections are events too
  | DomainEvent<'Ordered', { tonnes: number }>
  | DomainEvent<'Delivered', { tonnes: number }>;
interface Stock {
  readonly tonnes: number;
  readonly onOrder: number;
}

const stockpile: Decider<StockCommand, StockEvent, Stock> = {
  initialState: () => ({ tonnes: 100, onOrder: 0 }),
  decide(command, state) {
    switch (command.type) {
      case 'Consume':
        return command.data.tonnes <= state.tonnes
          ? [{ type: 'Consumed', data: command.data }]
          : [{ type: 'ConsumptionRefused', data: { tonnes: command.data.tonnes, stock: state.tonnes } }];
      case 'Order':
        return state.onOrder > 0 ? [] : [{ type: 'Ordered', data: command.data }];
      case 'Deliver':
        return [{ type: 'Delivered', data: command.data }];
      default: {
        const unknown: never = command;
        return unknown;
      }
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'Consumed':
        return { ...state, tonnes: state.tonnes - event.data.tonnes };
      case 'Ordered':
        return { ...state, onOrder: event.data.tonnes };
      case 'Delivered':
        return { tonnes: state.tonnes + event.data.tonnes, onOrder: 0 };
      case 'ConsumptionRefused':
        return state;
    }
  },
};

// A policy sees each recorded event and the state after it, and answers with commands.
const reorder = (below: number, lot: number, leadDays: number): Policy<StockCommand, StockEvent, Stock> => ({
  name: `reorder ${lot} t below ${below} t`,
  react(event, state) {
    if (event.type === 'Ordered') return [{ command: { type: 'Deliver', data: event.data }, delay: leadDays }];
    if (state.tonnes < below && state.onOrder === 0) return [{ command: { type: 'Order', data: { tonnes: lot } } }];
    return [];
  },
});

const model = EventSourcedModel.create({ decider: stockpile, policies: [reorder(40, 40, 4)] }, { seed: 1 });
for (let day = 0; day < 60; day++) model.dispatch({ type: 'Consume', data: { tonnes: 10 } }, { at: day });
model.run({ until: 20 });

// Fork at day 20 into a branch with a bigger reorder lot; both share the first 20 days.
const bigLots = model.fork({ policies: [reorder(40, 120, 4)] });
model.run({ until: 60 });
bigLots.run({ until: 60 });
const count = (m: typeof model, type: StockEvent['type']) => (m.log?.toArray() ?? []).filter((e) => e.type === type && e.time > 20).length;
console.log(`days 20-60: lots of 40 t -> ${count(model, 'ConsumptionRefused')} refusals; lots of 120 t -> ${count(bigLots, 'ConsumptionRefused')} refusals`);
console.log(`log hashes: ${model.hash().slice(0, 12)} vs ${bigLots.hash().slice(0, 12)}`);
assert.notEqual(model.hash(), bigLots.hash());

// State is a fold of the log: replaying the log (to any time) rebuilds it.
const entries = model.log?.toArray() ?? [];
assert.deepEqual(replay(entries, stockpile), model.state);
console.log(`stock at day 10, replayed from the log: ${replay(entries, stockpile, 10).tonnes} t`);

// A snapshot is JSON-safe: store it, restore it, continue; the hash chain carries on.
const saved = JSON.parse(JSON.stringify(model.snapshot()));
const restored = EventSourcedModel.restore(saved, { decider: stockpile, policies: [reorder(40, 40, 4)] });
assert.equal(restored.hash(), model.hash());
