import type { World } from '../world/types.ts';
import { refinesFeed } from '../world/base-year.ts';
import type { MineState, PlantState, StockpileState, WorldState } from './state.ts';

/**
 * The state before month 0: base-year facilities at base utilisation, market stocks at
 * their target cover, prices at their initial (pre-run) level, empty pipelines.
 */
export function initialWorldState(world: World): WorldState {
  const zero: Record<string, number> = {};
  for (const c of world.countries) zero[c.iso3] = 0;
  const prices: Record<string, number> = {};
  const marketStock: Record<string, number> = {};
  for (const m of world.markets) {
    prices[m.id] = m.initialPriceUsdPerTonne;
    let monthly = 0;
    for (const b of world.buyers) if (b.market === m.id) monthly += b.demandTonnesPerYear / 12;
    // Stocks start at target cover; the initial price then moves toward the clearing price with inertia.
    marketStock[m.id] = monthly * m.stockTargetMonths;
  }
  const substitution: Record<string, number> = {};
  for (const b of world.buyers) substitution[b.id] = 1;
  const mines: Record<string, MineState> = {};
  for (const m of world.mines) {
    mines[m.id] = { ...m, utilization: 1, capacityFactor: 1 };
  }
  const plants: Record<string, PlantState> = {};
  for (const p of world.plants) {
    plants[p.id] = { ...p, availability: p.baseUtilization, added: false };
  }
  const stockpiles: Record<string, StockpileState> = {};
  const exportReference = baseExportReference(world);
  for (const s of world.stockpiles) stockpiles[s.country] = { tonnes: s.tonnes, orders: [] };
  return {
    month: 0,
    prices,
    expectedPrices: { ...prices },
    marketStock,
    substitution,
    ore: { ...zero },
    concentrate: { ...zero },
    metal: { ...zero },
    oxide: { ...zero },
    mines,
    plants,
    terminals: [],
    certifications: {},
    controls: [],
    tariffs: [],
    stockpiles,
    offtakes: [],
    shifts: [],
    regimes: [],
    disruptions: {},
    exportReference,
    indicators: {},
    applied: [],
  };
}

/**
 * Monthly base-year flows per `from>to` key (feed to countries, refined to markets other
 * than the origin's own), so export controls applied early have a pre-control reference.
 */
function baseExportReference(world: World): Record<string, number> {
  const feed = new Map<string, number>();
  for (const m of world.mines) if (m.startMonth <= 0) feed.set(m.country, (feed.get(m.country) ?? 0) + m.capacityTonnesPerYear);
  for (const c of world.countries) {
    const f = feed.get(c.iso3) ?? 0;
    if (c.informalImportShare > 0 && c.informalImportShare < 1) feed.set(c.iso3, f / (1 - c.informalImportShare));
  }
  const out: Record<string, number> = {};
  for (const r of world.feedRoutes) {
    if (r.from === r.to) continue;
    const t = ((feed.get(r.from) ?? 0) * r.baseShare) / 12;
    if (t > 1e-9) out[`${r.from}>${r.to}`] = t;
  }
  const refined = new Map<string, number>();
  for (const p of world.plants) {
    if (p.startMonth > 0 || !(refinesFeed(p.stage) || p.stage === 'trioxide')) continue;
    refined.set(p.country, (refined.get(p.country) ?? 0) + p.capacityTonnesPerYear * p.baseUtilization * p.recovery);
  }
  const home = new Map(world.countries.map((c) => [c.iso3, c.market]));
  for (const r of world.salesRoutes) {
    if (home.get(r.from) === r.to) continue;
    const t = ((refined.get(r.from) ?? 0) * r.baseShare) / 12;
    if (t > 1e-9) out[`${r.from}>${r.to}`] = t;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}
