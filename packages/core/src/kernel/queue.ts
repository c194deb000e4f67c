import { StibiumError } from '../errors.ts';

/** Lowest and highest priority an event may have; lower runs first among equal times. */
export const MIN_PRIORITY = -4096;
/** See {@link MIN_PRIORITY}. */
export const MAX_PRIORITY = 4095;

// (priority, seq) packed into one float64 so the heap compares two numbers, not three:
// (priority - MIN_PRIORITY) * 2^40 + seq is exact while seq < 2^40 (about 1.1e12 events).
const SEQ_SPAN = 2 ** 40;

/** One pending entry, as plain data (for snapshots, inspection and tests). */
export interface QueueEntry {
  readonly time: number;
  readonly priority: number;
  readonly seq: number;
  readonly kind: number;
  readonly data: unknown;
}

/**
 * The future event list: a 4-ary min-heap ordered by (time, priority, insertion
 * sequence), stored as parallel typed arrays so the hot loop allocates nothing per event.
 * Ties are deterministic: equal time and priority pop in insertion order. Cancellation is
 * lazy: a cancelled entry stays in the heap and is skipped when it reaches the top.
 */
export class EventQueue {
  #time = new Float64Array(1024);
  #key = new Float64Array(1024);
  #kind = new Int32Array(1024);
  #data: unknown[] = new Array<unknown>(1024);
  #size = 0;
  #nextSeq = 0;
  #cancelled = new Set<number>();

  /** Entries in the heap, including cancelled ones not yet popped. */
  get size(): number {
    return this.#size;
  }

  /** Pending entries that will still fire. */
  get liveSize(): number {
    return this.#size - this.#cancelled.size;
  }

  /** The sequence number the next push receives. */
  get nextSeq(): number {
    return this.#nextSeq;
  }

