import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { antimonyWorld, type FeedForm } from '../src/index.ts';
import { exportLimit } from '../src/model/controls.ts';
import {
  certification, feedCost, feedScale, marketHub, marketOf, payable, provenanceFactor, refinedNetback, refinedNetbackOf, routeFreight, tariffRate,
} from '../src/model/economics.ts';
import { initialWorldState } from '../src/model/initial.ts';
import { indexWorld, type MonthContext } from '../src/model/month/context.ts';
import { SaleOrigin } from '../src/model/month/sale-origin.ts';
import { countryNetback } from '../src/model/month/supply.ts';
import type { CertificationState, ControlState, TariffState, TerminalState, WorldState } from '../src/model/state.ts';

// Spot sales and clearing read a seller's terms once a month and skip the calls they show
// to be neutral; they must give exactly what the economics functions give, or the run's
// log changes.
const world = antimonyWorld();
// NLD is the exChina market's hub, so tariffs into every market are drawn.
const COUNTRIES = ['CHN', 'PAK', 'AFG', 'USA', 'NLD', 'BEL', 'THA', 'RUS', 'TJK'];
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
