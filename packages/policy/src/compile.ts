import { StibiumError } from '@stibium/core';
import { dateToMonths, parseMonth, type TimedCommand, type World, type WorldIntervention } from '@stibium/market';
import { MARKET_IDS, PRODUCT_FORMS, type Intervention, type RuleAction } from './interventions.ts';

/** Share of the pre-control flow a licensing regime approves when the scenario does not say. */
export const DEFAULT_APPROVAL_SHARE = 0.15;

function marketsFor(world: World, country: string, destinations: readonly string[] | undefined): string[] {
  if (destinations === undefined || destinations.includes('*')) {
    const own = world.markets.find((m) => m.hub === country)?.id;
    return world.markets.map((m) => m.id).filter((m) => m !== 'chinaDomestic' && m !== own);
  }
  const out = new Set<string>();
  for (const d of destinations) {
    if ((MARKET_IDS as readonly string[]).includes(d)) out.add(d);
    else {
      const market = world.countries.find((c) => c.iso3 === d)?.market ?? world.markets.find((m) => m.hub === d)?.id;
      if (market === undefined) throw new StibiumError('INVALID_ARGUMENT', `terminal destination '${d}' is neither a market nor a known country`);
      out.add(market);
    }
  }
  return [...out];
}

function regionCountries(world: World, region: string): string[] {
  return world.countries.filter((c) => c.region === region).map((c) => c.iso3);
}

/**
 * Turns one intervention (scenario vocabulary, calendar dates) into the market model's
 * form (model months). `origin` is the run's first month; `until` dates become months too.
 */
export function toWorldIntervention(i: Intervention | RuleAction, world: World, index = 0): WorldIntervention {
  const origin = parseMonth(world.start);
  const month = (d: string | undefined): number | undefined => (d === undefined ? undefined : dateToMonths(d, origin));
  const until = (d: string | undefined): { until?: number } => {
    const m = month(d);
    return m === undefined ? {} : { until: m };
  };
  switch (i.type) {
    case 'buildRefinery':
      return {
        kind: 'buildPlant', id: i.id, country: i.country, stage: i.stage, capacityTonnesPerYear: i.capacityTonnesPerYear, capexUsd: i.capexUsd,
        leadTimeMonths: i.leadTimeMonths, rampUpMonths: i.rampUpMonths, recovery: i.recovery, operatingCostUsdPerTonne: i.operatingCostUsdPerTonne,
        ...(i.feedSources === undefined ? {} : { feedSources: i.feedSources }),
      };
    case 'openExportTerminal':
      return {
        kind: 'openTerminal', id: i.id, country: i.country, throughputTonnesPerYear: i.throughputTonnesPerYear, freightUsdPerTonne: i.freightUsdPerTonne,
        transitDays: i.transitDays, capexUsd: i.capexUsd, leadTimeMonths: i.leadTimeMonths, markets: marketsFor(world, i.country, i.destinations),
      };
    case 'certification':
      return {
        kind: 'certify', country: i.country, coverageStart: i.coverageStart, coverageEnd: i.coverageEnd, rampMonths: i.rampMonths,
        detectionRate: i.detectionRate, usProcurementEligible: i.usProcurementEligible, premiumShare: i.premiumShare, costUsdPerTonne: i.costUsdPerTonne ?? 0,
      };
    case 'exportControl':
      return {
        kind: 'exportControl', country: i.country, measure: i.kind, destinations: i.destinations, products: i.products ?? [...PRODUCT_FORMS],
        licensingDelayMonths: i.licensingDelayMonths ?? 0, approvalShare: i.approvalShare ?? DEFAULT_APPROVAL_SHARE,
        quotaTonnesPerYear: i.quotaTonnesPerYear ?? 0, ...until(i.until),
      };
    case 'tariff':
      return { kind: 'tariff', importer: i.importer, exporter: i.exporter, rate: i.rate, ...until(i.until) };
    case 'stockpile':
      return { kind: 'stockpile', country: i.country, action: i.action, tonnes: i.tonnes, overMonths: i.overMonths };
    case 'offtake':
      return {
        kind: 'offtake', id: i.id ?? `offtake-${index}`, seller: i.seller, buyer: i.buyer, tonnesPerYear: i.tonnesPerYear, years: i.years,
        priceFormula: i.priceFormula.kind === 'fixed' ? i.priceFormula : { ...i.priceFormula, premiumUsdPerTonne: i.priceFormula.premiumUsdPerTonne ?? 0 },
        ...(i.floorUsdPerTonne === undefined ? {} : { floorUsdPerTonne: i.floorUsdPerTonne }),
        ...(i.ceilingUsdPerTonne === undefined ? {} : { ceilingUsdPerTonne: i.ceilingUsdPerTonne }),
      };
    case 'supplyShift': {
      const countries = i.country !== undefined ? [i.country] : i.region !== undefined ? regionCountries(world, i.region) : [];
      return {
        kind: 'supplyShift', countries, direction: i.kind, tonnesPerYear: i.tonnesPerYear ?? 0, share: i.share ?? 0, rampMonths: i.rampMonths,
        ...(i.durationMonths === undefined ? {} : { durationMonths: i.durationMonths }),
      };
    }
    case 'mineDisruption':
      return {
        kind: 'disruptionRisk', annualProbability: i.annualProbability, meanDurationMonths: i.meanDurationMonths, severity: i.severity,
        countries: i.countries ?? [], ...until(i.until),
      };
    default: {
      const never: never = i;
      throw new StibiumError('INVALID_ARGUMENT', `unknown intervention ${JSON.stringify(never)}`);
    }
  }
}

/** A stable id for the i-th intervention of a scenario. */
export function interventionId(i: Intervention | RuleAction, index: number): string {
  const named = 'id' in i && typeof i.id === 'string' ? `:${i.id}` : '';
  return `${index}:${i.type}${named}`;
}

/**
 * Compiles a scenario's timed interventions into the world's timed commands, in input
 * order (the runner orders them by time, then by that order).
 */
export function compileInterventions(interventions: readonly Intervention[], world: World): TimedCommand[] {
  const origin = parseMonth(world.start);
  return interventions.map((i, index) => ({
    time: Math.max(0, dateToMonths(i.at, origin)),
    command: { type: 'ApplyIntervention', data: { id: interventionId(i, index), intervention: toWorldIntervention(i, world, index), source: 'scenario' } },
  }));
}
