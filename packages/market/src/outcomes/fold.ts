import type { RecordedEvent } from '@stibium/core';
import type { WorldEvent } from '../model/events.ts';
import { activeFraction } from '../model/economics.ts';
import { monthLabel, monthsBetween, parseMonth, yearOfMonth } from '../time.ts';
import type { World } from '../world/types.ts';
import { deriveOutcomes } from './derive.ts';

/** One outcome's values: per month and per calendar year of the run. */
export interface OutcomeSeries {
  readonly id: string;
  readonly unit: string;
  readonly monthly: number[];
  readonly yearly: number[];
}

/** Every outcome of one run, aligned to `months` labels and `years`. */
export interface OutcomeTable {
  readonly months: string[];
  readonly years: number[];
  readonly outcomes: Record<string, OutcomeSeries>;
}

/**
 * Adds `value` to `arr[m]` unless `m` is outside the run or `value` is not finite: the one
 * accumulation rule of every series, shared by the keyed and the slotted paths so both give
 * the same doubles.
 */
function addAt(arr: Float64Array, m: number, value: number): void {
  if (m < 0 || m >= arr.length || !Number.isFinite(value)) return;
  arr[m] = (arr[m] ?? 0) + value;
}

/**
 * Sets `arr[m]` the way `MonthlySums.set` always has: by adding the difference, so a second
 * set in a month gives `old + (value - old)`, the same double as before.
 */
function setAt(arr: Float64Array, m: number, value: number): void {
  addAt(arr, m, value - (arr[m] ?? 0));
}

