import { sameList } from './sorted.ts';

type Factory<V> = (values: readonly V[]) => Record<string, V>;

/**
 * A function returning `{ [keys[i]]: values[i] }` as one object literal with constant keys.
 * V8 creates such an object from a boilerplate in one step, with a fast layout shared by
 * every call; a record built key by key pays a megamorphic store per key instead, and past
 * a dozen or so keys becomes a slow hash table. Keys are embedded as JSON string literals,
 * so no key can inject code. `__proto__` would set the prototype in a literal: such a key
 * list gets no factory.
 */
function literalFactory<V>(keys: readonly string[]): Factory<V> | undefined {
  if (keys.includes('__proto__')) return undefined;
  const members = keys.map((key, i) => `${JSON.stringify(key)}: v[${i}]`).join(', ');
  return new Function('v', `'use strict'; return { ${members} };`) as Factory<V>;
}

// Factories by key list, shared by every RecordShape of the thread. Each `new Function` is
// a fresh function that V8 must optimise again once it is hot: made per world (every run
// of a scenario with uncertainties has its own), they kept the optimising compiler busy
// for ~15 ms of background CPU a run, and a worker pool's second core with it.
const factories = new Map<string, Factory<unknown> | undefined>();
const MAX_FACTORIES = 4096;

function sharedFactory<V>(keys: readonly string[]): Factory<V> | undefined {
  const id = JSON.stringify(keys);
  if (factories.has(id)) return factories.get(id) as Factory<V> | undefined;
  if (factories.size >= MAX_FACTORIES) factories.clear();
  const made = literalFactory<unknown>(keys);
  factories.set(id, made);
  return made as Factory<V> | undefined;
}

/**
 * Builds records whose key list mostly repeats from one build to the next (each month's
 * export references, utilisations): a literal factory per key list ({@link literalFactory}),
 * several times quicker to build than key-by-key stores and as quick to walk (the log hash
 * walks it). Only the speed depends on earlier builds: the result has exactly `keys`, in
 * order.
 */
export class RecordShape<V = number> {
  #keys: readonly string[] = [];
  #factory: Factory<V> | undefined;

  /** A record with `keys[i]` = `values[i]`, keys in the given order (keys are distinct). */
  build(keys: readonly string[], values: readonly V[]): Record<string, V> {
    if (this.#factory === undefined || !sameList(keys, this.#keys)) {
      const own = [...keys];
      this.#keys = own;
      this.#factory = sharedFactory<V>(own) ?? ((v) => {
        const out: Record<string, V> = {};
        for (let i = 0; i < own.length; i++) Object.defineProperty(out, own[i] as string, { value: v[i], enumerable: true, writable: true, configurable: true });
        return out;
      });
    }
    return this.#factory(values);
  }
}
