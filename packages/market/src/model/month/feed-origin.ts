import type { FeedForm, World } from '../../world/types.ts';
import { provenanceFactor, routeFreight } from '../economics.ts';
import type { WorldState } from '../state.ts';
import type { Names } from './names.ts';
import { OriginTerms } from './origin-terms.ts';

/**
 * One origin's feed netback terms for the month, read once per origin instead of once per
 * candidate route. The feed trade prices ~70 candidate routes a month and most of their
 * terms depend on the origin alone: its inland haulage, whether provenance can move its
 * price, whether any tariff, terminal or export control names it. When none does, the
 * economics functions return their neutral value (1, 0, the base freight, no limit), so
 * skipping the call gives the same number; when one does, the call is made as before.
 * Valid for the month: feed shipments change stocks, not tariffs, terminals,
 * certifications or controls.
 */
export class FeedOrigin extends OriginTerms {
  /** The form its offers are priced and capped as. */
  form: FeedForm = 'ore';
  /** Payable share of the metal price for `form`. */
  payableShare = 0;
  /** Inland haulage per tonne (half of it at home). */
  inland = 0;
  /** Whether one of its export controls (not a suspension) covers `form`; otherwise nothing limits its exports. */
  controlled = false;
  // Flow keys by destination slot, for one origin and one world's names. The feed trade
  // keeps one of these objects per plan row, and a row and a slot usually hold the same
  // origin and destination month after month, so a key is looked up in `Names` (two map
  // lookups) about once a run instead of once per shipment.
  #keysOrigin = '';
  #keysNames: Names | undefined;
  readonly #keyTo: string[] = [];
  readonly #key: string[] = [];

  /** Reads `origin`'s terms for month `m`, its feed offered as `form` at `payableShare`. */
  set(world: World, s: WorldState, origin: string, form: FeedForm, payableShare: number, m: number): void {
    const country = this.readOrigin(world, s, origin, m);
    this.form = form;
    this.payableShare = payableShare;
    this.inland = country?.inlandFreightUsdPerTonne ?? 0;
    this.controlled = false;
    for (const c of s.controls) if (c.country === origin && c.measure !== 'suspension' && c.products.includes(form)) this.controlled = true;
  }

  /** `names.flow(origin, to)` for the destination `to` in slot `slot`. */
  flowKey(names: Names, to: string, slot: number): string {
    if (names !== this.#keysNames || this.origin !== this.#keysOrigin) {
      this.#keyTo.length = 0;
      this.#keysNames = names;
      this.#keysOrigin = this.origin;
    }
    if (this.#keyTo[slot] === to) return this.#key[slot] as string;
    const key = names.flow(this.origin, to);
    this.#keyTo[slot] = to;
    this.#key[slot] = key;
    return key;
  }

  /** {@link provenanceFactor} into `market`; `provenanceMarket` says whether the market is one of the world's provenance markets. */
  factor(world: World, s: WorldState, market: string, provenanceMarket: boolean, m: number): number {
    return this.provenance && provenanceMarket ? provenanceFactor(world, s, this.origin, market, m) : 1;
  }

  /** {@link routeFreight} to `market` for a route whose own freight is `baseFreight`. */
  freight(s: WorldState, market: string, baseFreight: number, m: number): number {
    return this.terminals ? routeFreight(s, this.origin, market, baseFreight, m) : baseFreight;
  }

  /** The feedScale of economics.ts for a foreign destination `to` in `market`: the same operands in the same order. */
  scale(world: World, s: WorldState, to: string, market: string, provenanceMarket: boolean, m: number): number {
    return (this.payableShare * this.factor(world, s, market, provenanceMarket, m)) / (1 + this.tariff(s, to, m));
  }

  /** The feedCost of economics.ts for a foreign destination in `market`. */
  cost(s: WorldState, market: string, baseFreight: number, m: number): number {
    return this.freight(s, market, baseFreight, m) + this.inland;
  }
}
