import type { CountrySpec, FeedForm, MarketSpec, World } from '../world/types.ts';
import type { TerminalState, WorldState } from './state.ts';

/**
 * Small pure functions of prices, time and state that several monthly steps share:
 * time windows, certification, provenance, tariffs, freight and netbacks.
 */

/** Share of month `m` (the interval [m, m+1)) inside [start, until). */
export function activeFraction(m: number, start: number, until?: number): number {
  const lo = Math.max(m, start);
  const hi = Math.min(m + 1, until ?? Infinity);
  return hi > lo ? hi - lo : 0;
}

/** Share of nameplate usable in month `m` for a facility starting at `start` with a linear ramp. */
export function rampFactor(m: number, start: number, rampMonths: number, end?: number): number {
  const frac = activeFraction(m, start, end);
  if (frac <= 0) return 0;
  if (rampMonths <= 0) return frac;
  const mid = Math.max(m, start) + frac / 2;
  return frac * Math.min(1, Math.max(0, (mid - start) / rampMonths));
}

/** Certified share of a country's exports and the Afghan-origin share leaking into it. */
export interface Certification {
  readonly certified: number;
  readonly leakage: number;
}

const UNCERTIFIED: Certification = { certified: 0, leakage: 0 };

/** Certified share of a country's exports in month `m`, and the Afghan-origin share leaking into it. */
export function certification(world: World, s: WorldState, country: string, m: number): Certification {
  const c = s.certifications[country];
  if (c === undefined) return UNCERTIFIED;
  const f = activeFraction(m, c.start);
  if (f <= 0) return UNCERTIFIED;
  const progress = c.rampMonths <= 0 ? 1 : Math.min(1, Math.max(0, (m + 0.5 - c.start) / c.rampMonths));
  const coverage = f * (c.coverageStart + (c.coverageEnd - c.coverageStart) * progress);
  const informal = countryOf(world, country)?.informalImportShare ?? 0;
  return { certified: coverage * (1 - informal * c.detectionRate), leakage: coverage * informal * (1 - c.detectionRate) };
}

/** Certified share of a country's exports in month `m` (see {@link certification}). */
export function certifiedShare(world: World, s: WorldState, country: string, m: number): number {
  return s.certifications[country] === undefined ? 0 : certification(world, s, country, m).certified;
}

/** A world's countries and markets by id. */
interface Lookup {
  readonly countries: ReadonlyMap<string, CountrySpec>;
  /** The first market of each id, as `world.markets.find` would give. */
  readonly markets: ReadonlyMap<string, MarketSpec>;
}

const lookups = new WeakMap<World, Lookup>();
// The last world asked about: a run asks about one world thousands of times a month.
let lastWorld: World | undefined;
let lastLookup: Lookup | undefined;

function lookup(world: World): Lookup {
  if (world === lastWorld && lastLookup !== undefined) return lastLookup;
  let found = lookups.get(world);
  if (found === undefined) {
    const markets = new Map<string, MarketSpec>();
    for (const m of world.markets) if (!markets.has(m.id)) markets.set(m.id, m);
    found = { countries: new Map(world.countries.map((c) => [c.iso3, c])), markets };
    lookups.set(world, found);
  }
  lastWorld = world;
  lastLookup = found;
  return found;
}

/** The country spec of `iso3` (cached per world). */
export function countryOf(world: World, iso3: string): CountrySpec | undefined {
  return lookup(world).countries.get(iso3);
}

/** The market a country's plants and domestic sales face. */
export function marketOf(world: World, iso3: string): string {
  return countryOf(world, iso3)?.market ?? 'exChina';
}

