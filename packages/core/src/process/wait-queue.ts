/** An entry of a {@link WaitQueue}: the queue keeps `queued` up to date. */
export interface Queued {
  queued: boolean;
}

/**
 * The waiting line of a resource, store or container. Removal from the middle (a request
 * withdrawn, reneging) is lazy: the entry is marked and skipped when it reaches the front,
 * so withdrawing is O(1) and `size` counts live entries only.
 */
export interface WaitQueue<T extends Queued> {
  readonly size: number;
  push(item: T): void;
  /** The first live entry, or undefined. */
  peek(): T | undefined;
  /** Removes and returns the first live entry. */
  shift(): T | undefined;
  /** Withdraws `item` if it is queued; returns false otherwise. */
  remove(item: T): boolean;
  /** Live entries in queue order (allocates; not for hot paths). */
  toArray(): T[];
}

/** First come, first served. */
export class FifoQueue<T extends Queued> implements WaitQueue<T> {
  #items: Array<T | undefined> = [];
  #head = 0;
  #size = 0;

  get size(): number {
    return this.#size;
  }

  push(item: T): void {
    item.queued = true;
    this.#items.push(item);
    this.#size++;
  }

  peek(): T | undefined {
    this.#skip();
    return this.#items[this.#head];
  }

  shift(): T | undefined {
    this.#skip();
    const item = this.#items[this.#head];
    if (item === undefined) return undefined;
    this.#items[this.#head++] = undefined;
    item.queued = false;
    this.#size--;
    this.#compact();
    return item;
  }

  remove(item: T): boolean {
    if (!item.queued) return false;
    item.queued = false;
    this.#size--;
    return true;
  }

  toArray(): T[] {
    return this.#items.slice(this.#head).filter((x): x is T => x !== undefined && x.queued);
  }

  #skip(): void {
    const items = this.#items;
    while (this.#head < items.length && !(items[this.#head] as T).queued) items[this.#head++] = undefined;
    this.#compact();
  }

  #compact(): void {
    if (this.#head === this.#items.length) {
      this.#items.length = 0;
      this.#head = 0;
    } else if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
  }
}

/** Smallest first by `before`; a binary heap, so the comparator must be a strict total order. */
export class PriorityQueue<T extends Queued> implements WaitQueue<T> {
  readonly #heap: T[] = [];
  readonly #before: (a: T, b: T) => boolean;
  #size = 0;

  constructor(before: (a: T, b: T) => boolean) {
    this.#before = before;
  }

  get size(): number {
    return this.#size;
  }

  push(item: T): void {
    item.queued = true;
    this.#size++;
    const heap = this.#heap;
    let i = heap.length;
    heap.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent] as T;
      if (!this.#before(item, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = item;
  }

  peek(): T | undefined {
    this.#skip();
    return this.#heap[0];
  }

  shift(): T | undefined {
    this.#skip();
    if (this.#heap.length === 0) return undefined;
    const top = this.#popTop();
    top.queued = false;
    this.#size--;
    return top;
  }

  remove(item: T): boolean {
    if (!item.queued) return false;
    item.queued = false;
    this.#size--;
    return true;
  }

  toArray(): T[] {
    return this.#heap.filter((x) => x.queued).sort((a, b) => (this.#before(a, b) ? -1 : 1));
  }

  #skip(): void {
    while (this.#heap.length > 0 && !(this.#heap[0] as T).queued) this.#popTop();
  }

  #popTop(): T {
    const heap = this.#heap;
    const top = heap[0] as T;
    const last = heap.pop() as T;
    const n = heap.length;
    if (n === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const child = r < n && this.#before(heap[r] as T, heap[l] as T) ? r : l;
      if (!this.#before(heap[child] as T, last)) break;
      heap[i] = heap[child] as T;
      i = child;
    }
    heap[i] = last;
    return top;
  }
}
