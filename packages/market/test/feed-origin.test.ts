import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { antimonyWorld, type FeedForm } from '../src/index.ts';
import { exportLimit } from '../src/model/controls.ts';
import { certifiedShare, feedCost, feedScale, marketOf, payable, provenanceFactor, routeFreight, tariffRate } from '../src/model/economics.ts';
import { initialWorldState } from '../src/model/initial.ts';
import { FeedOrigin } from '../src/model/month/feed-origin.ts';
import { Names } from '../src/model/month/names.ts';
import type { CertificationState, ControlState, TariffState, TerminalState, WorldState } from '../src/model/state.ts';

// The feed trade prices routes from an origin's terms read once a month; they must give
// exactly what the economics functions give, or the run's log changes.
const world = antimonyWorld();
const COUNTRIES = ['CHN', 'PAK', 'AFG', 'USA', 'BEL', 'THA', 'RUS', 'TJK'];
const MARKETS = world.markets.map((m) => m.id);
const months = fc.integer({ min: 0, max: 36 }).chain((m) => fc.constantFrom(m, m + 0.5));
const until = fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined });
const withUntil = <T extends object>(t: T, u: number | undefined): T => (u === undefined ? t : { ...t, until: u });

const certificationArb: fc.Arbitrary<CertificationState> = fc.record({
  country: fc.constantFrom(...COUNTRIES),
  start: fc.integer({ min: 0, max: 24 }),
  coverageStart: fc.double({ min: 0, max: 1, noNaN: true }),
  coverageEnd: fc.double({ min: 0, max: 1, noNaN: true }),
  rampMonths: fc.integer({ min: 0, max: 12 }),
  detectionRate: fc.double({ min: 0, max: 1, noNaN: true }),
  usProcurementEligible: fc.boolean(),
  premiumShare: fc.double({ min: 0, max: 0.3, noNaN: true }),
  costUsdPerTonne: fc.double({ min: 0, max: 50, noNaN: true }),
});
const tariffArb: fc.Arbitrary<TariffState> = fc
  .tuple(fc.record({ importer: fc.constantFrom(...COUNTRIES), exporter: fc.constantFrom('*', ...COUNTRIES), rate: fc.double({ min: 0, max: 3, noNaN: true }), start: fc.integer({ min: 0, max: 24 }) }), until)
  .map(([t, u]) => withUntil(t, u));
const terminalArb: fc.Arbitrary<TerminalState> = fc.record({
  id: fc.constantFrom('t1', 't2', 't3'),
  country: fc.constantFrom(...COUNTRIES),
  markets: fc.subarray(MARKETS),
  openMonth: fc.integer({ min: 0, max: 24 }),
  freightUsdPerTonne: fc.double({ min: 0, max: 300, noNaN: true }),
  transitDays: fc.integer({ min: 1, max: 60 }),
  throughputTonnesPerYear: fc.constant(10000),
  capexUsd: fc.constant(0),
});
const controlArb: fc.Arbitrary<ControlState> = fc
  .tuple(
    fc.record({
      id: fc.constantFrom('c1', 'c2', 'c3'),
      country: fc.constantFrom(...COUNTRIES),
      measure: fc.constantFrom('licensing', 'ban', 'suspension', 'quota') as fc.Arbitrary<ControlState['measure']>,
      destinations: fc.subarray(['*', ...MARKETS, ...COUNTRIES], { minLength: 1 }),
      products: fc.subarray(['ore', 'concentrate', 'metal', 'oxide'] as const, { minLength: 1 }),
      start: fc.integer({ min: 0, max: 24 }),
      licensingDelayMonths: fc.integer({ min: 0, max: 6 }),
      approvalShare: fc.double({ min: 0, max: 1, noNaN: true }),
      quotaTonnesPerMonth: fc.double({ min: 0, max: 5000, noNaN: true }),
      reference: fc.dictionary(fc.constantFrom('CHN>USA', 'PAK>BEL', 'AFG>CHN', 'RUS>THA', 'us', 'exChina'), fc.double({ min: 0, max: 5000, noNaN: true })),
    }),
    until,
  )
  .map(([c, u]) => withUntil(c, u));

// Only the parts the terms read are generated (a counterexample shows just them); the rest is the initial state.
const partsArb = fc.record({
  certifications: fc.array(certificationArb, { maxLength: 4 }),
  tariffs: fc.array(tariffArb, { maxLength: 4 }),
  terminals: fc.array(terminalArb, { maxLength: 3 }),
  controls: fc.array(controlArb, { maxLength: 4 }),
});
const initial = initialWorldState(world);
const stateOf = (parts: typeof partsArb extends fc.Arbitrary<infer P> ? P : never): WorldState => ({
  ...initial,
  certifications: Object.fromEntries(parts.certifications.map((c) => [c.country, c])),
  tariffs: parts.tariffs,
  terminals: parts.terminals,
  controls: parts.controls,
});

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