/** Price multiplier for material from `origin` sold into `market`: provenance discount on unprovable material, premium on certified. */
export function provenanceFactor(world: World, s: WorldState, origin: string, market: string, m: number): number {
  if (!world.parameters.provenanceMarkets.includes(market)) return 1;
  const informal = (countryOf(world, origin)?.informalImportShare ?? 0) > 0;
  const cert = s.certifications[origin];
  if (!informal && cert === undefined) return 1;
  const { certified } = certification(world, s, origin, m);
  const premium = cert?.premiumShare ?? 0;
  const uncertifiedFactor = informal ? 1 - world.parameters.provenanceDiscount : 1;
  return certified * (1 + premium) + (1 - certified) * uncertifiedFactor;
}

/** Ad valorem tariff on goods from `exporter` entering `importer` in month `m`. */
export function tariffRate(s: WorldState, importer: string, exporter: string, m: number): number {
  if (importer === exporter) return 0;
  let rate = 0;
  for (const t of s.tariffs) {
    if (t.importer !== importer || (t.exporter !== exporter && t.exporter !== '*')) continue;
    rate += t.rate * activeFraction(m, t.start, t.until);
  }
  return rate;
}

/** Freight and transit from `from` to a market, using an open terminal when it is cheaper. */
export function routeCost(
  s: WorldState,
  from: string,
  market: string,
  baseFreight: number,
  baseTransit: number,
  m: number,
): { freight: number; transitDays: number; terminal?: string } {
  const t = terminalBeating(s, from, market, baseFreight, m);
  return t === undefined ? { freight: baseFreight, transitDays: baseTransit } : { freight: t.freightUsdPerTonne, transitDays: t.transitDays, terminal: t.id };
}

/**
 * The first open terminal from `from` to `market` with the lowest freight, if any. It
 * returns the terminal itself and takes no freight to beat (a number passed to a call
 * that is not inlined is boxed), so callers build nothing.
 */
function cheapestTerminal(s: WorldState, from: string, market: string, m: number): TerminalState | undefined {
  let best: TerminalState | undefined;
  for (const t of s.terminals) {
    if (t.country !== from || !t.markets.includes(market) || m + 1 <= t.openMonth) continue;
    if (t.freightUsdPerTonne < (best?.freightUsdPerTonne ?? Infinity)) best = t;
  }
  return best;
}

/**
 * The open terminal from `from` to `market` that {@link refinedTerms} and
 * {@link routeFreight} use instead of `baseFreight`: the cheapest when it beats it (the
 * first of equals, as a scan keeping only strict improvements finds), else undefined.
 */
export function terminalBeating(s: WorldState, from: string, market: string, baseFreight: number, m: number): TerminalState | undefined {
  const t = cheapestTerminal(s, from, market, m);
  return t !== undefined && t.freightUsdPerTonne < baseFreight ? t : undefined;
}

/** The freight part of {@link routeCost}, without building the result object. */
export function routeFreight(s: WorldState, from: string, market: string, baseFreight: number, m: number): number {
  return terminalBeating(s, from, market, baseFreight, m)?.freightUsdPerTonne ?? baseFreight;
}

/** Payable share of the metal price for a feed form. */
export function payable(world: World, form: FeedForm): number {
  return form === 'ore' ? world.parameters.payableOre : world.parameters.payableConcentrate;
}

/** A feed netback as `scale x P_market - cost`, so the same route can be priced at several price vectors. */
export interface NetbackTerms {
  readonly market: string;
  readonly scale: number;
  readonly cost: number;
}

/** The terms of the feed netback from `from` to processing country `to` (payable, provenance, tariff, freight, haulage). */
export function feedTerms(world: World, s: WorldState, from: string, to: string, form: FeedForm, baseFreight: number, m: number): NetbackTerms {
  const market = marketOf(world, to);
  return { market, scale: feedScale(world, s, from, to, market, payable(world, form), m), cost: feedCost(world, s, from, to, market, baseFreight, m) };
}

/**
 * The `scale` of {@link feedTerms} (`market` is `to`'s, `payableShare` the form's
 * {@link payable}), for callers that price many routes a month without building terms and
 * read the payable share once (a load from the world's parameters boxes a new number).
 */
