import { createHash, type Hash } from 'node:crypto';
import { StibiumError } from '../errors.ts';
import type { RecordedEvent } from './event.ts';
import { canonicalJson } from './canonical.ts';

/** Entries per hash block. Fixed, so the hash does not depend on where a run was paused. */
export const HASH_BLOCK = 4096;

/** A log hash in progress: the chain digest over whole blocks plus the open block's lines. */
export interface LogHashState {
  /** Hex SHA-256 chained over complete blocks ('' before the first). */
  readonly chain: string;
  /** Entries hashed into the chain. */
  readonly count: number;
  /** Canonical lines of the open (incomplete) block. */
  readonly open: readonly string[];
}

/** The canonical line of one log entry: what the hash and the NDJSON store both use. */
export function canonicalEntry(entry: RecordedEvent): string {
  // Same text as canonicalJson({ seq, time, type, data }) with keys in sorted order, built
  // directly: hashing a million-entry log spends most of its time here.
  const data = entry.data === undefined ? '' : `"data":${canonicalJson(entry.data)},`;
  return `{${data}"seq":${canonicalJson(entry.seq)},"time":${canonicalJson(entry.time)},"type":${JSON.stringify(entry.type)}}`;
}

/**
 * Incremental SHA-256 of a log. Entries are grouped in blocks of {@link HASH_BLOCK};
 * chain = sha256(previous chain + block text). The final hash is
 * sha256(chain + open block text + count). Its state is plain data, so snapshots carry it and
 * a resumed run ends with the same hash as an uninterrupted one.
 */
export class LogHasher {
  #chain: string;
  #count: number;
  // The open block is hashed as lines arrive (no join of a 4,096-line string).
  #block: Hash;
  #inBlock = 0;
  // Copies of the open block's lines, for save(); off when the caller can rebuild them.
  readonly #retain: boolean;
  #open: string[] = [];

  /**
   * `retainLines: false` keeps memory flat (no copy of the open block's lines); `save()`
   * then needs the lines from the caller, as {@link EventLog} rebuilds them from its entries.
   */
  constructor(state?: LogHashState, options: { readonly retainLines?: boolean } = {}) {
    this.#retain = options.retainLines ?? true;
    this.#chain = state?.chain ?? '';
    this.#count = state?.count ?? 0;
    this.#block = createHash('sha256').update(this.#chain);
    for (const line of state?.open ?? []) this.#push(line);
  }

  /** Adds the next entry (entries must come in sequence order). */
  add(entry: RecordedEvent): void {
    this.addLine(canonicalEntry(entry));
  }

  /** Adds an already canonical line. */
  addLine(line: string): void {
    this.#push(line);
    this.#count++;
    if (this.#inBlock === HASH_BLOCK) {
      this.#chain = this.#block.digest('hex');
      this.#block = createHash('sha256').update(this.#chain);
      this.#inBlock = 0;
      this.#open = [];
    }
  }

  /** The hash of everything added so far, as 64 hex characters. */
  digest(): string {
    return this.#block.copy().update(`#${this.#count}`).digest('hex');
  }

  /**
   * The plain-data state, for snapshots. Without retained lines, `openLines` must give the
   * canonical lines of the open block (the entries since the last block boundary).
   */
  save(openLines?: () => string[]): LogHashState {
    const open = this.#retain ? [...this.#open] : (openLines?.() ?? []);
    if (open.length !== this.#inBlock) {
      throw new StibiumError('SNAPSHOT_INVALID', `the log hash state needs ${this.#inBlock} open lines, got ${open.length}`);
    }
    return { chain: this.#chain, count: this.#count, open };
  }

  /** Entries added so far. */
  get count(): number {
    return this.#count;
  }

  /** Lines in the open block (entries since the last block boundary). */
  get openCount(): number {
    return this.#inBlock;
  }

  #push(line: string): void {
    // Lines are joined by '\n' inside a block: the separator goes before every line but the first.
    this.#block.update(this.#inBlock === 0 ? line : `\n${line}`);
    this.#inBlock++;
    if (this.#retain) this.#open.push(line);
  }
}

/** The SHA-256 identifying a run's log: canonical JSON of every entry, block-chained. */
export function hashLog(entries: Iterable<RecordedEvent>): string {
  const hasher = new LogHasher();
  for (const entry of entries) hasher.add(entry);
  return hasher.digest();
}
