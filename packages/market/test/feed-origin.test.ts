import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { antimonyWorld, type FeedForm } from '../src/index.ts';
import { exportLimit } from '../src/model/controls.ts';
import { certifiedShare, feedCost, feedScale, marketOf, payable, provenanceFactor, routeFreight, tariffRate } from '../src/model/economics.ts';
import { FeedOrigin } from '../src/model/month/feed-origin.ts';
import { Names } from '../src/model/month/names.ts';
import { initialWorldState } from '../src/model/initial.ts';
import { policyStates } from './support/policy-state.ts';

// The feed trade prices routes from an origin's terms read once a month; they must give
// exactly what the economics functions give, or the run's log changes.
const world = antimonyWorld();
const COUNTRIES = ['CHN', 'PAK', 'AFG', 'USA', 'BEL', 'THA', 'RUS', 'TJK'];
const MARKETS = world.markets.map((m) => m.id);
const { months, partsArb, stateOf } = policyStates(world, COUNTRIES);

describe('FeedOrigin', () => {
  it('given any certifications, tariffs, terminals and controls, when a route is priced from the origin terms, then it equals the economics functions exactly', () => {
    const origins = new FeedOrigin();
    const provenanceMarkets = world.parameters.provenanceMarkets;
    fc.assert(
      fc.property(
        partsArb,
        fc.constantFrom(...COUNTRIES),
        fc.constantFrom(...COUNTRIES),
        fc.constantFrom<FeedForm>('ore', 'concentrate'),
        months,
        fc.double({ min: 0, max: 400, noNaN: true }),
        (parts, origin, to, form, m, baseFreight) => {
          fc.pre(origin !== to);
          const s = stateOf(parts);
          const share = payable(world, form);
          origins.set(world, s, origin, form, share, m);
          expect(origins.certified).toBe(certifiedShare(world, s, origin, m));
          for (const market of MARKETS) {
            const inProvenance = provenanceMarkets.includes(market);
            expect(origins.factor(world, s, market, inProvenance, m)).toBe(provenanceFactor(world, s, origin, market, m));
            expect(origins.freight(s, market, baseFreight, m)).toBe(routeFreight(s, origin, market, baseFreight, m));
          }
          expect(origins.tariff(s, to, m)).toBe(tariffRate(s, to, origin, m));
          const market = marketOf(world, to);
          expect(origins.scale(world, s, to, market, provenanceMarkets.includes(market), m)).toBe(feedScale(world, s, origin, to, market, share, m));
          expect(origins.cost(s, market, baseFreight, m)).toBe(feedCost(world, s, origin, to, market, baseFreight, m));
          if (!origins.controlled) {
            const hub = world.markets.find((x) => x.id === market)?.hub ?? '';
            expect(exportLimit(s, origin, `${origin}>${to}`, market, to, hub, form, m)).toEqual({ cap: Infinity, measure: '' });
          }
        },
      ),
      { seed: 424242, numRuns: 400 },
    );
  });

  it('given an origin no tariff, terminal or control names, when set, then it reads neutral terms', () => {
    const s = initialWorldState(world);
    const origins = new FeedOrigin();
    origins.set(world, s, 'BEL', 'concentrate', payable(world, 'concentrate'), 5);
    expect({ tariffs: origins.tariffs, terminals: origins.terminals, controlled: origins.controlled, certified: origins.certified }).toEqual({
      tariffs: false,
      terminals: false,
      controlled: false,
      certified: 0,
    });
  });

  it('given origins, slots and destinations that change between calls, when flow keys are asked, then each is the names flow key', () => {
    const origins = new FeedOrigin();
    const s = initialWorldState(world);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...COUNTRIES), fc.constantFrom(...COUNTRIES), fc.integer({ min: 0, max: 5 }), fc.boolean()), { maxLength: 40 }), (calls) => {
        let names = new Names();
        for (const [origin, to, slot, newWorld] of calls) {
          if (newWorld) names = new Names();
          origins.set(world, s, origin, 'ore', 0.5, 0);
          const key = origins.flowKey(names, to, slot);
          expect(key).toBe(`${origin}>${to}`);
          expect(key).toBe(names.flow(origin, to));
        }
      }),
      { seed: 424242, numRuns: 200 },
    );
  });
});
