import type { RecordedEvent } from '@stibium/core';
import type { WorldEvent } from '@stibium/market';

// Where refined product sold into a market ends up, for the flow diagram.
const MARKET_HUB: Readonly<Record<string, string>> = { chinaDomestic: 'CHN', us: 'USA', exChina: 'ROW' };

/** One flow's yearly sums, by year label in first-seen order (as a Map would keep them). */
interface Flow {
  readonly years: string[];
  readonly sums: number[];
}

/**
 * Yearly physical flows for the report's Sankey, as outcomes `flow.<stage>.<from>.<to>`
 * in t Sb/yr: ore and concentrate shipped between countries (`mine`, `concentrate`) and
 * refined metal and oxide shipped into markets (`refined`, to CHN, USA or ROW).
 */
export class FlowFold {
  // stage -> from -> to -> flow: lookups with the events' own strings, no key building per event.
  readonly #flows = new Map<string, Map<string, Map<string, Flow>>>();
  readonly #yearOf: (month: number) => string;
  readonly #yearLabels: string[] = [];

  constructor(yearOf: (month: number) => string) {
    this.#yearOf = yearOf;
  }

  /** Adds one recorded event (only shipments count). */
  add(event: RecordedEvent<WorldEvent>): void {
    if (event.type === 'FeedShipped') {
      const d = event.data as { month: number; from: string; to: string; form: string; tonnes: number };
      this.#add(d.form === 'ore' ? 'mine' : 'concentrate', d.from, d.to, d.month, d.tonnes);
    } else if (event.type === 'Shipped') {
      const d = event.data as { month: number; from: string; market: string; metal: number; oxide: number };
      this.#add('refined', d.from, MARKET_HUB[d.market] ?? d.market, d.month, d.metal + d.oxide);
    }
  }

  /** outcome id -> year -> tonnes. */
  result(): Record<string, Record<string, number>> {
    const byId = new Map<string, Flow>();
    for (const [stage, froms] of this.#flows) for (const [from, tos] of froms) for (const [to, flow] of tos) byId.set(`flow.${stage}.${from}.${to}`, flow);
    const out: Record<string, Record<string, number>> = {};
    for (const id of [...byId.keys()].sort()) {
      const flow = byId.get(id) as Flow;
      const years: Record<string, number> = {};
      for (let i = 0; i < flow.years.length; i++) years[flow.years[i] as string] = flow.sums[i] as number;
      out[id] = years;
    }
    return out;
  }

  #add(stage: string, from: string, to: string, month: number, tonnes: number): void {
    if (!(tonnes > 0)) return;
    const flow = this.#flow(stage, from, to);
    const year = (this.#yearLabels[month] ??= this.#yearOf(month));
    // Sums per year in event order, as before: the same doubles whatever the lookup structure.
    const last = flow.years.length - 1;
    const at = last >= 0 && flow.years[last] === year ? last : flow.years.indexOf(year);
    if (at < 0) {
      flow.years.push(year);
      flow.sums.push(0 + tonnes);
    } else flow.sums[at] = (flow.sums[at] as number) + tonnes;
  }

  #flow(stage: string, from: string, to: string): Flow {
    let froms = this.#flows.get(stage);
    if (froms === undefined) this.#flows.set(stage, (froms = new Map()));
    let tos = froms.get(from);
    if (tos === undefined) froms.set(from, (tos = new Map()));
    let flow = tos.get(to);
    if (flow === undefined) tos.set(to, (flow = { years: [], sums: [] }));
    return flow;
  }
}
