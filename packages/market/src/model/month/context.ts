import type { FlowTally } from './flow-tally.ts';
import type { RandomStream } from '@stibium/core';
import { refinesFeed } from '../../world/base-year.ts';
import type { BuyerSpec, FeedRouteSpec, MarketSpec, SalesRouteSpec, World } from '../../world/types.ts';
import type { WorldEvent } from '../events.ts';
import type { Draft } from '../draft.ts';
import { RecordShape } from '../record-shape.ts';
import { SortedKeys, sortedSlots } from '../sorted.ts';
import { Names } from './names.ts';

/** Lookups built once per world, so the monthly loop does no searching. */
export interface WorldIndex {
  readonly markets: ReadonlyMap<string, MarketSpec>;
  readonly buyersByMarket: ReadonlyMap<string, readonly BuyerSpec[]>;
  readonly feedRoutesByOrigin: ReadonlyMap<string, readonly FeedRouteSpec[]>;
  readonly salesRoutesByOrigin: ReadonlyMap<string, readonly SalesRouteSpec[]>;
  /** Routes made up for refiners the world lists none for (one per market), built once per origin. */
  readonly defaultSalesRoutes: Map<string, readonly SalesRouteSpec[]>;
  /** Each market's reference price, the base of netback ratios. */
  readonly referencePrices: Readonly<Record<string, number>>;
  /** Processing countries that have base-year feed-consuming capacity. */
  readonly baseFeedCountries: ReadonlySet<string>;
  /** Per market, its buyers' positions (in `buyersByMarket`) in sorted order of buyer id and of segment, for sorted event records. */
  readonly buyerSlots: ReadonlyMap<string, BuyerSlots>;
  /** The `price.<market>` indicator id of each market, in world order. */
  readonly priceIndicators: readonly string[];
  /** Sorted key orders of the state's mines and plants (cached while the sets stay the same). */
  readonly mineOrder: SortedKeys;
  readonly plantOrder: SortedKeys;
  /** Party labels and flow keys, one string each. */
  readonly names: Names;
  /** Builds each month's export references (their keys seldom change). */
  readonly referenceShape: RecordShape;
  /** Shapes of the monthly utilisation records (mines' [utilisation, capacity factor], plants' availability). */
  readonly mineShape: RecordShape<readonly [number, number]>;
  readonly plantShape: RecordShape;
}

/** Where a market's buyers go in sorted records: the last buyer of each id and of each segment wins, as in a record built in buyer order. */
export interface BuyerSlots {
  readonly byId: readonly { readonly key: string; readonly index: number }[];
  readonly bySegment: readonly { readonly key: string; readonly index: number }[];
}

function group<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Builds the index of a world. */
export function indexWorld(world: World): WorldIndex {
  return {
    markets: new Map(world.markets.map((m) => [m.id, m])),
    buyersByMarket: group(world.buyers, (b) => b.market),
    feedRoutesByOrigin: group(world.feedRoutes, (r) => r.from),
    salesRoutesByOrigin: group(world.salesRoutes, (r) => r.from),
    defaultSalesRoutes: new Map(),
    referencePrices: Object.fromEntries(world.markets.map((m) => [m.id, m.referencePriceUsdPerTonne])),
    baseFeedCountries: new Set(world.plants.filter((p) => p.startMonth <= 0 && refinesFeed(p.stage)).map((p) => p.country)),
    buyerSlots: new Map(
      world.markets.map((m) => {
        const buyers = world.buyers.filter((b) => b.market === m.id);
        return [m.id, { byId: sortedSlots(buyers.map((b) => b.id)), bySegment: sortedSlots(buyers.map((b) => b.segment)) }];
      }),
    ),
    priceIndicators: world.markets.map((m) => `price.${m.id}`),
    mineOrder: new SortedKeys(),
    plantOrder: new SortedKeys(),
    names: new Names(),
    referenceShape: new RecordShape(),
    mineShape: new RecordShape<readonly [number, number]>(),
    plantShape: new RecordShape(),
  };
}

/** A refined sale waiting for its market's clearing price. */
export interface PendingSale {
  readonly from: string;
  readonly market: string;
  readonly metal: number;
  readonly oxide: number;
  readonly certified: number;
  readonly freightUsd: number;
  /**
   * The seller's SaleOrigin flags when it sold: whether provenance can move its price and
   * whether a tariff names it. Clearing settles the sale the same month, when they still
   * hold (no event of the month changes certifications or tariffs), and skips the calls
   * whose answer they show to be neutral.
   */
  readonly provenance: boolean;
  readonly tariffs: boolean;
}

/** Everything one month's steps share. */
export interface MonthContext {
  readonly world: World;
  readonly index: WorldIndex;
  /** Working state: every emitted event is already folded into it. */
  readonly s: Draft;
  readonly m: number;
  /** Prices at the start of the month (last clearing): what traders and producers act on. */
  readonly prices: Readonly<Record<string, number>>;
  rng(name: string): RandomStream;
  emit(event: WorldEvent): void;
  /** Shipments this month per `from>to` key, for export references. */
  readonly shipments: FlowTally;
  readonly pendingSales: PendingSale[];
  /**
   * Each country's mean feed netback at `prices` per feed form, as utilisation computed it:
   * mining reuses it. Valid for the month because netback terms read routes, tariffs,
   * certifications and terminals, which utilisation events do not change.
   */
  readonly netbacks: { readonly ore: Map<string, number>; readonly concentrate: Map<string, number> };
}
