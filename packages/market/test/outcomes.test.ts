import { describe, expect, it } from 'vitest';
import { antimonyWorld, foldOutcomes, hhi, outcomeDefinition, OUTCOME_CATALOGUE, type WorldEvent } from '../src/index.ts';

const world = antimonyWorld();
const settlement = (seller: string, buyer: string, buyerUsd: number, freightUsd = 0) => ({ seller, buyer, buyerUsd, sellerUsd: buyerUsd - freightUsd, freightUsd, tariffUsd: 0 });

describe('HHI', () => {
  it('is 10000 for one supplier, 5000 for two equal ones, 0 for none', () => {
    expect(hhi([7])).toBe(10000);
    expect(hhi([3, 3])).toBe(5000);
    expect(hhi([1, 1, 1, 1])).toBe(2500);
    expect(hhi([])).toBe(0);
    expect(hhi([0, 0])).toBe(0);
  });
});

describe('outcome folds on a worked example (one month)', () => {
  const events: WorldEvent[] = [
    { type: 'MineProduced', data: { month: 0, country: 'PAK', form: 'ore', tonnes: 20, mineGateUsd: 100_000 } },
    { type: 'MineProduced', data: { month: 0, country: 'CHN', form: 'concentrate', tonnes: 60, mineGateUsd: 0 } },
    { type: 'FeedShipped', data: { month: 0, from: 'PAK', to: 'CHN', form: 'ore', tonnes: 20, certifiedTonnes: 5, settlement: settlement('PAK', 'CHN', 200_000, 4_000) } },
    { type: 'Processed', data: { month: 0, country: 'USA', stage: 'smelter', oreIn: 0, concentrateIn: 10, metalIn: 0, concentrateOut: 0, metalOut: 10, oxideOut: 0, lossTonnes: 0, operatingCostUsd: 0 } },
    { type: 'Shipped', data: { month: 0, from: 'CHN', market: 'us', metal: 60, oxide: 0, certifiedTonnes: 0, settlement: settlement('CHN', 'market:us', 1_200_000) } },
    { type: 'Shipped', data: { month: 0, from: 'BEL', market: 'us', metal: 0, oxide: 20, certifiedTonnes: 0, settlement: settlement('BEL', 'market:us', 400_000) } },
    { type: 'SecondarySupplied', data: { month: 0, country: 'USA', market: 'us', tonnes: 20 } },
    {
      type: 'MarketCleared',
      data: {
        month: 0, market: 'us', priceUsdPerTonne: 20_000, expectedPriceUsdPerTonne: 20_000, demand: 110, consumed: 100, shortfall: 10, stockStart: 0, stockEnd: 30,
        segments: { defense: { demand: 8, consumed: 8 } }, substitution: {},
      },
    },
  ];
  const t = foldOutcomes(world, events, 12);
  const y = (id: string): number => t.outcomes[id]?.yearly[0] ?? NaN;

  it('Pakistan: export earnings are what the seller keeps after freight', () => {
    expect(y('pk.exportEarnings')).toBe(196_000);
    expect(y('pk.exportEarnings.ore')).toBe(196_000);
    expect(y('pk.exportEarnings.to.CHN')).toBe(196_000);
    expect(y('pk.exportVolume')).toBe(20);
    expect(y('pk.mineGateRevenue')).toBe(100_000);
    expect(y('pk.certifiedShare')).toBe(0.25);
    expect(y('pk.exportUnitValue')).toBe(9_800);
  });

  it('US: net import reliance = 1 - (smelter output + secondary) / consumption', () => {
    expect(y('us.netImportReliance')).toBeCloseTo(1 - 30 / 100, 12);
    expect(y('us.imports')).toBe(80);
    expect(y('us.importShare.CHN')).toBe(0.75);
    expect(y('us.importHhi')).toBeCloseTo(75 ** 2 + 25 ** 2, 9);
    expect(y('us.chinaLinkedShare')).toBeCloseTo(60 / (80 + 30), 12);
    expect(y('us.shortfall')).toBe(10);
    expect(y('us.defenseShortfall')).toBe(0);
    expect(y('us.pricePaid')).toBe(20_000);
    expect(t.outcomes['us.daysOfCover']?.monthly[0]).toBeCloseTo(((30 + 1100) / 100) * (365.25 / 12), 9);
  });

  it('world: production by country and concentration', () => {
    expect(y('world.mineProduction')).toBe(80);
    expect(y('world.mineProduction.PAK')).toBe(20);
    expect(y('world.mineHhi')).toBeCloseTo(25 ** 2 + 75 ** 2, 9);
    expect(y('world.refiningProduction.USA')).toBe(10);
    expect(y('world.refiningHhi')).toBe(10000);
  });

  it('documents every produced id in the catalogue', () => {
    for (const id of Object.keys(t.outcomes)) expect(outcomeDefinition(id), id).toBeDefined();
    expect(OUTCOME_CATALOGUE.map((o) => o.id)).toEqual(expect.arrayContaining(['pk.exportEarnings', 'pk.mineGateRevenue', 'pk.valueAddedCapture', 'us.netImportReliance', 'us.importHhi', 'us.chinaLinkedShare', 'us.shortfall', 'us.defenseShortfall', 'us.daysOfCover', 'price.exChina', 'price.chinaDomestic', 'price.us', 'world.mineHhi', 'world.refiningHhi', 'world.mineProduction.<ISO3>']));
  });
});
