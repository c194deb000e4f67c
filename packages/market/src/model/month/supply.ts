import { activeFraction, countryOf, feedTerms, netbackAt, rampFactor, type NetbackTerms } from '../economics.ts';
import type { FeedForm } from '../../world/types.ts';
import type { MineState, PlantState } from '../state.ts';
import type { MonthContext } from './context.ts';

/** What a country's supply signal depends on besides prices: its base feed routes' netback terms, or its home netback when it has none. */
interface SignalTerms {
  readonly home?: NetbackTerms;
  readonly routes: readonly { readonly share: number; readonly terms: NetbackTerms }[];
}

function signalTerms(ctx: MonthContext, country: string, form: FeedForm): SignalTerms {
  const routes = ctx.index.feedRoutesByOrigin.get(country);
  if (routes === undefined || routes.length === 0) return { home: feedTerms(ctx.world, ctx.s, country, country, form, 0, ctx.m), routes: [] };
  return { routes: routes.map((r) => ({ share: r.baseShare, terms: feedTerms(ctx.world, ctx.s, country, r.to, form, r.freightUsdPerTonne, ctx.m) })) };
}

function meanNetback(t: SignalTerms, prices: Readonly<Record<string, number>>): number {
  if (t.home !== undefined) return netbackAt(t.home, prices);
  let nb = 0;
  let w = 0;
  for (const r of t.routes) {
    nb += r.share * netbackAt(r.terms, prices);
    w += r.share;
  }
  return w > 0 ? nb / w : 0;
}

/** Mean feed netback of a country's base routes at `prices` (its supply signal). */
export function countryNetback(ctx: MonthContext, country: string, form: FeedForm, prices: Readonly<Record<string, number>>): number {
  return meanNetback(signalTerms(ctx, country, form), prices);
}

/** Random mine disruptions: each exposed country not already disrupted may start one this month. */
export function drawDisruptions(ctx: MonthContext): void {
  const { s, m } = ctx;
  for (const regime of s.regimes) {
    const f = activeFraction(m, regime.start, regime.until);
    if (f <= 0) continue;
    const countries = regime.countries.length > 0 ? regime.countries : [...new Set(Object.values(s.mines).map((x) => x.country))];
    const p = (1 - Math.pow(1 - regime.annualProbability, 1 / 12)) * f;
    const stream = ctx.rng('mineDisruption');
    for (const country of countries) {
      const active = s.disruptions[country];
      if (active !== undefined && active.untilMonth > m) continue;
      if (stream.next() >= p) continue;
      const u = stream.next();
      const duration = Math.max(1, Math.round(-regime.meanDurationMonths * Math.log(1 - u)));
      ctx.emit({ type: 'Disrupted', data: { country, month: m, severity: regime.severity, untilMonth: m + duration } });
    }
  }
}

