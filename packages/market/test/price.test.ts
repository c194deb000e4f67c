import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clearMarket, type BuyerPosition } from '../src/model/month/price.ts';
import { antimonyWorld } from '../src/index.ts';

const world = antimonyWorld();

/** The stock-cover equation's gap at price p, as the clearing defines it (plain, unoptimised). */
function coverGap(market: (typeof world.markets)[number], buyers: readonly BuyerPosition[], stock: number, p: number): number {
  const normal = buyers.reduce((a, b) => a + b.normal, 0);
  const target = market.stockTargetMonths * normal;
  const demand = buyers.reduce((a, b) => a + b.normal * Math.pow(p / market.referencePriceUsdPerTonne, b.buyer.elasticityShortRun), 0);
  const cover = Math.max(stock - demand, target * 1e-6) / target;
  return Math.log(p) - Math.log(market.referencePriceUsdPerTonne) + market.priceFlexibility * Math.log(cover);
}

const caseArb = fc.record({
  market: fc.integer({ min: 0, max: world.markets.length - 1 }),
  scales: fc.array(fc.double({ min: 0.01, max: 5, noNaN: true }), { minLength: 8, maxLength: 8 }),
  coverMonths: fc.double({ min: 0, max: 3, noNaN: true }),
});

describe('clearMarket', () => {
  it('given any stock and demand, when no last price applies, then the price solves the cover equation or sits at the floor or ceiling', () => {
    fc.assert(
      fc.property(caseArb, ({ market: mi, scales, coverMonths }) => {
        const market = world.markets[mi] as (typeof world.markets)[number];
        const buyers = world.buyers
          .filter((b) => b.market === market.id)
          .map((b, i) => ({ buyer: b, normal: (b.demandTonnesPerYear / 12) * (scales[i % scales.length] as number) }));
        const normal = buyers.reduce((a, b) => a + b.normal, 0);
        const stock = normal * market.stockTargetMonths * coverMonths;
        const { price } = clearMarket(market, buyers, stock, Number.NaN);
        const floor = market.referencePriceUsdPerTonne * market.priceFloorMultiple;
        const ceiling = market.referencePriceUsdPerTonne * market.priceCeilingMultiple;
        const atBound = Math.abs(price / floor - 1) < 1e-12 || Math.abs(price / ceiling - 1) < 1e-12;
        if (atBound) return;
        // The root in log price to 1e-12: a price 1e-9 lower is below it and 1e-9 higher above it.
        expect(Math.abs(coverGap(market, buyers, stock, price))).toBeLessThan(1e-9);
        expect(coverGap(market, buyers, stock, price * (1 - 1e-9))).toBeLessThan(0);
        expect(coverGap(market, buyers, stock, price * (1 + 1e-9))).toBeGreaterThan(0);
      }),
      { seed: 424242, numRuns: 400 },
    );
  });

  it('given more stock, when the market clears, then the price is no higher', () => {
    fc.assert(
      fc.property(caseArb, fc.double({ min: 1.01, max: 3, noNaN: true }), ({ market: mi, scales, coverMonths }, more) => {
        const market = world.markets[mi] as (typeof world.markets)[number];
        const buyers = world.buyers
          .filter((b) => b.market === market.id)
          .map((b, i) => ({ buyer: b, normal: (b.demandTonnesPerYear / 12) * (scales[i % scales.length] as number) }));
        const stock = buyers.reduce((a, b) => a + b.normal, 0) * market.stockTargetMonths * coverMonths;
        const low = clearMarket(market, buyers, stock, Number.NaN).price;
        const high = clearMarket(market, buyers, stock * more, Number.NaN).price;
        expect(high).toBeLessThanOrEqual(low * (1 + 1e-12));
      }),
      { seed: 424242, numRuns: 300 },
    );
  });
});
