import { refinesFeed } from '../../world/base-year.ts';
import type { FeedForm, Stage } from '../../world/types.ts';
import { exportLimit } from '../controls.ts';
import { certification, feedTerms, marketOf, payable, provenanceFactor, rampFactor, routeCost, tariffRate } from '../economics.ts';
import type { PlantState } from '../state.ts';
import type { MonthContext } from './context.ts';

/** Monthly usable capacity of a plant: nameplate x ramp x (availability + headroom, at most 1). */
export function plantCapacity(ctx: MonthContext, p: PlantState): number {
  const ramp = rampFactor(ctx.m, p.startMonth, p.rampUpMonths, p.endMonth);
  if (ramp <= 0) return 0;
  return (p.capacityTonnesPerYear / 12) * ramp * Math.min(1, p.availability + ctx.world.parameters.plantHeadroom);
}

interface Capacity {
  total: number;
  /** Capacity not in the base year (built or commissioned later): it attracts feed by size. */
  added: number;
  /** Capacity that takes only its own country's feed. */
  domesticOnly: number;
}

function feedCapacities(ctx: MonthContext): Map<string, Capacity> {
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
        month: ctx.m, country, stage: 'concentrator', oreIn, concentrateIn: 0, metalIn: 0,
        concentrateOut: out, metalOut: 0, oxideOut: 0, lossTonnes: oreIn - out, operatingCostUsd: (oreIn * c.cost) / c.cap,
      },
    });
  }
}

interface Offer {
  to: string;
  weight: number;
  cap: number;
  freight: number;
  measure: string;
}

/**
 * Feed trade: each origin offers its feed stock across destinations in proportion to
 * base share (or, for capacity added later, its size) x (netback / reference netback)^theta,
 * within export limits. Domestic plants take their share first; then all origins' foreign
 * offers meet each destination's free capacity together, rationed proportionally; what is
 * refused is re-offered where there is room (three rounds) and otherwise stays in stock.
 */
