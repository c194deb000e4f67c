import type { RecordedEvent } from '@stibium/core';
import type { WorldEvent } from '@stibium/market';

// Where refined product sold into a market ends up, for the flow diagram.
const MARKET_HUB: ReadonlyMap<string, string> = new Map([
  ['chinaDomestic', 'CHN'],
  ['us', 'USA'],
  ['exChina', 'ROW'],
]);

/**
 * One flow's yearly sums, by year slot. Every shipment adds tonnes > 0, so a sum of 0 means
 * "no shipment that year" and the year is left out, as when years were listed on first sight.
 */
interface Flow {
  readonly sums: number[];
}

/** from -> to -> flow of one stage: lookups with the events' own strings, no key building per event. */
type StageFlows = Map<string, Map<string, Flow>>;

/**
 * Yearly physical flows for the report's Sankey, as outcomes `flow.<stage>.<from>.<to>`
 * in t Sb/yr: ore and concentrate shipped between countries (`mine`, `concentrate`) and
 * refined metal and oxide shipped into markets (`refined`, to CHN, USA or ROW).
 */
export class FlowFold {
  // One field per stage: an event picks its stage's map without a lookup by stage name.
  readonly #mine: StageFlows = new Map();
  readonly #concentrate: StageFlows = new Map();
  readonly #refined: StageFlows = new Map();
  // The stages by name, for the outcome ids of `result`.
  readonly #stages: ReadonlyMap<string, StageFlows> = new Map([
    ['mine', this.#mine],
    ['concentrate', this.#concentrate],
    ['refined', this.#refined],
  ]);
  readonly #yearOf: (month: number) => number;
  // month -> year slot, and slot -> calendar year: slots are numbered in first-seen order.
  readonly #slotOfMonth: number[] = [];
  readonly #yearOfSlot: number[] = [];

  /** `yearOf` maps a model month to its calendar year. */
  constructor(yearOf: (month: number) => number) {
    this.#yearOf = yearOf;
  }

  /** Adds one recorded event (only shipments count). */
  add(event: RecordedEvent<WorldEvent>): void {
    if (event.type === 'FeedShipped') {
      const d = event.data as { month: number; from: string; to: string; form: string; tonnes: number };
      this.#add(d.form === 'ore' ? this.#mine : this.#concentrate, d.from, d.to, d.month, d.tonnes);
    } else if (event.type === 'Shipped') {
      const d = event.data as { month: number; from: string; market: string; metal: number; oxide: number };
      this.#add(this.#refined, d.from, MARKET_HUB.get(d.market) ?? d.market, d.month, d.metal + d.oxide);
    }
  }

  /**
   * outcome id -> year -> tonnes, ids sorted, years from `firstYear` on (all when omitted).
   * A flow whose years all fall before `firstYear` keeps its id with no years.
   */
  result(firstYear = -Infinity): Record<string, Record<string, number>> {
    const labels = this.#yearOfSlot.map((year) => (year >= firstYear ? String(year) : undefined));
    const byId = new Map<string, Flow>();
    for (const [stage, froms] of this.#stages) for (const [from, tos] of froms) for (const [to, flow] of tos) byId.set(`flow.${stage}.${from}.${to}`, flow);
    const out: Record<string, Record<string, number>> = {};
    for (const id of [...byId.keys()].sort()) {
      const sums = (byId.get(id) as Flow).sums;
      // Year keys are array indices, so the record lists them ascending whatever order they are set in.
      const years: Record<string, number> = {};
      for (let i = 0; i < sums.length; i++) {
        const label = labels[i];
        const sum = sums[i] as number;
        if (label !== undefined && sum > 0) years[label] = sum;
      }
      out[id] = years;
    }
    return out;
  }

  #add(flows: StageFlows, from: string, to: string, month: number, tonnes: number): void {
    if (!(tonnes > 0)) return;
    let tos = flows.get(from);
    if (tos === undefined) flows.set(from, (tos = new Map()));
    let flow = tos.get(to);
    if (flow === undefined) tos.set(to, (flow = { sums: [] }));
    const slot = this.#slotOfMonth[month] ?? this.#slot(month);
    const sums = flow.sums;
    while (sums.length <= slot) sums.push(0);
    // Sums per year in event order from 0, as before: the same doubles.
    sums[slot] = (sums[slot] as number) + tonnes;
  }

  #slot(month: number): number {
    const year = this.#yearOf(month);
    let slot = this.#yearOfSlot.indexOf(year);
    if (slot < 0) {
      slot = this.#yearOfSlot.length;
      this.#yearOfSlot.push(year);
    }
    this.#slotOfMonth[month] = slot;
    return slot;
  }
}
