import fc from 'fast-check';
import type { TimedCommand, World, WorldIntervention } from '../../src/index.ts';

const COUNTRIES = ['CHN', 'RUS', 'TJK', 'PAK', 'USA', 'BEL', 'THA', 'MMR', 'AUS', 'IND'];
const PRODUCTS = ['ore', 'concentrate', 'metal', 'oxide'] as const;

/** Any intervention the market model executes, with plausible and edge-case values. */
export const interventionArb: fc.Arbitrary<WorldIntervention> = fc.oneof(
  fc.record({
    kind: fc.constant('exportControl' as const),
    country: fc.constantFrom(...COUNTRIES),
    measure: fc.constantFrom('licensing', 'ban', 'suspension', 'quota', 'lift') as fc.Arbitrary<'licensing' | 'ban' | 'suspension' | 'quota' | 'lift'>,
    destinations: fc.subarray(['*', 'us', 'exChina', 'chinaDomestic', 'USA', 'CHN', 'THA'], { minLength: 1 }),
    products: fc.subarray([...PRODUCTS], { minLength: 1 }),
    licensingDelayMonths: fc.double({ min: 0, max: 6, noNaN: true }),
    approvalShare: fc.double({ min: 0, max: 1, noNaN: true }),
    quotaTonnesPerYear: fc.double({ min: 0, max: 50000, noNaN: true }),
    until: fc.option(fc.double({ min: 0, max: 40, noNaN: true }), { nil: undefined }),
  }).map(({ until, ...rest }) => (until === undefined ? rest : { ...rest, until })),
  fc.record({
    kind: fc.constant('tariff' as const),
    importer: fc.constantFrom(...COUNTRIES),
    exporter: fc.constantFrom('*', ...COUNTRIES),
    rate: fc.double({ min: 0, max: 3, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('stockpile' as const),
    country: fc.constantFrom('USA', 'CHN', 'BEL'),
    action: fc.constantFrom('buy', 'release') as fc.Arbitrary<'buy' | 'release'>,
    tonnes: fc.double({ min: 1, max: 20000, noNaN: true }),
    overMonths: fc.integer({ min: 1, max: 24 }),
  }),
  fc.record({
    kind: fc.constant('buildPlant' as const),
    id: fc.constantFrom('new-a', 'new-b', 'new-c'),
    country: fc.constantFrom(...COUNTRIES),
    stage: fc.constantFrom('concentrator', 'roaster', 'smelter', 'trioxide') as fc.Arbitrary<'concentrator' | 'roaster' | 'smelter' | 'trioxide'>,
    capacityTonnesPerYear: fc.double({ min: 0, max: 30000, noNaN: true }),
    capexUsd: fc.double({ min: 0, max: 1e9, noNaN: true }),
    leadTimeMonths: fc.integer({ min: 0, max: 24 }),
    rampUpMonths: fc.integer({ min: 0, max: 12 }),
    recovery: fc.double({ min: 0.05, max: 1, noNaN: true }),
    operatingCostUsdPerTonne: fc.double({ min: 0, max: 20000, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('openTerminal' as const),
    id: fc.constantFrom('t-a', 't-b'),
    country: fc.constantFrom(...COUNTRIES),
    throughputTonnesPerYear: fc.double({ min: 1, max: 5000, noNaN: true }),
    freightUsdPerTonne: fc.double({ min: 0, max: 500, noNaN: true }),
    transitDays: fc.double({ min: 0, max: 60, noNaN: true }),
    capexUsd: fc.double({ min: 0, max: 1e9, noNaN: true }),
    leadTimeMonths: fc.integer({ min: 0, max: 24 }),
    markets: fc.subarray(['exChina', 'us', 'chinaDomestic'], { minLength: 1 }),
  }),
  fc.record({
    kind: fc.constant('certify' as const),
    country: fc.constantFrom('PAK', 'CHN', 'RUS'),
    coverageStart: fc.double({ min: 0, max: 1, noNaN: true }),
    coverageEnd: fc.double({ min: 0, max: 1, noNaN: true }),
    rampMonths: fc.integer({ min: 0, max: 24 }),
    detectionRate: fc.double({ min: 0, max: 1, noNaN: true }),
    usProcurementEligible: fc.boolean(),
    premiumShare: fc.double({ min: 0, max: 1, noNaN: true }),
    costUsdPerTonne: fc.double({ min: 0, max: 1000, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('offtake' as const),
    id: fc.constantFrom('o-a', 'o-b'),
    seller: fc.constantFrom(...COUNTRIES),
    buyer: fc.constantFrom(...COUNTRIES),
    tonnesPerYear: fc.double({ min: 1, max: 20000, noNaN: true }),
    years: fc.double({ min: 0.1, max: 10, noNaN: true }),
    priceFormula: fc.oneof(
      fc.record({ kind: fc.constant('fixed' as const), usdPerTonne: fc.double({ min: 1, max: 100000, noNaN: true }) }),
      fc.record({ kind: fc.constant('indexed' as const), market: fc.constantFrom('exChina', 'us', 'chinaDomestic'), factor: fc.double({ min: 0.1, max: 2, noNaN: true }), premiumUsdPerTonne: fc.double({ min: -5000, max: 5000, noNaN: true }) }),
    ),
  }),
  fc.record({
    kind: fc.constant('supplyShift' as const),
    countries: fc.subarray(COUNTRIES, { minLength: 1 }),
    direction: fc.constantFrom('growth', 'disruption') as fc.Arbitrary<'growth' | 'disruption'>,
    tonnesPerYear: fc.double({ min: 0, max: 50000, noNaN: true }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
    rampMonths: fc.integer({ min: 0, max: 24 }),
  }),
  fc.record({
    kind: fc.constant('disruptionRisk' as const),
    annualProbability: fc.double({ min: 0, max: 1, noNaN: true }),
    meanDurationMonths: fc.double({ min: 0.5, max: 24, noNaN: true }),
    severity: fc.double({ min: 0, max: 1, noNaN: true }),
    countries: fc.subarray(COUNTRIES),
  }),
);

/** Timed intervention commands, at most `max`. */
export const commandsArb = (max: number): fc.Arbitrary<TimedCommand[]> =>
  fc.array(fc.tuple(fc.double({ min: 0, max: 30, noNaN: true }), interventionArb), { maxLength: max }).map((xs) =>
    xs.map(([time, intervention], i) => ({ time, command: { type: 'ApplyIntervention' as const, data: { id: `i${i}`, intervention } } })),
  );

/** A perturbation of a base world: scaled demand, mines, plants and starting prices, some zeroed. */
export const worldArb = (base: World): fc.Arbitrary<World> =>
  fc
    .record({
      demand: fc.constantFrom(0, 0.1, 0.5, 1, 2, 4),
      mines: fc.array(fc.constantFrom(0, 0.3, 1, 3), { minLength: base.mines.length, maxLength: base.mines.length }),
      plants: fc.array(fc.constantFrom(0, 0.5, 1, 2), { minLength: base.plants.length, maxLength: base.plants.length }),
      price: fc.constantFrom(0.2, 1, 5),
      flexibility: fc.constantFrom(0.2, 0.8, 3),
    })
    .map((p) => ({
      ...base,
      buyers: base.buyers.map((b) => ({ ...b, demandTonnesPerYear: b.demandTonnesPerYear * p.demand })),
      mines: base.mines.map((m, i) => ({ ...m, capacityTonnesPerYear: m.capacityTonnesPerYear * (p.mines[i] ?? 1) })),
      plants: base.plants.map((x, i) => ({ ...x, capacityTonnesPerYear: x.capacityTonnesPerYear * (p.plants[i] ?? 1) })),
      markets: base.markets.map((m) => ({ ...m, initialPriceUsdPerTonne: m.initialPriceUsdPerTonne * p.price, priceFlexibility: p.flexibility })),
    }));
