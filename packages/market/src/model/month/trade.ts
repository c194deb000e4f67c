import type { SalesRouteSpec } from '../../world/types.ts';
import { exportLimit, type ExportLimit } from '../controls.ts';
import { activeFraction, certification, marketHub, marketOf, refinedNetbackOf, routeFreight } from '../economics.ts';
import type { OfftakeState } from '../state.ts';
import type { MonthContext, PendingSale } from './context.ts';
import { PowMemo } from './pow-memo.ts';
import { RefinedOffers } from './refined-offers.ts';
import { SaleOrigin } from './sale-origin.ts';

/** No export control applies: shared, as the limits are read only. */
const NO_LIMIT: ExportLimit = { cap: Infinity, measure: '' };

/**
 * The lower of the metal and oxide export limits from `from` into `market`. With
 * `sameForms` (every control of `from` covers both forms or neither: SaleOrigin) the two
 * are equal, and the metal one is returned without computing the oxide one, which is
 * what the comparison would pick.
 */
function minLimit(ctx: MonthContext, from: string, market: string, sameForms = false): ExportLimit {
  if (ctx.s.controls.length === 0 || marketOf(ctx.world, from) === market) return NO_LIMIT;
  const hub = ctx.index.markets.get(market)?.hub ?? '';
  const key = ctx.index.names.flow(from, market);
  const a = exportLimit(ctx.s, from, key, market, undefined, hub, 'metal', ctx.m);
  if (sameForms) return a;
  const b = exportLimit(ctx.s, from, key, market, undefined, hub, 'oxide', ctx.m);
  return a.cap <= b.cap ? a : b;
}

function contractPrice(ctx: MonthContext, o: OfftakeState): number {
  const f = o.priceFormula;
  let p = f.kind === 'fixed' ? f.usdPerTonne : f.factor * (ctx.prices[f.market] ?? 0) + f.premiumUsdPerTonne;
  if (o.floorUsdPerTonne !== undefined) p = Math.max(p, o.floorUsdPerTonne);
  if (o.ceilingUsdPerTonne !== undefined) p = Math.min(p, o.ceilingUsdPerTonne);
  return Math.max(0, p);
}

/** Feed forms in the order offtakes deliver them. */
const FEED_FORMS = ['concentrate', 'ore'] as const;

/** True when `country` has a smelter or roaster (so it can take feed). */
function hasRefinery(plants: MonthContext['s']['plants'], country: string): boolean {
  for (const id in plants) {
    const p = plants[id];
    if (p !== undefined && p.country === country && (p.stage === 'smelter' || p.stage === 'roaster')) return true;
  }
  return false;
}

/** Offtake contracts deliver first, refined product if the seller has it, else feed, within export limits. */
export function deliverOfftakes(ctx: MonthContext): void {
  const { world, s, m } = ctx;
  for (const o of s.offtakes) {
    const f = activeFraction(m, o.start, o.end);
    if (f <= 0) continue;
    let due = o.tonnesPerMonth * f;
    const market = marketOf(world, o.buyer);
    const price = contractPrice(ctx, o);
    const cert = certification(world, s, o.seller, m).certified;
    const limit = minLimit(ctx, o.seller, market);
    const metal = Math.max(0, s.metal[o.seller] ?? 0);
    const oxide = Math.max(0, s.oxide[o.seller] ?? 0);
    const refined = Math.min(due, metal + oxide, limit.cap);
    if (refined > 1e-12) {
      const mt = (refined * metal) / (metal + oxide);
      const freight = refined * routeFreight(s, o.seller, market, world.parameters.defaultFeedFreightUsdPerTonne, m);
      const settlement = { buyer: o.buyer, buyerUsd: refined * price, freightUsd: freight, seller: o.seller, sellerUsd: refined * price - freight, tariffUsd: 0 };
      ctx.emit({ type: 'Shipped', data: { certifiedTonnes: refined * cert, contract: o.id, from: o.seller, market, metal: mt, month: m, oxide: refined - mt, settlement } });
      due -= refined;
    }
    const buyerRefines = hasRefinery(s.plants, o.buyer);
    if (due <= 1e-12 || !buyerRefines || o.seller === o.buyer) continue;
    const conc = Math.max(0, s.concentrate[o.seller] ?? 0);
    const ore = Math.max(0, s.ore[o.seller] ?? 0);
    const hub = ctx.index.markets.get(market)?.hub ?? '';
    for (const form of FEED_FORMS) {
      const have = form === 'concentrate' ? conc : ore;
      const lim = exportLimit(s, o.seller, ctx.index.names.flow(o.seller, o.buyer), market, o.buyer, hub, form, m).cap;
      const t = Math.min(due, have, lim);
      if (t <= 1e-12) continue;
      const freight = t * routeFreight(s, o.seller, market, world.parameters.defaultFeedFreightUsdPerTonne, m);
      const settlement = { buyer: o.buyer, buyerUsd: t * price, freightUsd: freight, seller: o.seller, sellerUsd: t * price - freight, tariffUsd: 0 };
      ctx.emit({ type: 'FeedShipped', data: { certifiedTonnes: t * cert, contract: o.id, form, from: o.seller, month: m, settlement, to: o.buyer, tonnes: t } });
      const key = ctx.index.names.flow(o.seller, o.buyer);
      ctx.shipments.add(key, t);
      due -= t;
    }
  }
}