export function allocateFeed(ctx: MonthContext): void {
  const { world, s, m, prices } = ctx;
  const theta = world.parameters.tradeElasticity;
  const caps = feedCapacities(ctx);
  const free = new Map<string, number>();
  for (const [c, k] of caps) free.set(c, k.total);
  const ref: Record<string, number> = {};
  for (const mk of world.markets) ref[mk.id] = mk.referencePriceUsdPerTonne;
  let worldFeed = 0;
  for (const v of Object.values(s.ore)) worldFeed += Math.max(0, v);
  for (const v of Object.values(s.concentrate)) worldFeed += Math.max(0, v);
  // Only feed held before this month's trade is offered, so imports are not re-exported.
  const origins = Object.keys(s.ore).filter((c) => (s.ore[c] ?? 0) + (s.concentrate[c] ?? 0) > 1e-9);
  const held = new Map(origins.map((c) => [c, { ore: Math.max(0, s.ore[c] ?? 0), conc: Math.max(0, s.concentrate[c] ?? 0) }]));
  const plans: { origin: string; stock: number; offers: Offer[]; total: number }[] = [];
  const entryWeight = world.parameters.newCapacityEntryWeight;
  const defaultFreight = world.parameters.defaultFeedFreightUsdPerTonne;
  for (const origin of origins) {
    const { ore, conc } = held.get(origin) ?? { ore: 0, conc: 0 };
    const stock = ore + conc;
    const form: FeedForm = conc >= ore ? 'concentrate' : 'ore';
    // Candidate destinations: base routes, then capacity added after the base year.
    const candidates: [to: string, weight: number, freight: number][] = [];
    for (const r of ctx.index.feedRoutesByOrigin.get(origin) ?? []) candidates.push([r.to, r.baseShare, r.freightUsdPerTonne]);
    for (const [to, k] of caps) {
      const attracting = to === origin ? k.added + k.domesticOnly : k.added;
      if (attracting <= 0) continue;
      const scale = to === origin ? stock : Math.max(worldFeed, stock);
      candidates.push([to, (entryWeight * attracting) / Math.max(scale, 1e-9), defaultFreight]);
    }
    const offers: Offer[] = [];
    const seen = new Set<string>();
    for (const [to, w, freight] of candidates) {
      if (w <= 0 || seen.has(to) || !caps.has(to)) continue;
      seen.add(to);
      const terms = feedTerms(world, s, origin, to, form, freight, m);
      const nb = terms.scale * (prices[terms.market] ?? 0) - terms.cost;
      if (nb <= 0) continue;
      const nb0 = terms.scale * (ref[terms.market] ?? 0) - terms.cost;
      const ratio = nb0 > 0 ? nb / nb0 : 2;
      let cap = Infinity;
      let measure = '';
      if (origin !== to && s.controls.length > 0) {
        const hub = ctx.index.markets.get(terms.market)?.hub ?? '';
        const limit = exportLimit(s, origin, `${origin}>${to}`, terms.market, to, hub, form, m);
        cap = limit.cap;
        measure = limit.measure;
      }
      offers.push({ to, weight: w * Math.pow(ratio, theta), cap, freight, measure });
    }
    let total = 0;
    for (const o of offers) total += o.weight;
    if (total > 0) plans.push({ origin, stock, offers, total });
  }
  // Domestic plants take their share of their own country's feed first; trade follows.
  const selfSent = new Map<string, number>();
  for (const plan of plans) {
    const self = plan.offers.find((o) => o.to === plan.origin);
    if (self === undefined) continue;
    // Capacity added after the base year (a national processing policy) is fed from home first.
    const k = caps.get(plan.origin);
    const reserved = Math.min(plan.stock, (k?.added ?? 0) + (k?.domesticOnly ?? 0));
    const t = Math.min(Math.max(reserved, (plan.stock * self.weight) / plan.total), free.get(plan.origin) ?? 0);
    selfSent.set(plan.origin, t);
    free.set(plan.origin, (free.get(plan.origin) ?? 0) - t);
  }
  // Plants that take only domestic feed leave no room for imports.
  for (const [country, k] of caps) {
    if (k.domesticOnly <= 0) continue;
    const ownUse = selfSent.get(country) ?? 0;
    const openLeft = Math.max(0, k.total - k.domesticOnly - Math.max(0, ownUse - k.domesticOnly));
    free.set(country, Math.min(free.get(country) ?? 0, openLeft));
  }
  // Foreign offers from all origins meet destination capacity together (proportional
  // rationing per destination, three rounds), so no origin is served first by name.
  const left = new Map(plans.map((p) => [p.origin, p.stock - (selfSent.get(p.origin) ?? 0)]));
  const sent = new Map<string, Map<string, number>>(plans.map((p) => [p.origin, new Map<string, number>()]));
  for (let round = 0; round < 3; round++) {
    const wants: [origin: string, to: string, tonnes: number][] = [];
    const demand = new Map<string, number>();
    for (const plan of plans) {
      const rest = left.get(plan.origin) ?? 0;
      if (rest <= 1e-9) continue;
      const mine = sent.get(plan.origin) as Map<string, number>;
      let wsum = 0;
      for (const o of plan.offers) if (o.to !== plan.origin && (free.get(o.to) ?? 0) > 1e-9 && (mine.get(o.to) ?? 0) < o.cap - 1e-9) wsum += o.weight;
      if (wsum <= 0) continue;
      for (const o of plan.offers) {
        if (o.to === plan.origin || (free.get(o.to) ?? 0) <= 1e-9 || (mine.get(o.to) ?? 0) >= o.cap - 1e-9) continue;
        const w = Math.min((rest * o.weight) / wsum, o.cap - (mine.get(o.to) ?? 0));
        if (w <= 0) continue;
        wants.push([plan.origin, o.to, w]);
        demand.set(o.to, (demand.get(o.to) ?? 0) + w);
      }
    }
    if (wants.length === 0) break;
    const scale = new Map<string, number>();
    for (const [to, d] of demand) scale.set(to, Math.min(1, (free.get(to) ?? 0) / d));
    for (const [origin, to, w] of wants) {
      const t = w * (scale.get(to) ?? 0);
      if (t <= 0) continue;
      const mine = sent.get(origin) as Map<string, number>;
      mine.set(to, (mine.get(to) ?? 0) + t);
      left.set(origin, (left.get(origin) ?? 0) - t);
    }
    for (const [to, d] of demand) free.set(to, Math.max(0, (free.get(to) ?? 0) - d * (scale.get(to) ?? 0)));
  }
  for (const { origin, stock, offers, total } of plans) {
    const { ore, conc } = held.get(origin) ?? { ore: 0, conc: 0 };
    const mine = sent.get(origin) as Map<string, number>;
    for (const o of offers) {
      if (o.to === origin) continue;
      const t = mine.get(o.to) ?? 0;
      if (o.cap < Infinity && o.measure !== '') {
        const wanted = (stock * o.weight) / total;
        if (wanted > t + 1e-9) {
          ctx.emit({ type: 'ExportLicenceDelayed', data: { month: m, from: origin, to: o.to, blockedTonnes: wanted - t, measure: o.measure } });
        }
      }
      if (t <= 1e-12) continue;
      shipFeed(ctx, origin, o.to, t * (ore / stock), 'ore', o.freight);
      shipFeed(ctx, origin, o.to, t * (conc / stock), 'concentrate', o.freight);
    }
  }
}

function shipFeed(ctx: MonthContext, from: string, to: string, tonnes: number, form: FeedForm, baseFreight: number): void {
  if (tonnes <= 1e-12) return;
  const { world, s, m, prices } = ctx;
  const market = marketOf(world, to);
  const certifiedTonnes = tonnes * certification(world, s, from, m).certified;
  const gross = tonnes * payable(world, form) * (prices[market] ?? 0) * provenanceFactor(world, s, from, market, m);
  const tariff = gross - gross / (1 + tariffRate(s, to, from, m));
  const freight = tonnes * routeCost(s, from, market, baseFreight, 30, m).freight;
  const settlement = { seller: from, buyer: to, buyerUsd: gross, sellerUsd: gross - tariff - freight, freightUsd: freight, tariffUsd: tariff };
  ctx.emit({ type: 'FeedShipped', data: { month: m, from, to, form, tonnes, certifiedTonnes, settlement } });
  const key = `${from}>${to}`;
  ctx.shipments.set(key, (ctx.shipments.get(key) ?? 0) + tonnes);
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
        data: { month: ctx.m, country: g.country, stage: g.stage, oreIn: 0, concentrateIn: 0, metalIn, concentrateOut: 0, metalOut: 0, oxideOut: out, lossTonnes: metalIn - out, operatingCostUsd: metalIn * cost },
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
        month: ctx.m, country: g.country, stage: g.stage, oreIn, concentrateIn, metalIn: 0, concentrateOut: 0,
        metalOut: out * (1 - oxideShare), oxideOut: out * oxideShare, lossTonnes: input - out, operatingCostUsd: input * cost,
      },
    });
  }
}
