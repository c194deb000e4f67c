import { activeFraction, countryOf, feedCost, feedScale, marketOf, payable, rampFactor } from '../economics.ts';
import type { FeedForm } from '../../world/types.ts';
import type { MineState, PlantState } from '../state.ts';
import type { MonthContext } from './context.ts';
import { CountryTally } from './country-tally.ts';
import { FormTable } from './form-table.ts';
import { PowMemo } from './pow-memo.ts';

/**
 * A country's supply signal: the mean feed netback of its base routes (share-weighted), or
 * its home netback when it has none, at the month's prices ([0]) and at reference prices
 * ([1]). One array serves every call (read it before the next), so a signal costs no
 * arrays or route objects.
 */
const signal = new Float64Array(2);

function signalNetbacks(ctx: MonthContext, country: string, form: FeedForm, prices: Readonly<Record<string, number>>, ref: Readonly<Record<string, number>>): Float64Array {
  const { world, s, m } = ctx;
  const share = payable(world, form);
  const routes = ctx.index.feedRoutesByOrigin.get(country);
  if (routes === undefined || routes.length === 0) {
    // feedTerms' parts, without building its object: scale x P - cost, as netbackAt.
    const market = marketOf(world, country);
    const scale = feedScale(world, s, country, country, market, share, m);
    const cost = feedCost(world, s, country, country, market, 0, m);
    signal[0] = scale * (prices[market] ?? 0) - cost;
    signal[1] = scale * (ref[market] ?? 0) - cost;
    return signal;
  }
  // Each sum runs in route order, as one mean at a time did.
  let nb = 0;
  let nb0 = 0;
  let w = 0;
  for (const r of routes) {
    const market = marketOf(world, r.to);
    const scale = feedScale(world, s, country, r.to, market, share, m);
    const cost = feedCost(world, s, country, r.to, market, r.freightUsdPerTonne, m);
    nb += r.baseShare * (scale * (prices[market] ?? 0) - cost);
    nb0 += r.baseShare * (scale * (ref[market] ?? 0) - cost);
    w += r.baseShare;
  }
  signal[0] = w > 0 ? nb / w : 0;
  signal[1] = w > 0 ? nb0 / w : 0;
  return signal;
}

/** Mean feed netback of a country's base routes at `prices` (its supply signal). */
export function countryNetback(ctx: MonthContext, country: string, form: FeedForm, prices: Readonly<Record<string, number>>): number {
  return signalNetbacks(ctx, country, form, prices, prices)[0] as number;
}

/** Countries with mines, each once, in the order the mines list them (refilled when a regime needs them). */
const miningCountries = new CountryTally();

function listMiningCountries(mines: MonthContext['s']['mines']): CountryTally {
  miningCountries.reset();
  for (const id in mines) miningCountries.slot((mines[id] as MineState).country);
  return miningCountries;
}

/** Random mine disruptions: each exposed country not already disrupted may start one this month. */
export function drawDisruptions(ctx: MonthContext): void {
  const { s, m } = ctx;
  for (const regime of s.regimes) {
    const f = activeFraction(m, regime.start, regime.until);
    if (f <= 0) continue;
    // A regime listing no countries exposes every mining country (listed before any draw).
    const listed = regime.countries.length > 0;
    const mining = listed ? miningCountries : listMiningCountries(s.mines);
    const n = listed ? regime.countries.length : mining.count;
    const p = (1 - Math.pow(1 - regime.annualProbability, 1 / 12)) * f;
    const stream = ctx.rng('mineDisruption');
    for (let i = 0; i < n; i++) {
      const country = listed ? (regime.countries[i] as string) : mining.country(i);
      const active = s.disruptions[country];
      if (active !== undefined && active.untilMonth > m) continue;
      if (stream.next() >= p) continue;
      const u = stream.next();
      const duration = Math.max(1, Math.round(-regime.meanDurationMonths * Math.log(1 - u)));
      ctx.emit({ type: 'Disrupted', data: { country, month: m, severity: regime.severity, untilMonth: m + duration } });
    }
  }
}

/** Each country's price index per feed form this month (utilisation computes it once per country and form). */
const indices = new FormTable();
// Mines' new [utilisation, capacity factor] and plants' new availabilities, in sorted id
// order, reused month to month: entries past this month's facilities are stale and unread.
const mineRates: (readonly [number, number])[] = [];
const availabilities: number[] = [];
/** Plants' price ratios raised to the utilisation elasticity: a month has one ratio per market, a dozen plants share them. */
const plantPowers = new PowMemo();

