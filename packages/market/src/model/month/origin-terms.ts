import type { CountrySpec, World } from '../../world/types.ts';
import { certification, countryOf, tariffRate } from '../economics.ts';
import type { WorldState } from '../state.ts';

/**
 * The terms of a selling country that depend on it alone, read once a month: its certified
 * share, and whether provenance, a tariff or a terminal can change what its goods earn.
 * When none applies, the economics functions return their neutral value (1, 0, the base
 * freight), so the feed trade (`FeedOrigin`) and spot sales (`SaleOrigin`) skip
 * those calls and get the same numbers. Valid for the month: no event of the monthly step
 * changes tariffs, terminals or certifications (only interventions do, between months).
 */
export class OriginTerms {
  /** The origin's ISO3 code. */
  origin = '';
  /** Its certified share of exports this month. */
  certified = 0;
  /** Whether provenance can move its price: it has informal imports or a certification programme. */
  provenance = false;
  /** Whether a tariff names it as exporter (or all exporters); otherwise its tariff rate is 0 everywhere. */
  tariffs = false;
  /** Whether it has a terminal; otherwise every route pays its base freight and transit. */
  terminals = false;

  /** Reads the terms of `origin` for month `m`; returns its country entry (for subclasses' own terms). */
  protected readOrigin(world: World, s: WorldState, origin: string, m: number): CountrySpec | undefined {
    const country = countryOf(world, origin);
    const programme = s.certifications[origin];
    this.origin = origin;
    // certification(...).certified (certifiedShare of economics.ts), with the programme looked up once for both uses.
    this.certified = programme === undefined ? 0 : certification(world, s, origin, m).certified;
    // As provenanceFactor tests it.
    this.provenance = (country?.informalImportShare ?? 0) > 0 || programme !== undefined;
    this.tariffs = false;
    for (const t of s.tariffs) if (t.exporter === origin || t.exporter === '*') this.tariffs = true;
    this.terminals = false;
    for (const t of s.terminals) if (t.country === origin) this.terminals = true;
    return country;
  }

  /** {@link tariffRate} on its goods entering `importer`. */
  tariff(s: WorldState, importer: string, m: number): number {
    return this.tariffs ? tariffRate(s, importer, this.origin, m) : 0;
  }
}
