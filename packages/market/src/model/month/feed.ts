import { refinesFeed } from '../../world/base-year.ts';
import type { Stage } from '../../world/types.ts';
import { rampFactor } from '../economics.ts';
import type { PlantState } from '../state.ts';
import type { MonthContext } from './context.ts';
import { CountryTally } from './country-tally.ts';
import type { Destinations } from './feed-tables.ts';
import { growF64 } from './grow.ts';
import { PlantGroups } from './plant-groups.ts';

/** Monthly usable capacity of a plant: nameplate x ramp x (availability + headroom, at most 1). */
export function plantCapacity(ctx: MonthContext, p: PlantState): number {
  const ramp = rampFactor(ctx.m, p.startMonth, p.rampUpMonths, p.endMonth);
  if (ramp <= 0) return 0;
  return (p.capacityTonnesPerYear / 12) * ramp * Math.min(1, p.availability + ctx.world.parameters.plantHeadroom);
}

/** Adds each processing country's feed-consuming capacity to `dest`, in the order the plants list them. */
export function feedCapacities(ctx: MonthContext, dest: Destinations): void {
  dest.reset();
  for (const id in ctx.s.plants) {
    const p = ctx.s.plants[id] as PlantState;
    if (!refinesFeed(p.stage)) continue;
    const k = plantCapacity(ctx, p);
    if (k <= 0) continue;
    dest.addCapacity(p.country, k, p.feedSources === 'domestic' ? 'domesticOnly' : p.added || p.startMonth > 0 ? 'added' : 'base');
  }
}

// Each step's plant groups, refilled every month (see plant-groups.ts).
const concentrators = new PlantGroups();
const refiners = new PlantGroups();

/** Concentrators upgrade ore to concentrate within a country. */
export function concentrate(ctx: MonthContext): void {
  const g = concentrators;
  g.reset();
  for (const id in ctx.s.plants) {
    const p = ctx.s.plants[id] as PlantState;
    if (p.stage !== 'concentrator') continue;
    const k = plantCapacity(ctx, p);
    if (k <= 0) continue;
    g.add(p.country, p.stage, k, p.recovery, p.oxideShare, p.operatingCostUsdPerTonne);
  }
  for (let i = 0; i < g.count; i++) {
    const country = g.country[i] as string;
    const cap = g.cap[i] as number;
    const oreIn = Math.min(ctx.s.ore[country] ?? 0, cap);
    if (oreIn <= 0) continue;
    const out = (oreIn * (g.rec[i] as number)) / cap;
    ctx.emit({
      type: 'Processed',
      data: {
        concentrateIn: 0, concentrateOut: out, country, lossTonnes: oreIn - out, metalIn: 0, metalOut: 0,
        month: ctx.m, operatingCostUsd: (oreIn * (g.cost[i] as number)) / cap, oreIn, oxideOut: 0, stage: 'concentrator',
      },
    });
  }
}

/** Per refiner group: its country's feed-consuming capacity and its feed before refining (the stages share it by capacity). */
const countryFeed = { cap: new Float64Array(16), ore: new Float64Array(16), conc: new Float64Array(16) };

/** Feed-consuming capacity per country this month. */
const countryCaps = new CountryTally();

function snapshotCountryFeed(ctx: MonthContext, g: PlantGroups): void {
  countryFeed.cap = growF64(countryFeed.cap, g.count);
  countryFeed.ore = growF64(countryFeed.ore, g.count);
  countryFeed.conc = growF64(countryFeed.conc, g.count);
  // Each country's feed-consuming capacity, summed from zero in group order (the order a
  // scan of the groups per group met them, so the sums are the same) in one pass.
  countryCaps.reset();
  for (let j = 0; j < g.count; j++) {
    if (!refinesFeed(g.stage[j] as Stage)) continue;
    const k = countryCaps.slot(g.country[j] as string);
    countryCaps.values[k] = (countryCaps.values[k] as number) + (g.cap[j] as number);
  }
  for (let i = 0; i < g.count; i++) {
    if (!refinesFeed(g.stage[i] as Stage)) continue;
    const country = g.country[i] as string;
    countryFeed.cap[i] = countryCaps.values[countryCaps.slot(country)] as number;
    countryFeed.ore[i] = Math.max(0, ctx.s.ore[country] ?? 0);
    countryFeed.conc[i] = Math.max(0, ctx.s.concentrate[country] ?? 0);
  }
}

/** Smelters and roasters turn the feed in their country into metal and oxide; trioxide plants turn metal into oxide. */
export function refine(ctx: MonthContext): void {
  const g = refiners;
  g.reset();
  for (const id in ctx.s.plants) {
    const p = ctx.s.plants[id] as PlantState;
    if (p.stage === 'concentrator') continue;
    const k = plantCapacity(ctx, p);
    if (k <= 0) continue;
    g.add(p.country, p.stage, k, p.recovery, p.oxideShare, p.operatingCostUsdPerTonne);
  }
  // Feed-consuming stages of one country share its feed by capacity; trioxide runs after them, on their metal.
  snapshotCountryFeed(ctx, g);
  for (let i = 0; i < g.count; i++) if (g.stage[i] !== 'trioxide') refineFeed(ctx, g, i);
  for (let i = 0; i < g.count; i++) if (g.stage[i] === 'trioxide') oxidiseMetal(ctx, g, i);
}

function refineFeed(ctx: MonthContext, g: PlantGroups, i: number): void {
  const country = g.country[i] as string;
  const cap = g.cap[i] as number;
  const recovery = (g.rec[i] as number) / cap;
  const oxideShare = (g.ox[i] as number) / cap;
  const cost = (g.cost[i] as number) / cap;
  const ore = countryFeed.ore[i] as number;
  const conc = countryFeed.conc[i] as number;
  const share = cap / (countryFeed.cap[i] as number);
  const available = (ore + conc) * share;
  const input = Math.min(available, cap);
  if (input <= 1e-12) return;
  const oreIn = (input * ore) / (ore + conc);
  const concentrateIn = input - oreIn;
  const out = input * recovery;
  ctx.emit({
    type: 'Processed',
    data: {
      concentrateIn, concentrateOut: 0, country, lossTonnes: input - out, metalIn: 0, metalOut: out * (1 - oxideShare),
      month: ctx.m, operatingCostUsd: input * cost, oreIn, oxideOut: out * oxideShare, stage: g.stage[i] as Stage,
    },
  });
}

function oxidiseMetal(ctx: MonthContext, g: PlantGroups, i: number): void {
  const country = g.country[i] as string;
  const cap = g.cap[i] as number;
  const recovery = (g.rec[i] as number) / cap;
  const cost = (g.cost[i] as number) / cap;
  const metalIn = Math.min(Math.max(0, ctx.s.metal[country] ?? 0), cap);
  if (metalIn <= 1e-12) return;
  const out = metalIn * recovery;
  ctx.emit({
    type: 'Processed',
    data: {
      concentrateIn: 0, concentrateOut: 0, country, lossTonnes: metalIn - out, metalIn, metalOut: 0,
      month: ctx.m, operatingCostUsd: metalIn * cost, oreIn: 0, oxideOut: out, stage: 'trioxide',
    },
  });
}
