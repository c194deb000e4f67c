import type { FeedForm } from '../../world/types.ts';
import { exportLimit } from '../controls.ts';
import { certifiedShare, feedTerms, marketOf, netbackAt, payable, provenanceFactor, routeFreight, tariffRate } from '../economics.ts';
import type { MonthContext } from './context.ts';
import { feedCapacities, type Capacity } from './feed.ts';

/**
 * An origin's offer of feed to one destination. Destinations are the countries with feed
 * capacity this month, numbered by `slot`, so rationing works on arrays, not maps. An
 * origin makes at most one offer per destination, so the offer keeps its own tally.
 */
interface Offer {
  readonly to: string;
  readonly slot: number;
  readonly weight: number;
  readonly cap: number;
  readonly freight: number;
  readonly measure: string;
  /** Tonnes placed so far. */
  sent: number;
}

/** An origin's feed held before this month's trade and its offers. */
interface Plan {
  readonly origin: string;
  readonly ore: number;
  readonly conc: number;
  readonly stock: number;
  readonly offers: Offer[];
  readonly total: number;
  /** Feed not yet placed. */
  left: number;
}

/** This month's destinations: countries with feed capacity, in the order the plants list them. */
interface Destinations {
  readonly caps: readonly Capacity[];
  readonly countries: readonly string[];
  readonly slots: ReadonlyMap<string, number>;
  /** Capacity not yet taken. */
  readonly free: Float64Array;
  /** Per destination, the number (from 1) of the last origin that considered it: an origin's first candidate for a destination decides it. */
  readonly seenBy: Int32Array;
}

function destinations(ctx: MonthContext): Destinations {
  const byCountry = feedCapacities(ctx);
  const countries = [...byCountry.keys()];
  const caps = [...byCountry.values()];
  const free = new Float64Array(caps.length);
  caps.forEach((k, i) => (free[i] = k.total));
  return { caps, countries, slots: new Map(countries.map((c, i) => [c, i])), free, seenBy: new Int32Array(caps.length) };
}

/** Everything an origin's offers depend on besides the origin. */
interface OfferTerms {
  readonly worldFeed: number;
  readonly theta: number;
  readonly entryWeight: number;
  readonly defaultFreight: number;
}

/**
 * The offers of one origin: base routes first, then capacity added after the base year;
 * the first candidate for a destination decides it. Weight = base share (or size) x
 * (netback / reference netback)^theta; export controls cap the flow.
 */
function offersOf(ctx: MonthContext, dest: Destinations, terms: OfferTerms, n: number, origin: string, stock: number, form: FeedForm): Offer[] {
  const offers: Offer[] = [];
  for (const r of ctx.index.feedRoutesByOrigin.get(origin) ?? []) consider(ctx, dest, terms, n, origin, form, offers, r.to, r.baseShare, r.freightUsdPerTonne);
  for (let i = 0; i < dest.caps.length; i++) {
    const k = dest.caps[i] as Capacity;
    const to = dest.countries[i] as string;
    const attracting = to === origin ? k.added + k.domesticOnly : k.added;
    if (attracting <= 0) continue;
    const scale = to === origin ? stock : Math.max(terms.worldFeed, stock);
    consider(ctx, dest, terms, n, origin, form, offers, to, (terms.entryWeight * attracting) / Math.max(scale, 1e-9), terms.defaultFreight);
  }
  return offers;
}

// A module function, not a closure in offersOf: one closure per origin and month added up.
function consider(
  ctx: MonthContext, dest: Destinations, terms: OfferTerms, n: number, origin: string, form: FeedForm, offers: Offer[],
  to: string, w: number, freight: number,
): void {
  const slot = dest.slots.get(to);
  if (w <= 0 || slot === undefined || dest.seenBy[slot] === n) return;
  dest.seenBy[slot] = n;
  const { world, s, m, prices } = ctx;
  const t = feedTerms(world, s, origin, to, form, freight, m);
  const nb = netbackAt(t, prices);
  if (nb <= 0) return;
  const nb0 = netbackAt(t, ctx.index.referencePrices);
  const ratio = nb0 > 0 ? nb / nb0 : 2;
  let cap = Infinity;
  let measure = '';
  if (origin !== to && s.controls.length > 0) {
    const hub = ctx.index.markets.get(t.market)?.hub ?? '';
    const limit = exportLimit(s, origin, ctx.index.names.flow(origin, to), t.market, to, hub, form, m);
    cap = limit.cap;
    measure = limit.measure;
  }
  offers.push({ to, slot, weight: w * Math.pow(ratio, terms.theta), cap, freight, measure, sent: 0 });
}

