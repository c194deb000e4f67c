/**
 * The feed trade's working tables: destinations, offers and plans as columns of typed
 * arrays, kept by the module and refilled every month. A run makes ~70 offers a month; as
 * objects each carried four boxed doubles and a tally, and the maps and lists around them
 * were rebuilt every month. Columns hold numbers unboxed and grow only to the largest month
 * seen. Every month starts with `reset()` and writes each row before reading it, so nothing
 * carries over between months or runs; except a destination's market terms (`market`,
 * `hub`, `provenanceMarket`, `referencePrice`), which the feed trade rewrites only when the
 * slot's country or the world changes (feed-trade.ts).
 */

import { growF64, growI32 } from './grow.ts';

/** How a plant's capacity counts towards its country's feed capacity. */
export type CapacityKind = 'base' | 'added' | 'domesticOnly';

/**
 * This month's destinations: countries with feed capacity, numbered by slot in the order
 * the plants list them, with their capacity and the trade's per-destination tallies.
 */
export class Destinations {
  /** Rows in use this month. */
  count = 0;
  readonly countries: string[] = [];
  total = new Float64Array(16);
  /** Capacity not in the base year (built or commissioned later): it attracts feed by size. */
  added = new Float64Array(16);
  /** Capacity that takes only its own country's feed. */
  domesticOnly = new Float64Array(16);
  /** The market each destination's plants face, and its price this month and at reference (not read per route). */
  readonly market: string[] = [];
  price = new Float64Array(16);
  referencePrice = new Float64Array(16);
  /** 1 when the market is one of the world's provenance markets (not read per route). */
  provenanceMarket = new Int32Array(16);
  /** The market's hub country, which export controls may name (not read per controlled route). */
  readonly hub: string[] = [];
  /** Capacity not yet taken. */
  free = new Float64Array(16);
  /** Tonnes domestic plants took from their own country. */
  selfSent = new Float64Array(16);
  /** Per destination, the number (from 1) of the last origin that considered it: an origin's first candidate for a destination decides it. */
  seenBy = new Int32Array(16);

  /** Empties the table for a new month (rows are overwritten, not cleared). */
  reset(): void {
    this.count = 0;
  }

  /** The slot of `country`, or -1 when it has no feed capacity this month (a dozen countries: a scan beats hashing). */
  slotOf(country: string): number {
    for (let i = 0; i < this.count; i++) if (this.countries[i] === country) return i;
    return -1;
  }

  /** Counts `tonnes` of monthly capacity of `country`, giving it the next slot if it has none yet. */
  addCapacity(country: string, tonnes: number, kind: CapacityKind): void {
    let slot = this.slotOf(country);
    if (slot < 0) slot = this.#open(country);
    this.total[slot] = (this.total[slot] as number) + tonnes;
    if (kind === 'domesticOnly') this.domesticOnly[slot] = (this.domesticOnly[slot] as number) + tonnes;
    else if (kind === 'added') this.added[slot] = (this.added[slot] as number) + tonnes;
  }

  #open(country: string): number {
    const slot = this.count++;
    const n = this.count;
    this.total = growF64(this.total, n);
    this.added = growF64(this.added, n);
    this.domesticOnly = growF64(this.domesticOnly, n);
    this.price = growF64(this.price, n);
    this.referencePrice = growF64(this.referencePrice, n);
    this.provenanceMarket = growI32(this.provenanceMarket, n);
    this.free = growF64(this.free, n);
    this.selfSent = growF64(this.selfSent, n);
    this.seenBy = growI32(this.seenBy, n);
    this.countries[slot] = country;
    this.total[slot] = 0;
    this.added[slot] = 0;
    this.domesticOnly[slot] = 0;
    this.seenBy[slot] = 0;
    return slot;
  }
}

/** Origins' offers of feed, one row per (origin, destination); an origin's rows are contiguous. */
export class Offers {
  /** Rows in use this month. */
  count = 0;
  slot = new Int32Array(64);
  weight = new Float64Array(64);
  cap = new Float64Array(64);
  freight = new Float64Array(64);
  /** Tonnes placed so far. */
  sent = new Float64Array(64);
  /** The binding export measure's id, or ''. */
  readonly measure: string[] = [];

  /** Empties the table for a new month (rows are overwritten, not cleared). */
  reset(): void {
    this.count = 0;
  }

  /**
   * Writes a candidate in the row after the last offer: `keep` makes it an offer, the next
   * `stage` overwrites it. Staged in the table, its numbers reach `consider` unboxed.
   */
  stage(slot: number, weight: number, freight: number): void {
    const i = this.count;
    if (i >= this.slot.length) this.#grow(i + 1);
    this.slot[i] = slot;
    this.weight[i] = weight;
    this.freight[i] = freight;
  }

  /** Makes the staged candidate an offer with its final weight, not capped by export controls until its caller caps it. */
  keep(weight: number): void {
    const i = this.count++;
    this.weight[i] = weight;
    this.cap[i] = Infinity;
    this.sent[i] = 0;
    this.measure[i] = '';
  }

  #grow(n: number): void {
    this.slot = growI32(this.slot, n);
    this.weight = growF64(this.weight, n);
    this.cap = growF64(this.cap, n);
    this.freight = growF64(this.freight, n);
    this.sent = growF64(this.sent, n);
  }
}

/** Origins' feed held before this month's trade, and the range of their offers. */
export class Plans {
  /** Rows in use this month. */
  count = 0;
  readonly origin: string[] = [];
  ore = new Float64Array(32);
  conc = new Float64Array(32);
  stock = new Float64Array(32);
  /** Sum of the offers' weights. */
  total = new Float64Array(32);
  /** Feed not yet placed. */
  left = new Float64Array(32);
  /** The plan's offers are rows [first, end) of the offers table. */
  first = new Int32Array(32);
  end = new Int32Array(32);

  /** Empties the table for a new month (rows are overwritten, not cleared). */
  reset(): void {
    this.count = 0;
  }

  /** Adds an origin's plan; its feed is all unplaced. */
  push(origin: string, ore: number, conc: number, stock: number, first: number, end: number, total: number): void {
    const i = this.count++;
    if (i >= this.ore.length) this.#grow(i + 1);
    this.origin[i] = origin;
    this.ore[i] = ore;
    this.conc[i] = conc;
    this.stock[i] = stock;
    this.total[i] = total;
    this.left[i] = stock;
    this.first[i] = first;
    this.end[i] = end;
  }

  #grow(n: number): void {
    this.ore = growF64(this.ore, n);
    this.conc = growF64(this.conc, n);
    this.stock = growF64(this.stock, n);
    this.total = growF64(this.total, n);
    this.left = growF64(this.left, n);
    this.first = growI32(this.first, n);
    this.end = growI32(this.end, n);
  }
}
