import { StibiumError } from '../errors.ts';
import type { RecordedEvent } from './event.ts';
import { LogHasher, canonicalEntry, type LogHashState } from './hash.ts';

/** Where a log continues from: after a snapshot, the first seq and the hash so far. */
export interface LogOrigin {
  readonly baseSeq: number;
  readonly hash: LogHashState;
}

// Entries live in fixed-size chunks of typed arrays: appending never copies old entries
// and touches ~18 bytes per entry, which keeps recording cheap in the hot loop. 16,384
// entries (~300 KB) hold a whole antimony run; a new log costs one such chunk.
const CHUNK_BITS = 14;
const CHUNK = 1 << CHUNK_BITS;

interface Chunk {
  readonly time: Float64Array;
  readonly type: Uint16Array;
  readonly data: unknown[];
}

/**
 * The append-only event log of a run, kept as chunks of parallel arrays (time, interned
 * type, data) so appending allocates no envelope object; `at(seq)` and iteration build
 * envelopes on demand. Sequence numbers are global: a log resumed from a snapshot starts
 * at the snapshot's `baseSeq` and carries the hash of the entries before it, so its
 * {@link EventLog.digest} equals the uninterrupted run's. Recorded data must not be
 * mutated after it is appended.
 */
export class EventLog {
  readonly #chunks: Chunk[] = [];
  #current: Chunk | undefined;
  #pos = CHUNK;
  #count = 0;
  readonly #typeNames: string[] = [];
  readonly #typeIds = new Map<string, number>();
  readonly #base: number;
  readonly #hasher: LogHasher;
  // Open-block lines that came with a snapshot (entries before the base are not held).
  readonly #origin: readonly string[];
  #hashed = 0;
  readonly #keep: boolean;

  /**
   * `keep: false` hashes each entry as it is appended and keeps nothing else (flat memory):
   * `digest()` and `length` work, reading entries or taking a hash state for a snapshot throws.
   */
  constructor(origin?: LogOrigin, options: { readonly keep?: boolean } = {}) {
    this.#keep = options.keep ?? true;
    this.#base = origin?.baseSeq ?? 0;
    this.#origin = origin?.hash.open ?? [];
    this.#hasher = new LogHasher(origin?.hash, { retainLines: false });
    if (this.#hasher.count !== this.#base) {
      throw new StibiumError('SNAPSHOT_INVALID', `log origin hash covers ${this.#hasher.count} entries but baseSeq is ${this.#base}`);
    }
  }

  /** The sequence number the next entry gets (entries before the base are not held). */
  get length(): number {
    return this.#base + this.#count;
  }

  /** First sequence number held in memory (0 unless resumed from a snapshot). */
  get baseSeq(): number {
    return this.#base;
  }

  /** SHA-256 of the whole log, including entries before the base (see {@link hashLog}). */
  digest(): string {
    this.#catchUp();
    return this.#hasher.digest();
  }

  /** The hash state of the whole log so far, for snapshots. */
  hashState(): LogHashState {
    if (!this.#keep) throw new StibiumError('SNAPSHOT_UNSUPPORTED', 'a log that keeps only its hash (record: "hash") cannot be snapshotted; record with record: true');
    this.#catchUp();
    return this.#hasher.save(() => {
      // The open block starts at the last block boundary; lines before the base came with
      // the snapshot this log resumed from, the rest are rebuilt from held entries.
      const start = this.length - this.#hasher.openCount;
      const lines: string[] = [];
      for (let seq = start; seq < this.length; seq++) {
        lines.push(seq < this.#base ? (this.#origin[this.#origin.length - (this.#base - seq)] as string) : canonicalEntry(this.#entry(seq - this.#base)));
      }
      return lines;
    });
  }

  /** The small integer standing for `type` in this log (for {@link EventLog.appendInterned}). */
  intern(type: string): number {
    let id = this.#typeIds.get(type);
    if (id === undefined) {
      id = this.#typeNames.length;
      if (id > 0xffff) throw new StibiumError('INVALID_ARGUMENT', 'a log supports at most 65,536 distinct event types');
      this.#typeNames.push(type);
      this.#typeIds.set(type, id);
    }
    return id;
  }