/** Every origin's plan; only feed held before this month's trade is offered, so imports are not re-exported. */
function plansOf(ctx: MonthContext, dest: Destinations): Plan[] {
  const { world, s } = ctx;
  let worldFeed = 0;
  for (const v of Object.values(s.ore)) worldFeed += Math.max(0, v);
  for (const v of Object.values(s.concentrate)) worldFeed += Math.max(0, v);
  const p = world.parameters;
  const terms: OfferTerms = { worldFeed, theta: p.tradeElasticity, entryWeight: p.newCapacityEntryWeight, defaultFreight: p.defaultFeedFreightUsdPerTonne };
  const plans: Plan[] = [];
  let n = 0;
  for (const origin of Object.keys(s.ore)) {
    if (!((s.ore[origin] ?? 0) + (s.concentrate[origin] ?? 0) > 1e-9)) continue;
    const ore = Math.max(0, s.ore[origin] ?? 0);
    const conc = Math.max(0, s.concentrate[origin] ?? 0);
    const stock = ore + conc;
    const offers = offersOf(ctx, dest, terms, ++n, origin, stock, conc >= ore ? 'concentrate' : 'ore');
    let total = 0;
    for (const o of offers) total += o.weight;
    if (total > 0) plans.push({ origin, ore, conc, stock, offers, total, left: stock });
  }
  return plans;
}

/** Domestic plants take their share of their own country's feed first (before any trade). */
function serveDomestic(dest: Destinations, plans: readonly Plan[]): void {
  const selfSent = new Float64Array(dest.caps.length);
  const { free } = dest;
  for (const plan of plans) {
    const self = plan.offers.find((o) => o.to === plan.origin);
    if (self === undefined) continue;
    // Capacity added after the base year (a national processing policy) is fed from home first.
    const k = dest.caps[self.slot] as Capacity;
    const reserved = Math.min(plan.stock, k.added + k.domesticOnly);
    const t = Math.min(Math.max(reserved, (plan.stock * self.weight) / plan.total), free[self.slot] as number);
    selfSent[self.slot] = t;
    free[self.slot] = (free[self.slot] as number) - t;
    plan.left = plan.stock - t;
  }
  // Plants that take only domestic feed leave no room for imports.
  dest.caps.forEach((k, slot) => {
    if (k.domesticOnly <= 0) return;
    const ownUse = selfSent[slot] as number;
    const openLeft = Math.max(0, k.total - k.domesticOnly - Math.max(0, ownUse - k.domesticOnly));
    free[slot] = Math.min(free[slot] as number, openLeft);
  });
}

/** An offer open to foreign feed this round: a foreign destination with room, below the export cap. */
const isOpen = (plan: Plan, o: Offer, free: Float64Array): boolean => o.to !== plan.origin && (free[o.slot] as number) > 1e-9 && o.sent < o.cap - 1e-9;

/**
 * Foreign offers from all origins meet destination capacity together (proportional
 * rationing per destination, three rounds), so no origin is served first by name.
 */