/** Utilisation of mines and plants moves part of the way to its price-driven target (partial adjustment). */
export function adjustUtilization(ctx: MonthContext): void {
  const { world, s, prices } = ctx;
  const p = world.parameters;
  const shortStep = 1 - Math.exp(-1 / p.utilizationAdjustmentMonths);
  const longStep = 1 - Math.exp(-1 / (12 * p.capacityAdjustmentYears));
  const ref = ctx.index.referencePrices;
  // Each facility's step depends only on the state, so they can go in sorted id order,
  // which lists the event's records sorted (the log hash's fast path).
  const mineIds: string[] = [];
  const mineValues: (readonly [number, number])[] = [];
  // The price signal of each country and feed form, computed once.
  const signals = { ore: new Map<string, number>(), concentrate: new Map<string, number>() };
  for (const id of ctx.index.mineOrder.of(s.mines)) {
    const mine = s.mines[id] as MineState;
    const signal = signals[mine.form];
    let index = signal.get(mine.country);
    if (index === undefined) {
      const terms = signalTerms(ctx, mine.country, mine.form);
      const nb0 = meanNetback(terms, ref);
      const nb = meanNetback(terms, prices);
      ctx.netbacks[mine.form].set(mine.country, nb);
      index = nb0 > 0 ? Math.max(0, nb / nb0) : 1;
      signal.set(mine.country, index);
    }
    const uTarget = Math.min(1.25, Math.pow(index, mine.elasticityShortRun));
    const cTarget = Math.min(3, Math.pow(index, mine.elasticityLongRun));
    const u = mine.utilization + (uTarget - mine.utilization) * shortStep;
    const c = mine.capacityFactor + (cTarget - mine.capacityFactor) * longStep;
    mineIds.push(mine.id);
    mineValues.push([u, c]);
  }
  const plantIds: string[] = [];
  const plantValues: number[] = [];
  for (const id of ctx.index.plantOrder.of(s.plants)) {
    const plant = s.plants[id] as PlantState;
    const market = countryOf(world, plant.country)?.market ?? 'exChina';
    // Idle capacity restarts when prices exceed the reference; below it, feed (not price) limits output.
    const ratio = Math.max(1, (prices[market] ?? 0) / (ref[market] ?? 1));
    const target = Math.min(1, Math.max(0.02, plant.baseUtilization * Math.pow(ratio, p.plantUtilizationElasticity)));
    plantIds.push(plant.id);
    plantValues.push(plant.availability + (target - plant.availability) * shortStep);
  }
  // Records of ~40 keys built key by key would be slow hash tables (see RecordShape).
  const mines = ctx.index.mineShape.build(mineIds, mineValues);
  const plants = ctx.index.plantShape.build(plantIds, plantValues);
  ctx.emit({ type: 'UtilizationAdjusted', data: { mines, month: ctx.m, plants } });
}

/** A country's monthly mine output of one feed form, summed over its mines and shifts. */
interface Output {
  readonly country: string;
  readonly form: FeedForm;
  tonnesPerYear: number;
}

/** Mines produce: capacity x long-run factor x ramp x utilisation, plus supply shifts, less disruptions. */
export function produce(ctx: MonthContext): void {
  const { world, s, m, prices } = ctx;
  // Output per country and form, in the order the mines list them (the order of the events).
  const entries: Output[] = [];
  const byForm = { ore: new Map<string, Output>(), concentrate: new Map<string, Output>() };
  const entryOf = (country: string, form: FeedForm): Output => {
    let entry = byForm[form].get(country);
    if (entry === undefined) {
      entry = { country, form, tonnesPerYear: 0 };
      byForm[form].set(country, entry);
      entries.push(entry);
    }
    return entry;
  };
  for (const mine of Object.values(s.mines)) {
    const ramp = rampFactor(m, mine.startMonth, mine.rampUpMonths);
    if (ramp <= 0) continue;
    entryOf(mine.country, mine.form).tonnesPerYear += mine.capacityTonnesPerYear * mine.capacityFactor * ramp * mine.utilization;
  }
  for (const shift of s.shifts) {
    const f = rampFactor(m, shift.start, shift.rampMonths, shift.end);
    if (f <= 0) continue;
    // A shift adds to the country's first output, or to new concentrate output.
    for (const [country, delta] of Object.entries(shift.allocation)) {
      const entry = entries.find((e) => e.country === country) ?? entryOf(country, 'concentrate');
      entry.tonnesPerYear += delta * f;
    }
  }
  for (const entry of entries) {
    const d = s.disruptions[entry.country];
    const lost = d !== undefined && d.untilMonth > m ? d.severity : 0;
    const tonnes = Math.max(0, (entry.tonnesPerYear / 12) * (1 - lost));
    if (tonnes <= 0) continue;
    const spec = countryOf(world, entry.country);
    const netback = ctx.netbacks[entry.form].get(entry.country) ?? countryNetback(ctx, entry.country, entry.form, prices);
    const mineGate = Math.max(0, netback * (1 - (spec?.traderMarginShare ?? 0)));
    ctx.emit({ type: 'MineProduced', data: { country: entry.country, form: entry.form, mineGateUsd: tonnes * mineGate, month: m, tonnes } });
    const informal = spec?.informalImportShare ?? 0;
    if (informal > 0 && informal < 1) {
      ctx.emit({
        type: 'InformalInflow',
        data: { country: entry.country, form: entry.form, month: m, origin: 'AFG', tonnes: (tonnes * informal) / (1 - informal) },
      });
    }
  }
}
