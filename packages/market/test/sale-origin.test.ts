import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { antimonyWorld, type FeedForm } from '../src/index.ts';
import { exportLimit } from '../src/model/controls.ts';
import {
  certification, feedCost, feedScale, marketHub, marketOf, payable, provenanceFactor, refinedNetback, refinedNetbackOf, routeFreight, tariffRate,
} from '../src/model/economics.ts';
import { indexWorld, type MonthContext } from '../src/model/month/context.ts';
import { SaleOrigin } from '../src/model/month/sale-origin.ts';
import { countryNetback } from '../src/model/month/supply.ts';
import { initialWorldState } from '../src/model/initial.ts';
import { policyStates } from './support/policy-state.ts';

// Spot sales and clearing read a seller's terms once a month and skip the calls they show
// to be neutral; they must give exactly what the economics functions give, or the run's
// log changes.
const world = antimonyWorld();
// NLD is the exChina market's hub, so tariffs into every market are drawn.
const COUNTRIES = ['CHN', 'PAK', 'AFG', 'USA', 'NLD', 'BEL', 'THA', 'RUS', 'TJK'];
const MARKETS = world.markets.map((m) => m.id);
const { months, partsArb, stateOf } = policyStates(world, COUNTRIES);

const priceArb: fc.Arbitrary<Record<string, number>> = fc.record({ chinaDomestic: fc.double({ min: 0, max: 80000, noNaN: true }), exChina: fc.double({ min: 0, max: 80000, noNaN: true }), us: fc.double({ min: 0, max: 80000, noNaN: true }) });

describe('SaleOrigin', () => {
  it('given any certifications, tariffs, terminals and controls, when a refined route is priced from the origin terms, then it equals the economics functions exactly', () => {
    const origin = new SaleOrigin();
    const carrying = world.parameters.carryingCostPerYear;
    fc.assert(
      fc.property(
        partsArb,
        fc.constantFrom(...COUNTRIES),
        months,
        fc.double({ min: 0, max: 400, noNaN: true }),
        fc.integer({ min: 0, max: 60 }),
        priceArb,
        (parts, from, m, baseFreight, baseTransit, prices) => {
          const s = stateOf(parts);
          origin.set(world, s, from, m);
          expect(origin.home).toBe(marketOf(world, from));
          expect(origin.certified).toBe(certification(world, s, from, m).certified);
          for (const market of MARKETS) {
            const factor = origin.factor(world, s, market, m);
            expect(factor).toBe(provenanceFactor(world, s, from, market, m));
            const hub = marketHub(world, market);
            expect(origin.tariff(s, hub, m)).toBe(tariffRate(s, hub, from, m));
            const terminal = origin.terminal(s, market, baseFreight, m);
            const freight = terminal === undefined ? baseFreight : terminal.freightUsdPerTonne;
            const transit = terminal === undefined ? baseTransit : terminal.transitDays;
            expect(freight).toBe(routeFreight(s, from, market, baseFreight, m));
            const nb = refinedNetbackOf(prices[market] ?? 0, factor, 1 + origin.tariff(s, hub, m), freight, transit, carrying);
            expect(nb).toBe(refinedNetback(world, s, prices, from, market, baseFreight, baseTransit, m));
            const metal = exportLimit(s, from, `${from}>${market}`, market, undefined, hub, 'metal', m);
            const oxide = exportLimit(s, from, `${from}>${market}`, market, undefined, hub, 'oxide', m);
            if (!origin.controlled) expect([metal, oxide]).toEqual([{ cap: Infinity, measure: '' }, { cap: Infinity, measure: '' }]);
            if (origin.sameForms) expect(metal).toEqual(oxide);
          }
        },
      ),
      { seed: 424242, numRuns: 400 },
    );
  });

  it('given an origin no tariff, terminal, control or programme names, when set, then it reads neutral terms', () => {
    const origin = new SaleOrigin();
    origin.set(world, initialWorldState(world), 'BEL', 5);
    expect({ provenance: origin.provenance, tariffs: origin.tariffs, terminals: origin.terminals, controlled: origin.controlled, certified: origin.certified }).toEqual({
      provenance: false, tariffs: false, terminals: false, controlled: false, certified: 0,
    });
  });
});

// A guard for changes to how the supply signal prices its routes.
describe('countryNetback', () => {
  it('given any certifications, tariffs and terminals, when a country signals supply, then its netback is the share-weighted mean of its feed routes as the economics functions price them', () => {
    const index = indexWorld(world);
    const origins = [...index.feedRoutesByOrigin.keys()];
    fc.assert(
      fc.property(partsArb, fc.constantFrom(...origins), fc.constantFrom<FeedForm>('ore', 'concentrate'), months, priceArb, (parts, country, form, m, prices) => {
        const s = stateOf(parts);
        const ctx = { world, index, s, m } as unknown as MonthContext;
        let nb = 0;
        let w = 0;
        for (const r of index.feedRoutesByOrigin.get(country) ?? []) {
          const market = marketOf(world, r.to);
          const scale = feedScale(world, s, country, r.to, market, payable(world, form), m);
          const cost = feedCost(world, s, country, r.to, market, r.freightUsdPerTonne, m);
          nb += r.baseShare * (scale * (prices[market] ?? 0) - cost);
          w += r.baseShare;
        }
        expect(countryNetback(ctx, country, form, prices)).toBe(w > 0 ? nb / w : 0);
      }),
      { seed: 424242, numRuns: 300 },
    );
  });
});