function routesFor(ctx: MonthContext, from: string): readonly SalesRouteSpec[] {
  const listed = ctx.index.salesRoutesByOrigin.get(from);
  if (listed !== undefined && listed.length > 0) return listed;
  // They depend on the world only, so each origin's are made once.
  const made = ctx.index.defaultSalesRoutes.get(from);
  if (made !== undefined) return made;
  const home = marketOf(ctx.world, from);
  const routes = ctx.world.markets.map((mk) => ({
    id: `${from.toLowerCase()}-${mk.id}`, from, to: mk.id, baseShare: 1 / ctx.world.markets.length,
    freightUsdPerTonne: mk.id === home ? 0 : ctx.world.parameters.defaultFeedFreightUsdPerTonne, transitDays: mk.id === home ? 0 : 30, openMonth: 0,
  }));
  ctx.index.defaultSalesRoutes.set(from, routes);
  return routes;
}

/** One country's offers at a time; kept between calls so a month makes no offer objects. */
const offers = new RefinedOffers();
/** The selling country's terms, read once per country and month. */
const origin = new SaleOrigin();
/**
 * Netback ratios raised to the trade elasticity this month: countries whose terms are
 * neutral offer into a market along routes of equal freight at equal ratios.
 */
const powers = new PowMemo();

/**
 * Countries with a trioxide plant (converters, which hold metal for their oxide), listed
 * once a month into a list reused month to month (a Set each month was an allocation,
 * a scan of the plants for each origin was work done again and again).
 */
const converters: string[] = [];

function listConverters(plants: MonthContext['s']['plants']): void {
  converters.length = 0;
  for (const id in plants) {
    const p = plants[id];
    if (p !== undefined && p.stage === 'trioxide' && !converters.includes(p.country)) converters.push(p.country);
  }
}

/** A pending sale that can be refilled. */
type SaleSlot = { -readonly [K in keyof PendingSale]: PendingSale[K] };

/**
 * Pending sales, reused month to month: only this step makes them, and clearing reads
 * them the same month, so entry `i` is free again when a new month's list reaches `i`.
 * Refilling an object stores its numbers in place, where a new one boxed four of them.
 */
const salePool: SaleSlot[] = [];

function pendingSale(i: number, from: string, market: string, metal: number, oxide: number, certified: number, freightUsd: number, origin: SaleOrigin): PendingSale {
  const sale = salePool[i];
  const { provenance, tariffs } = origin;
  if (sale === undefined) {
    const made: SaleSlot = { from, market, metal, oxide, certified, freightUsd, provenance, tariffs };
    salePool.push(made);
    return made;
  }
  sale.from = from;
  sale.market = market;
  sale.metal = metal;
  sale.oxide = oxide;
  sale.certified = certified;
  sale.freightUsd = freightUsd;
  sale.provenance = provenance;
  sale.tariffs = tariffs;
  return sale;
}

/**
 * Spot sales of refined product: each refining country offers its stock across markets in
 * proportion to base share x (netback / reference netback)^theta, within export limits;
 * refused volume is re-offered where there is room (three rounds), the rest stays in stock.
 * Sales ship and settle when the market clears, at its price.
 */