/** Utilisation of mines and plants moves part of the way to its price-driven target (partial adjustment). */
export function adjustUtilization(ctx: MonthContext): void {
  const { world, s, prices } = ctx;
  const p = world.parameters;
  const shortStep = 1 - Math.exp(-1 / p.utilizationAdjustmentMonths);
  const longStep = 1 - Math.exp(-1 / (12 * p.capacityAdjustmentYears));
  const ref = ctx.index.referencePrices;
  // Each facility's step depends only on the state, so they can go in sorted id order,
  // which lists the event's records sorted (the log hash's fast path). Records are keyed
  // by id, so the sorted keys are the ids.
  const mineIds = ctx.index.mineOrder.of(s.mines);
  indices.reset();
  for (let i = 0; i < mineIds.length; i++) {
    const mine = s.mines[mineIds[i] as string] as MineState;
    let k = indices.find(mine.country, mine.form);
    if (k < 0) {
      const netbacks = signalNetbacks(ctx, mine.country, mine.form, prices, ref);
      const nb = netbacks[0] as number;
      const nb0 = netbacks[1] as number;
      ctx.netbacks[mine.form].set(mine.country, nb);
      k = indices.add(mine.country, mine.form, nb0 > 0 ? Math.max(0, nb / nb0) : 1);
    }
    const index = indices.values[k] as number;
    const uTarget = Math.min(1.25, Math.pow(index, mine.elasticityShortRun));
    const cTarget = Math.min(3, Math.pow(index, mine.elasticityLongRun));
    const u = mine.utilization + (uTarget - mine.utilization) * shortStep;
    const c = mine.capacityFactor + (cTarget - mine.capacityFactor) * longStep;
    mineRates[i] = [u, c];
  }
  const plantIds = ctx.index.plantOrder.of(s.plants);
  plantPowers.begin(p.plantUtilizationElasticity);
  for (let i = 0; i < plantIds.length; i++) {
    const plant = s.plants[plantIds[i] as string] as PlantState;
    const market = countryOf(world, plant.country)?.market ?? 'exChina';
    // Idle capacity restarts when prices exceed the reference; below it, feed (not price) limits output.
    const ratio = Math.max(1, (prices[market] ?? 0) / (ref[market] ?? 1));
    const target = Math.min(1, Math.max(0.02, plant.baseUtilization * plantPowers.pow(ratio)));
    availabilities[i] = plant.availability + (target - plant.availability) * shortStep;
  }
  // Records of ~40 keys built key by key would be slow hash tables (see RecordShape); it reads one value per key.
  const mines = ctx.index.mineShape.build(mineIds, mineRates);
  const plants = ctx.index.plantShape.build(plantIds, availabilities);
  ctx.emit({ type: 'UtilizationAdjusted', data: { mines, month: ctx.m, plants } });
}

/** Each country's yearly mine output rate per feed form, in the order the mines list them (the order of the events). */
const outputs = new FormTable();

/** Mines produce: capacity x long-run factor x ramp x utilisation, plus supply shifts, less disruptions. */
export function produce(ctx: MonthContext): void {
  const { world, s, m, prices } = ctx;
  outputs.reset();
  for (const id in s.mines) {
    const mine = s.mines[id] as MineState;
    const ramp = rampFactor(m, mine.startMonth, mine.rampUpMonths);
    if (ramp <= 0) continue;
    const k = outputOf(mine.country, mine.form);
    outputs.values[k] = (outputs.values[k] as number) + mine.capacityTonnesPerYear * mine.capacityFactor * ramp * mine.utilization;
  }
  for (const shift of s.shifts) {
    const f = rampFactor(m, shift.start, shift.rampMonths, shift.end);
    if (f <= 0) continue;
    // A shift adds to the country's first output, or to new concentrate output.
    for (const country in shift.allocation) {
      const delta = shift.allocation[country] as number;
      const first = outputs.findCountry(country);
      const k = first >= 0 ? first : outputOf(country, 'concentrate');
      outputs.values[k] = (outputs.values[k] as number) + delta * f;
    }
  }
  for (let k = 0; k < outputs.count; k++) {
    const country = outputs.country(k);
    const form = outputs.form(k);
    const d = s.disruptions[country];
    const lost = d !== undefined && d.untilMonth > m ? d.severity : 0;
    const tonnes = Math.max(0, ((outputs.values[k] as number) / 12) * (1 - lost));
    if (tonnes <= 0) continue;
    const spec = countryOf(world, country);
    const netback = ctx.netbacks[form].get(country) ?? countryNetback(ctx, country, form, prices);
    const mineGate = Math.max(0, netback * (1 - (spec?.traderMarginShare ?? 0)));
    ctx.emit({ type: 'MineProduced', data: { country, form, mineGateUsd: tonnes * mineGate, month: m, tonnes } });
    const informal = spec?.informalImportShare ?? 0;
    if (informal > 0 && informal < 1) {
      ctx.emit({ type: 'InformalInflow', data: { country, form, month: m, origin: 'AFG', tonnes: (tonnes * informal) / (1 - informal) } });
    }
  }
}

/** The output entry of `country` and `form`, added at zero if new. */
function outputOf(country: string, form: FeedForm): number {
  const k = outputs.find(country, form);
  return k >= 0 ? k : outputs.add(country, form, 0);
}
