import type { RecordedEvent } from '@stibium/core';
import type { WorldEvent } from '@stibium/market';

// Where refined product sold into a market ends up, for the flow diagram.
const MARKET_HUB: Readonly<Record<string, string>> = { chinaDomestic: 'CHN', us: 'USA', exChina: 'ROW' };

/**
 * Yearly physical flows for the report's Sankey, as outcomes `flow.<stage>.<from>.<to>`
 * in t Sb/yr: ore and concentrate shipped between countries (`mine`, `concentrate`) and
 * refined metal and oxide shipped into markets (`refined`, to CHN, USA or ROW).
 */
export class FlowFold {
  readonly #flows = new Map<string, Map<string, number>>();
  readonly #yearOf: (month: number) => string;

  constructor(yearOf: (month: number) => string) {
    this.#yearOf = yearOf;
  }

  /** Adds one recorded event (only shipments count). */
  add(event: RecordedEvent<WorldEvent>): void {
    if (event.type === 'FeedShipped') {
      const d = event.data as { month: number; from: string; to: string; form: string; tonnes: number };
      this.#add(`flow.${d.form === 'ore' ? 'mine' : 'concentrate'}.${d.from}.${d.to}`, d.month, d.tonnes);
    } else if (event.type === 'Shipped') {
      const d = event.data as { month: number; from: string; market: string; metal: number; oxide: number };
      this.#add(`flow.refined.${d.from}.${MARKET_HUB[d.market] ?? d.market}`, d.month, d.metal + d.oxide);
    }
  }

  /** outcome id -> year -> tonnes. */
  result(): Record<string, Record<string, number>> {
    const out: Record<string, Record<string, number>> = {};
    for (const id of [...this.#flows.keys()].sort()) out[id] = Object.fromEntries(this.#flows.get(id) as Map<string, number>);
    return out;
  }

  #add(id: string, month: number, tonnes: number): void {
    if (!(tonnes > 0)) return;
    let years = this.#flows.get(id);
    if (years === undefined) {
      years = new Map();
      this.#flows.set(id, years);
    }
    const year = this.#yearOf(month);
    years.set(year, (years.get(year) ?? 0) + tonnes);
  }
}