function rationForeign(dest: Destinations, plans: readonly Plan[]): void {
  const { free } = dest;
  const n = dest.caps.length;
  const demand = new Float64Array(n);
  const scale = new Float64Array(n);
  for (let round = 0; round < 3; round++) {
    const wantOffers: Offer[] = [];
    const wantPlans: Plan[] = [];
    const wantTonnes: number[] = [];
    demand.fill(0);
    const touched: number[] = [];
    for (const plan of plans) {
      const rest = plan.left;
      if (rest <= 1e-9) continue;
      let wsum = 0;
      for (const o of plan.offers) if (isOpen(plan, o, free)) wsum += o.weight;
      if (wsum <= 0) continue;
      for (const o of plan.offers) {
        if (!isOpen(plan, o, free)) continue;
        const w = Math.min((rest * o.weight) / wsum, o.cap - o.sent);
        if (w <= 0) continue;
        wantOffers.push(o);
        wantPlans.push(plan);
        wantTonnes.push(w);
        if (demand[o.slot] === 0) touched.push(o.slot);
        demand[o.slot] = (demand[o.slot] as number) + w;
      }
    }
    if (wantOffers.length === 0) break;
    for (const slot of touched) scale[slot] = Math.min(1, (free[slot] as number) / (demand[slot] as number));
    for (let i = 0; i < wantOffers.length; i++) {
      const o = wantOffers[i] as Offer;
      const t = (wantTonnes[i] as number) * (scale[o.slot] as number);
      if (t <= 0) continue;
      o.sent += t;
      const plan = wantPlans[i] as Plan;
      plan.left -= t;
    }
    for (const slot of touched) free[slot] = Math.max(0, (free[slot] as number) - (demand[slot] as number) * (scale[slot] as number));
  }
}

/**
 * Feed trade: each origin offers its feed stock across destinations in proportion to
 * base share (or, for capacity added later, its size) x (netback / reference netback)^theta,
 * within export limits. Domestic plants take their share first; then all origins' foreign
 * offers meet each destination's free capacity together, rationed proportionally; what is
 * refused is re-offered where there is room (three rounds) and otherwise stays in stock.
 */
export function allocateFeed(ctx: MonthContext): void {
  const dest = destinations(ctx);
  const plans = plansOf(ctx, dest);
  serveDomestic(dest, plans);
  rationForeign(dest, plans);
  for (const { origin, ore, conc, stock, offers, total } of plans) {
    for (const o of offers) {
      if (o.to === origin) continue;
      const t = o.sent;
      if (o.cap < Infinity && o.measure !== '') {
        const wanted = (stock * o.weight) / total;
        if (wanted > t + 1e-9) {
          ctx.emit({ type: 'ExportLicenceDelayed', data: { blockedTonnes: wanted - t, from: origin, measure: o.measure, month: ctx.m, to: o.to } });
        }
      }
      if (t <= 1e-12) continue;
      const terms = shipTerms(ctx, origin, o.to, o.freight);
      shipFeed(ctx, terms, t * (ore / stock), 'ore');
      shipFeed(ctx, terms, t * (conc / stock), 'concentrate');
    }
  }
}

/** What a ton of feed from `from` to `to` pays and earns this month, whatever its form. */
interface ShipTerms {
  readonly from: string;
  readonly to: string;
  readonly key: string;
  readonly certified: number;
  readonly price: number;
  readonly provenance: number;
  /** 1 + the tariff rate. */
  readonly tariffFactor: number;
  readonly freight: number;
}

function shipTerms(ctx: MonthContext, from: string, to: string, baseFreight: number): ShipTerms {
  const { world, s, m, prices } = ctx;
  const market = marketOf(world, to);
  return {
    from,
    to,
    key: ctx.index.names.flow(from, to),
    certified: certifiedShare(world, s, from, m),
    price: prices[market] ?? 0,
    provenance: provenanceFactor(world, s, from, market, m),
    tariffFactor: 1 + tariffRate(s, to, from, m),
    freight: routeFreight(s, from, market, baseFreight, m),
  };
}

function shipFeed(ctx: MonthContext, terms: ShipTerms, tonnes: number, form: FeedForm): void {
  if (tonnes <= 1e-12) return;
  const { from, to } = terms;
  const certifiedTonnes = tonnes * terms.certified;
  const gross = tonnes * payable(ctx.world, form) * terms.price * terms.provenance;
  const tariff = gross - gross / terms.tariffFactor;
  const freight = tonnes * terms.freight;
  const settlement = { buyer: to, buyerUsd: gross, freightUsd: freight, seller: from, sellerUsd: gross - tariff - freight, tariffUsd: tariff };
  ctx.emit({ type: 'FeedShipped', data: { certifiedTonnes, form, from, month: ctx.m, settlement, to, tonnes } });
  ctx.shipments.set(terms.key, (ctx.shipments.get(terms.key) ?? 0) + tonnes);
}
