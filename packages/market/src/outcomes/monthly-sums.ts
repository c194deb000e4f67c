/**
 * The fold's monthly accumulators: named series (MonthlySums) and the fold's direct handles
 * on them (FoldSeries), so a folded event writes an array slot instead of looking a name up.
 */

/**
 * Adds `value` to `arr[m]` unless `m` is outside the run or `value` is not finite: the one
 * accumulation rule of every series, shared by the keyed and the slotted paths so both give
 * the same doubles.
 */
export function addAt(arr: Float64Array, m: number, value: number): void {
  if (m < 0 || m >= arr.length || !Number.isFinite(value)) return;
  arr[m] = (arr[m] ?? 0) + value;
}

/**
 * Sets `arr[m]` the way `MonthlySums.set` always has: by adding the difference, so a second
 * set in a month gives `old + (value - old)`, the same double as before.
 */
export function setAt(arr: Float64Array, m: number, value: number): void {
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
export class FoldSeries {
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
