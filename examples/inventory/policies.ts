import { exponential, poisson } from '@stibium/core';
import type { Policy, RandomStream } from '@stibium/core';
import type { WarehouseCommand, WarehouseEvent, WarehouseState } from './warehouse.ts';

type WarehousePolicy = Policy<WarehouseCommand, WarehouseEvent, WarehouseState>;

/** How customers arrive: a Poisson process, each asking for 1 + Poisson(extra) units. */
export interface DemandParams {
  readonly customersPerDay: number;
  readonly meanExtraUnits: number;
}

/**
 * The next customer's demand, drawn from two named streams. Every customer draws one
 * uniform for the gap and the size from its own stream, so both branches of a fork see
 * the same customers (common random numbers).
 */
export function nextDemand(rng: (name: string) => RandomStream, demand: DemandParams): { delay: number; quantity: number } {
  return {
    delay: exponential(rng('demand.interarrival'), demand.customersPerDay),
    quantity: 1 + poisson(rng('demand.size'), demand.meanExtraUnits),
  };
}

/** Customers keep coming: each received demand schedules the next customer. */
export function customers(demand: DemandParams): WarehousePolicy {
  return {
    name: 'customers',
    react(event, _state, context) {
      if (event.type !== 'DemandReceived') return [];
      const next = nextDemand((name) => context.rng(name), demand);
      return [{ command: { type: 'DemandArrives', data: { quantity: next.quantity } }, delay: next.delay }];
    },
  };
}

/** The supplier delivers each order after its lead time. */
export const supplier: WarehousePolicy = {
  name: 'supplier',
  react(recorded) {
    // RecordedEvent<E> keeps type and data apart, so narrow on the domain event itself.
    const event = { type: recorded.type, data: recorded.data } as WarehouseEvent;
    if (event.type !== 'OrderPlaced') return [];
    const { orderId, quantity, leadTime } = event.data;
    return [{ command: { type: 'ShipmentArrives', data: { orderId, quantity } }, delay: leadTime }];
  },
};

/** An (s, S) reorder policy: when stock on hand plus on order falls to s, order up to S. */
export interface ReorderParams {
  readonly reorderPoint: number;
  readonly orderUpTo: number;
}

/** Reacts to every sale or lost sale with an order command when the position is at or below s. */
export function reorder({ reorderPoint, orderUpTo }: ReorderParams): WarehousePolicy {
  return {
    name: `reorder(s=${reorderPoint}, S=${orderUpTo})`,
    react(event, state) {
      if (event.type !== 'DemandServed' && event.type !== 'DemandLost') return [];
      if (state.stock + state.onOrder > reorderPoint) return [];
      return [{ command: { type: 'PlaceOrder', data: { reorderPoint, orderUpTo } } }];
    },
  };
}
