import type { World } from '../../world/types.ts';
import { provenanceFactor, terminalBeating } from '../economics.ts';
import type { TerminalState, WorldState } from '../state.ts';
import { OriginTerms } from './origin-terms.ts';

/**
 * One refining country's sale terms for the month, read once per country instead of once
 * per route (spot sales price ~40 routes a month, and clearing settles ~30 sales). Most
 * terms depend on the origin alone: whether provenance can move its price, whether any
 * tariff, terminal or export control names it. When none does, the economics functions
 * return their neutral value (1, 0, the base freight, no limit), so skipping the call
 * gives the same number; when one does, the call is made as before. Valid for the month:
 * no event of the monthly step changes tariffs, terminals, certifications or controls
 * (only interventions do, between months). The feed trade's FeedOrigin does the same
 * for feed.
 */
export class SaleOrigin extends OriginTerms {
  /** The market its plants and domestic sales face (marketOf of economics.ts). */
  home = '';
  /** Whether one of its export controls (not a suspension) covers metal or oxide; otherwise nothing limits its refined exports. */
  controlled = false;
  /**
   * Whether each of its controls (suspensions too) covers metal and oxide alike: then the
   * export limits of the two forms are computed from the same operands and are equal, so
   * one is enough.
   */
  sameForms = true;

  /** Reads `origin`'s terms for month `m`. */
  set(world: World, s: WorldState, origin: string, m: number): void {
    const country = this.readOrigin(world, s, origin, m);
    // marketOf, with the country looked up once for both uses.
    this.home = country?.market ?? 'exChina';
    this.controlled = false;
    this.sameForms = true;
    for (const c of s.controls) {
      if (c.country !== origin) continue;
      const metal = c.products.includes('metal');
      const oxide = c.products.includes('oxide');
      if (c.measure !== 'suspension' && (metal || oxide)) this.controlled = true;
      if (metal !== oxide) this.sameForms = false;
    }
  }

  /** {@link provenanceFactor} of its goods in `market`. */
  factor(world: World, s: WorldState, market: string, m: number): number {
    return this.provenance ? provenanceFactor(world, s, this.origin, market, m) : 1;
  }

  /** The terminal its goods to `market` use instead of a route's `baseFreight` ({@link terminalBeating}), if any. */
  terminal(s: WorldState, market: string, baseFreight: number, m: number): TerminalState | undefined {
    return this.terminals ? terminalBeating(s, this.origin, market, baseFreight, m) : undefined;
  }
}

