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
    let arr = this.#sums.get(key);
    if (arr === undefined) {
      arr = new Float64Array(this.n);
      this.#sums.set(key, arr);
    }
    arr[m] = (arr[m] ?? 0) + value;
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
  /** The series `key` (zeros when never touched). */
  get(key: string): Float64Array {
    return this.#sums.get(key) ?? new Float64Array(this.n);
  }
  /** Keys starting with `prefix`, sorted. */
  keys(prefix: string): string[] {
    return [...this.#sums.keys()].filter((k) => k.startsWith(prefix)).sort();
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
  readonly #controls: { country: string; start: number; until?: number }[] = [];
  readonly #n: number;

  constructor(world: World, months?: number) {
    this.#world = world;
    this.#n = months ?? monthsBetween(world.start, '2035-12');
    this.#sums = new MonthlySums(this.#n);
  }

  /** Folds one event. */
  add(event: RecordedEvent<WorldEvent> | WorldEvent): void {
    const e = event as WorldEvent;
    const s = this.#sums;
    const w = this.#world;
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
        s.add(s.name('mine.', d.country), d.month, d.tonnes);
        if (d.country === 'PAK') {
          s.add('pk.mineGate', d.month, d.mineGateUsd);
          s.add('pk.feed', d.month, d.tonnes);
          s.add('pk.feedValue', d.month, d.mineGateUsd);
        }
        return;
      }
      case 'InformalInflow': {
        const d = e.data;
        if (d.country !== 'PAK') return;
        // Informal feed is bought at the mine-gate value of Pakistani feed this month.
        const mined = s.get('pk.feed')[d.month] ?? 0;
        const unit = mined > 0 ? (s.get('pk.mineGate')[d.month] ?? 0) / mined : 0;
        s.add('pk.informal', d.month, d.tonnes);
        s.add('pk.informalT', d.month, d.tonnes);
        s.add('pk.informalUsd', d.month, d.tonnes * unit);
        return;
      }
      case 'Processed': {
        const d = e.data;
        if (d.stage === 'smelter' || d.stage === 'roaster') s.add(s.name('refined.', d.country), d.month, d.metalOut + d.oxideOut);
        if (d.country === 'USA' && (d.stage === 'smelter' || d.stage === 'roaster')) s.add('us.production', d.month, d.metalOut + d.oxideOut);
        if (d.country === 'PAK') s.add('pk.opex', d.month, d.operatingCostUsd);
        return;
      }
      case 'FeedShipped': {
        const d = e.data;
        if (d.from === 'PAK') this.#pakExport(d.month, d.form, d.to, d.tonnes, d.certifiedTonnes, d.settlement.sellerUsd);
        if (d.to === 'PAK' && d.from !== 'PAK') {
          s.add('pk.importedFeedUsd', d.month, d.settlement.buyerUsd);
          s.add('pk.importedFeedT', d.month, d.tonnes);
        }
        if (d.to === 'USA' && d.from !== 'USA') this.#usImport(d.month, d.from, d.tonnes);
        return;
      }
      case 'Shipped': {
        const d = e.data;
        const t = d.metal + d.oxide;
        if (t <= 0) return;
        if (d.from === 'PAK') {
          const dest = refinedDestination(w, d.market);
          this.#pakExport(d.month, 'metal', dest, d.metal, (d.certifiedTonnes * d.metal) / t, (d.settlement.sellerUsd * d.metal) / t);
          this.#pakExport(d.month, 'oxide', dest, d.oxide, (d.certifiedTonnes * d.oxide) / t, (d.settlement.sellerUsd * d.oxide) / t);
        }
        if (d.market === 'us') {
          s.add('us.paidUsd', d.month, d.settlement.buyerUsd);
          s.add('us.paidT', d.month, t);
          if (d.from !== 'USA') this.#usImport(d.month, d.from, t);
        }
        return;
      }
      case 'SecondarySupplied':
        if (e.data.market === 'us') s.add('us.secondary', e.data.month, e.data.tonnes);
        return;
      case 'StockpileChanged':
        if (e.data.country === 'USA') s.add('us.stockpileDelta', e.data.month, e.data.tonnes);
        return;
      case 'MarketCleared': {
        const d = e.data;
        s.set(s.name('price.', d.market), d.month, d.priceUsdPerTonne);
        if (d.market === 'us') {
          s.add('us.consumption', d.month, d.consumed);
          s.add('us.demand', d.month, d.demand);
          s.add('us.shortfall', d.month, d.shortfall);
          s.set('us.stock', d.month, d.stockEnd);
          const def = d.segments['defense'];
          if (def) s.add('us.defenseShortfall', d.month, Math.max(0, def.demand - def.consumed));
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
    const s = this.#sums;
    s.add('pk.exportUsd', m, sellerUsd);
    s.add(s.name('pk.exportUsd.form.', form), m, sellerUsd);
    s.add(s.name('pk.exportUsd.to.', dest), m, sellerUsd);
    s.add('pk.exportT', m, tonnes);
    s.add(s.name('pk.exportT.to.', dest), m, tonnes);
    s.add('pk.certifiedT', m, certified);
  }

  #usImport(m: number, origin: string, tonnes: number): void {
    const s = this.#sums;
    s.add('us.imports', m, tonnes);
    s.add(s.name('us.importsFrom.', origin), m, tonnes);
    let restricted = 0;
    for (const c of this.#controls) if (c.country === origin) restricted = Math.max(restricted, activeFraction(m, c.start, c.until));
    s.add('us.importsRestricted', m, tonnes * restricted);
  }

  /** The outcome table of everything folded so far. */
  result(): OutcomeTable {
    const origin = parseMonth(this.#world.start);
    const months = Array.from({ length: this.#n }, (_, m) => monthLabel(m, origin));
    const yearOf = Array.from({ length: this.#n }, (_, m) => yearOfMonth(m, origin));
    const years = [...new Set(yearOf)];
    return { months, years, outcomes: deriveOutcomes(this.#world, this.#sums, yearOf, years) };
  }
}

/** Folds a whole log into its outcome table. */
export function foldOutcomes(world: World, events: Iterable<RecordedEvent<WorldEvent> | WorldEvent>, months?: number): OutcomeTable {
  const fold = new OutcomeFold(world, months);
  for (const e of events) fold.add(e);
  return fold.result();
}
