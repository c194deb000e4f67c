import type { FeedForm } from '../../world/types.ts';
import { growF64 } from './grow.ts';

/**
 * Numbers keyed by country and feed form, in the order their keys were added, reused from
 * month to month: the supply steps made two Maps and an object per entry each month.
 * There are a few dozen entries at most, so a linear search is as quick as hashing.
 * `reset` forgets the entries; every value below `count` was written since.
 */
export class FormTable {
  /** Entries added since the last reset. */
  count = 0;
  /** Per entry: its number. */
  values = new Float64Array(16);
  readonly #countries: string[] = [];
  readonly #forms: FeedForm[] = [];

  /** Forgets every entry. */
  reset(): void {
    this.count = 0;
  }

  /** The entry of `country` and `form`, or -1. */
  find(country: string, form: FeedForm): number {
    for (let i = 0; i < this.count; i++) if (this.#countries[i] === country && this.#forms[i] === form) return i;
    return -1;
  }

  /** The first entry of `country` of either form, or -1. */
  findCountry(country: string): number {
    for (let i = 0; i < this.count; i++) if (this.#countries[i] === country) return i;
    return -1;
  }

  /** Adds an entry for `country` and `form` holding `value`; returns it. */
  add(country: string, form: FeedForm, value: number): number {
    const i = this.count;
    this.values = growF64(this.values, i + 1);
    this.#countries[i] = country;
    this.#forms[i] = form;
    this.values[i] = value;
    this.count = i + 1;
    return i;
  }

  /** The country of entry `i`. */
  country(i: number): string {
    return this.#countries[i] as string;
  }

  /** The feed form of entry `i`. */
  form(i: number): FeedForm {
    return this.#forms[i] as FeedForm;
  }
}
