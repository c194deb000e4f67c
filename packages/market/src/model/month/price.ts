import type { BuyerSpec, MarketSpec } from '../../world/types.ts';

/** One buyer group's position in the month: base monthly demand and its long-run factor. */
export interface BuyerPosition {
  readonly buyer: BuyerSpec;
  /** Monthly demand at the reference price, with growth and substitution applied. */
  readonly normal: number;
}

/** The result of clearing one market. */
export interface Clearing {
  readonly price: number;
  readonly demand: number;
  readonly consumed: number;
  readonly stockEnd: number;
  readonly perBuyer: readonly { readonly demand: number; readonly consumed: number }[];
}

/**
 * A market's buyers for one clearing as flat arrays (numbers unboxed), reused from clearing
 * to clearing: the caller fills each buyer's normal demand, short-run elasticity and
 * defense flag below `n`; {@link clearBook} writes the price, the totals and each buyer's
 * demand and consumption. Entries at `n` and past it are stale and never read.
 */
export class ClearingBook {
  /** Buyers in this clearing. */
  n = 0;
  normals = new Float64Array(8);
  elasticities = new Float64Array(8);
  /** 1 for a defense buyer, served first when stock runs short. */
  defense = new Uint8Array(8);
  /** Per buyer: demand at the quoted price (output). */
  wants = new Float64Array(8);
  /** Per buyer: what it consumed (output). */
  consumed = new Float64Array(8);
  price = 0;
  demand = 0;
  consumedTotal = 0;
  stockEnd = 0;

  /** Starts a clearing of `n` buyers, with room for them. */
  open(n: number): void {
    if (n > this.normals.length) {
      const size = Math.max(n, 2 * this.normals.length);
      this.normals = new Float64Array(size);
      this.elasticities = new Float64Array(size);
      this.defense = new Uint8Array(size);
      this.wants = new Float64Array(size);
      this.consumed = new Float64Array(size);
    }
    this.n = n;
  }
}

/** The market's stock-cover equation in log price: buyers' demand and what it must leave in stock. */
interface CoverEquation {
  normals: Float64Array;
  elasticities: Float64Array;
  n: number;
  logRef: number;
  stock: number;
  target: number;
  minEnd: number;
  flexibility: number;
}

/** The one equation being solved, refilled per clearing (a clearing runs to its end before the next). */
const cover: CoverEquation = {
  normals: new Float64Array(0), elasticities: new Float64Array(0), n: 0, logRef: 0, stock: 0, target: 0, minEnd: 0, flexibility: 0,
};

/** Half-width, in log price, at which the root is taken as found (prices agree to ~1e-13). */
const LOG_TOLERANCE = 1e-13;
/** Newton converges in about six steps; the bound only guards against a pathological market. */
const MAX_STEPS = 100;

/**
 * Finds the log price in [lo, hi] where the cover gap is zero, for a gap that is negative at
 * `lo` and positive at `hi`. The gap is g(x) = x - ln Pref + kappa ln(max(S - D(x), minEnd) / T)
 * with D(x) = sum n_i e^(eps_i (x - ln Pref)); every eps_i <= 0, so g' = 1 + kappa (-D') /
 * (S - D) >= 1 and g rises strictly. Safeguarded Newton: a Newton step from the bracket end
 * nearer the root, bisection whenever the step leaves the bracket. It needs ~6 evaluations
 * where plain bisection to the same precision needed ~40, and each evaluation computes D and
 * D' with one exp per buyer.
 */
function solveCover(eq: CoverEquation, lo0: number, hi0: number): number {
  const { normals, elasticities, n, logRef, stock, target, minEnd, flexibility } = eq;
  let lo = lo0;
  let hi = hi0;
  let x = (lo + hi) / 2;
  for (let step = 0; step < MAX_STEPS; step++) {
    const u = x - logRef;
    let demand = 0;
    let slope = 0;
    for (let i = 0; i < n; i++) {
      const eps = elasticities[i] as number;
      const d = (normals[i] as number) * Math.exp(eps * u);
      demand += d;
      slope += eps * d;
    }
    const end = stock - demand;
    const covered = end > minEnd;
    const g = u + flexibility * Math.log((covered ? end : minEnd) / target);
    if (g > 0) hi = x;
    else lo = x;
    if (g === 0 || hi - lo <= LOG_TOLERANCE) return g === 0 ? x : (lo + hi) / 2;
    const dg = covered ? 1 - (flexibility * slope) / end : 1;
    const next = x - g / dg;
    // Newton's step when it stays strictly inside the bracket; else halve the bracket.
    const inside = next > lo && next < hi;
    // Close to the root the Newton step is below the tolerance: stop there.
    if (inside && Math.abs(next - x) <= LOG_TOLERANCE) return next;
    x = inside ? next : (lo + hi) / 2;
  }
  return (lo + hi) / 2;
}

