import type { ProductForm } from '../world/types.ts';
import { activeFraction } from './economics.ts';
import type { ControlState, WorldState } from './state.ts';

/** A flow's limit from export controls this month: `Infinity` when nothing applies. */
export interface ExportLimit {
  readonly cap: number;
  /** The binding measure's id, or '' when none binds. */
  readonly measure: string;
}

const NONE: ExportLimit = { cap: Infinity, measure: '' };

function covers(c: ControlState, destMarket: string, destCountry: string | undefined, marketHub: string): boolean {
  for (const d of c.destinations) {
    if (d === '*' || d === destMarket || d === destCountry || d === marketHub) return true;
  }
  return false;
}

/**
 * The export limit on a flow of `product` from `from` to a destination (a market, and for
 * feed also a country) in month `m`. A measure active for a fraction f of the month
 * allows (1 - f) x reference + f x its own cap; bans under an active suspension are
 * lifted for the suspended fraction; licensing passes nothing during the licensing delay
 * and `approvalShare` of the pre-control flow after it; quotas share the quota by the
 * reference flows. The lowest limit binds.
 */
export function exportLimit(
  s: WorldState,
  from: string,
  destKey: string,
  destMarket: string,
  destCountry: string | undefined,
  marketHub: string,
  product: ProductForm,
  m: number,
): ExportLimit {
  if (s.controls.length === 0) return NONE;
  let best = NONE;
  for (const c of s.controls) {
    if (c.country !== from || c.measure === 'suspension' || !c.products.includes(product)) continue;
    if (!covers(c, destMarket, destCountry, marketHub)) continue;
    let f = activeFraction(m, c.start, c.until);
    if (f <= 0) continue;
    const reference = c.reference[destKey] ?? 0;
    let own = 0;
    if (c.measure === 'ban') {
      f *= 1 - suspendedFraction(s, c, destMarket, destCountry, marketHub, product, m);
      if (f <= 0) continue;
    } else if (c.measure === 'licensing') {
      own = m + 0.5 < c.start + c.licensingDelayMonths ? 0 : c.approvalShare * reference;
    } else {
      let total = 0;
      for (const v of Object.values(c.reference)) total += v;
      own = total > 0 ? (c.quotaTonnesPerMonth * reference) / total : 0;
    }
    const cap = (1 - f) * reference + f * own;
    if (cap < best.cap) best = { cap: Math.max(0, cap), measure: c.id };
  }
  return best;
}

function suspendedFraction(
  s: WorldState,
  ban: ControlState,
  destMarket: string,
  destCountry: string | undefined,
  marketHub: string,
  product: ProductForm,
  m: number,
): number {
  let f = 0;
  for (const c of s.controls) {
    if (c.country !== ban.country || c.measure !== 'suspension' || !c.products.includes(product)) continue;
    if (!covers(c, destMarket, destCountry, marketHub)) continue;
    f = Math.max(f, activeFraction(m, c.start, c.until));
  }
  return f;
}
