/**
 * The resolved world a run starts from: plain JSON data, generic over the commodity.
 * Quantities are tonnes of contained commodity (t Sb for antimony), money USD, time in
 * model months (see time.ts). The antimony instance lives in data/antimony/world.json.
 */

/** Processing stages. A concentrator upgrades ore to concentrate; roasters and smelters turn feed into refined product; trioxide plants turn metal into oxide. */
export type Stage = 'concentrator' | 'roaster' | 'smelter' | 'trioxide';
/** Feed forms (before refining). */
export type FeedForm = 'ore' | 'concentrate';
/** Refined forms (after refining). */
export type RefinedForm = 'metal' | 'oxide';
/** Any product form. */
export type ProductForm = FeedForm | RefinedForm;
/** End-use segments of demand. */
export type Segment = 'defense' | 'flameRetardants' | 'leadAcidMetal' | 'glassCeramics';

/** A price-forming market with its own inventory (China domestic, ex-China, US delivered). */
export interface MarketSpec {
  readonly id: string;
  readonly name: string;
  /** Country whose buyers and sellers belong to it by default. */
  readonly hub: string;
  /** Long-run reference price (USD/t) at which base-year demand equals base-year supply. */
  readonly referencePriceUsdPerTonne: number;
  /** Price in the month before the run starts. */
  readonly initialPriceUsdPerTonne: number;
  /** Commercial stocks held at reference price, in months of demand. */
  readonly stockTargetMonths: number;
  /** kappa: elasticity of price to stock cover (P = Pref * (cover/target)^-kappa). */
  readonly priceFlexibility: number;
  /** Share of the log gap to the market-clearing price closed each month (quoting and contract inertia), 0-1. */
  readonly priceAdjustment: number;
  /** Price bounds as multiples of the reference price. */
  readonly priceFloorMultiple: number;
  readonly priceCeilingMultiple: number;
}

/** A country or region taking part in the chain. */
export interface CountrySpec {
  readonly iso3: string;
  readonly name: string;
  readonly region: string;
  /** Market whose price its domestic sales and smelters face. */
  readonly market: string;
  /** Royalty on mine-gate revenue (share). */
  readonly royaltyRate: number;
  /** Tax on processing margins (share). */
  readonly corporateTaxRate: number;
  /** Secondary (recycled) supply entering its market, t/yr. */
  readonly secondaryTonnesPerYear: number;
  /** Share of feed value kept by traders between mine gate and border. */
  readonly traderMarginShare: number;
  /** Inland haulage, mine to port, USD/t. */
  readonly inlandFreightUsdPerTonne: number;
  /** Share of its feed supply that is informal foreign-origin material (Afghan-origin ore in Pakistan). */
  readonly informalImportShare: number;
}

/** A mine (or a country's aggregate of mines). */
export interface MineSpec {
  readonly id: string;
  readonly country: string;
  readonly form: FeedForm;
  /** Base-year output, t/yr, at utilisation 1. */
  readonly capacityTonnesPerYear: number;
  /** Month output starts (default 0). */
  readonly startMonth: number;
  readonly rampUpMonths: number;
  /** Short-run supply elasticity to the feed netback. */
  readonly elasticityShortRun: number;
  /** Long-run elasticity of capacity to the price, reached through partial adjustment. */
  readonly elasticityLongRun: number;
}

/** A processing plant (or a country's aggregate of plants of one stage). */
export interface PlantSpec {
  readonly id: string;
  readonly country: string;
  readonly stage: Stage;
  readonly capacityTonnesPerYear: number;
  /** Share of the nameplate in use in the base year (feed or technical limits). */
  readonly baseUtilization: number;
  /** Share of refined output that leaves as oxide (the rest is metal). */
  readonly oxideShare: number;
  readonly recovery: number;
  readonly operatingCostUsdPerTonne: number;
  readonly startMonth: number;
  readonly rampUpMonths: number;
  /** Month the plant stops (exclusive); absent = never. */
  readonly endMonth?: number;
  readonly capexUsd: number;
}

/** A base-year feed flow share from a mining country to a smelting country. */
export interface FeedRouteSpec {
  readonly from: string;
  readonly to: string;
  /** Share of the origin's exportable feed that goes this way at reference prices. */
  readonly baseShare: number;
  readonly freightUsdPerTonne: number;
}

/** A route for refined product from a country to a market. */
export interface SalesRouteSpec {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly baseShare: number;
  readonly freightUsdPerTonne: number;
  readonly transitDays: number;
  /** t/yr; absent = unlimited. */
  readonly capacityTonnesPerYear?: number;
  /** Month the route opens (terminals). */
  readonly openMonth: number;
}

/** A group of buyers: one segment in one market. */
export interface BuyerSpec {
  readonly id: string;
  readonly market: string;
  readonly segment: Segment;
  /** Demand at the reference price, t/yr (derived from the base-year balance). */
  readonly demandTonnesPerYear: number;
  readonly elasticityShortRun: number;
  readonly elasticityLongRun: number;
  /** Mean lag of the long-run response (partial adjustment), years. */
  readonly adjustmentYears: number;
  readonly growthPerYear: number;
}

/** Model-wide parameters. */
export interface WorldParameters {
  /** Payable share of the metal price for feed, by form. */
  readonly payableOre: number;
  readonly payableConcentrate: number;
  /** Discount on material that cannot prove origin, when sold into markets listed in `provenanceMarkets`. */
  readonly provenanceDiscount: number;
  readonly provenanceMarkets: readonly string[];
  /** Elasticity of trade shares to netback (logit in ratios). */
  readonly tradeElasticity: number;
  /** Cost of capital for goods in transit, per year. */
  readonly carryingCostPerYear: number;
  /** Mean lag (months) for utilisation of mines and plants to follow prices. */
  readonly utilizationAdjustmentMonths: number;
  /** Mean lag (years) of long-run mine capacity response. */
  readonly capacityAdjustmentYears: number;
  /** Elasticity of plant utilisation to its market price (relative to reference). */
  readonly plantUtilizationElasticity: number;
  /** Months of shipments the export-flow reference averages over. */
  readonly exportReferenceMonths: number;
  /** Share of a processing plant's operating cost spent on imported inputs. */
  readonly importedInputShare: number;
  /** Freight for feed on routes the data does not list (to China by default), USD/t. */
  readonly defaultFeedFreightUsdPerTonne: number;
  /** Capacity a plant can use above its availability (spare headroom), share of nameplate. */
  readonly plantHeadroom: number;
  /** How strongly capacity added after the base year attracts feed from every origin. */
  readonly newCapacityEntryWeight: number;
  /** Weight of the latest price in traders' adaptive expectations (0-1). */
  readonly expectationWeight: number;
  /** Oxide settles at the metal price times (1 + this), per t Sb. */
  readonly oxidePremiumShare: number;
}

/** A national stockpile at the start. */
export interface StockpileSpec {
  readonly country: string;
  readonly tonnes: number;
}

/** A whole resolved world. */
export interface World {
  readonly commodity: string;
  readonly unit: string;
  readonly vintage: string;
  /** 'YYYY-MM' of month 0. */
  readonly start: string;
  readonly markets: readonly MarketSpec[];
  readonly countries: readonly CountrySpec[];
  readonly mines: readonly MineSpec[];
  readonly plants: readonly PlantSpec[];
  readonly feedRoutes: readonly FeedRouteSpec[];
  readonly salesRoutes: readonly SalesRouteSpec[];
  readonly buyers: readonly BuyerSpec[];
  readonly stockpiles: readonly StockpileSpec[];
  readonly parameters: WorldParameters;
}
