import { activeFraction, countryOf, feedNetback, rampFactor } from '../economics.ts';
import type { FeedForm } from '../../world/types.ts';
import type { MonthContext } from './context.ts';

/** Mean feed netback of a country's base routes at `prices` (its supply signal). */
export function countryNetback(ctx: MonthContext, country: string, form: FeedForm, prices: Readonly<Record<string, number>>): number {
  const routes = ctx.index.feedRoutesByOrigin.get(country);
  if (routes === undefined || routes.length === 0) {
    return feedNetback(ctx.world, ctx.s, prices, country, country, form, 0, ctx.m);
  }
  let nb = 0;
  let w = 0;
  for (const r of routes) {
    nb += r.baseShare * feedNetback(ctx.world, ctx.s, prices, country, r.to, form, r.freightUsdPerTonne, ctx.m);
    w += r.baseShare;
  }
  return w > 0 ? nb / w : 0;
}

function referencePrices(ctx: MonthContext): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of ctx.world.markets) out[m.id] = m.referencePriceUsdPerTonne;
  return out;
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
      ctx.emit({ type: 'Disrupted', data: { month: m, country, severity: regime.severity, untilMonth: m + duration } });
    }
  }
}

/** Utilisation of mines and plants moves part of the way to its price-driven target (partial adjustment). */
export function adjustUtilization(ctx: MonthContext): void {
  const { world, s, prices } = ctx;
  const p = world.parameters;
  const shortStep = 1 - Math.exp(-1 / p.utilizationAdjustmentMonths);
  const longStep = 1 - Math.exp(-1 / (12 * p.capacityAdjustmentYears));
  const ref = referencePrices(ctx);
  const mines: Record<string, readonly [number, number]> = {};
  const signal = new Map<string, number>();
  for (const mine of Object.values(s.mines)) {
    const key = `${mine.country}/${mine.form}`;
    let index = signal.get(key);
    if (index === undefined) {
      const nb0 = countryNetback(ctx, mine.country, mine.form, ref);
      const nb = countryNetback(ctx, mine.country, mine.form, prices);
      index = nb0 > 0 ? Math.max(0, nb / nb0) : 1;
      signal.set(key, index);
    }
    const uTarget = Math.min(1.25, Math.pow(index, mine.elasticityShortRun));
    const cTarget = Math.min(3, Math.pow(index, mine.elasticityLongRun));
    const u = mine.utilization + (uTarget - mine.utilization) * shortStep;
    const c = mine.capacityFactor + (cTarget - mine.capacityFactor) * longStep;
    mines[mine.id] = [u, c];
  }
  const plants: Record<string, number> = {};
  for (const plant of Object.values(s.plants)) {
    const market = countryOf(world, plant.country)?.market ?? 'exChina';
    // Idle capacity restarts when prices exceed the reference; below it, feed (not price) limits output.
    const ratio = Math.max(1, (prices[market] ?? 0) / (ref[market] ?? 1));
    const target = Math.min(1, Math.max(0.02, plant.baseUtilization * Math.pow(ratio, p.plantUtilizationElasticity)));
    plants[plant.id] = plant.availability + (target - plant.availability) * shortStep;
  }
  ctx.emit({ type: 'UtilizationAdjusted', data: { month: ctx.m, mines, plants } });
}

/** Mines produce: capacity x long-run factor x ramp x utilisation, plus supply shifts, less disruptions. */
export function produce(ctx: MonthContext): void {
  const { world, s, m, prices } = ctx;
  const byKey = new Map<string, { country: string; form: FeedForm; tonnesPerYear: number }>();
  for (const mine of Object.values(s.mines)) {
    const ramp = rampFactor(m, mine.startMonth, mine.rampUpMonths);
    if (ramp <= 0) continue;
    const key = `${mine.country}/${mine.form}`;
    const entry = byKey.get(key) ?? { country: mine.country, form: mine.form, tonnesPerYear: 0 };
    entry.tonnesPerYear += mine.capacityTonnesPerYear * mine.capacityFactor * ramp * mine.utilization;
    byKey.set(key, entry);
  }
  for (const shift of s.shifts) {
    const f = rampFactor(m, shift.start, shift.rampMonths, shift.end);
    if (f <= 0) continue;
    for (const [country, delta] of Object.entries(shift.allocation)) {
      const existing = [...byKey.values()].find((e) => e.country === country);
      const key = existing ? `${existing.country}/${existing.form}` : `${country}/concentrate`;
      const entry = byKey.get(key) ?? { country, form: 'concentrate' as FeedForm, tonnesPerYear: 0 };
      entry.tonnesPerYear += delta * f;
      byKey.set(key, entry);
    }
  }
  for (const entry of byKey.values()) {
    const d = s.disruptions[entry.country];
    const lost = d !== undefined && d.untilMonth > m ? d.severity : 0;
    const tonnes = Math.max(0, (entry.tonnesPerYear / 12) * (1 - lost));
    if (tonnes <= 0) continue;
    const spec = countryOf(world, entry.country);
    const netback = countryNetback(ctx, entry.country, entry.form, prices);
    const mineGate = Math.max(0, netback * (1 - (spec?.traderMarginShare ?? 0)));
    ctx.emit({ type: 'MineProduced', data: { month: m, country: entry.country, form: entry.form, tonnes, mineGateUsd: tonnes * mineGate } });
    const informal = spec?.informalImportShare ?? 0;
    if (informal > 0 && informal < 1) {
      ctx.emit({
        type: 'InformalInflow',
        data: { month: m, country: entry.country, origin: 'AFG', form: entry.form, tonnes: (tonnes * informal) / (1 - informal) },
      });
    }
  }
}
