import type { Projection, RecordedEvent } from '@stibium/core';
import type { WarehouseEvent } from './warehouse.ts';

/** The service read model: demand met and lost, stock-days for the time-weighted average. */
export interface ServiceModel {
  readonly unitsRequested: number;
  readonly unitsServed: number;
  readonly unitsLost: number;
  readonly stockouts: number;
  readonly ordersPlaced: number;
  readonly stock: number;
  /** Integral of stock on hand over time, up to `lastTime`. */
  readonly stockDays: number;
  readonly lastTime: number;
}

/**
 * Folds warehouse events into service figures. It works the same live (over `recorded$`)
 * and over a stored log, which is what the example checks.
 */
export function serviceProjection(initialStock: number, startTime = 0): Projection<WarehouseEvent, ServiceModel> {
  return {
    name: 'service',
    init: () => ({ unitsRequested: 0, unitsServed: 0, unitsLost: 0, stockouts: 0, ordersPlaced: 0, stock: initialStock, stockDays: 0, lastTime: startTime }),
    apply(model, recorded: RecordedEvent<WarehouseEvent>) {
      const m = { ...model, stockDays: model.stockDays + model.stock * (recorded.time - model.lastTime), lastTime: recorded.time };
      // RecordedEvent<E> keeps type and data apart, so narrow on the domain event itself.
      const event = { type: recorded.type, data: recorded.data } as WarehouseEvent;
      switch (event.type) {
        case 'DemandReceived':
          return { ...m, unitsRequested: m.unitsRequested + event.data.quantity };
        case 'DemandServed':
          return { ...m, unitsServed: m.unitsServed + event.data.quantity, stock: m.stock - event.data.quantity };
        case 'DemandLost':
          return { ...m, unitsLost: m.unitsLost + event.data.quantity, stockouts: m.stockouts + 1 };
        case 'OrderPlaced':
          return { ...m, ordersPlaced: m.ordersPlaced + 1 };
        case 'ShipmentArrived':
          return { ...m, stock: m.stock + event.data.quantity };
        default:
          return m;
      }
    },
  };
}

/** Service level (fill rate) and time-weighted average stock over [startTime, until]. */
export function serviceSummary(model: ServiceModel, until: number, startTime = 0): { fillRate: number; averageStock: number; stockouts: number; ordersPlaced: number } {
  const stockDays = model.stockDays + model.stock * (until - model.lastTime);
  return {
    fillRate: model.unitsRequested === 0 ? 1 : model.unitsServed / model.unitsRequested,
    averageStock: until > startTime ? stockDays / (until - startTime) : model.stock,
    stockouts: model.stockouts,
    ordersPlaced: model.ordersPlaced,
  };
}
