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

/** The market's stock-cover equation in log price: buyers' demand and what it must leave in stock. */
interface CoverEquation {
  readonly normals: Float64Array;
  readonly elasticities: Float64Array;
  readonly logRef: number;
  readonly stock: number;
  readonly target: number;
  readonly minEnd: number;
  readonly flexibility: number;
}

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
  const { normals, elasticities, logRef, stock, target, minEnd, flexibility } = eq;
  let lo = lo0;
  let hi = hi0;
  let x = (lo + hi) / 2;
  for (let step = 0; step < MAX_STEPS; step++) {
    const u = x - logRef;
    let demand = 0;
    let slope = 0;
    for (let i = 0; i < normals.length; i++) {
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
  for (let i = 0; i < eq.normals.length; i++) demand += (eq.normals[i] as number) * Math.exp((eq.elasticities[i] as number) * u);
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
 * rest pro rata.
 */
export function clearMarket(market: MarketSpec, buyers: readonly BuyerPosition[], available: number, lastPrice: number): Clearing {
  const ref = market.referencePriceUsdPerTonne;
  const lo0 = Math.log(ref * market.priceFloorMultiple);
  const hi0 = Math.log(ref * market.priceCeilingMultiple);
  const n = buyers.length;
  // Flat arrays: the root search evaluates demand several times.
  const normals = new Float64Array(n);
  const elasticities = new Float64Array(n);
  let normal = 0;
  for (let i = 0; i < n; i++) {
    const b = buyers[i] as BuyerPosition;
    normals[i] = b.normal;
    elasticities[i] = b.buyer.elasticityShortRun;
    normal += b.normal;
  }
  const stockOk = Math.max(0, available);
  let price: number;
  if (normal <= 1e-12) {
    price = Math.exp(lo0);
  } else {
    const target = market.stockTargetMonths * normal;
    const eq: CoverEquation = {
      normals, elasticities, logRef: Math.log(ref), stock: stockOk, target, minEnd: target * 1e-6, flexibility: market.priceFlexibility,
    };
    if (gapAt(eq, hi0) <= 0) price = Math.exp(hi0);
    else if (gapAt(eq, lo0) >= 0) price = Math.exp(lo0);
    else price = Math.exp(solveCover(eq, lo0, hi0));
  }
  // Quoted prices close part of the log gap to the clearing price each month.
  if (lastPrice > 0 && Number.isFinite(lastPrice)) {
    price = Math.exp(Math.log(lastPrice) + market.priceAdjustment * (Math.log(price) - Math.log(lastPrice)));
  }
  const r = price / ref;
  const wants: number[] = [];
  let demand = 0;
  for (let i = 0; i < n; i++) {
    const w = (normals[i] as number) * Math.pow(r, elasticities[i] as number);
    wants.push(w);
    demand += w;
  }
  const perBuyer: { demand: number; consumed: number }[] = [];
  if (demand <= stockOk) {
    for (const w of wants) perBuyer.push({ demand: w, consumed: w });
    return { price, demand, consumed: demand, stockEnd: stockOk - demand, perBuyer };
  }
  // Rationing: defense is served first, the rest pro rata.
  let left = stockOk;
  const consumed = wants.map(() => 0);
  buyers.forEach((b, i) => {
    if (b.buyer.segment !== 'defense') return;
    const c = Math.min(wants[i] ?? 0, left);
    consumed[i] = c;
    left -= c;
  });
  let civil = 0;
  buyers.forEach((b, i) => {
    if (b.buyer.segment !== 'defense') civil += wants[i] ?? 0;
  });
  const share = civil > 0 ? Math.min(1, left / civil) : 0;
  buyers.forEach((b, i) => {
    if (b.buyer.segment !== 'defense') consumed[i] = (wants[i] ?? 0) * share;
  });
  wants.forEach((w, i) => perBuyer.push({ demand: w, consumed: consumed[i] ?? 0 }));
  const total = consumed.reduce((a, x) => a + x, 0);
  return { price, demand, consumed: total, stockEnd: Math.max(0, stockOk - total), perBuyer };
}
