import type { DomainEvent } from '@stibium/core';
import type { FeedForm, Stage } from '../world/types.ts';
import type { WorldIntervention } from './interventions.ts';

/**
 * The world's events: past tense, JSON-safe, one fact each. Tonnes are t of contained
 * commodity, money USD, `month` the integer month index the fact belongs to. Outcomes
 * are folds over these; the state is their fold too (see evolve.ts).
 */

/** An intervention took effect (its lasting parts enter the state). */
export type InterventionApplied = DomainEvent<
  'InterventionApplied',
  {
    readonly id: string;
    readonly month: number;
    /** Model time the intervention was applied (fractional months). */
    readonly at: number;
    readonly intervention: WorldIntervention;
    /** Export controls: the pre-control monthly flow per destination the measure scales. */
    readonly reference?: Readonly<Record<string, number>>;
    /** Supply shifts: the signed change in t/yr per country. */
    readonly allocation?: Readonly<Record<string, number>>;
    readonly source?: string;
  }
>;

/** An intervention could not be applied (unknown country, duplicate id): a business rejection. */
export type InterventionRejected = DomainEvent<
  'InterventionRejected',
  { readonly id: string; readonly month: number; readonly reason: string }
>;

/** A random mine disruption began in a country. */
export type Disrupted = DomainEvent<
  'Disrupted',
  { readonly month: number; readonly country: string; readonly severity: number; readonly untilMonth: number }
>;

/** Utilisation of mines and plants, and mines' long-run capacity factors, after this month's adjustment. */
export type UtilizationAdjusted = DomainEvent<
  'UtilizationAdjusted',
  {
    readonly month: number;
    readonly mines: Readonly<Record<string, readonly [utilization: number, capacityFactor: number]>>;
    readonly plants: Readonly<Record<string, number>>;
  }
>;

/** A country's mines produced feed. */
export type MineProduced = DomainEvent<
  'MineProduced',
  {
    readonly month: number;
    readonly country: string;
    readonly form: FeedForm;
    readonly tonnes: number;
    /** Mine-gate value: payable price less traders' margin and inland haulage. */
    readonly mineGateUsd: number;
  }
>;

/** Informal foreign-origin feed entered a country's supply (Afghan-origin ore sold as Pakistani). */
export type InformalInflow = DomainEvent<
  'InformalInflow',
  { readonly month: number; readonly country: string; readonly origin: string; readonly form: FeedForm; readonly tonnes: number }
>;

/** A country's plants of one stage turned input into output (losses = input - output). */
export type Processed = DomainEvent<
  'Processed',
  {
    readonly month: number;
    readonly country: string;
    readonly stage: Stage;
    readonly oreIn: number;
    readonly concentrateIn: number;
    readonly metalIn: number;
    readonly concentrateOut: number;
    readonly metalOut: number;
    readonly oxideOut: number;
    readonly lossTonnes: number;
    readonly operatingCostUsd: number;
  }
>;

/**
 * Money for a trade, carried by the event that moves the goods: the buyer pays
 * `buyerUsd` = `sellerUsd` + `freightUsd` (to carriers) + `tariffUsd` (to the importer's
 * government), exactly, so money is conserved by construction and checked by tests.
 */
export interface Settlement {
  readonly seller: string;
  readonly buyer: string;
  readonly buyerUsd: number;
  readonly sellerUsd: number;
  readonly freightUsd: number;
  readonly tariffUsd: number;
}

/** Feed moved from a mining country to a processing country, paid at the payable price. */
export type FeedShipped = DomainEvent<
  'FeedShipped',
  {
    readonly month: number;
    readonly from: string;
    readonly to: string;
    readonly form: FeedForm;
    readonly tonnes: number;
    readonly certifiedTonnes: number;
    readonly contract?: string;
    readonly settlement: Settlement;
  }
>;

/** Refined product moved from a country into a market's stocks, paid at the market's clearing price (or the contract price). */
export type Shipped = DomainEvent<
  'Shipped',
  {
    readonly month: number;
    readonly from: string;
    readonly market: string;
    readonly metal: number;
    readonly oxide: number;
    readonly certifiedTonnes: number;
    readonly contract?: string;
    readonly settlement: Settlement;
  }
>;

/** An export-control measure held back flow this month. */
export type ExportLicenceDelayed = DomainEvent<
  'ExportLicenceDelayed',
  { readonly month: number; readonly from: string; readonly to: string; readonly blockedTonnes: number; readonly measure: string }
>;

/** Recycled supply entered a market. */
export type SecondarySupplied = DomainEvent<
  'SecondarySupplied',
  { readonly month: number; readonly country: string; readonly market: string; readonly tonnes: number }
>;

/** A market bought metal for a country's converters (trioxide plants). */
export type MarketPurchased = DomainEvent<
  'MarketPurchased',
  { readonly month: number; readonly market: string; readonly country: string; readonly tonnes: number; readonly settlement: Settlement }
>;

/** A stockpile moved material to (buy) or from (release) a market. */
export type StockpileChanged = DomainEvent<
  'StockpileChanged',
  {
    readonly month: number;
    readonly country: string;
    readonly market: string;
    /** Positive = bought into the stockpile, negative = released. */
    readonly tonnes: number;
    readonly orderId: string;
    /** Buys pay the market; releases are sold into it. */
    readonly settlement: Settlement;
  }
>;

/** Consumption and unmet demand of one segment in one market. */
export interface SegmentUse {
  readonly demand: number;
  readonly consumed: number;
}

/** A market cleared: its price, consumption, shortfall, stocks and substitution state. */
export type MarketCleared = DomainEvent<
  'MarketCleared',
  {
    readonly month: number;
    readonly market: string;
    readonly priceUsdPerTonne: number;
    /** Traders' expected price after this month (adaptive expectations), used for next month's decisions. */
    readonly expectedPriceUsdPerTonne: number;
    readonly demand: number;
    readonly consumed: number;
    readonly shortfall: number;
    readonly stockStart: number;
    readonly stockEnd: number;
    readonly segments: Readonly<Record<string, SegmentUse>>;
    /** Long-run demand factor per buyer after this month. */
    readonly substitution: Readonly<Record<string, number>>;
  }
>;

/** End of a month: indicators for rules and the updated export references. */
export type MonthCleared = DomainEvent<
  'MonthCleared',
  {
    readonly month: number;
    readonly label: string;
    readonly indicators: Readonly<Record<string, number>>;
    readonly exportReference: Readonly<Record<string, number>>;
  }
>;

/** Every event the world emits. */
export type WorldEvent =
  | InterventionApplied
  | InterventionRejected
  | Disrupted
  | UtilizationAdjusted
  | MineProduced
  | InformalInflow
  | Processed
  | FeedShipped
  | Shipped
  | ExportLicenceDelayed
  | SecondarySupplied
  | MarketPurchased
  | StockpileChanged
  | MarketCleared
  | MonthCleared;

/** Names of all world event types, for registries and exhaustive checks. */
export const WORLD_EVENT_TYPES = [
  'InterventionApplied',
  'InterventionRejected',
  'Disrupted',
  'UtilizationAdjusted',
  'MineProduced',
  'InformalInflow',
  'Processed',
  'FeedShipped',
  'Shipped',
  'ExportLicenceDelayed',
  'SecondarySupplied',
  'MarketPurchased',
  'StockpileChanged',
  'MarketCleared',
  'MonthCleared',
] as const satisfies readonly WorldEvent['type'][];
