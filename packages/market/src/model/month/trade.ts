import type { SalesRouteSpec } from '../../world/types.ts';
import { exportLimit } from '../controls.ts';
import { activeFraction, certification, marketOf, refinedNetbackAt, refinedTerms, routeFreight } from '../economics.ts';
import type { OfftakeState } from '../state.ts';
import type { MonthContext } from './context.ts';

function minLimit(ctx: MonthContext, from: string, market: string): { cap: number; measure: string } {
  if (ctx.s.controls.length === 0 || marketOf(ctx.world, from) === market) return { cap: Infinity, measure: '' };
  const hub = ctx.index.markets.get(market)?.hub ?? '';
  const key = ctx.index.names.flow(from, market);
  const a = exportLimit(ctx.s, from, key, market, undefined, hub, 'metal', ctx.m);
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
    const buyerRefines = Object.values(s.plants).some((p) => p.country === o.buyer && (p.stage === 'smelter' || p.stage === 'roaster'));
    if (due <= 1e-12 || !buyerRefines || o.seller === o.buyer) continue;
    const conc = Math.max(0, s.concentrate[o.seller] ?? 0);
    const ore = Math.max(0, s.ore[o.seller] ?? 0);
    const hub = ctx.index.markets.get(market)?.hub ?? '';
    for (const [form, have] of [['concentrate', conc], ['ore', ore]] as const) {
      const lim = exportLimit(s, o.seller, ctx.index.names.flow(o.seller, o.buyer), market, o.buyer, hub, form, m).cap;
      const t = Math.min(due, have, lim);
      if (t <= 1e-12) continue;
      const freight = t * routeFreight(s, o.seller, market, world.parameters.defaultFeedFreightUsdPerTonne, m);
      const settlement = { buyer: o.buyer, buyerUsd: t * price, freightUsd: freight, seller: o.seller, sellerUsd: t * price - freight, tariffUsd: 0 };
      ctx.emit({ type: 'FeedShipped', data: { certifiedTonnes: t * cert, contract: o.id, form, from: o.seller, month: m, settlement, to: o.buyer, tonnes: t } });
      const key = ctx.index.names.flow(o.seller, o.buyer);
      ctx.shipments.set(key, (ctx.shipments.get(key) ?? 0) + t);
      due -= t;
    }
  }
}

/** A refining country's offer to one market this month. */
interface RefinedOffer {
  readonly route: SalesRouteSpec;
  /** The market's slot in this country's tallies. */
  readonly slot: number;
  readonly weight: number;
  readonly cap: number;
  readonly measure: string;
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
  const converters = new Set<string>();
  for (const p of Object.values(s.plants)) if (p.stage === 'trioxide') converters.add(p.country);
  for (const from of Object.keys(s.metal)) {
    const metal = Math.max(0, s.metal[from] ?? 0);
    const oxide = Math.max(0, s.oxide[from] ?? 0);
    const stock = metal + oxide;
    if (stock <= 1e-9) continue;
    // Converters hold the metal they bought for next month's oxide.
    const converter = converters.has(from);
    const sellable = converter ? oxide : stock;
    if (sellable <= 1e-9) continue;
    const offers: RefinedOffer[] = [];
    // Markets offered to, as slots: routes may share a market, and then share its tally.
    const markets: string[] = [];
    for (const r of routesFor(ctx, from)) {
      if (r.baseShare <= 0) continue;
      const terms = refinedTerms(world, s, from, r.to, r.freightUsdPerTonne, r.transitDays, m);
      const nb = refinedNetbackAt(terms, prices);
      if (nb <= 0) continue;
      const nb0 = refinedNetbackAt(terms, ref);
      const ratio = nb0 > 0 ? nb / nb0 : 2;
      const limit = minLimit(ctx, from, r.to);
      let slot = markets.indexOf(r.to);
      if (slot < 0) slot = markets.push(r.to) - 1;
      offers.push({ route: r, slot, weight: r.baseShare * Math.pow(ratio, theta), cap: limit.cap, measure: limit.measure });
    }
    let total = 0;
    for (const o of offers) total += o.weight;
    if (total <= 0) continue;
    const sent: number[] = markets.map(() => 0);
    const open: boolean[] = offers.map(() => false);
    let left = sellable;
    for (let round = 0; round < 3 && left > 1e-9; round++) {
      // Which offers are open is settled before any of this round's placements.
      let wsum = 0;
      for (let i = 0; i < offers.length; i++) {
        const o = offers[i] as RefinedOffer;
        open[i] = (sent[o.slot] as number) < o.cap - 1e-9;
        if (open[i]) wsum += o.weight;
      }
      if (wsum <= 0) break;
      let placed = 0;
      for (let i = 0; i < offers.length; i++) {
        if (!open[i]) continue;
        const o = offers[i] as RefinedOffer;
        const t = Math.min((left * o.weight) / wsum, o.cap - (sent[o.slot] as number));
        if (t <= 0) continue;
        sent[o.slot] = (sent[o.slot] as number) + t;
        placed += t;
      }
      left -= placed;
      if (placed <= 1e-12) break;
    }
    const oxShare = converter ? 1 : oxide / stock;
    const cert = certification(world, s, from, m).certified;
    for (const o of offers) {
      const t = sent[o.slot] as number;
      const wanted = (sellable * o.weight) / total;
      if (o.measure !== '' && wanted > t + 1e-9) {
        ctx.emit({ type: 'ExportLicenceDelayed', data: { blockedTonnes: wanted - t, from, measure: o.measure, month: m, to: o.route.to } });
      }
      if (t <= 1e-12) continue;
      const market = o.route.to;
      const ox = t * oxShare;
      const freight = t * routeFreight(s, from, market, o.route.freightUsdPerTonne, m);
      ctx.pendingSales.push({ from, market, metal: t - ox, oxide: ox, certified: t * cert, freightUsd: freight });
      if (marketOf(world, from) !== market) {
        const key = ctx.index.names.flow(from, market);
        ctx.shipments.set(key, (ctx.shipments.get(key) ?? 0) + t);
      }
    }
  }
}
