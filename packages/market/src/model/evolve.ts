import type { WorldEvent } from './events.ts';
import { interventionToState } from './intervention-state.ts';
import { copyMap, copyState, MAPS, withAvailability, withUtilization, type Draft, type MapKey } from './draft.ts';
import type { WorldState } from './state.ts';

/** Which maps each event type writes, so evolve copies only those. */
const TOUCHES: Readonly<Record<WorldEvent['type'], readonly MapKey[]>> = {
  InterventionApplied: ['plants', 'stockpiles'],
  InterventionRejected: [],
  Disrupted: ['disruptions'],
  UtilizationAdjusted: ['mines', 'plants'],
  MineProduced: ['ore', 'concentrate'],
  InformalInflow: ['ore', 'concentrate'],
  Processed: ['ore', 'concentrate', 'metal', 'oxide'],
  FeedShipped: ['ore', 'concentrate'],
  Shipped: ['metal', 'oxide', 'marketStock'],
  ExportLicenceDelayed: [],
  SecondarySupplied: ['marketStock'],
  MarketPurchased: ['marketStock', 'metal'],
  StockpileChanged: ['stockpiles', 'marketStock'],
  MarketCleared: ['prices', 'expectedPrices', 'marketStock', 'substitution'],
  MonthCleared: [],
};

const ORE: readonly MapKey[] = ['ore'];
const CONCENTRATE: readonly MapKey[] = ['concentrate'];

/** The maps `event` writes: feed moves touch only the map of their form (most events are feed moves). */
function touchedBy(event: WorldEvent): readonly MapKey[] {
  switch (event.type) {
    case 'MineProduced':
    case 'InformalInflow':
    case 'FeedShipped':
      return event.data.form === 'ore' ? ORE : CONCENTRATE;
    default:
      return TOUCHES[event.type];
  }
}

/** Events that record facts without changing the state. */
const NO_OP: ReadonlySet<WorldEvent['type']> = new Set(['InterventionRejected', 'ExportLicenceDelayed']);

/** A draft that owns copies of every map of `state` (decide works on one per month). */
export function draftOf(state: WorldState): Draft {
  const d = copyState(state);
  for (const key of MAPS) (d as Record<MapKey, unknown>)[key] = copyMap[key](state);
  return d;
}

/** Folds one event into a state, copy-on-write: the input state is never changed. */
export function evolveWorld(state: WorldState, event: WorldEvent): WorldState {
  if (NO_OP.has(event.type)) return state;
  const d = copyState(state);
  for (const key of touchedBy(event)) (d as Record<MapKey, unknown>)[key] = copyMap[key](state);
  applyInPlace(d, event);
  return d;
}

const addTo = (map: Record<string, number>, key: string, delta: number): void => {
  map[key] = (map[key] ?? 0) + delta;
};

/** Applies `event` to a draft whose touched maps the caller owns. Nested objects are replaced, never mutated. */
export function applyInPlace(s: Draft, event: WorldEvent): void {
  switch (event.type) {
    case 'InterventionApplied':
      interventionToState(s, event.data);
      return;
    case 'InterventionRejected':
    case 'ExportLicenceDelayed':
      return;
    case 'Disrupted':
      s.disruptions[event.data.country] = { severity: event.data.severity, untilMonth: event.data.untilMonth };
      return;
    case 'UtilizationAdjusted': {
      const mines = event.data.mines;
      for (const id in mines) {
        const m = s.mines[id];
        const [utilization, capacityFactor] = mines[id] as readonly [number, number];
        if (m) s.mines[id] = withUtilization(m, utilization, capacityFactor);
      }
      const plants = event.data.plants;
      for (const id in plants) {
        const p = s.plants[id];
        if (p) s.plants[id] = withAvailability(p, plants[id] as number);
      }
      return;
    }
    case 'MineProduced':
    case 'InformalInflow':
      addTo(event.data.form === 'ore' ? s.ore : s.concentrate, event.data.country, event.data.tonnes);
      return;
    case 'Processed': {
      const d = event.data;
      addTo(s.ore, d.country, -d.oreIn);
      addTo(s.concentrate, d.country, d.concentrateOut - d.concentrateIn);
      addTo(s.metal, d.country, d.metalOut - d.metalIn);
      addTo(s.oxide, d.country, d.oxideOut);
      return;
    }
    case 'FeedShipped': {
      const d = event.data;
      const map = d.form === 'ore' ? s.ore : s.concentrate;
      addTo(map, d.from, -d.tonnes);
      addTo(map, d.to, d.tonnes);
      return;
    }
    case 'Shipped': {
      const d = event.data;
      addTo(s.metal, d.from, -d.metal);
      addTo(s.oxide, d.from, -d.oxide);
      addTo(s.marketStock, d.market, d.metal + d.oxide);
      return;
    }
    case 'SecondarySupplied':
      addTo(s.marketStock, event.data.market, event.data.tonnes);
      return;
    case 'MarketPurchased':
      addTo(s.marketStock, event.data.market, -event.data.tonnes);
      addTo(s.metal, event.data.country, event.data.tonnes);
      return;
    case 'StockpileChanged': {
      const d = event.data;
      addTo(s.marketStock, d.market, -d.tonnes);
      const sp = s.stockpiles[d.country] ?? { tonnes: 0, orders: [] };
      const orders = sp.orders
        .map((o) => (o.id === d.orderId ? { ...o, remaining: Math.max(0, o.remaining - Math.abs(d.tonnes)) } : o))
        .filter((o) => o.remaining > 1e-9);
      s.stockpiles[d.country] = { tonnes: sp.tonnes + d.tonnes, orders };
      return;
    }
    case 'MarketCleared': {
      const d = event.data;
      s.prices[d.market] = d.priceUsdPerTonne;
      s.expectedPrices[d.market] = d.expectedPriceUsdPerTonne;
      s.marketStock[d.market] = d.stockEnd;
      const substitution = d.substitution;
      for (const id in substitution) s.substitution[id] = substitution[id] as number;
      return;
    }
    case 'MonthCleared': {
      const d = event.data;
      s.month = d.month + 1;
      s.exportReference = d.exportReference;
      const indicators: Record<string, readonly number[]> = { ...s.indicators };
      for (const id in d.indicators) {
        const prev = indicators[id] ?? [];
        const next = prev.slice(prev.length >= 36 ? prev.length - 35 : 0);
        next.push(d.indicators[id] as number);
        indicators[id] = next;
      }
      s.indicators = indicators;
      return;
    }
    default: {
      const never: never = event;
      return never;
    }
  }
}
