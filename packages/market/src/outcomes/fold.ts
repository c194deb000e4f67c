import type { RecordedEvent } from '@stibium/core';
import type { WorldEvent } from '../model/events.ts';
import { activeFraction } from '../model/economics.ts';
import { monthLabel, monthsBetween, parseMonth, yearOfMonth } from '../time.ts';
import type { World } from '../world/types.ts';
import { deriveOutcomes } from './derive.ts';
import { addAt, FoldSeries, MonthlySums, setAt } from './monthly-sums.ts';

export { MonthlySums } from './monthly-sums.ts';

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
