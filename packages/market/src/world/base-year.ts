import { StibiumError } from '@stibium/core';
import type { SegmentEntry } from './file.ts';
import type { BuyerSpec, FeedRouteSpec, PlantSpec, SalesRouteSpec, World } from './types.ts';

/** True for stages that consume feed (ore or concentrate) and make refined product. */
export function refinesFeed(stage: PlantSpec['stage']): boolean {
  return stage === 'smelter' || stage === 'roaster';
}

function add(map: Map<string, number>, key: string, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

/**
 * Derives the base-year balance from the data: each origin's full feed-route shares
 * (own use first, listed routes, remainder to the commodity's main refiner), plants'
 * base utilisation, China's US share (closing the US balance on USGS consumption) and
 * buyers' demand at reference prices. Month 0 at reference prices reproduces these flows.
 */
export function deriveBaseYear(world: World, segments: readonly SegmentEntry[], usConsumptionTonnes: number): World {
  const hub = world.markets.find((m) => m.id === 'chinaDomestic')?.hub ?? world.countries[0]?.iso3 ?? '';
  const active = (start: number): boolean => start <= 0;
  const feed = new Map<string, number>();
  for (const m of world.mines) if (active(m.startMonth)) add(feed, m.country, m.capacityTonnesPerYear);
  for (const c of world.countries) {
    const f = feed.get(c.iso3) ?? 0;
    if (c.informalImportShare > 0 && f > 0) add(feed, c.iso3, (f * c.informalImportShare) / (1 - c.informalImportShare));
  }
  const basePlants = world.plants.filter((p) => active(p.startMonth) && refinesFeed(p.stage));
  const ownCapacity = new Map<string, number>();
  const capacity = new Map<string, number>();
  for (const p of basePlants) {
    add(ownCapacity, p.country, p.capacityTonnesPerYear * p.baseUtilization);
    add(capacity, p.country, p.capacityTonnesPerYear);
  }
  // Feed routes: own use, listed shares of the exportable rest, remainder to the hub.
  const routes: FeedRouteSpec[] = [];
  const throughput = new Map<string, number>();
  for (const [country, f] of [...feed.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (f <= 0) continue;
    const own = Math.min(f, ownCapacity.get(country) ?? 0);
    const exportable = f - own;
    const listed = world.feedRoutes.filter((r) => r.from === country && r.to !== country);
    const listedShare = listed.reduce((s, r) => s + r.baseShare, 0);
    if (listedShare > 1 + 1e-9) throw new StibiumError('INVALID_ARGUMENT', `feed routes from ${country} share more than 1`);
    const shares = new Map<string, { share: number; freight: number }>();
    if (own > 0) shares.set(country, { share: own / f, freight: 0 });
    for (const r of listed) shares.set(r.to, { share: (r.baseShare * exportable) / f, freight: r.freightUsdPerTonne });
    const rest = ((1 - listedShare) * exportable) / f;
    if (rest > 1e-12) {
      const prev = shares.get(hub);
      shares.set(hub, { share: (prev?.share ?? 0) + rest, freight: prev?.freight ?? world.parameters.defaultFeedFreightUsdPerTonne });
    }
    for (const [to, { share, freight }] of shares) {
      routes.push({ from: country, to, baseShare: share, freightUsdPerTonne: freight });
      add(throughput, to, share * f);
    }
  }
  // Base utilisation of feed-consuming plants follows from the throughput each country receives.
  const plants: PlantSpec[] = world.plants.map((p) => {
    if (!active(p.startMonth) || !refinesFeed(p.stage)) return p;
    const cap = capacity.get(p.country) ?? 0;
    const util = (throughput.get(p.country) ?? 0) / cap;
    if (util > 1 + 1e-9) {
      throw new StibiumError('INVALID_ARGUMENT', `base-year feed to ${p.country} (${throughput.get(p.country)} t) exceeds its plant capacity (${cap} t)`);
    }
    return { ...p, baseUtilization: util };
  });
  for (const [to, t] of throughput) {
    if (t > 0 && !capacity.has(to)) throw new StibiumError('INVALID_ARGUMENT', `feed is routed to ${to}, which has no smelter or roaster`);
  }
  // Refined output by country in the base year, and converters' metal purchases.
  const refined = new Map<string, number>();
  const converterBuy = new Map<string, number>();
  for (const p of plants) {
    if (!active(p.startMonth)) continue;
    if (refinesFeed(p.stage)) add(refined, p.country, p.capacityTonnesPerYear * p.baseUtilization * p.recovery);
    if (p.stage === 'trioxide') {
      const t = p.capacityTonnesPerYear * p.baseUtilization;
      add(refined, p.country, t * p.recovery);
      const market = world.countries.find((c) => c.iso3 === p.country)?.market ?? 'exChina';
      add(converterBuy, market, t);
    }
  }
  const salesRoutes = closeUsBalance(world, refined, usConsumptionTonnes, hub);
  const inflow = new Map<string, number>();
  for (const r of salesRoutes) add(inflow, r.to, (refined.get(r.from) ?? 0) * r.baseShare);
  for (const c of world.countries) if (c.secondaryTonnesPerYear > 0) add(inflow, c.market, c.secondaryTonnesPerYear);
  const buyers: BuyerSpec[] = [];
  for (const s of segments) {
    const demand = (inflow.get(s.market) ?? 0) - (converterBuy.get(s.market) ?? 0);
    buyers.push({
      id: `${s.market}:${s.segment}`,
      market: s.market,
      segment: s.segment,
      demandTonnesPerYear: Math.max(0, demand) * s.share,
      elasticityShortRun: s.elasticityShortRun,
      elasticityLongRun: s.elasticityLongRun,
      adjustmentYears: s.adjustmentYears,
      growthPerYear: s.growthPerYear,
    });
  }
  return { ...world, plants, feedRoutes: routes, salesRoutes, buyers };
}

/** Sets the hub's share to the US so that base-year US supply equals USGS consumption. */
function closeUsBalance(world: World, refined: Map<string, number>, usConsumption: number, hub: string): SalesRouteSpec[] {
  const us = world.countries.find((c) => c.iso3 === 'USA');
  const hubUs = world.salesRoutes.find((r) => r.from === hub && r.to === 'us');
  const hubEx = world.salesRoutes.find((r) => r.from === hub && r.to === 'exChina');
  const hubOut = refined.get(hub) ?? 0;
  if (us === undefined || hubUs === undefined || hubEx === undefined || hubOut <= 0) return [...world.salesRoutes];
  let others = us.secondaryTonnesPerYear;
  for (const r of world.salesRoutes) if (r.to === 'us' && r.from !== hub) others += (refined.get(r.from) ?? 0) * r.baseShare;
  const share = (usConsumption - others) / hubOut;
  const pool = hubUs.baseShare + hubEx.baseShare;
  if (share < 0 || share > pool) {
    throw new StibiumError('INVALID_ARGUMENT', `cannot close the US balance: ${hub} would need a US share of ${share.toFixed(3)}`);
  }
  return world.salesRoutes.map((r) =>
    r === hubUs ? { ...r, baseShare: share } : r === hubEx ? { ...r, baseShare: pool - share } : r,
  );
}
