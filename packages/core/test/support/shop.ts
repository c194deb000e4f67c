import { EventSourcedModel, exponential, poisson, uniform } from '../../src/index.ts';
import type { Command, Decider, DomainEvent, ModelDefinition, Policy } from '../../src/index.ts';

// A small stochastic event-sourced model for the property tests: customers arrive at
// whole-day times (so ties with restocking happen), buy if stock allows, and a restock
// policy orders more. Three named streams, policies with delays and priorities.

/** Commands of the test shop. */
export type ShopCommand = Command<'Arrive', Record<string, never>> | Command<'Restock', { readonly amount: number }>;

/** Events of the test shop. */
export type ShopEvent =
  | DomainEvent<'Arrived', { readonly id: number; readonly want: number }>
  | DomainEvent<'Sold', { readonly id: number; readonly quantity: number }>
  | DomainEvent<'TurnedAway', { readonly id: number }>
  | DomainEvent<'Restocked', { readonly amount: number }>;

/** State of the test shop. */
export interface ShopState {
  readonly stock: number;
  readonly customers: number;
  readonly sold: number;
  readonly turnedAway: number;
  readonly restocks: number;
}

/** The shop's decider. */
export const shopDecider: Decider<ShopCommand, ShopEvent, ShopState> = {
  initialState: () => ({ stock: 5, customers: 0, sold: 0, turnedAway: 0, restocks: 0 }),
  decide(command, state, context) {
    switch (command.type) {
      case 'Arrive': {
        const id = state.customers;
        const want = 1 + poisson(context.rng('want'), 1);
        const outcome: ShopEvent = state.stock >= want ? { type: 'Sold', data: { id, quantity: want } } : { type: 'TurnedAway', data: { id } };
        return [{ type: 'Arrived', data: { id, want } }, outcome];
      }
      case 'Restock':
        return [{ type: 'Restocked', data: { amount: command.data.amount } }];
      default: {
        const never: never = command;
        throw new Error(`unknown command ${JSON.stringify(never)}`);
      }
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'Arrived':
        return { ...state, customers: state.customers + 1 };
      case 'Sold':
        return { ...state, stock: state.stock - event.data.quantity, sold: state.sold + event.data.quantity };
      case 'TurnedAway':
        return { ...state, turnedAway: state.turnedAway + 1 };
      case 'Restocked':
        return { ...state, stock: state.stock + event.data.amount, restocks: state.restocks + 1 };
      default: {
        const never: never = event;
        throw new Error(`unknown event ${JSON.stringify(never)}`);
      }
    }
  },
};

/** Customers keep coming: each arrival schedules the next one a whole number of days later. */
export const arrivals: Policy<ShopCommand, ShopEvent, ShopState> = {
  name: 'arrivals',
  react(event, _state, context) {
    if (event.type !== 'Arrived') return [];
    return [{ command: { type: 'Arrive', data: {} }, delay: Math.ceil(exponential(context.rng('arrivals'), 1.5)) }];
  },
};

/** Orders `amount` (plus noise) after a random lead time when stock falls to `reorderAt`. */
export function restock(reorderAt: number, amount: number): Policy<ShopCommand, ShopEvent, ShopState> {
  return {
    name: `restock(${reorderAt},${amount})`,
    react(event, state, context) {
      if (event.type !== 'Sold' || state.stock > reorderAt) return [];
      const lead = Math.round(uniform(context.rng('lead'), 0, 3));
      return [{ command: { type: 'Restock', data: { amount: amount + poisson(context.rng('lead'), 2) } }, delay: lead, priority: -1 }];
    },
  };
}

/** The shop with the default restock policy. */
export const shopDefinition: ModelDefinition<ShopCommand, ShopEvent, ShopState> = {
  decider: shopDecider,
  policies: [arrivals, restock(2, 8)],
};

/** A new shop model with its first customer dispatched at time 0. */
export function createShop(seed: string | number, definition = shopDefinition): EventSourcedModel<ShopCommand, ShopEvent, ShopState> {
  const model = EventSourcedModel.create(definition, { seed });
  model.dispatch({ type: 'Arrive', data: {} });
  return model;
}
