import { EventSourcedModel } from '@stibium/core';
import type { ModelDefinition } from '@stibium/core';
import { customers, nextDemand, reorder, supplier, type DemandParams, type ReorderParams } from './policies.ts';
import { warehouseDecider, type WarehouseCommand, type WarehouseEvent, type WarehouseState } from './warehouse.ts';

/** Parameters of the inventory model. */
export interface InventoryParams {
  readonly initialStock: number;
  readonly demand: DemandParams;
  readonly reorder: ReorderParams;
}

/** The example's defaults: ~3 units a day, lead time 2-9 days, (s, S) = (10, 40). */
export const DEFAULT_PARAMS: InventoryParams = {
  initialStock: 30,
  demand: { customersPerDay: 2, meanExtraUnits: 0.5 },
  reorder: { reorderPoint: 10, orderUpTo: 40 },
};

/** The inventory model of the warehouse decider; forks swap the reorder policy. */
export type InventoryModel = EventSourcedModel<WarehouseCommand, WarehouseEvent, WarehouseState>;

/** The decider plus the customer, supplier and (s, S) reorder policies. */
export function inventoryDefinition(params: InventoryParams): ModelDefinition<WarehouseCommand, WarehouseEvent, WarehouseState> {
  return {
    decider: warehouseDecider(params.initialStock),
    policies: [customers(params.demand), supplier, reorder(params.reorder)],
  };
}

/** A new inventory model with its first customer scheduled. */
export function createInventory(seed: string | number, params: InventoryParams = DEFAULT_PARAMS): InventoryModel {
  const model = EventSourcedModel.create(inventoryDefinition(params), { seed });
  const first = nextDemand((name) => model.sim.rng(name), params.demand);
  model.dispatch({ type: 'DemandArrives', data: { quantity: first.quantity } }, { delay: first.delay });
  return model;
}
