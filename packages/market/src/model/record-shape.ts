import { sameList } from './sorted.ts';

/**
 * Builds number records whose key list mostly repeats from one build to the next (each
 * month's export references). V8 turns an object built key by key into a slow hash table
 * past a dozen or so keys; copying the previous record and overwriting its values keeps
 * a fast object, several times quicker to build and to walk (the log hash walks it).
 * Only the speed depends on the previous build: the result has exactly `keys`, in order.
 */
export class RecordShape {
  #keys: readonly string[] = [];
  #last: Readonly<Record<string, number>> | undefined;

  /** A record with `keys[i]` = `values[i]`, keys in the given order. */
  build(keys: readonly string[], values: readonly number[]): Record<string, number> {
    let out: Record<string, number>;
    if (this.#last !== undefined && sameList(keys, this.#keys)) {
      out = { ...this.#last };
    } else {
      const fresh: Record<string, number> = {};
      for (const key of keys) fresh[key] = 0;
      out = { ...fresh };
      this.#keys = [...keys];
    }
    for (let i = 0; i < keys.length; i++) out[keys[i] as string] = values[i] as number;
    this.#last = out;
    return out;
  }
}
