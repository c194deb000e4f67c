/**
 * Key order helpers for event data. The log hash encodes object members in code-unit
 * order of their keys and is about twice as fast when an object already lists them so;
 * key order never changes a value or the hash, only the speed of hashing.
 */

/** A copy of `record` with its keys inserted in code-unit order. */
export function sortedRecord<V>(record: Readonly<Record<string, V>>): Record<string, V> {
  const out: Record<string, V> = {};
  for (const key of Object.keys(record).sort()) out[key] = record[key] as V;
  return out;
}

/** A deep copy of a JSON value whose objects list their keys in code-unit order (arrays keep their order). */
export function sortedCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => sortedCopy(item)) as T;
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort()) out[key] = sortedCopy(record[key]);
  return out as T;
}

/** The last position of each distinct key in `keys`, sorted by key: a record built from them in this order is sorted. */
export function sortedSlots(keys: readonly string[]): readonly { readonly key: string; readonly index: number }[] {
  const last = new Map<string, number>();
  keys.forEach((key, index) => last.set(key, index));
  return [...last.keys()].sort().map((key) => ({ key, index: last.get(key) as number }));
}

/** Remembers the sorted order of a record's keys while its key list stays the same (the monthly loop sees the same facilities each month). */
export class SortedKeys {
  #keys: readonly string[] = [];
  #sorted: readonly string[] = [];

  /** The keys of `record` in code-unit order. */
  of(record: object): readonly string[] {
    const keys = Object.keys(record);
    if (!sameList(keys, this.#keys)) {
      this.#keys = keys;
      this.#sorted = [...keys].sort();
    }
    return this.#sorted;
  }
}

/** True when both lists hold the same strings in the same order. */
export function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