export function sellRefined(ctx: MonthContext): void {
  const { world, s, m, prices } = ctx;
  const theta = world.parameters.tradeElasticity;
  const ref = ctx.index.referencePrices;
  listConverters(s.plants);
  const carrying = world.parameters.carryingCostPerYear;
  powers.begin(theta);
  // No event of this step changes the metal stocks' keys, so walking them live is safe.
  for (const from in s.metal) {
    const metal = Math.max(0, s.metal[from] ?? 0);
    const oxide = Math.max(0, s.oxide[from] ?? 0);
    const stock = metal + oxide;
    if (stock <= 1e-9) continue;
    // Converters hold the metal they bought for next month's oxide.
    const converter = converters.includes(from);
    const sellable = converter ? oxide : stock;
    if (sellable <= 1e-9) continue;
    origin.set(world, s, from, m);
    offers.reset();
    for (const r of routesFor(ctx, from)) {
      if (r.baseShare <= 0) continue;
      // refinedTerms and refinedNetbackAt, term by term, without the terms object and
      // without the calls whose answer is neutral for this origin (see SaleOrigin).
      const market = r.to;
      const terminal = origin.terminal(s, market, r.freightUsdPerTonne, m);
      const factor = origin.factor(world, s, market, m);
      const tariffFactor = 1 + (origin.tariffs ? origin.tariff(s, marketHub(world, market), m) : 0);
      const freight = terminal === undefined ? r.freightUsdPerTonne : terminal.freightUsdPerTonne;
      const transitDays = terminal === undefined ? r.transitDays : terminal.transitDays;
      const nb = refinedNetbackOf(prices[market] ?? 0, factor, tariffFactor, freight, transitDays, carrying);
      if (nb <= 0) continue;
      const nb0 = refinedNetbackOf(ref[market] ?? 0, factor, tariffFactor, freight, transitDays, carrying);
      const ratio = nb0 > 0 ? nb / nb0 : 2;
      offers.add(r, r.baseShare * powers.pow(ratio), origin.controlled ? minLimit(ctx, from, market, origin.sameForms) : NO_LIMIT);
    }
    const n = offers.count;
    const { weight, cap, slot, open, sent } = offers;
    let total = 0;
    for (let i = 0; i < n; i++) total += weight[i] as number;
    if (total <= 0) continue;
    let left = sellable;
    for (let round = 0; round < 3 && left > 1e-9; round++) {
      // Which offers are open is settled before any of this round's placements.
      let wsum = 0;
      for (let i = 0; i < n; i++) {
        const isOpen = (sent[slot[i] as number] as number) < (cap[i] as number) - 1e-9;
        open[i] = isOpen ? 1 : 0;
        if (isOpen) wsum += weight[i] as number;
      }
      if (wsum <= 0) break;
      let placed = 0;
      for (let i = 0; i < n; i++) {
        if (open[i] === 0) continue;
        const k = slot[i] as number;
        const t = Math.min((left * (weight[i] as number)) / wsum, (cap[i] as number) - (sent[k] as number));
        if (t <= 0) continue;
        sent[k] = (sent[k] as number) + t;
        placed += t;
      }
      left -= placed;
      if (placed <= 1e-12) break;
    }
    const oxShare = converter ? 1 : oxide / stock;
    const cert = origin.certified;
    for (let i = 0; i < n; i++) {
      const route = offers.route(i);
      const t = sent[slot[i] as number] as number;
      const wanted = (sellable * (weight[i] as number)) / total;
      const measure = offers.measure(i);
      if (measure !== '' && wanted > t + 1e-9) {
        ctx.emit({ type: 'ExportLicenceDelayed', data: { blockedTonnes: wanted - t, from, measure, month: m, to: route.to } });
      }
      if (t <= 1e-12) continue;
      const market = route.to;
      const ox = t * oxShare;
      // routeFreight, whose terminal SaleOrigin found absent or asked about.
      const terminal = origin.terminal(s, market, route.freightUsdPerTonne, m);
      const freight = t * (terminal === undefined ? route.freightUsdPerTonne : terminal.freightUsdPerTonne);
      ctx.pendingSales.push(pendingSale(ctx.pendingSales.length, from, market, t - ox, ox, t * cert, freight, origin));
      if (origin.home !== market) {
        const key = ctx.index.names.flow(from, market);
        ctx.shipments.add(key, t);
      }
    }
  }
}
