import type { World } from '../../world/types.ts';
import { certification, countryOf, provenanceFactor, tariffRate, terminalBeating } from '../economics.ts';
import type { TerminalState, WorldState } from '../state.ts';

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
export class SaleOrigin {
  /** The origin's ISO3 code. */
  origin = '';
  /** The market its plants and domestic sales face (marketOf of economics.ts). */
  home = '';
  /** Its certified share of exports this month. */
  certified = 0;
  /** Whether provenance can move its price: it has informal imports or a certification programme. */
  provenance = false;
  /** Whether a tariff names it as exporter (or all exporters); otherwise its tariff rate is 0 everywhere. */
  tariffs = false;
  /** Whether it has a terminal; otherwise every route pays its base freight and transit. */
  terminals = false;
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
    const country = countryOf(world, origin);
    this.origin = origin;
    // marketOf, with the country looked up once for both uses.
    this.home = country?.market ?? 'exChina';
    const programme = s.certifications[origin];
    // certification(...).certified, which is 0 without a programme.
    this.certified = programme === undefined ? 0 : certification(world, s, origin, m).certified;
    // As provenanceFactor tests it.
    this.provenance = (country?.informalImportShare ?? 0) > 0 || programme !== undefined;
    this.tariffs = false;
    for (const t of s.tariffs) if (t.exporter === origin || t.exporter === '*') this.tariffs = true;
    this.terminals = false;
    for (const t of s.terminals) if (t.country === origin) this.terminals = true;
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

  /** {@link tariffRate} on its goods entering `importer`. */
  tariff(s: WorldState, importer: string, m: number): number {
    return this.tariffs ? tariffRate(s, importer, this.origin, m) : 0;
  }

  /** The terminal its goods to `market` use instead of a route's `baseFreight` ({@link terminalBeating}), if any. */
  terminal(s: WorldState, market: string, baseFreight: number, m: number): TerminalState | undefined {
    return this.terminals ? terminalBeating(s, this.origin, market, baseFreight, m) : undefined;
  }
}

