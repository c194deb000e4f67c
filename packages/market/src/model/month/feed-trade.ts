import type { FeedForm, FeedRouteSpec, World } from '../../world/types.ts';
import { exportLimit } from '../controls.ts';
import { marketOf, payable } from '../economics.ts';
import type { MonthContext, WorldIndex } from './context.ts';
import { FeedOrigin } from './feed-origin.ts';
import { serveDomestic, rationForeign } from './feed-rationing.ts';
import { Destinations, Offers, Plans } from './feed-tables.ts';
import { PowMemo } from './pow-memo.ts';
import { feedCapacities } from './feed.ts';

// The working tables, refilled every month (see feed-tables.ts).
const dest = new Destinations();
const offers = new Offers();
const plans = new Plans();
// Per plan row, its origin's terms: read when planning, reused when shipping (feed
// shipments change none of them). The objects are kept and refilled each month, and keep
// their flow keys between months; `seller` is the origin being planned or shipped.
const sellers: FeedOrigin[] = [];
let seller = new FeedOrigin();
// (netback ratio)^theta of the month's routes: most ratios recur within a month (see pow-memo.ts).
const attraction = new PowMemo();

// The country each slot's market terms (market, hub, provenance, reference price) were read
// for, and from which world: a slot usually holds the same country month after month, and
// those terms depend on the country and the world only.
const termsFor: string[] = [];
let termsWorld: World | undefined;
let termsIndex: WorldIndex | undefined;

/** Fills this month's destinations: their capacity, all of it free, and the prices their plants face. */
function openDestinations(ctx: MonthContext): void {
  feedCapacities(ctx, dest);
  const { world, index } = ctx;
  if (world !== termsWorld || index !== termsIndex) {
    termsFor.length = 0;
    termsWorld = world;
    termsIndex = index;
  }
  for (let slot = 0; slot < dest.count; slot++) {
    const country = dest.countries[slot] as string;
    if (termsFor[slot] !== country) {
      const market = marketOf(world, country);
      dest.market[slot] = market;
      dest.provenanceMarket[slot] = world.parameters.provenanceMarkets.includes(market) ? 1 : 0;
      dest.hub[slot] = index.markets.get(market)?.hub ?? '';
      dest.referencePrice[slot] = index.referencePrices[market] ?? 0;
      termsFor[slot] = country;
    }
    dest.price[slot] = ctx.prices[dest.market[slot] as string] ?? 0;
    dest.free[slot] = dest.total[slot] as number;
  }
}

/** The month's trade parameters, read from the world once a month, not once per route or shipment. */
interface MonthTerms {
  worldFeed: number;
  theta: number;
  entryWeight: number;
  defaultFreight: number;
  /** Payable share of the metal price per feed form. */
  payableOre: number;
  payableConcentrate: number;
}

// Shared, so an origin without base routes costs no new empty list.
const NO_ROUTES: readonly FeedRouteSpec[] = [];

// One object for the month's terms: the numbers change, the object is reused.
const monthTerms: MonthTerms = { worldFeed: 0, theta: 0, entryWeight: 0, defaultFreight: 0, payableOre: 0, payableConcentrate: 0 };

/** The payable share of a feed form this month. */
function payableOf(terms: MonthTerms, form: FeedForm): number {
  return form === 'ore' ? terms.payableOre : terms.payableConcentrate;
}

/**
 * The offers of one origin, appended to `offers`: base routes first, then capacity added
 * after the base year; the first candidate for a destination decides it. Weight = base
 * share (or size) x (netback / reference netback)^theta; export controls cap the flow.
 */
