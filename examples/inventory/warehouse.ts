import { triangular } from '@stibium/core';
import type { Command, Decider, DomainEvent } from '@stibium/core';

/** Commands the warehouse accepts: a customer's demand, a replenishment order, a delivery. */
export type WarehouseCommand =
  | Command<'DemandArrives', { readonly quantity: number }>
  | Command<'PlaceOrder', { readonly reorderPoint: number; readonly orderUpTo: number }>
  | Command<'ShipmentArrives', { readonly orderId: number; readonly quantity: number }>;

/** What happened at the warehouse (past tense; unmet demand is an event, not an error). */
export type WarehouseEvent =
  | DomainEvent<'DemandReceived', { readonly customer: number; readonly quantity: number }>
  | DomainEvent<'DemandServed', { readonly customer: number; readonly quantity: number }>
  | DomainEvent<'DemandLost', { readonly customer: number; readonly quantity: number }>
  | DomainEvent<'OrderPlaced', { readonly orderId: number; readonly quantity: number; readonly leadTime: number }>
  | DomainEvent<'ShipmentArrived', { readonly orderId: number; readonly quantity: number }>;

/** The warehouse's state: stock on hand, stock on order, and running totals. */
export interface WarehouseState {
  readonly stock: number;
  readonly onOrder: number;
  readonly customers: number;
  readonly orders: number;
  readonly unitsServed: number;
  readonly unitsLost: number;
}

/** Supplier lead time in days: triangular(min, mode, max). */
export const LEAD_TIME = { min: 2, mode: 4, max: 9 } as const;

/**
 * The warehouse decider: serves what stock allows and records the rest as lost sales;
 * orders up to the target when the inventory position is at or below the reorder point
 * (checked again here, so duplicate order commands are harmless).
 */
export function warehouseDecider(initialStock: number): Decider<WarehouseCommand, WarehouseEvent, WarehouseState> {
  return {
    initialState: () => ({ stock: initialStock, onOrder: 0, customers: 0, orders: 0, unitsServed: 0, unitsLost: 0 }),
    decide(command, state, context) {
      switch (command.type) {
        case 'DemandArrives': {
          const customer = state.customers;
          const served = Math.min(state.stock, command.data.quantity);
          const lost = command.data.quantity - served;
          const events: WarehouseEvent[] = [{ type: 'DemandReceived', data: { customer, quantity: command.data.quantity } }];
          if (served > 0) events.push({ type: 'DemandServed', data: { customer, quantity: served } });
          if (lost > 0) events.push({ type: 'DemandLost', data: { customer, quantity: lost } });
          return events;
        }
        case 'PlaceOrder': {
          const position = state.stock + state.onOrder;
          if (position > command.data.reorderPoint) return [];
          const leadTime = triangular(context.rng('supplier.leadTime'), LEAD_TIME.min, LEAD_TIME.mode, LEAD_TIME.max);
          return [{ type: 'OrderPlaced', data: { orderId: state.orders, quantity: command.data.orderUpTo - position, leadTime } }];
        }
        case 'ShipmentArrives':
          return [{ type: 'ShipmentArrived', data: command.data }];
        default: {
          const never: never = command;
          throw new Error(`unknown command ${JSON.stringify(never)}`);
        }
      }
    },
    evolve(state, event) {
      switch (event.type) {
        case 'DemandReceived':
          return { ...state, customers: state.customers + 1 };
        case 'DemandServed':
          return { ...state, stock: state.stock - event.data.quantity, unitsServed: state.unitsServed + event.data.quantity };
        case 'DemandLost':
          return { ...state, unitsLost: state.unitsLost + event.data.quantity };
        case 'OrderPlaced':
          return { ...state, onOrder: state.onOrder + event.data.quantity, orders: state.orders + 1 };
        case 'ShipmentArrived':
          return { ...state, stock: state.stock + event.data.quantity, onOrder: state.onOrder - event.data.quantity };
        default: {
          const never: never = event;
          throw new Error(`unknown event ${JSON.stringify(never)}`);
        }
      }
    },
  };
}
