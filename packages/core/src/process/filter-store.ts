import type { OperationOptions } from './operation.ts';
import { Store, type StoreGet } from './store.ts';

/**
 * A {@link Store} whose gets choose: `get(filter)` takes the oldest item the filter
 * accepts, SimPy's `FilterStore`. A get whose filter matches nothing waits without
 * blocking later gets.
 *
 * @example
 * const spares = new FilterStore<{ kind: string }>(sim);
 * const get = spares.get((p) => p.kind === 'bearing');
 */
export class FilterStore<T> extends Store<T> {
  /** Takes the oldest item `filter` accepts (any item without a filter), once there is one. */
  override get(filter?: ((item: T) => boolean) | OperationOptions, options: OperationOptions = {}): StoreGet<T> {
    if (typeof filter === 'function') return this.getMatching(filter, options);
    return this.getMatching(undefined, filter ?? options);
  }
}