function offersOf(ctx: MonthContext, terms: MonthTerms, n: number, origin: string, stock: number, form: FeedForm): void {
  // The row this origin's plan will take if it has one (else the next origin reuses it).
  seller = sellers[plans.count] ?? (sellers[plans.count] = new FeedOrigin());
  seller.set(ctx.world, ctx.s, origin, form, payableOf(terms, form), ctx.m);
  for (const r of ctx.index.feedRoutesByOrigin.get(origin) ?? NO_ROUTES) {
    const slot = dest.slotOf(r.to);
    if (slot < 0) continue;
    offers.stage(slot, r.baseShare, r.freightUsdPerTonne);
    consider(ctx, terms, n);
  }
  for (let slot = 0; slot < dest.count; slot++) {
    const to = dest.countries[slot] as string;
    const added = dest.added[slot] as number;
    const attracting = to === origin ? added + (dest.domesticOnly[slot] as number) : added;
    if (attracting <= 0) continue;
    const scale = to === origin ? stock : Math.max(terms.worldFeed, stock);
    offers.stage(slot, (terms.entryWeight * attracting) / Math.max(scale, 1e-9), terms.defaultFreight);
    consider(ctx, terms, n);
  }
}

/**
 * Keeps the staged candidate (base weight, freight) as an offer if it is the origin's first
 * for its destination and nets back more than nothing. A module function, not a closure in
 * offersOf: one closure per origin and month added up.
 */
function consider(ctx: MonthContext, terms: MonthTerms, n: number): void {
  const slot = offers.slot[offers.count] as number;
  const w = offers.weight[offers.count] as number;
  if (w <= 0 || dest.seenBy[slot] === n) return;
  dest.seenBy[slot] = n;
  const { world, s, m } = ctx;
  const to = dest.countries[slot] as string;
  const freight = offers.freight[offers.count] as number;
  // The netback terms as numbers, not a terms object: this runs for every candidate route.
  // Those of economics.ts feedScale and feedCost, with the origin's parts read once (feed-origin.ts).
  const market = dest.market[slot] as string;
  const home = to === seller.origin;
  const scale = home ? seller.payableShare : seller.scale(world, s, to, market, dest.provenanceMarket[slot] === 1, m);
  const cost = home ? seller.inland / 2 : seller.cost(s, market, freight, m);
  const nb = scale * (dest.price[slot] as number) - cost;
  if (nb <= 0) return;
  const nb0 = scale * (dest.referencePrice[slot] as number) - cost;
  const ratio = nb0 > 0 ? nb / nb0 : 2;
  offers.keep(w * attraction.pow(ratio));
  // An origin no control names has no limit (exportLimit would find none), as keep left it.
  if (!home && seller.controlled) limitByControls(ctx, offers.count - 1);
}

// Apart from consider, so that stays small enough for the compiler to inline the netback's parts into it.
function limitByControls(ctx: MonthContext, o: number): void {
  const slot = offers.slot[o] as number;
  const to = dest.countries[slot] as string;
  const market = dest.market[slot] as string;
  const { origin, form } = seller;
  const limit = exportLimit(ctx.s, origin, seller.flowKey(ctx.index.names, to, slot), market, to, dest.hub[slot] as string, form, ctx.m);
  offers.cap[o] = limit.cap;
  offers.measure[o] = limit.measure;
}

