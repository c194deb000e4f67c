import { refinesFeed } from '../../world/base-year.ts';
import type { Stage } from '../../world/types.ts';
import { rampFactor } from '../economics.ts';
import type { PlantState } from '../state.ts';
import type { MonthContext } from './context.ts';

/** Monthly usable capacity of a plant: nameplate x ramp x (availability + headroom, at most 1). */
export function plantCapacity(ctx: MonthContext, p: PlantState): number {
  const ramp = rampFactor(ctx.m, p.startMonth, p.rampUpMonths, p.endMonth);
  if (ramp <= 0) return 0;
  return (p.capacityTonnesPerYear / 12) * ramp * Math.min(1, p.availability + ctx.world.parameters.plantHeadroom);
}

/** A country's monthly feed-consuming capacity. */
export interface Capacity {
  total: number;
  /** Capacity not in the base year (built or commissioned later): it attracts feed by size. */
  added: number;
  /** Capacity that takes only its own country's feed. */
  domesticOnly: number;
}

/** Feed-consuming capacity per processing country, in the order the plants list them. */
export function feedCapacities(ctx: MonthContext): Map<string, Capacity> {
  const out = new Map<string, Capacity>();
  for (const p of Object.values(ctx.s.plants)) {
    if (!refinesFeed(p.stage)) continue;
    const k = plantCapacity(ctx, p);
    if (k <= 0) continue;
    const c = out.get(p.country) ?? { total: 0, added: 0, domesticOnly: 0 };
    c.total += k;
    if (p.feedSources === 'domestic') c.domesticOnly += k;
    else if (p.added || p.startMonth > 0) c.added += k;
    out.set(p.country, c);
  }
  return out;
}

/** Concentrators upgrade ore to concentrate within a country. */
export function concentrate(ctx: MonthContext): void {
  const byCountry = new Map<string, { cap: number; rec: number; cost: number }>();
  for (const p of Object.values(ctx.s.plants)) {
    if (p.stage !== 'concentrator') continue;
    const k = plantCapacity(ctx, p);
    if (k <= 0) continue;
    const c = byCountry.get(p.country) ?? { cap: 0, rec: 0, cost: 0 };
    c.cap += k;
    c.rec += k * p.recovery;
    c.cost += k * p.operatingCostUsdPerTonne;
    byCountry.set(p.country, c);
  }
  for (const [country, c] of byCountry) {
    const oreIn = Math.min(ctx.s.ore[country] ?? 0, c.cap);
    if (oreIn <= 0) continue;
    const out = (oreIn * c.rec) / c.cap;
    ctx.emit({
      type: 'Processed',
      data: {
        concentrateIn: 0, concentrateOut: out, country, lossTonnes: oreIn - out, metalIn: 0, metalOut: 0,
        month: ctx.m, operatingCostUsd: (oreIn * c.cost) / c.cap, oreIn, oxideOut: 0, stage: 'concentrator',
      },
    });
  }
}

/** Smelters and roasters turn the feed in their country into metal and oxide; trioxide plants turn metal into oxide. */
export function refine(ctx: MonthContext): void {
  const groups = new Map<string, { country: string; stage: Stage; cap: number; rec: number; ox: number; cost: number }>();
  for (const p of Object.values(ctx.s.plants)) {
    if (p.stage === 'concentrator') continue;
    const k = plantCapacity(ctx, p);
    if (k <= 0) continue;
    const key = `${p.country}/${p.stage}`;
    const g = groups.get(key) ?? { country: p.country, stage: p.stage, cap: 0, rec: 0, ox: 0, cost: 0 };
    g.cap += k;
    g.rec += k * p.recovery;
    g.ox += k * p.oxideShare;
    g.cost += k * p.operatingCostUsdPerTonne;
    groups.set(key, g);
  }
  // Feed-consuming stages of one country share its feed by capacity; trioxide runs after them.
  const feedCap = new Map<string, number>();
  for (const g of groups.values()) if (refinesFeed(g.stage)) feedCap.set(g.country, (feedCap.get(g.country) ?? 0) + g.cap);
  const feedStock = new Map<string, { ore: number; conc: number }>();
  for (const c of feedCap.keys()) feedStock.set(c, { ore: Math.max(0, ctx.s.ore[c] ?? 0), conc: Math.max(0, ctx.s.concentrate[c] ?? 0) });
  const ordered = [...groups.values()].sort((a, b) => Number(a.stage === 'trioxide') - Number(b.stage === 'trioxide'));
  for (const g of ordered) {
    const recovery = g.rec / g.cap;
    const oxideShare = g.ox / g.cap;
    const cost = g.cost / g.cap;
    if (g.stage === 'trioxide') {
      const metalIn = Math.min(Math.max(0, ctx.s.metal[g.country] ?? 0), g.cap);
      if (metalIn <= 1e-12) continue;
      const out = metalIn * recovery;
      ctx.emit({
        type: 'Processed',
        data: {
          concentrateIn: 0, concentrateOut: 0, country: g.country, lossTonnes: metalIn - out, metalIn, metalOut: 0,
          month: ctx.m, operatingCostUsd: metalIn * cost, oreIn: 0, oxideOut: out, stage: g.stage,
        },
      });
      continue;
    }
    const stock = feedStock.get(g.country) ?? { ore: 0, conc: 0 };
    const share = g.cap / (feedCap.get(g.country) ?? g.cap);
    const available = (stock.ore + stock.conc) * share;
    const input = Math.min(available, g.cap);
    if (input <= 1e-12) continue;
    const oreIn = (input * stock.ore) / (stock.ore + stock.conc);
    const concentrateIn = input - oreIn;
    const out = input * recovery;
    ctx.emit({
      type: 'Processed',
      data: {
        concentrateIn, concentrateOut: 0, country: g.country, lossTonnes: input - out, metalIn: 0, metalOut: out * (1 - oxideShare),
        month: ctx.m, operatingCostUsd: input * cost, oreIn, oxideOut: out * oxideShare, stage: g.stage,
      },
    });
  }
}
