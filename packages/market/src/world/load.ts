import { StibiumError } from '@stibium/core';
import { dateToMonths, parseMonth } from '../time.ts';
import type { WorldFile } from './file.ts';
import type { BuyerSpec, FeedRouteSpec, MineSpec, PlantSpec, SalesRouteSpec, World, WorldParameters } from './types.ts';
import { deriveBaseYear } from './base-year.ts';

/**
 * Resolves a world file for one data vintage: picks the vintage's mine table, turns
 * calendar dates into model months, and derives what the data leave open from the
 * base-year balance (plant utilisation, each origin's own-use share, China's US share,
 * and buyers' demand) so that month 0 at reference prices reproduces the base year.
 */
export function resolveWorld(file: WorldFile, vintage: string = file.defaultVintage): World {
  const v = file.vintages[vintage];
  if (v === undefined) {
    throw new StibiumError('INVALID_ARGUMENT', `unknown data vintage '${vintage}'; known: ${Object.keys(file.vintages).join(', ')}`);
  }
  const origin = parseMonth(file.start);
  const month = (date: string | undefined): number => (date === undefined ? 0 : dateToMonths(date, origin));
  const mineEntries = [...(file.mines[vintage] ?? []), ...(file.mines['pipeline'] ?? [])];
  const mines: MineSpec[] = mineEntries.map((m) => ({
    id: m.id,
    country: m.country,
    form: m.form,
    capacityTonnesPerYear: m.capacityTonnesPerYear,
    startMonth: month(m.startMonth),
    rampUpMonths: m.rampUpMonths ?? 0,
    elasticityShortRun: m.elasticityShortRun,
    elasticityLongRun: m.elasticityLongRun,
  }));
  const plants: PlantSpec[] = file.plants.map((p) => ({
    id: p.id,
    country: p.country,
    stage: p.stage,
    capacityTonnesPerYear: p.capacityTonnesPerYear,
    baseUtilization: p.baseUtilization,
    oxideShare: p.oxideShare,
    recovery: p.recovery,
    operatingCostUsdPerTonne: p.operatingCostUsdPerTonne,
    startMonth: month(p.startMonth),
    rampUpMonths: p.rampUpMonths ?? 0,
    ...(p.endMonth === undefined ? {} : { endMonth: month(p.endMonth) }),
    capexUsd: p.capexUsd,
  }));
  const feedRoutes: FeedRouteSpec[] = file.feedRoutes.map((r) => ({
    from: r.from,
    to: r.to,
    baseShare: r.baseShare,
    freightUsdPerTonne: r.freightUsdPerTonne,
  }));
  const salesRoutes: SalesRouteSpec[] = file.salesRoutes.map((r) => ({
    id: r.id,
    from: r.from,
    to: r.to,
    baseShare: r.baseShare,
    freightUsdPerTonne: r.freightUsdPerTonne,
    transitDays: r.transitDays,
    ...(r.capacityTonnesPerYear === undefined ? {} : { capacityTonnesPerYear: r.capacityTonnesPerYear }),
    openMonth: 0,
  }));
  const countries = file.countries.map((c) => ({
    iso3: c.iso3,
    name: c.name,
    region: c.region,
    market: c.market,
    royaltyRate: c.royaltyRate,
    corporateTaxRate: c.corporateTaxRate,
    secondaryTonnesPerYear: c.iso3 === 'USA' ? v.us.secondaryTonnes : c.secondaryTonnesPerYear,
    traderMarginShare: c.traderMarginShare,
    inlandFreightUsdPerTonne: c.inlandFreightUsdPerTonne,
    informalImportShare: c.informalImportShare,
  }));
  const markets = file.markets.map((m) => ({
    id: m.id,
    name: m.name,
    hub: m.hub,
    referencePriceUsdPerTonne: m.referencePriceUsdPerTonne,
    initialPriceUsdPerTonne: m.initialPriceUsdPerTonne,
    stockTargetMonths: m.stockTargetMonths,
    priceFlexibility: m.priceFlexibility,
    priceAdjustment: m.priceAdjustment,
    priceFloorMultiple: m.priceFloorMultiple,
    priceCeilingMultiple: m.priceCeilingMultiple,
  }));
  const parameters = pickParameters(file.parameters);
  const draft = {
    commodity: file.commodity,
    unit: file.unit,
    vintage,
    start: file.start,
    markets,
    countries,
    mines,
    plants,
    feedRoutes,
    salesRoutes,
    buyers: [] as BuyerSpec[],
    stockpiles: file.stockpiles.map((s) => ({ country: s.country, tonnes: s.tonnes })),
    parameters,
  };
  return deriveBaseYear(draft, file.segments, v.us.consumptionTonnes);
}

const PARAMETER_KEYS = [
  'payableOre',
  'payableConcentrate',
  'provenanceDiscount',
  'provenanceMarkets',
  'tradeElasticity',
  'carryingCostPerYear',
  'utilizationAdjustmentMonths',
  'capacityAdjustmentYears',
  'plantUtilizationElasticity',
  'exportReferenceMonths',
  'importedInputShare',
  'defaultFeedFreightUsdPerTonne',
  'plantHeadroom',
  'newCapacityEntryWeight',
  'oxidePremiumShare',
  'expectationWeight',
] as const;

function pickParameters(raw: Readonly<Record<string, unknown>>): WorldParameters {
  const out: Record<string, unknown> = {};
  for (const key of PARAMETER_KEYS) {
    const value = raw[key];
    if (value === undefined) throw new StibiumError('INVALID_ARGUMENT', `world parameters lack '${key}'`);
    out[key] = value;
  }
  return out as unknown as WorldParameters;
}
