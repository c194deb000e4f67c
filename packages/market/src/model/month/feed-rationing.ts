import type { Destinations, Offers, Plans } from './feed-tables.ts';
import { growF64, growI32 } from './grow.ts';

/**
 * How the month's feed offers meet destination capacity: domestic plants first, then all
 * origins' foreign offers together, rationed proportionally. Works on the feed trade's
 * tables (feed-tables.ts); its own per-round buffers are kept here and refilled each round.
 */

/** Domestic plants take their share of their own country's feed first (before any trade). */
export function serveDomestic(dest: Destinations, offers: Offers, plans: Plans): void {
  const { free, selfSent } = dest;
  selfSent.fill(0, 0, dest.count);
  for (let i = 0; i < plans.count; i++) {
    const origin = plans.origin[i] as string;
    const self = offerTo(dest, offers, plans, i, origin);
    if (self < 0) continue;
    const slot = offers.slot[self] as number;
    const stock = plans.stock[i] as number;
    // Capacity added after the base year (a national processing policy) is fed from home first.
    const reserved = Math.min(stock, (dest.added[slot] as number) + (dest.domesticOnly[slot] as number));
    const t = Math.min(Math.max(reserved, (stock * (offers.weight[self] as number)) / (plans.total[i] as number)), free[slot] as number);
    selfSent[slot] = t;
    free[slot] = (free[slot] as number) - t;
    plans.left[i] = stock - t;
  }
  // Plants that take only domestic feed leave no room for imports.
  for (let slot = 0; slot < dest.count; slot++) {
    const domesticOnly = dest.domesticOnly[slot] as number;
    if (domesticOnly <= 0) continue;
    const ownUse = selfSent[slot] as number;
    const openLeft = Math.max(0, (dest.total[slot] as number) - domesticOnly - Math.max(0, ownUse - domesticOnly));
    free[slot] = Math.min(free[slot] as number, openLeft);
  }
}

/** Plan `i`'s first offer to `to`, or -1. */
function offerTo(dest: Destinations, offers: Offers, plans: Plans, i: number, to: string): number {
  for (let o = plans.first[i] as number; o < (plans.end[i] as number); o++) if (dest.countries[offers.slot[o] as number] === to) return o;
  return -1;
}

/** An offer of plan `plan` open to foreign feed this round: a foreign destination with room, below the export cap. */
function isOpen(dest: Destinations, offers: Offers, plans: Plans, plan: number, o: number): boolean {
  const slot = offers.slot[o] as number;
  return dest.countries[slot] !== plans.origin[plan] && (dest.free[slot] as number) > 1e-9 && (offers.sent[o] as number) < (offers.cap[o] as number) - 1e-9;
}

/** One round's wants: offer rows, their plans and tonnes, in the order origins make them. */
const want = { count: 0, offer: new Int32Array(64), plan: new Int32Array(64), tonnes: new Float64Array(64) };
/** One round's demand per destination, the destinations it touched (in first-touch order), their rationing scale, and per offer whether it is open (1). */
const round = { demand: new Float64Array(16), scale: new Float64Array(16), touched: new Int32Array(16), open: new Int32Array(64) };

/**
 * Foreign offers from all origins meet destination capacity together (proportional
 * rationing per destination, three rounds), so no origin is served first by name.
 */
export function rationForeign(dest: Destinations, offers: Offers, plans: Plans): void {
  const { free } = dest;
  want.offer = growI32(want.offer, offers.count);
  want.plan = growI32(want.plan, offers.count);
  want.tonnes = growF64(want.tonnes, offers.count);
  round.demand = growF64(round.demand, dest.count);
  round.scale = growF64(round.scale, dest.count);
  round.touched = growI32(round.touched, dest.count);
  round.open = growI32(round.open, offers.count);
  const { demand, scale, touched, open: isOpenNow } = round;
  for (let r = 0; r < 3; r++) {
    want.count = 0;
    demand.fill(0, 0, dest.count);
    let nTouched = 0;
    for (let plan = 0; plan < plans.count; plan++) {
      const rest = plans.left[plan] as number;
      if (rest <= 1e-9) continue;
      const end = plans.end[plan] as number;
      let wsum = 0;
      // Whether each offer is open is noted on the first pass and read on the second: nothing between them changes it.
      for (let o = plans.first[plan] as number; o < end; o++) {
        const open = isOpen(dest, offers, plans, plan, o);
        isOpenNow[o] = open ? 1 : 0;
        if (open) wsum += offers.weight[o] as number;
      }
      if (wsum <= 0) continue;
      for (let o = plans.first[plan] as number; o < end; o++) {
        if (isOpenNow[o] === 0) continue;
        const w = Math.min((rest * (offers.weight[o] as number)) / wsum, (offers.cap[o] as number) - (offers.sent[o] as number));
        if (w <= 0) continue;
        const i = want.count++;
        want.offer[i] = o;
        want.plan[i] = plan;
        want.tonnes[i] = w;
        const slot = offers.slot[o] as number;
        if (demand[slot] === 0) touched[nTouched++] = slot;
        demand[slot] = (demand[slot] as number) + w;
      }
    }
    if (want.count === 0) break;
    for (let j = 0; j < nTouched; j++) {
      const slot = touched[j] as number;
      scale[slot] = Math.min(1, (free[slot] as number) / (demand[slot] as number));
    }
    for (let i = 0; i < want.count; i++) {
      const o = want.offer[i] as number;
      const t = (want.tonnes[i] as number) * (scale[offers.slot[o] as number] as number);
      if (t <= 0) continue;
      offers.sent[o] = (offers.sent[o] as number) + t;
      const plan = want.plan[i] as number;
      plans.left[plan] = (plans.left[plan] as number) - t;
    }
    for (let j = 0; j < nTouched; j++) {
      const slot = touched[j] as number;
      free[slot] = Math.max(0, (free[slot] as number) - (demand[slot] as number) * (scale[slot] as number));
    }
  }
}
