import type { FeedForm, MarketSpec, Segment, Stage } from './types.ts';

/**
 * The on-disk shape of a world file (data/<commodity>/world.json): per-vintage mine
 * tables, facilities with calendar dates, base-year route shares and segment shares, and
 * a `sources` table. Every entry carries `src` (a key of `sources`, or 'assumption') and
 * a `note`. `resolveWorld` turns it into a {@link World}.
 */

/** Provenance fields every entry carries. */
export interface Cited {
  readonly src: string;
  readonly note?: string;
}

/** A cited publication. */
export interface SourceEntry {
  readonly title: string;
  readonly url: string;
  readonly via?: string;
}

/** One data vintage (e.g. a USGS edition). */
export interface VintageEntry extends Cited {
  readonly mineProductionTonnes: Readonly<Record<string, number>>;
  readonly us: {
    readonly consumptionTonnes: number;
    readonly secondaryTonnes: number;
    readonly primarySmelterTonnes: number;
    readonly netImportReliance: number;
    readonly priceUsdPerTonne: number;
  };
}

/** A mine entry; `startMonth` is a 'YYYY-MM' date for pipeline projects. */
export interface MineEntry extends Cited {
  readonly id: string;
  readonly country: string;
  readonly form: FeedForm;
  readonly capacityTonnesPerYear: number;
  readonly startMonth?: string;
  readonly rampUpMonths?: number;
  readonly elasticityShortRun: number;
  readonly elasticityLongRun: number;
}

/** A plant entry; `baseUtilization` is the own-feed priority share (derived utilisation replaces it). */
export interface PlantEntry extends Cited {
  readonly id: string;
  readonly country: string;
  readonly stage: Stage;
  readonly capacityTonnesPerYear: number;
  readonly baseUtilization: number;
  readonly oxideShare: number;
  readonly recovery: number;
  readonly operatingCostUsdPerTonne: number;
  readonly capexUsd: number;
  readonly startMonth?: string;
  readonly endMonth?: string;
  readonly rampUpMonths?: number;
}

/** A segment's share of a market's base demand and its elasticities. */
export interface SegmentEntry extends Cited {
  readonly market: string;
  readonly segment: Segment;
  readonly share: number;
  readonly elasticityShortRun: number;
  readonly elasticityLongRun: number;
  readonly adjustmentYears: number;
  readonly growthPerYear: number;
}

/** The whole file. */
export interface WorldFile {
  readonly commodity: string;
  readonly unit: string;
  readonly start: string;
  readonly defaultVintage: string;
  readonly vintages: Readonly<Record<string, VintageEntry>>;
  readonly markets: readonly (Cited & MarketSpec)[];
  readonly countries: readonly (Cited & {
    readonly iso3: string;
    readonly name: string;
    readonly region: string;
    readonly market: string;
    readonly royaltyRate: number;
    readonly corporateTaxRate: number;
    readonly secondaryTonnesPerYear: number;
    readonly traderMarginShare: number;
    readonly inlandFreightUsdPerTonne: number;
    readonly informalImportShare: number;
  })[];
  /** Mines per vintage, plus 'pipeline' projects common to all vintages. */
  readonly mines: Readonly<Record<string, readonly MineEntry[]>>;
  readonly plants: readonly PlantEntry[];
  readonly feedRoutes: readonly (Cited & {
    readonly from: string;
    readonly to: string;
    readonly baseShare: number;
    readonly freightUsdPerTonne: number;
  })[];
  readonly salesRoutes: readonly (Cited & {
    readonly id: string;
    readonly from: string;
    readonly to: string;
    readonly baseShare: number;
    readonly freightUsdPerTonne: number;
    readonly transitDays: number;
    readonly capacityTonnesPerYear?: number;
  })[];
  readonly segments: readonly SegmentEntry[];
  readonly stockpiles: readonly (Cited & { readonly country: string; readonly tonnes: number })[];
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly sources: Readonly<Record<string, SourceEntry>>;
}
