import { growF64, growI32 } from './grow.ts';

/**
 * A month's shipments per flow key (`from>to`), with the few Map operations the month's
 * steps use. A Map made each month rehashed its ~75 keys from empty every month (~0.7 MB a
 * run). Here a key keeps its slot across months (a world has about a hundred flows); the
 * values and the month's first-touch order start over at `reset`. Iteration follows first
 * touch, as a Map's insertion order did, so the close step rolls keys in the same order.
 */
export class FlowTally {
  readonly #slots = new Map<string, number>();
  readonly #names: string[] = [];
  #values = new Float64Array(128);
  /** The month stamp at which each slot was last touched. */
  #touched = new Int32Array(128);
  /** Slots touched this month, in first-touch order. */
  readonly #order: number[] = [];
  #count = 0;
  #stamp = 1;

  /** Forgets every value: a new month. */
  reset(): void {
    this.#stamp++;
    this.#count = 0;
  }

  /** Flows shipped this month. */
  get size(): number {
    return this.#count;
  }

  /** Tonnes of `key` this month, or undefined when it has not shipped. */
  get(key: string): number | undefined {
    const slot = this.#slots.get(key);
    return slot !== undefined && this.#touched[slot] === this.#stamp ? this.#values[slot] : undefined;
  }

  /** Whether `key` has shipped this month. */
  has(key: string): boolean {
    const slot = this.#slots.get(key);
    return slot !== undefined && this.#touched[slot] === this.#stamp;
  }

  /** Adds `tonnes` to `key` (0 + tonnes on its first shipment, as `(get ?? 0) + tonnes`). */
  add(key: string, tonnes: number): void {
    const slot = this.#slotOf(key);
    if (this.#touched[slot] !== this.#stamp) {
      this.#touched[slot] = this.#stamp;
      this.#values[slot] = 0;
      this.#order[this.#count++] = slot;
    }
    this.#values[slot] = (this.#values[slot] as number) + tonnes;
  }

  /** The key shipped `i`-th this month (first touch), for i below {@link size}. */
  keyAt(i: number): string {
    return this.#names[this.#order[i] as number] as string;
  }

  #slotOf(key: string): number {
    let slot = this.#slots.get(key);
    if (slot === undefined) {
      slot = this.#names.length;
      this.#names.push(key);
      this.#slots.set(key, slot);
      this.#values = growF64(this.#values, slot + 1);
      this.#touched = growI32(this.#touched, slot + 1);
    }
    return slot;
  }
}
