/**
 * Strings the monthly steps spell out again and again (party labels, flow keys), built
 * once per world. One string object per name means its hash is computed once, for the
 * maps that count flows and for the log hash's string table, instead of once per event.
 */
export class Names {
  readonly #markets = new Map<string, string>();
  readonly #stockpiles = new Map<string, string>();
  readonly #flows = new Map<string, Map<string, string>>();

  /** `market:<id>`: a market as a party to a settlement. */
  market(id: string): string {
    return this.#markets.get(id) ?? remember(this.#markets, id, `market:${id}`);
  }

  /** `stockpile:<iso3>`: a national stockpile as a party to a settlement. */
  stockpile(country: string): string {
    return this.#stockpiles.get(country) ?? remember(this.#stockpiles, country, `stockpile:${country}`);
  }

  /** `<from>><to>`: a flow's key in shipments, export references and controls. */
  flow(from: string, to: string): string {
    let byTo = this.#flows.get(from);
    if (byTo === undefined) {
      byTo = new Map();
      this.#flows.set(from, byTo);
    }
    return byTo.get(to) ?? remember(byTo, to, `${from}>${to}`);
  }
}

// The hit path above allocates nothing (no closure to make the name, as a helper taking one would).
function remember(map: Map<string, string>, key: string, name: string): string {
  map.set(key, name);
  return name;
}