/** Every origin's plan; only feed held before this month's trade is offered, so imports are not re-exported. */
function plansOf(ctx: MonthContext): void {
  const { world, s } = ctx;
  let worldFeed = 0;
  // for-in walks the keys in Object.keys order without copying them into a new array.
  for (const k in s.ore) worldFeed += Math.max(0, s.ore[k] as number);
  for (const k in s.concentrate) worldFeed += Math.max(0, s.concentrate[k] as number);
  const p = world.parameters;
  const terms = monthTerms;
  terms.worldFeed = worldFeed;
  terms.theta = p.tradeElasticity;
  attraction.begin(terms.theta);
  terms.entryWeight = p.newCapacityEntryWeight;
  terms.defaultFreight = p.defaultFeedFreightUsdPerTonne;
  terms.payableOre = payable(world, 'ore');
  terms.payableConcentrate = payable(world, 'concentrate');
  offers.reset();
  plans.reset();
  let n = 0;
  for (const origin in s.ore) {
    // Each stock read once (a keyed load on a record with a dozen keys is not free).
    const heldOre = s.ore[origin] ?? 0;
    const heldConc = s.concentrate[origin] ?? 0;
    if (!(heldOre + heldConc > 1e-9)) continue;
    const ore = Math.max(0, heldOre);
    const conc = Math.max(0, heldConc);
    const stock = ore + conc;
    const first = offers.count;
    offersOf(ctx, terms, ++n, origin, stock, conc >= ore ? 'concentrate' : 'ore');
    let total = 0;
    for (let i = first; i < offers.count; i++) total += offers.weight[i] as number;
    if (total > 0) plans.push(origin, ore, conc, stock, first, offers.count, total);
    else offers.count = first; // an origin without a plan makes no offers
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
  openDestinations(ctx);
  plansOf(ctx);
  serveDomestic(dest, offers, plans);
  rationForeign(dest, offers, plans);
  for (let i = 0; i < plans.count; i++) {
    const origin = plans.origin[i] as string;
    seller = sellers[i] as FeedOrigin;
    const ore = plans.ore[i] as number;
    const conc = plans.conc[i] as number;
    const stock = plans.stock[i] as number;
    const end = plans.end[i] as number;
    for (let o = plans.first[i] as number; o < end; o++) {
      const to = dest.countries[offers.slot[o] as number] as string;
      if (to === origin) continue;
      const t = offers.sent[o] as number;
      const cap = offers.cap[o] as number;
      const measure = offers.measure[o] as string;
      if (cap < Infinity && measure !== '') {
        const wanted = (stock * (offers.weight[o] as number)) / (plans.total[i] as number);
        if (wanted > t + 1e-9) {
          ctx.emit({ type: 'ExportLicenceDelayed', data: { blockedTonnes: wanted - t, from: origin, measure, month: ctx.m, to } });
        }
      }
      if (t <= 1e-12) continue;
      setShipTerms(ctx, origin, offers.slot[o] as number, offers.freight[o] as number);
      shipFeed(ctx, t * (ore / stock), 'ore');
      shipFeed(ctx, t * (conc / stock), 'concentrate');
    }
  }
}

/** What a ton of feed from `from` to `to` pays and earns this month, whatever its form. */
interface ShipTerms {
  from: string;
  to: string;
  key: string;
  certified: number;
  price: number;
  provenance: number;
  /** 1 + the tariff rate. */
  tariffFactor: number;
  freight: number;
}

// The terms of the flow being shipped: one object, refilled per flow.
const ship: ShipTerms = { from: '', to: '', key: '', certified: 0, price: 0, provenance: 0, tariffFactor: 0, freight: 0 };

// From the origin's terms (feed-origin.ts): the economics functions' values, called only where they can differ from neutral.
function setShipTerms(ctx: MonthContext, origin: string, slot: number, baseFreight: number): void {
  const { world, s, m } = ctx;
  const to = dest.countries[slot] as string;
  const market = dest.market[slot] as string;
  ship.from = origin;
  ship.to = to;
  ship.key = seller.flowKey(ctx.index.names, to, slot);
  ship.certified = seller.certified;
  ship.price = dest.price[slot] as number;
  ship.provenance = seller.factor(world, s, market, dest.provenanceMarket[slot] === 1, m);
  ship.tariffFactor = 1 + seller.tariff(s, to, m);
  ship.freight = seller.freight(s, market, baseFreight, m);
}

function shipFeed(ctx: MonthContext, tonnes: number, form: FeedForm): void {
  if (tonnes <= 1e-12) return;
  const { from, to } = ship;
  const certifiedTonnes = tonnes * ship.certified;
  const gross = tonnes * payableOf(monthTerms, form) * ship.price * ship.provenance;
  const tariff = gross - gross / ship.tariffFactor;
  const freight = tonnes * ship.freight;
  const settlement = { buyer: to, buyerUsd: gross, freightUsd: freight, seller: from, sellerUsd: gross - tariff - freight, tariffUsd: tariff };
  ctx.emit({ type: 'FeedShipped', data: { certifiedTonnes, form, from, month: ctx.m, settlement, to, tonnes } });
  ctx.shipments.add(ship.key, tonnes);
}
