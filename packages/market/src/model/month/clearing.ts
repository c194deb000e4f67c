import type { SegmentUse } from '../events.ts';
import { marketOf, provenanceFactor, tariffRate } from '../economics.ts';
import type { MonthContext } from './context.ts';
import { plantCapacity } from './feed.ts';
import { clearMarket, type BuyerPosition } from './price.ts';

/** Recycled supply and stockpile releases enter their markets before clearing. */
export function supplyMarkets(ctx: MonthContext): void {
  const { world, s, m } = ctx;
  for (const c of world.countries) {
    if (c.secondaryTonnesPerYear <= 0) continue;
    ctx.emit({ type: 'SecondarySupplied', data: { country: c.iso3, market: c.market, month: m, tonnes: c.secondaryTonnesPerYear / 12 } });
  }
  for (const [country, sp] of Object.entries(s.stockpiles)) {
    let held = sp.tonnes;
    for (const o of sp.orders) {
      if (o.action !== 'release') continue;
      const t = Math.min(o.tonnesPerMonth, o.remaining, held);
      if (t <= 1e-12) continue;
      held -= t;
      const market = marketOf(world, country);
      const usd = t * (ctx.prices[market] ?? 0);
      const settlement = { buyer: ctx.index.names.market(market), buyerUsd: usd, freightUsd: 0, seller: ctx.index.names.stockpile(country), sellerUsd: usd, tariffUsd: 0 };
      ctx.emit({ type: 'StockpileChanged', data: { country, market, month: m, orderId: o.id, settlement, tonnes: -t } });
    }
  }
}

/** Per-market results the month's indicators need. */
export interface MarketResults {
  readonly consumed: Map<string, number>;
  readonly shortfall: Map<string, number>;
}

/**
 * Clears each market: converters buy the metal they can process, buyers' demand meets the
 * stock at the stock-cover price, stockpile purchases follow at that price, and the month's
 * sales into the market settle at it.
 */
export function clearMarkets(ctx: MonthContext): MarketResults {
  const { world, s, m } = ctx;
  const consumed = new Map<string, number>();
  const shortfall = new Map<string, number>();
  for (const market of world.markets) {
    const id = market.id;
    // Converters (trioxide plants) buy metal to process next month, up to half the stock.
    const converterNeed = new Map<string, number>();
    for (const p of Object.values(s.plants)) {
      if (p.stage !== 'trioxide' || marketOf(world, p.country) !== id) continue;
      converterNeed.set(p.country, (converterNeed.get(p.country) ?? 0) + plantCapacity(ctx, p));
    }
    const purchases: [string, number][] = [];
    for (const [country, need] of converterNeed) {
      const want = Math.max(0, need - Math.max(0, s.metal[country] ?? 0));
      const t = Math.min(want, Math.max(0, s.marketStock[id] ?? 0) * 0.5);
      if (t <= 1e-12) continue;
      purchases.push([country, t]);
    }
    const bought = purchases.reduce((a, [, t]) => a + t, 0);
    const stockStart = Math.max(0, (s.marketStock[id] ?? 0) - bought);
    let arrivals = 0;
    for (const sale of ctx.pendingSales) if (sale.market === id) arrivals += sale.metal + sale.oxide;
    const buyers = ctx.index.buyersByMarket.get(id) ?? [];
    const positions: BuyerPosition[] = buyers.map((b) => ({
      buyer: b,
      normal: (b.demandTonnesPerYear / 12) * Math.pow(1 + b.growthPerYear, m / 12) * (s.substitution[b.id] ?? 1),
    }));
    const result = clearMarket(market, positions, stockStart + arrivals, s.prices[id] ?? market.initialPriceUsdPerTonne);
    const ratio = result.price / market.referencePriceUsdPerTonne;
    const factors = buyers.map((b) => {
      const step = 1 - Math.exp(-1 / (12 * b.adjustmentYears));
      const target = Math.pow(ratio, b.elasticityLongRun - b.elasticityShortRun);
      const prev = s.substitution[b.id] ?? 1;
      return prev + (target - prev) * step;
    });
    // Records in sorted key order (the log hash's fast path).
    const slots = ctx.index.buyerSlots.get(id) ?? { byId: [], bySegment: [] };
    const substitution: Record<string, number> = {};
    for (const { key, index } of slots.byId) substitution[key] = factors[index] as number;
    const segments: Record<string, SegmentUse> = {};
    for (const { key, index } of slots.bySegment) {
      const use = result.perBuyer[index] ?? { demand: 0, consumed: 0 };
      segments[key] = { consumed: use.consumed, demand: use.demand };
    }
    for (const [country, t] of purchases) {
      const usd = t * result.price;
      const settlement = { buyer: country, buyerUsd: usd, freightUsd: 0, seller: ctx.index.names.market(id), sellerUsd: usd, tariffUsd: 0 };
      ctx.emit({ type: 'MarketPurchased', data: { country, market: id, month: m, settlement, tonnes: t } });
    }
    shipSales(ctx, id, result.price);
    const expected = ctx.s.expectedPrices[id] ?? result.price;
    ctx.emit({
      type: 'MarketCleared',
      data: {
        consumed: result.consumed, demand: result.demand,
        expectedPriceUsdPerTonne: expected + world.parameters.expectationWeight * (result.price - expected),
        market: id, month: m, priceUsdPerTonne: result.price, segments,
        shortfall: Math.max(0, result.demand - result.consumed), stockEnd: result.stockEnd, stockStart, substitution,
      },
    });
    consumed.set(id, result.consumed);
    shortfall.set(id, Math.max(0, result.demand - result.consumed));
    buyStockpiles(ctx, id, result.price);
  }
  return { consumed, shortfall };
}

function buyStockpiles(ctx: MonthContext, market: string, price: number): void {
  const { world, s, m } = ctx;
  for (const [country, sp] of Object.entries(s.stockpiles)) {
    if (marketOf(world, country) !== market) continue;
    for (const o of sp.orders) {
      if (o.action !== 'buy') continue;
      const t = Math.min(o.tonnesPerMonth, o.remaining, Math.max(0, s.marketStock[market] ?? 0) * 0.5);
      if (t <= 1e-12) continue;
      const usd = t * price;
      const settlement = { buyer: ctx.index.names.stockpile(country), buyerUsd: usd, freightUsd: 0, seller: ctx.index.names.market(market), sellerUsd: usd, tariffUsd: 0 };
      ctx.emit({ type: 'StockpileChanged', data: { country, market, month: m, orderId: o.id, settlement, tonnes: t } });
    }
  }
}

function shipSales(ctx: MonthContext, market: string, price: number): void {
  const { world, s, m } = ctx;
  const hub = ctx.index.markets.get(market)?.hub ?? '';
  const oxidePremium = world.parameters.oxidePremiumShare;
  const buyer = ctx.index.names.market(market);
  for (const sale of ctx.pendingSales) {
    if (sale.market !== market) continue;
    const factor = provenanceFactor(world, s, sale.from, market, m);
    const tariff = tariffRate(s, hub, sale.from, m);
    const buyerUsd = price * factor * (sale.metal + sale.oxide * (1 + oxidePremium));
    const tariffUsd = buyerUsd - buyerUsd / (1 + tariff);
    const settlement = {
      buyer, buyerUsd, freightUsd: sale.freightUsd, seller: sale.from,
      sellerUsd: buyerUsd - sale.freightUsd - tariffUsd, tariffUsd,
    };
    ctx.emit({ type: 'Shipped', data: { certifiedTonnes: sale.certified, from: sale.from, market, metal: sale.metal, month: m, oxide: sale.oxide, settlement } });
  }
}