  /** Time of the earliest live entry, or Infinity when none is pending. */
  peekTime(): number {
    // Drop cancelled entries at the top first, so the time is one that will really fire.
    while (this.#size > 0 && this.#cancelled.size > 0 && this.#cancelled.delete((this.#key[0] as number) % SEQ_SPAN)) this.#removeTop();
    return this.#size > 0 ? (this.#time[0] as number) : Infinity;
  }

  /**
   * Adds an entry and returns its sequence number, which is also its cancellation handle.
   * `time` must be finite; `priority` an integer in [MIN_PRIORITY, MAX_PRIORITY].
   */
  push(time: number, priority: number, kind: number, data: unknown): number {
    const seq = this.#nextSeq++;
    this.#insert(time, (priority - MIN_PRIORITY) * SEQ_SPAN + seq, kind, data);
    return seq;
  }

  /** Re-inserts an entry with a known sequence number (snapshot restore). */
  pushWithSeq(time: number, priority: number, seq: number, kind: number, data: unknown): void {
    if (seq >= this.#nextSeq) this.#nextSeq = seq + 1;
    this.#insert(time, (priority - MIN_PRIORITY) * SEQ_SPAN + seq, kind, data);
  }

  /** Sets the next sequence number (snapshot restore); it never moves backwards. */
  continueSeqFrom(nextSeq: number): void {
    if (nextSeq > this.#nextSeq) this.#nextSeq = nextSeq;
  }

  /** Marks the entry with sequence `seq` cancelled. Returns false if it is not pending. */
  cancel(seq: number): boolean {
    if (this.#cancelled.has(seq)) return false;
    for (let i = 0; i < this.#size; i++) {
      if ((this.#key[i] as number) % SEQ_SPAN === seq) {
        this.#cancelled.add(seq);
        return true;
      }
    }
    return false;
  }

  /**
   * Removes the earliest live entry and writes it into `out`; returns false when empty.
   * `out` is reused by the caller so popping allocates nothing.
   */
  pop(out: PoppedEntry): boolean {
    for (;;) {
      if (this.#size === 0) return false;
      const key = this.#key[0] as number;
      out.time = this.#time[0] as number;
      out.kind = this.#kind[0] as number;
      out.data = this.#data[0];
      this.#removeTop();
      if (this.#cancelled.size > 0) {
        const seq = key % SEQ_SPAN;
        if (this.#cancelled.delete(seq)) continue;
      }
      return true;
    }
  }

  /** All live entries in pop order, as plain data. Does not change the queue. */
  entries(): QueueEntry[] {
    const list: QueueEntry[] = [];
    for (let i = 0; i < this.#size; i++) {
      const key = this.#key[i] as number;
      const seq = key % SEQ_SPAN;
      if (this.#cancelled.has(seq)) continue;
      list.push({
        time: this.#time[i] as number,
        priority: Math.floor(key / SEQ_SPAN) + MIN_PRIORITY,
        seq,
        kind: this.#kind[i] as number,
        data: this.#data[i],
      });
    }
    return list.sort((a, b) => a.time - b.time || a.priority - b.priority || a.seq - b.seq);
  }

  /** Removes every entry; the sequence counter keeps counting. */
  clear(): void {
    this.#data.fill(undefined, 0, this.#size);
    this.#size = 0;
    this.#cancelled.clear();
  }

  #insert(time: number, key: number, kind: number, data: unknown): void {
    if (this.#size === this.#time.length) this.#grow();
    const times = this.#time;
    const keys = this.#key;
    const kinds = this.#kind;
    const datas = this.#data;
    // Sift up with a hole: move parents down until the new entry's place is found.
    let i = this.#size++;
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const pt = times[parent] as number;
      if (pt < time || (pt === time && (keys[parent] as number) < key)) break;
      times[i] = pt;
      keys[i] = keys[parent] as number;
      kinds[i] = kinds[parent] as number;
      datas[i] = datas[parent];
      i = parent;
    }
    times[i] = time;
    keys[i] = key;
    kinds[i] = kind;
    datas[i] = data;
  }

  #removeTop(): void {
    const size = --this.#size;
    const times = this.#time;
    const keys = this.#key;
    const kinds = this.#kind;
    const datas = this.#data;
    if (size === 0) {
      datas[0] = undefined;
      return;
    }
    const time = times[size] as number;
    const key = keys[size] as number;
    const kind = kinds[size] as number;
    const data = datas[size];
    datas[size] = undefined;
    // Sift down with a hole from the root (4-ary: shallower, children share cache lines).
    let i = 0;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= size) break;
      let child = first;
      let ct = times[first] as number;
      let ck = keys[first] as number;
      const last = first + 4 < size ? first + 4 : size;
      for (let j = first + 1; j < last; j++) {
        const jt = times[j] as number;
        if (jt < ct || (jt === ct && (keys[j] as number) < ck)) {
          child = j;
          ct = jt;
          ck = keys[j] as number;
        }
      }
      if (time < ct || (time === ct && key < ck)) break;
      times[i] = ct;
      keys[i] = ck;
      kinds[i] = kinds[child] as number;
      datas[i] = datas[child];
      i = child;
    }
    times[i] = time;
    keys[i] = key;
    kinds[i] = kind;
    datas[i] = data;
  }

  #grow(): void {
    const capacity = this.#time.length * 2;
    const time = new Float64Array(capacity);
    time.set(this.#time);
    const key = new Float64Array(capacity);
    key.set(this.#key);
    const kind = new Int32Array(capacity);
    kind.set(this.#kind);
    this.#time = time;
    this.#key = key;
    this.#kind = kind;
    this.#data.length = capacity;
  }
}

/** A reusable holder for {@link EventQueue.pop}'s result. */
export interface PoppedEntry {
  time: number;
  kind: number;
  data: unknown;
}

/** Throws unless `priority` is an integer in the supported range. */
export function checkPriority(priority: number): void {
  if (!Number.isInteger(priority) || priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
    throw new StibiumError(
      'INVALID_PRIORITY',
      `priority must be an integer in [${MIN_PRIORITY}, ${MAX_PRIORITY}], got ${priority}`,
      { priority },
    );
  }
}
