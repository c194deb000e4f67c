import type { SegmentUse } from '../events.ts';
import { marketOf, provenanceFactor, tariffRate } from '../economics.ts';
import type { BuyerSpec, MarketSpec } from '../../world/types.ts';
import type { PlantState, StockpileState } from '../state.ts';
import type { BuyerSlots, MonthContext } from './context.ts';
import { CountryTally } from './country-tally.ts';
import { plantCapacity } from './feed.ts';
import { PowMemo } from './pow-memo.ts';
import { ClearingBook, clearBook } from './price.ts';

/** Recycled supply and stockpile releases enter their markets before clearing. */
export function supplyMarkets(ctx: MonthContext): void {
  const { world, s, m } = ctx;
  for (const c of world.countries) {
    if (c.secondaryTonnesPerYear <= 0) continue;
    ctx.emit({ type: 'SecondarySupplied', data: { country: c.iso3, market: c.market, month: m, tonnes: c.secondaryTonnesPerYear / 12 } });
  }
  for (const country in s.stockpiles) {
    const sp = s.stockpiles[country] as StockpileState;
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

/** Per-market results the month's indicators need, indexed like `world.markets`. */
export interface MarketResults {
  readonly consumed: Float64Array;
  readonly shortfall: Float64Array;
}

// Scratch reused month to month: the clearing of one market, each country's converter
// need (then purchase), each buyer's substitution factor, and the results (entries past
// this world's markets are stale and never read).
const book = new ClearingBook();
const converters = new CountryTally();
let factors = new Float64Array(8);
/**
 * Buyers' growth factors (1 + growth)^(m/12) this month: buyers share a few growth rates
 * (most none), so a month raises a few bases where it raised one per buyer and market.
 */
const growth = new PowMemo();
// The last substitution step computed and the adjustment years it was computed for:
// buyers share their adjustment time, so the exp is taken when it changes, not per buyer.
let stepKnown = false;
let stepYears = 0;
let stepValue = 0;

/** 1 - exp(-1 / (12 x years)): the share of the gap to its target a buyer's substitution closes in a month. */
function substitutionStep(years: number): number {
  // Object.is keeps -0 and +0 apart, which give steps of opposite infinities.
  if (!stepKnown || !Object.is(years, stepYears)) {
    stepKnown = true;
    stepYears = years;
    stepValue = 1 - Math.exp(-1 / (12 * years));
  }
  return stepValue;
}

const results = { consumed: new Float64Array(4), shortfall: new Float64Array(4) };

/** Fills `book` with a market's buyers: demand at the reference price this month (growth and substitution applied; `growth` is begun for the month). */
function openBook(ctx: MonthContext, buyers: readonly BuyerSpec[]): void {
  const { s } = ctx;
  book.open(buyers.length);
  for (let i = 0; i < buyers.length; i++) {
    const b = buyers[i] as BuyerSpec;
    book.normals[i] = (b.demandTonnesPerYear / 12) * growth.pow(1 + b.growthPerYear) * (s.substitution[b.id] ?? 1);
    book.elasticities[i] = b.elasticityShortRun;
    book.defense[i] = b.segment === 'defense' ? 1 : 0;
  }
}

/** Converters (trioxide plants) buy metal to process next month, up to half the stock: leaves each country's purchase in `converters` and returns their sum. */
function converterPurchases(ctx: MonthContext, market: string): number {
  const { world, s } = ctx;
  converters.reset();
  for (const id in s.plants) {
    const p = s.plants[id] as PlantState;
    if (p.stage !== 'trioxide' || marketOf(world, p.country) !== market) continue;
    const k = converters.slot(p.country);
    converters.values[k] = (converters.values[k] as number) + plantCapacity(ctx, p);
  }
  let bought = 0;
  for (let k = 0; k < converters.count; k++) {
    const need = converters.values[k] as number;
    const want = Math.max(0, need - Math.max(0, s.metal[converters.country(k)] ?? 0));
    const t = Math.min(want, Math.max(0, s.marketStock[market] ?? 0) * 0.5);
    // A purchase too small to make is kept as zero, and left out of the sum.
    const purchase = t <= 1e-12 ? 0 : t;
    converters.values[k] = purchase;
    if (purchase !== 0) bought += purchase;
  }
  return bought;
}

/**
 * Clears each market: converters buy the metal they can process, buyers' demand meets the
 * stock at the stock-cover price, stockpile purchases follow at that price, and the month's
 * sales into the market settle at it.
 */
export function clearMarkets(ctx: MonthContext): MarketResults {
  const { world, s, m } = ctx;
  growth.begin(m / 12);
  if (results.consumed.length < world.markets.length) {
    results.consumed = new Float64Array(world.markets.length);
    results.shortfall = new Float64Array(world.markets.length);
  }
  for (let mi = 0; mi < world.markets.length; mi++) {
    const market = world.markets[mi] as MarketSpec;
    const id = market.id;
    const bought = converterPurchases(ctx, id);
    const stockStart = Math.max(0, (s.marketStock[id] ?? 0) - bought);
    let arrivals = 0;
    for (const sale of ctx.pendingSales) if (sale.market === id) arrivals += sale.metal + sale.oxide;
    const buyers = ctx.index.buyersByMarket.get(id) ?? [];
    openBook(ctx, buyers);
    clearBook(market, book, stockStart + arrivals, s.prices[id] ?? market.initialPriceUsdPerTonne);
    const price = book.price;
    const ratio = price / market.referencePriceUsdPerTonne;
    if (factors.length < buyers.length) factors = new Float64Array(2 * buyers.length);
    for (let i = 0; i < buyers.length; i++) {
      const b = buyers[i] as BuyerSpec;
      const step = substitutionStep(b.adjustmentYears);
      const target = Math.pow(ratio, b.elasticityLongRun - b.elasticityShortRun);
      const prev = s.substitution[b.id] ?? 1;
      factors[i] = prev + (target - prev) * step;
    }
    // Records in sorted key order (the log hash's fast path).
    const slots = ctx.index.buyerSlots.get(id) ?? NO_SLOTS;
    const substitution: Record<string, number> = {};
    for (const { key, index } of slots.byId) substitution[key] = factors[index] as number;
    const segments: Record<string, SegmentUse> = {};
    for (const { key, index } of slots.bySegment) {
      const listed = index < book.n;
      segments[key] = { consumed: listed ? (book.consumed[index] as number) : 0, demand: listed ? (book.wants[index] as number) : 0 };
    }
    for (let k = 0; k < converters.count; k++) {
      const t = converters.values[k] as number;
      if (t === 0) continue;
      const country = converters.country(k);
      const usd = t * price;
      const settlement = { buyer: country, buyerUsd: usd, freightUsd: 0, seller: ctx.index.names.market(id), sellerUsd: usd, tariffUsd: 0 };
      ctx.emit({ type: 'MarketPurchased', data: { country, market: id, month: m, settlement, tonnes: t } });
    }
    shipSales(ctx, id, price);
    const expected = ctx.s.expectedPrices[id] ?? price;
    const shortfall = Math.max(0, book.demand - book.consumedTotal);
    ctx.emit({
      type: 'MarketCleared',
      data: {
        consumed: book.consumedTotal, demand: book.demand,
        expectedPriceUsdPerTonne: expected + world.parameters.expectationWeight * (price - expected),
        market: id, month: m, priceUsdPerTonne: price, segments,
        shortfall, stockEnd: book.stockEnd, stockStart, substitution,
      },
    });
    results.consumed[mi] = book.consumedTotal;
    results.shortfall[mi] = shortfall;
    buyStockpiles(ctx, id, price);
  }
  return results;
}

const NO_SLOTS: BuyerSlots = { byId: [], bySegment: [] };

function buyStockpiles(ctx: MonthContext, market: string, price: number): void {
  const { world, s, m } = ctx;
  for (const country in s.stockpiles) {
    if (marketOf(world, country) !== market) continue;
    const sp = s.stockpiles[country] as StockpileState;
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
    // The calls give 1 and 0 for a seller that provenance and tariffs leave alone.
    const factor = sale.provenance ? provenanceFactor(world, s, sale.from, market, m) : 1;
    const tariff = sale.tariffs ? tariffRate(s, hub, sale.from, m) : 0;
    const buyerUsd = price * factor * (sale.metal + sale.oxide * (1 + oxidePremium));
    const tariffUsd = buyerUsd - buyerUsd / (1 + tariff);
    const settlement = {
      buyer, buyerUsd, freightUsd: sale.freightUsd, seller: sale.from,
      sellerUsd: buyerUsd - sale.freightUsd - tariffUsd, tariffUsd,
    };
    ctx.emit({ type: 'Shipped', data: { certifiedTonnes: sale.certified, from: sale.from, market, metal: sale.metal, month: m, oxide: sale.oxide, settlement } });
  }
}