/** Monthly accumulators the fold fills; keys are ids of sub-series. */
export class MonthlySums {
  readonly n: number;
  readonly #sums = new Map<string, Float64Array>();
  readonly #names = new Map<string, Map<string, string>>();
  constructor(n: number) {
    this.n = n;
  }
  /** Adds `value` to series `key` at month `m` (ignored outside the run). */
  add(key: string, m: number, value: number): void {
    if (m < 0 || m >= this.n || !Number.isFinite(value)) return;
    addAt(this.series(key), m, value);
  }
  /** Sets series `key` at month `m`. */
  set(key: string, m: number, value: number): void {
    this.add(key, m, value - (this.#sums.get(key)?.[m] ?? 0));
  }
  /** The name `prefix + id`, built once: a fresh string per event cost more than the sum itself. */
  name(prefix: string, id: string): string {
    let byId = this.#names.get(prefix);
    if (byId === undefined) {
      byId = new Map();
      this.#names.set(prefix, byId);
    }
    let name = byId.get(id);
    if (name === undefined) {
      name = prefix + id;
      byId.set(id, name);
    }
    return name;
  }
  /**
   * The live array of series `key`, created (and so listed by `keys`) now: a fold holds it
   * and adds to it per event without a lookup by name.
   */
  series(key: string): Float64Array {
    let arr = this.#sums.get(key);
    if (arr === undefined) {
      arr = new Float64Array(this.n);
      this.#sums.set(key, arr);
    }
    return arr;
  }
  /** The series `key` (zeros when never touched). */
  get(key: string): Float64Array {
    return this.#sums.get(key) ?? new Float64Array(this.n);
  }
  /** Keys starting with `prefix`, sorted. */
  keys(prefix: string): string[] {
    return [...this.#sums.keys()].filter((k) => k.startsWith(prefix)).sort();
  }
}

/**
 * The series `prefix + id` of one family (one per country, form or market), found by the
 * event's own id string: one Map lookup per event instead of building or looking up the
 * full name first. A member exists once a valid value was added, as with `MonthlySums.add`,
 * so `keys(prefix)` lists the same ids.
 */
class SeriesFamily {
  readonly #sums: MonthlySums;
  readonly #prefix: string;
  readonly #byId = new Map<string, Float64Array>();
  constructor(sums: MonthlySums, prefix: string) {
    this.#sums = sums;
    this.#prefix = prefix;
  }
  /** As `MonthlySums.add` of `prefix + id`. */
  add(id: string, m: number, value: number): void {
    if (m < 0 || m >= this.#sums.n || !Number.isFinite(value)) return;
    let arr = this.#byId.get(id);
    if (arr === undefined) {
      arr = this.#sums.series(this.#prefix + id);
      this.#byId.set(id, arr);
    }
    arr[m] = (arr[m] ?? 0) + value;
  }
  /** As `MonthlySums.set` of `prefix + id`. */
  set(id: string, m: number, value: number): void {
    this.add(id, m, value - (this.#byId.get(id)?.[m] ?? 0));
  }
}

/**
 * The fold's series, held directly: fixed series are arrays made at the start (untouched
 * ones read as zeros either way), families are looked up by id. Per event that is an
 * array write, where a name lookup per series used to dominate the fold.
 */
class FoldSeries {
  readonly mine: SeriesFamily;
  readonly refined: SeriesFamily;
  readonly price: SeriesFamily;
  readonly exportUsdForm: SeriesFamily;
  readonly exportUsdTo: SeriesFamily;
  readonly exportTTo: SeriesFamily;
  readonly usImportsFrom: SeriesFamily;
  readonly pkMineGate: Float64Array;
  readonly pkFeed: Float64Array;
  readonly pkFeedValue: Float64Array;
  readonly pkInformal: Float64Array;
  readonly pkInformalT: Float64Array;
  readonly pkInformalUsd: Float64Array;
  readonly pkOpex: Float64Array;
  readonly pkImportedFeedUsd: Float64Array;
  readonly pkImportedFeedT: Float64Array;
  readonly pkExportUsd: Float64Array;
  readonly pkExportT: Float64Array;
  readonly pkCertifiedT: Float64Array;
  readonly usProduction: Float64Array;
  readonly usPaidUsd: Float64Array;
  readonly usPaidT: Float64Array;
  readonly usSecondary: Float64Array;
  readonly usStockpileDelta: Float64Array;
  readonly usConsumption: Float64Array;
  readonly usDemand: Float64Array;
  readonly usShortfall: Float64Array;
  readonly usStock: Float64Array;
  readonly usDefenseShortfall: Float64Array;
  readonly usImports: Float64Array;
  readonly usImportsRestricted: Float64Array;

  constructor(s: MonthlySums) {
    this.mine = new SeriesFamily(s, 'mine.');
    this.refined = new SeriesFamily(s, 'refined.');
    this.price = new SeriesFamily(s, 'price.');
    this.exportUsdForm = new SeriesFamily(s, 'pk.exportUsd.form.');
    this.exportUsdTo = new SeriesFamily(s, 'pk.exportUsd.to.');
    this.exportTTo = new SeriesFamily(s, 'pk.exportT.to.');
    this.usImportsFrom = new SeriesFamily(s, 'us.importsFrom.');
    // No fixed key starts with a family prefix, so creating them now leaves `keys` as it was.
    this.pkMineGate = s.series('pk.mineGate');
    this.pkFeed = s.series('pk.feed');
    this.pkFeedValue = s.series('pk.feedValue');
    this.pkInformal = s.series('pk.informal');
    this.pkInformalT = s.series('pk.informalT');
    this.pkInformalUsd = s.series('pk.informalUsd');
    this.pkOpex = s.series('pk.opex');
    this.pkImportedFeedUsd = s.series('pk.importedFeedUsd');
    this.pkImportedFeedT = s.series('pk.importedFeedT');
    this.pkExportUsd = s.series('pk.exportUsd');
    this.pkExportT = s.series('pk.exportT');
    this.pkCertifiedT = s.series('pk.certifiedT');
    this.usProduction = s.series('us.production');
    this.usPaidUsd = s.series('us.paidUsd');
    this.usPaidT = s.series('us.paidT');
    this.usSecondary = s.series('us.secondary');
    this.usStockpileDelta = s.series('us.stockpileDelta');
    this.usConsumption = s.series('us.consumption');
    this.usDemand = s.series('us.demand');
    this.usShortfall = s.series('us.shortfall');
    this.usStock = s.series('us.stock');
    this.usDefenseShortfall = s.series('us.defenseShortfall');
    this.usImports = s.series('us.imports');
    this.usImportsRestricted = s.series('us.importsRestricted');
  }
}

/** Destination label of a shipment: ISO3 for feed, the market's hub (ROW for the ex-China market) for refined. */
function refinedDestination(world: World, market: string): string {
  if (market === 'exChina') return 'ROW';
  return world.markets.find((m) => m.id === market)?.hub ?? market;
}

/**
 * Folds world events into outcome series. Stream events in with `add` (log order), then
 * call `result()`; the fold never looks at the state, so outcomes are a function of the
 * log alone.
 */
export class OutcomeFold {
  readonly #world: World;
  readonly #sums: MonthlySums;
  readonly #s: FoldSeries;
  readonly #controls: { country: string; start: number; until?: number }[] = [];
  readonly #n: number;

  constructor(world: World, months?: number) {
    this.#world = world;
    this.#n = months ?? monthsBetween(world.start, '2035-12');
    this.#sums = new MonthlySums(this.#n);
    this.#s = new FoldSeries(this.#sums);
  }

  /** Folds one event. */
  add(event: RecordedEvent<WorldEvent> | WorldEvent): void {
    const e = event as WorldEvent;
    const s = this.#s;
    switch (e.type) {
      case 'InterventionApplied': {
        const i = e.data.intervention;
        if (i.kind === 'exportControl' && i.measure !== 'suspension' && i.measure !== 'lift') {
          this.#controls.push({ country: i.country, start: e.data.at, ...(i.until === undefined ? {} : { until: i.until }) });
        }
        if (i.kind === 'exportControl' && i.measure === 'lift') {
          for (const c of this.#controls) if (c.country === i.country && (c.until === undefined || c.until > e.data.at)) c.until = e.data.at;
        }
        return;
      }
      case 'MineProduced': {
        const d = e.data;
        s.mine.add(d.country, d.month, d.tonnes);
        if (d.country === 'PAK') {
          addAt(s.pkMineGate, d.month, d.mineGateUsd);
          addAt(s.pkFeed, d.month, d.tonnes);
          addAt(s.pkFeedValue, d.month, d.mineGateUsd);
        }
        return;
      }
      case 'InformalInflow': {
        const d = e.data;
        if (d.country !== 'PAK') return;
        // Informal feed is bought at the mine-gate value of Pakistani feed this month.
        const mined = s.pkFeed[d.month] ?? 0;
        const unit = mined > 0 ? (s.pkMineGate[d.month] ?? 0) / mined : 0;
        addAt(s.pkInformal, d.month, d.tonnes);
        addAt(s.pkInformalT, d.month, d.tonnes);
        addAt(s.pkInformalUsd, d.month, d.tonnes * unit);
        return;
      }
      case 'Processed': {
        const d = e.data;
        if (d.stage === 'smelter' || d.stage === 'roaster') {
          s.refined.add(d.country, d.month, d.metalOut + d.oxideOut);
          if (d.country === 'USA') addAt(s.usProduction, d.month, d.metalOut + d.oxideOut);
        }
        if (d.country === 'PAK') addAt(s.pkOpex, d.month, d.operatingCostUsd);
        return;
      }
      case 'FeedShipped': {
        const d = e.data;
        if (d.from === 'PAK') this.#pakExport(d.month, d.form, d.to, d.tonnes, d.certifiedTonnes, d.settlement.sellerUsd);
        if (d.to === 'PAK' && d.from !== 'PAK') {
          addAt(s.pkImportedFeedUsd, d.month, d.settlement.buyerUsd);
          addAt(s.pkImportedFeedT, d.month, d.tonnes);
        }
        if (d.to === 'USA' && d.from !== 'USA') this.#usImport(d.month, d.from, d.tonnes);
        return;
      }
      case 'Shipped': {
        const d = e.data;
        const t = d.metal + d.oxide;
        if (t <= 0) return;
        if (d.from === 'PAK') {
          const dest = refinedDestination(this.#world, d.market);
          this.#pakExport(d.month, 'metal', dest, d.metal, (d.certifiedTonnes * d.metal) / t, (d.settlement.sellerUsd * d.metal) / t);
          this.#pakExport(d.month, 'oxide', dest, d.oxide, (d.certifiedTonnes * d.oxide) / t, (d.settlement.sellerUsd * d.oxide) / t);
        }
        if (d.market === 'us') {
          addAt(s.usPaidUsd, d.month, d.settlement.buyerUsd);
          addAt(s.usPaidT, d.month, t);
          if (d.from !== 'USA') this.#usImport(d.month, d.from, t);
        }
        return;
      }
      case 'SecondarySupplied':
        if (e.data.market === 'us') addAt(s.usSecondary, e.data.month, e.data.tonnes);
        return;
      case 'StockpileChanged':
        if (e.data.country === 'USA') addAt(s.usStockpileDelta, e.data.month, e.data.tonnes);
        return;
      case 'MarketCleared': {
        const d = e.data;
        s.price.set(d.market, d.month, d.priceUsdPerTonne);
        if (d.market === 'us') {
          addAt(s.usConsumption, d.month, d.consumed);
          addAt(s.usDemand, d.month, d.demand);
          addAt(s.usShortfall, d.month, d.shortfall);
          setAt(s.usStock, d.month, d.stockEnd);
          const def = d.segments['defense'];
          if (def) addAt(s.usDefenseShortfall, d.month, Math.max(0, def.demand - def.consumed));
        }
        return;
      }
      case 'InterventionRejected':
      case 'Disrupted':
      case 'UtilizationAdjusted':
      case 'ExportLicenceDelayed':
      case 'MarketPurchased':
      case 'MonthCleared':
        return;
      default: {
        const never: never = e;
        return never;
      }
    }
  }

  #pakExport(m: number, form: string, dest: string, tonnes: number, certified: number, sellerUsd: number): void {
    if (tonnes <= 0) return;
    const s = this.#s;
    addAt(s.pkExportUsd, m, sellerUsd);
    s.exportUsdForm.add(form, m, sellerUsd);
    s.exportUsdTo.add(dest, m, sellerUsd);
    addAt(s.pkExportT, m, tonnes);
    s.exportTTo.add(dest, m, tonnes);
    addAt(s.pkCertifiedT, m, certified);
  }

  #usImport(m: number, origin: string, tonnes: number): void {
    const s = this.#s;
    addAt(s.usImports, m, tonnes);
    s.usImportsFrom.add(origin, m, tonnes);
    let restricted = 0;
    for (const c of this.#controls) if (c.country === origin) restricted = Math.max(restricted, activeFraction(m, c.start, c.until));
    addAt(s.usImportsRestricted, m, tonnes * restricted);
  }

  /**
   * The outcome table of everything folded so far. With `monthlyFor`, only the outcomes it
   * accepts carry monthly values (the others an empty `monthly`), for callers that report
   * yearly values and so need not build a monthly array per outcome.
   */
  result(monthlyFor?: (id: string) => boolean): OutcomeTable {
    const origin = parseMonth(this.#world.start);
    const months = Array.from({ length: this.#n }, (_, m) => monthLabel(m, origin));
    const yearOf = Array.from({ length: this.#n }, (_, m) => yearOfMonth(m, origin));
    const years = [...new Set(yearOf)];
    return { months, years, outcomes: deriveOutcomes(this.#world, this.#sums, yearOf, years, monthlyFor) };
  }
}

/** Folds a whole log into its outcome table. */
export function foldOutcomes(world: World, events: Iterable<RecordedEvent<WorldEvent> | WorldEvent>, months?: number): OutcomeTable {
  const fold = new OutcomeFold(world, months);
  for (const e of events) fold.add(e);
  return fold.result();
}
