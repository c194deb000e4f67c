import { createHash, type Hash } from 'node:crypto';
import { StibiumError } from '../errors.ts';
import { CanonicalEncoder } from './binary.ts';
import { canonicalJson } from './canonical.ts';
import type { RecordedEvent } from './event.ts';

/** Entries per hash block. Fixed, so the hash does not depend on where a run was paused. */
export const HASH_BLOCK = 4096;

/** A log hash in progress: the chain digest over whole blocks plus the open block's entries. */
export interface LogHashState {
  /** Hex SHA-256 chained over complete blocks ('' before the first). */
  readonly chain: string;
  /** Entries hashed into the chain. */
  readonly count: number;
  /** Canonical JSON lines ({@link canonicalEntry}) of the open (incomplete) block's entries. */
  readonly open: readonly string[];
}

/** The canonical JSON line of one log entry: what the NDJSON store writes and snapshots carry. */
export function canonicalEntry(entry: RecordedEvent): string {
  // Same text as canonicalJson({ seq, time, type, data }) with keys in sorted order, built directly.
  const data = entry.data === undefined ? '' : `"data":${canonicalJson(entry.data)},`;
  return `{${data}"seq":${canonicalJson(entry.seq)},"time":${canonicalJson(entry.time)},"type":${JSON.stringify(entry.type)}}`;
}

/**
 * Incremental SHA-256 of a log, over the entries' canonical binary form
 * ({@link CanonicalEncoder}: the values of canonical JSON, numbers as their bytes, objects by
 * per-block shape index).
 * Entries are grouped in blocks of {@link HASH_BLOCK}; chain = sha256(previous chain hex +
 * block bytes). The final hash is sha256(chain hex + open block bytes + '#' + count). Its
 * state is plain data, so snapshots carry it and a resumed run ends with the same hash as
 * an uninterrupted one.
 */
export class LogHasher {
  #chain: string;
  #count: number;
  #block: Hash;
  #inBlock = 0;
  readonly #encoder = new CanonicalEncoder((bytes) => this.#block.update(bytes));
  // The open block's entries, for save(); off when the caller can rebuild them.
  readonly #retain: boolean;
  #open: RecordedEvent[] = [];

  /**
   * `retainLines: false` keeps memory flat (no reference to the open block's entries);
   * `save()` then needs their lines from the caller, as {@link EventLog} rebuilds them.
   */
  constructor(state?: LogHashState, options: { readonly retainLines?: boolean } = {}) {
    this.#retain = options.retainLines ?? true;
    this.#chain = state?.chain ?? '';
    this.#count = state?.count ?? 0;
    this.#block = createHash('sha256').update(this.#chain);
    for (const line of state?.open ?? []) {
      const entry = parseLine(line);
      this.#encoder.entry(entry.seq, entry.time, entry.type, entry.data);
      this.#inBlock++;
      if (this.#retain) this.#open.push(entry);
    }
  }

  /** Adds the next entry (entries must come in sequence order). */
  add(entry: RecordedEvent): void {
    // Kept before adding: completing a block clears the open entries.
    if (this.#retain) this.#open.push(entry);
    this.addParts(entry.seq, entry.time, entry.type, entry.data);
  }

  /** Adds the next entry given as its parts (no envelope object): the log's hot path. */
  addParts(seq: number, time: number, type: string, data: unknown): void {
    this.#encoder.entry(seq, time, type, data);
    this.#inBlock++;
    this.#count++;
    if (this.#inBlock === HASH_BLOCK) {
      this.#encoder.flush();
      this.#chain = this.#block.digest('hex');
      this.#block = createHash('sha256').update(this.#chain);
      this.#encoder.startBlock();
      this.#inBlock = 0;
      this.#open = [];
    }
  }

  /** Adds an entry given as its canonical JSON line (as stored logs hold them). */
  addLine(line: string): void {
    this.add(parseLine(line));
  }

  /** The hash of everything added so far, as 64 hex characters. */
  digest(): string {
    this.#encoder.flush();
    return this.#block.copy().update(`#${this.#count}`).digest('hex');
  }

  /**
   * The plain-data state, for snapshots. Without retained entries, `openLines` must give the
   * canonical lines of the open block (the entries since the last block boundary).
   */
  save(openLines?: () => string[]): LogHashState {
    const open = this.#retain ? this.#open.map(canonicalEntry) : (openLines?.() ?? []);
    if (open.length !== this.#inBlock) {
      throw new StibiumError('SNAPSHOT_INVALID', `the log hash state needs ${this.#inBlock} open lines, got ${open.length}`);
    }
    return { chain: this.#chain, count: this.#count, open };
  }

  /** Entries added so far. */
  get count(): number {
    return this.#count;
  }

  /** Entries in the open block (since the last block boundary). */
  get openCount(): number {
    return this.#inBlock;
  }
}

function parseLine(line: string): RecordedEvent {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new StibiumError('LOG_CORRUPT', `a log line is not JSON (${(error as Error).message})`);
  }
  const entry = value as Partial<RecordedEvent> | null;
  if (entry === null || typeof entry !== 'object' || typeof entry.seq !== 'number' || typeof entry.time !== 'number' || typeof entry.type !== 'string') {
    throw new StibiumError('LOG_CORRUPT', 'a log line is not an entry with numeric seq and time and a string type');
  }
  return { seq: entry.seq, time: entry.time, type: entry.type, data: entry.data };
}

/** The SHA-256 identifying a run's log: canonical binary form of every entry, block-chained. */
export function hashLog(entries: Iterable<RecordedEvent>): string {
  const hasher = new LogHasher(undefined, { retainLines: false });
  for (const entry of entries) hasher.addParts(entry.seq, entry.time, entry.type, entry.data);
  return hasher.digest();
}
