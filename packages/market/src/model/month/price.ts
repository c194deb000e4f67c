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

/** Buyers' monthly demand at `price`: sum of normal x (price / ref)^elasticity, in buyer order. */
function demandAt(normals: Float64Array, elasticities: Float64Array, price: number, ref: number): number {
  let d = 0;
  const r = price / ref;
  for (let i = 0; i < normals.length; i++) d += (normals[i] as number) * Math.pow(r, elasticities[i] as number);
  return d;
}

/** The market's stock-cover equation at log price `lnP`: positive when the price is above its clearing level. */
interface CoverEquation {
  readonly normals: Float64Array;
  readonly elasticities: Float64Array;
  readonly ref: number;
  readonly logRef: number;
  readonly stock: number;
  readonly target: number;
  readonly minEnd: number;
  readonly flexibility: number;
}

function gap(eq: CoverEquation, lnP: number): number {
  const p = Math.exp(lnP);
  const end = eq.stock - demandAt(eq.normals, eq.elasticities, p, eq.ref);
  const cover = Math.max(end, eq.minEnd) / eq.target;
  return lnP - eq.logRef + eq.flexibility * Math.log(cover);
}

/**
 * Clears a market with stock `available` (opening stock plus arrivals): finds the clearing
 * price P* at which P* = Pref x (cover(P*) / target)^-kappa, where cover(P) = (available -
 * D(P)) / normal monthly demand. The left side rises and the right side falls in P, so
 * bisection on log P finds the unique root within the floor and ceiling. The quoted price
 * then moves from last month's price a share lambda of the log gap to P* (inertia), and
 * buyers demand D(price); when the stock cannot meet it, defense is served first and the
 * rest pro rata.
 */
export function clearMarket(market: MarketSpec, buyers: readonly BuyerPosition[], available: number, lastPrice: number): Clearing {
  const ref = market.referencePriceUsdPerTonne;
  const lo0 = Math.log(ref * market.priceFloorMultiple);
  const hi0 = Math.log(ref * market.priceCeilingMultiple);
  const n = buyers.length;
  // Flat arrays: the bisection evaluates demand some forty times.
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
      normals, elasticities, ref, logRef: Math.log(ref), stock: stockOk, target, minEnd: target * 1e-6, flexibility: market.priceFlexibility,
    };
    if (gap(eq, hi0) <= 0) price = Math.exp(hi0);
    else if (gap(eq, lo0) >= 0) price = Math.exp(lo0);
    else {
      let lo = lo0;
      let hi = hi0;
      for (let i = 0; i < 36; i++) {
        const mid = (lo + hi) / 2;
        if (gap(eq, mid) > 0) hi = mid;
        else lo = mid;
      }
      price = Math.exp((lo + hi) / 2);
    }
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
