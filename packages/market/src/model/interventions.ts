import type { ProductForm, Stage } from '../world/types.ts';

/**
 * Interventions as the market model executes them: the scenario-facing schemas in
 * @stibium/policy compile into these, with calendar dates turned into model months.
 * Each carries only what the decider needs; `id` names it in the log.
 */

/** Build a processing plant: output starts after `leadTimeMonths`, reaches nameplate after `rampUpMonths`. */
export interface BuildPlant {
  readonly kind: 'buildPlant';
  readonly id: string;
  readonly country: string;
  readonly stage: Stage;
  readonly capacityTonnesPerYear: number;
  readonly capexUsd: number;
  readonly leadTimeMonths: number;
  readonly rampUpMonths: number;
  readonly recovery: number;
  readonly operatingCostUsdPerTonne: number;
  /** 'domestic' = processes only its own country's feed; default 'any' (may import feed). */
  readonly feedSources?: 'domestic' | 'any';
}

/** Open a dedicated export terminal: cheaper, faster routes from `country` up to a throughput. */
export interface OpenTerminal {
  readonly kind: 'openTerminal';
  readonly id: string;
  readonly country: string;
  readonly throughputTonnesPerYear: number;
  readonly freightUsdPerTonne: number;
  readonly transitDays: number;
  readonly capexUsd: number;
  readonly leadTimeMonths: number;
  /** Market ids served (default: every market but China domestic). */
  readonly markets: readonly string[];
}

/** Certification and traceability of a country's exports. */
export interface Certify {
  readonly kind: 'certify';
  readonly country: string;
  readonly coverageStart: number;
  readonly coverageEnd: number;
  readonly rampMonths: number;
  readonly detectionRate: number;
  readonly usProcurementEligible: boolean;
  readonly premiumShare: number;
  readonly costUsdPerTonne: number;
}

/** An export-control measure; `until` in model months (exclusive). */
export interface ExportControl {
  readonly kind: 'exportControl';
  readonly country: string;
  readonly measure: 'licensing' | 'ban' | 'suspension' | 'quota' | 'lift';
  /** Market ids or ISO3 destination countries; '*' for all. */
  readonly destinations: readonly string[];
  readonly products: readonly ProductForm[];
  readonly licensingDelayMonths: number;
  /** Licensing: share of the pre-control flow approved at steady state. */
  readonly approvalShare: number;
  readonly quotaTonnesPerYear: number;
  readonly until?: number;
}

/** An ad valorem import tariff. */
export interface Tariff {
  readonly kind: 'tariff';
  readonly importer: string;
  readonly exporter: string;
  readonly rate: number;
  readonly until?: number;
}

/** A stockpile purchase or release spread evenly over `overMonths`. */
export interface StockpileOrder {
  readonly kind: 'stockpile';
  readonly country: string;
  readonly action: 'buy' | 'release';
  readonly tonnes: number;
  readonly overMonths: number;
}

/** Offtake price formula. */
export type PriceFormula =
  | { readonly kind: 'fixed'; readonly usdPerTonne: number }
  | { readonly kind: 'indexed'; readonly market: string; readonly factor: number; readonly premiumUsdPerTonne: number };

/** A long-term offtake contract: delivered first, at the formula price, within export rules. */
export interface Offtake {
  readonly kind: 'offtake';
  readonly id: string;
  readonly seller: string;
  readonly buyer: string;
  readonly tonnesPerYear: number;
  readonly years: number;
  readonly priceFormula: PriceFormula;
  readonly floorUsdPerTonne?: number;
  readonly ceilingUsdPerTonne?: number;
}

/** Growth or disruption of mine supply in a country or region. */
export interface SupplyShift {
  readonly kind: 'supplyShift';
  readonly countries: readonly string[];
  readonly direction: 'growth' | 'disruption';
  /** Absolute change, t/yr, spread over `countries` by their capacity (or equally if none). */
  readonly tonnesPerYear: number;
  /** Relative change, share of current capacity. */
  readonly share: number;
  readonly rampMonths: number;
  readonly durationMonths?: number;
}

/** A regime of random mine disruptions (draws from the 'mineDisruption' stream). */
export interface DisruptionRisk {
  readonly kind: 'disruptionRisk';
  readonly annualProbability: number;
  readonly meanDurationMonths: number;
  readonly severity: number;
  /** Empty = every mining country. */
  readonly countries: readonly string[];
  readonly until?: number;
}

/** Any intervention the market model executes. */
export type WorldIntervention =
  | BuildPlant
  | OpenTerminal
  | Certify
  | ExportControl
  | Tariff
  | StockpileOrder
  | Offtake
  | SupplyShift
  | DisruptionRisk;