export function feedScale(world: World, s: WorldState, from: string, to: string, market: string, payableShare: number, m: number): number {
  if (from === to) return payableShare;
  return (payableShare * provenanceFactor(world, s, from, market, m)) / (1 + tariffRate(s, to, from, m));
}

/** The `cost` of {@link feedTerms} (`market` is `to`'s): freight and inland haulage, half the haulage at home. */
export function feedCost(world: World, s: WorldState, from: string, to: string, market: string, baseFreight: number, m: number): number {
  const inland = countryOf(world, from)?.inlandFreightUsdPerTonne ?? 0;
  if (from === to) return inland / 2;
  return routeFreight(s, from, market, baseFreight, m) + inland;
}

/** A feed netback at `prices`: `scale x P_market - cost`. */
export function netbackAt(t: NetbackTerms, prices: Readonly<Record<string, number>>): number {
  return t.scale * (prices[t.market] ?? 0) - t.cost;
}

/** Netback per t of feed from `from` to processing country `to` at `prices`. */
export function feedNetback(
  world: World,
  s: WorldState,
  prices: Readonly<Record<string, number>>,
  from: string,
  to: string,
  form: FeedForm,
  baseFreight: number,
  m: number,
): number {
  return netbackAt(feedTerms(world, s, from, to, form, baseFreight, m), prices);
}

/** The price-independent parts of a refined netback, so one route can be priced at several price vectors. */
export interface RefinedTerms {
  readonly market: string;
  /** Provenance multiplier on the price. */
  readonly factor: number;
  /** 1 + the importer's tariff rate. */
  readonly tariffFactor: number;
  readonly freight: number;
  readonly transitDays: number;
  readonly carryingCostPerYear: number;
}

/** The terms of the refined netback from `from` into `market` (provenance, tariff, freight, transit). */
export function refinedTerms(world: World, s: WorldState, from: string, market: string, baseFreight: number, baseTransit: number, m: number): RefinedTerms {
  const terminal = terminalBeating(s, from, market, baseFreight, m);
  const importer = lookup(world).markets.get(market)?.hub ?? '';
  return {
    market,
    factor: provenanceFactor(world, s, from, market, m),
    tariffFactor: 1 + tariffRate(s, importer, from, m),
    freight: terminal === undefined ? baseFreight : terminal.freightUsdPerTonne,
    transitDays: terminal === undefined ? baseTransit : terminal.transitDays,
    carryingCostPerYear: world.parameters.carryingCostPerYear,
  };
}

/** A refined netback at `prices`: price less provenance, tariff, freight and carrying cost in transit. */
export function refinedNetbackAt(t: RefinedTerms, prices: Readonly<Record<string, number>>): number {
  return refinedNetbackOf(prices[t.market] ?? 0, t.factor, t.tariffFactor, t.freight, t.transitDays, t.carryingCostPerYear);
}

/** Netback per t of refined product from `from` sold into `market` at `prices`. */
export function refinedNetback(
  world: World,
  s: WorldState,
  prices: Readonly<Record<string, number>>,
  from: string,
  market: string,
  baseFreight: number,
  baseTransit: number,
  m: number,
): number {
  return refinedNetbackAt(refinedTerms(world, s, from, market, baseFreight, baseTransit, m), prices);
}

/**
 * The hub country of `market` (the first market of that id, as {@link refinedTerms} reads
 * it), or '' when there is none: for callers that price refined routes without building
 * terms objects.
 */
export function marketHub(world: World, market: string): string {
  return lookup(world).markets.get(market)?.hub ?? '';
}

/**
 * The netback of a refined route from its parts (`price` the market's price, the other
 * operands those of {@link RefinedTerms}): {@link refinedNetbackAt} computes it from a
 * terms object, spot sales from parts kept in locals.
 */
export function refinedNetbackOf(price: number, factor: number, tariffFactor: number, freight: number, transitDays: number, carryingCostPerYear: number): number {
  const gross = price * factor;
  const carrying = (price * carryingCostPerYear * transitDays) / 365;
  return gross / tariffFactor - freight - carrying;
}
