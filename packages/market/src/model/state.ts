import type { FeedForm, PlantSpec, ProductForm } from '../world/types.ts';
import type { PriceFormula } from './interventions.ts';

/**
 * The world's state: plain JSON data, the fold of the event log. Maps are keyed by ISO3
 * country, market id, facility id or buyer id. Nested objects are replaced, never
 * mutated, so old states stay valid (snapshots, forks).
 */

/** A mine's dynamic state. */
export interface MineState {
  readonly id: string;
  readonly country: string;
  readonly form: FeedForm;
  readonly capacityTonnesPerYear: number;
  readonly startMonth: number;
  readonly rampUpMonths: number;
  readonly elasticityShortRun: number;
  readonly elasticityLongRun: number;
  /** Short-run utilisation of capacity. */
  readonly utilization: number;
  /** Long-run capacity multiplier (partial adjustment to prices). */
  readonly capacityFactor: number;
}

/** A plant's dynamic state: its spec plus what changes month to month. */
export interface PlantState extends PlantSpec {
  /** Share of nameplate available this month (follows the price with a lag). */
  readonly availability: number;
  /** True when built by an intervention after the base year. */
  readonly added: boolean;
  /** 'domestic': takes only its own country's feed (no imports). Absent = any origin. */
  readonly feedSources?: 'domestic' | 'any';
}

/** A dedicated export terminal. */
export interface TerminalState {
  readonly id: string;
  readonly country: string;
  readonly markets: readonly string[];
  readonly openMonth: number;
  readonly freightUsdPerTonne: number;
  readonly transitDays: number;
  readonly throughputTonnesPerYear: number;
  readonly capexUsd: number;
}

/** A certification programme. */
export interface CertificationState {
  readonly country: string;
  readonly start: number;
  readonly coverageStart: number;
  readonly coverageEnd: number;
  readonly rampMonths: number;
  readonly detectionRate: number;
  readonly usProcurementEligible: boolean;
  readonly premiumShare: number;
  readonly costUsdPerTonne: number;
}

/** An export-control measure in force (or scheduled to end). */
export interface ControlState {
  readonly id: string;
  readonly country: string;
  readonly measure: 'licensing' | 'ban' | 'suspension' | 'quota';
  readonly destinations: readonly string[];
  readonly products: readonly ProductForm[];
  readonly start: number;
  readonly until?: number;
  readonly licensingDelayMonths: number;
  readonly approvalShare: number;
  readonly quotaTonnesPerMonth: number;
  /** Pre-control monthly flow per destination key (market id or ISO3). */
  readonly reference: Readonly<Record<string, number>>;
}

/** A tariff in force. */
export interface TariffState {
  readonly importer: string;
  readonly exporter: string;
  readonly rate: number;
  readonly start: number;
  readonly until?: number;
}

/** A stockpile order being executed. */
export interface StockpileOrderState {
  readonly id: string;
  readonly action: 'buy' | 'release';
  readonly tonnesPerMonth: number;
  readonly remaining: number;
}

/** A national stockpile. */
export interface StockpileState {
  readonly tonnes: number;
  readonly orders: readonly StockpileOrderState[];
}

/** An offtake contract. */
export interface OfftakeState {
  readonly id: string;
  readonly seller: string;
  readonly buyer: string;
  readonly tonnesPerMonth: number;
  readonly start: number;
  readonly end: number;
  readonly priceFormula: PriceFormula;
  readonly floorUsdPerTonne?: number;
  readonly ceilingUsdPerTonne?: number;
}

/** A supply shift: signed t/yr per country, ramped in. */
export interface ShiftState {
  readonly id: string;
  readonly allocation: Readonly<Record<string, number>>;
  readonly start: number;
  readonly rampMonths: number;
  readonly end?: number;
}

/** A regime of random disruptions. */
export interface DisruptionRegimeState {
  readonly id: string;
  readonly annualProbability: number;
  readonly meanDurationMonths: number;
  readonly severity: number;
  readonly countries: readonly string[];
  readonly start: number;
  readonly until?: number;
}

/** An ongoing disruption. */
export interface ActiveDisruption {
  readonly severity: number;
  readonly untilMonth: number;
}

/** The whole world state. */
export interface WorldState {
  /** Next month to clear. */
  readonly month: number;
  readonly prices: Readonly<Record<string, number>>;
  /** Adaptive price expectations that trade and supply decisions act on. */
  readonly expectedPrices: Readonly<Record<string, number>>;
  readonly marketStock: Readonly<Record<string, number>>;
  readonly substitution: Readonly<Record<string, number>>;
  readonly ore: Readonly<Record<string, number>>;
  readonly concentrate: Readonly<Record<string, number>>;
  readonly metal: Readonly<Record<string, number>>;
  readonly oxide: Readonly<Record<string, number>>;
  readonly mines: Readonly<Record<string, MineState>>;
  readonly plants: Readonly<Record<string, PlantState>>;
  readonly terminals: readonly TerminalState[];
  readonly certifications: Readonly<Record<string, CertificationState>>;
  readonly controls: readonly ControlState[];
  readonly tariffs: readonly TariffState[];
  readonly stockpiles: Readonly<Record<string, StockpileState>>;
  readonly offtakes: readonly OfftakeState[];
  readonly shifts: readonly ShiftState[];
  readonly regimes: readonly DisruptionRegimeState[];
  readonly disruptions: Readonly<Record<string, ActiveDisruption>>;
  /** Monthly average shipments per `from>to` key (to = market id for refined, ISO3 for feed). */
  readonly exportReference: Readonly<Record<string, number>>;
  /** Last 36 monthly values of each rule indicator, oldest first. */
  readonly indicators: Readonly<Record<string, readonly number[]>>;
  /** Ids of applied interventions with their month, in order. */
  readonly applied: readonly { readonly id: string; readonly month: number }[];
}
