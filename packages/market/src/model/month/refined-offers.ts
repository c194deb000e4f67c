import type { SalesRouteSpec } from '../../world/types.ts';
import type { ExportLimit } from '../controls.ts';

/**
 * One refining country's offers to markets this month, as flat slots reused from country
 * to country and month to month: spot sales made an offer object, a tally array and a
 * flag array per country each month. Numbers sit in typed arrays, unboxed. `reset`
 * forgets the previous country's offers; every entry below `count` (and every market
 * tally below the number of markets) is written before it is read.
 */
export class RefinedOffers {
  /** Offers made since the last reset. */
  count = 0;
  /** Per offer: its weight (base share x netback ratio^theta). */
  weight = new Float64Array(8);
  /** Per offer: its export limit in tonnes. */
  cap = new Float64Array(8);
  /** Per offer: its market's slot in `sent` (routes may share a market, and then share its tally). */
  slot = new Int32Array(8);
  /** Per offer: open for placement in the current round (1) or not (0). */
  open = new Uint8Array(8);
  /** Per market slot: tonnes placed so far. */
  sent = new Float64Array(8);
  readonly #routes: SalesRouteSpec[] = [];
  readonly #measures: string[] = [];
  readonly #markets: string[] = [];
  #marketCount = 0;

  /** Forgets the offers (a new country's turn). */
  reset(): void {
    this.count = 0;
    this.#marketCount = 0;
  }

  /** Adds an offer along `route` with `weight` within `limit`. */
  add(route: SalesRouteSpec, weight: number, limit: ExportLimit): void {
    const i = this.count;
    if (i === this.weight.length) this.#grow(2 * i);
    this.#routes[i] = route;
    this.#measures[i] = limit.measure;
    this.weight[i] = weight;
    this.cap[i] = limit.cap;
    this.slot[i] = this.#marketSlot(route.to);
    this.count = i + 1;
  }

  /** The route of offer `i`. */
  route(i: number): SalesRouteSpec {
    return this.#routes[i] as SalesRouteSpec;
  }

  /** The export measure limiting offer `i`, or '' when none does. */
  measure(i: number): string {
    return this.#measures[i] as string;
  }

  #marketSlot(market: string): number {
    for (let k = 0; k < this.#marketCount; k++) if (this.#markets[k] === market) return k;
    const k = this.#marketCount++;
    this.#markets[k] = market;
    this.sent[k] = 0;
    return k;
  }

  // There are never more market slots than offers, so `sent` grows with them.
  #grow(size: number): void {
    this.weight = copied(this.weight, new Float64Array(size));
    this.cap = copied(this.cap, new Float64Array(size));
    this.slot = copied(this.slot, new Int32Array(size));
    this.open = new Uint8Array(size);
    this.sent = copied(this.sent, new Float64Array(size));
  }
}

function copied<T extends Float64Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
