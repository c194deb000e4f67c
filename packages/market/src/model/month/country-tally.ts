import { growF64 } from './grow.ts';
/**
 * Numbers keyed by country, in the order the countries were added, reused from month to
 * month where a step made a Map each month. There are a few countries at most, so a
 * linear search is as quick as hashing. `reset` forgets the entries; every value below
 * `count` was written since.
 */
export class CountryTally {
  /** Countries added since the last reset. */
  count = 0;
  /** Per entry: its number. */
  values = new Float64Array(8);
  readonly #countries: string[] = [];

  /** Forgets every entry. */
  reset(): void {
    this.count = 0;
  }

  /** The entry of `country`, added at zero if new. */
  slot(country: string): number {
    for (let i = 0; i < this.count; i++) if (this.#countries[i] === country) return i;
    const i = this.count;
    this.values = growF64(this.values, i + 1);
    this.#countries[i] = country;
    this.values[i] = 0;
    this.count = i + 1;
    return i;
  }

  /** The country of entry `i`. */
  country(i: number): string {
    return this.#countries[i] as string;
  }
}