/** The gap at one log price, for the bracket checks at the floor and the ceiling. */
function gapAt(eq: CoverEquation, x: number): number {
  const u = x - eq.logRef;
  let demand = 0;
  for (let i = 0; i < eq.n; i++) demand += (eq.normals[i] as number) * Math.exp((eq.elasticities[i] as number) * u);
  return u + eq.flexibility * Math.log(Math.max(eq.stock - demand, eq.minEnd) / eq.target);
}

/**
 * Clears a market with stock `available` (opening stock plus arrivals): finds the clearing
 * price P* at which P* = Pref x (cover(P*) / target)^-kappa, where cover(P) = (available -
 * D(P)) / normal monthly demand. The left side rises and the right side falls in P, so
 * a safeguarded Newton search on log P finds the unique root within the floor and ceiling
 * ({@link solveCover}). The quoted price
 * then moves from last month's price a share lambda of the log gap to P* (inertia), and
 * buyers demand D(price); when the stock cannot meet it, defense is served first and the
 * rest pro rata. Reads the buyers from `book` and writes the results there.
 */
export function clearBook(market: MarketSpec, book: ClearingBook, available: number, lastPrice: number): void {
  const ref = market.referencePriceUsdPerTonne;
  const lo0 = Math.log(ref * market.priceFloorMultiple);
  const hi0 = Math.log(ref * market.priceCeilingMultiple);
  const { n, normals, elasticities, defense, wants, consumed } = book;
  let normal = 0;
  for (let i = 0; i < n; i++) normal += normals[i] as number;
  const stockOk = Math.max(0, available);
  let price: number;
  if (normal <= 1e-12) {
    price = Math.exp(lo0);
  } else {
    const target = market.stockTargetMonths * normal;
    const eq = cover;
    eq.normals = normals;
    eq.elasticities = elasticities;
    eq.n = n;
    eq.logRef = Math.log(ref);
    eq.stock = stockOk;
    eq.target = target;
    eq.minEnd = target * 1e-6;
    eq.flexibility = market.priceFlexibility;
    if (gapAt(eq, hi0) <= 0) price = Math.exp(hi0);
    else if (gapAt(eq, lo0) >= 0) price = Math.exp(lo0);
    else price = Math.exp(solveCover(eq, lo0, hi0));
  }
  // Quoted prices close part of the log gap to the clearing price each month.
  if (lastPrice > 0 && Number.isFinite(lastPrice)) {
    price = Math.exp(Math.log(lastPrice) + market.priceAdjustment * (Math.log(price) - Math.log(lastPrice)));
  }
  const r = price / ref;
  let demand = 0;
  for (let i = 0; i < n; i++) {
    const w = (normals[i] as number) * Math.pow(r, elasticities[i] as number);
    wants[i] = w;
    demand += w;
  }
  book.price = price;
  book.demand = demand;
  if (demand <= stockOk) {
    for (let i = 0; i < n; i++) consumed[i] = wants[i] as number;
    book.consumedTotal = demand;
    book.stockEnd = stockOk - demand;
    return;
  }
  // Rationing: defense is served first, the rest pro rata.
  let left = stockOk;
  let civil = 0;
  for (let i = 0; i < n; i++) {
    if (defense[i] === 0) continue;
    const c = Math.min(wants[i] as number, left);
    consumed[i] = c;
    left -= c;
  }
  for (let i = 0; i < n; i++) if (defense[i] === 0) civil += wants[i] as number;
  const share = civil > 0 ? Math.min(1, left / civil) : 0;
  for (let i = 0; i < n; i++) if (defense[i] === 0) consumed[i] = (wants[i] as number) * share;
  let total = 0;
  for (let i = 0; i < n; i++) total += consumed[i] as number;
  book.consumedTotal = total;
  book.stockEnd = Math.max(0, stockOk - total);
}

/** The book of {@link clearMarket}, which wraps clearings for callers holding buyer positions. */
const positionsBook = new ClearingBook();

/** Clears a market for buyers given as positions (see {@link clearBook}). */
export function clearMarket(market: MarketSpec, buyers: readonly BuyerPosition[], available: number, lastPrice: number): Clearing {
  const book = positionsBook;
  book.open(buyers.length);
  buyers.forEach((b, i) => {
    book.normals[i] = b.normal;
    book.elasticities[i] = b.buyer.elasticityShortRun;
    book.defense[i] = b.buyer.segment === 'defense' ? 1 : 0;
  });
  clearBook(market, book, available, lastPrice);
  const perBuyer: { demand: number; consumed: number }[] = [];
  for (let i = 0; i < book.n; i++) perBuyer.push({ demand: book.wants[i] as number, consumed: book.consumed[i] as number });
  return { price: book.price, demand: book.demand, consumed: book.consumedTotal, stockEnd: book.stockEnd, perBuyer };
}