  /** Appends an entry; returns its sequence number. Times must not decrease. */
  append(time: number, type: string, data: unknown): number {
    return this.appendInterned(time, this.intern(type), data);
  }

  /** Appends an entry whose type was interned with {@link EventLog.intern}: the hot path. */
  appendInterned(time: number, typeId: number, data: unknown): number {
    if (!this.#keep) {
      this.#hasher.addParts(this.#base + this.#count, time, this.#typeNames[typeId] as string, data);
      this.#hashed = ++this.#count;
      return this.#base + this.#count - 1;
    }
    if (this.#pos === CHUNK) {
      this.#current = { time: new Float64Array(CHUNK), type: new Uint16Array(CHUNK), data: new Array<unknown>(CHUNK) };
      this.#chunks.push(this.#current);
      this.#pos = 0;
    }
    const chunk = this.#current as Chunk;
    const pos = this.#pos++;
    chunk.time[pos] = time;
    chunk.type[pos] = typeId;
    chunk.data[pos] = data;
    return this.#base + this.#count++;
  }

  /** False for a log that keeps only its hash (see the constructor). */
  get keeps(): boolean {
    return this.#keep;
  }

  #entry(i: number): RecordedEvent {
    if (!this.#keep) throw new StibiumError('LOG_NOT_KEPT', 'this log keeps only its hash (record: "hash"); record with record: true to read, replay or snapshot it');
    const chunk = this.#chunks[i >>> CHUNK_BITS] as Chunk;
    const pos = i & (CHUNK - 1);
    return { seq: this.#base + i, time: chunk.time[pos] as number, type: this.#typeNames[chunk.type[pos] as number] as string, data: chunk.data[pos] };
  }

  #catchUp(): void {
    const names = this.#typeNames;
    for (let i = this.#hashed; i < this.#count; i++) {
      const chunk = this.#chunks[i >>> CHUNK_BITS] as Chunk;
      const pos = i & (CHUNK - 1);
      this.#hasher.addParts(this.#base + i, chunk.time[pos] as number, names[chunk.type[pos] as number] as string, chunk.data[pos]);
    }
    this.#hashed = this.#count;
  }

  /** Time of entry `seq`. */
  timeAt(seq: number): number {
    return this.#entry(this.#index(seq)).time;
  }

  /** The entry at `seq` as a recorded event. */
  at(seq: number): RecordedEvent {
    return this.#entry(this.#index(seq));
  }

  /** Entries in order from `from` (inclusive) to `to` (exclusive). */
  *entries(from = this.#base, to = this.length): IterableIterator<RecordedEvent> {
    const end = Math.min(to, this.length) - this.#base;
    for (let i = Math.max(this.#base, from) - this.#base; i < end; i++) yield this.#entry(i);
  }

  /** Iterates all entries. */
  [Symbol.iterator](): IterableIterator<RecordedEvent> {
    return this.entries();
  }

  /** A plain array copy of the entries held, e.g. for storage or tests. */
  toArray(): RecordedEvent[] {
    // A plain loop: spreading the generator costs ~3x as much for a run's 15k entries.
    const out = new Array<RecordedEvent>(this.#count);
    for (let i = 0; i < this.#count; i++) out[i] = this.#entry(i);
    return out;
  }

  /** Builds a log from stored entries, checking sequence numbers and time order. */
  static from(entries: Iterable<RecordedEvent>): EventLog {
    const log = new EventLog();
    let lastTime = -Infinity;
    for (const entry of entries) {
      if (entry.seq !== log.length) {
        throw new StibiumError('LOG_CORRUPT', `log entry ${log.length} has seq ${entry.seq}; the log must be contiguous from 0`);
      }
      if (!(entry.time >= lastTime)) {
        throw new StibiumError('LOG_CORRUPT', `log entry ${entry.seq} goes back in time (${entry.time} < ${lastTime})`);
      }
      lastTime = entry.time;
      log.append(entry.time, entry.type, entry.data);
    }
    return log;
  }

  #index(seq: number): number {
    if (!Number.isInteger(seq) || seq < this.#base || seq >= this.length) {
      throw new StibiumError('INVALID_ARGUMENT', `log holds entries ${this.#base}..${this.length - 1}, not ${seq}`);
    }
    return seq - this.#base;
  }
}
