import { renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { StibiumError } from '../errors.ts';
import { canonicalJson } from '../sourcing/canonical.ts';
import type { RecordedEvent } from '../sourcing/event.ts';
import { LogHasher } from '../sourcing/hash.ts';
import { EventLog } from '../sourcing/log.ts';
import { EntryOrder, headerProblem, makeHeader, type LogHeader, type LogWriteOptions, type ReadLogOptions } from './format.ts';

/** Options of {@link SqliteLogStore.create}. */
export interface SqliteWriteOptions extends LogWriteOptions {
  /** Entries per insert transaction (default 10,000). */
  readonly batchSize?: number;
}

const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE events (seq INTEGER PRIMARY KEY, time REAL NOT NULL, type TEXT NOT NULL, data TEXT);
`;

interface Row {
  readonly seq: number;
  readonly time: number;
  readonly type: string;
  readonly data: string | null;
}

/**
 * An event log in an embedded SQLite file (better-sqlite3): `events(seq, time, type, data)`
 * with `data` as canonical JSON (NULL for absent data) and a `meta` table holding the header
 * and, once complete, the entry count and hash. Writes go in batched transactions to
 * `<file>.partial`, renamed on {@link SqliteLogStore.close}; the rollback journal stays in
 * memory (no WAL) because an unfinished file is never read as a log anyway.
 *
 * @example
 * const store = SqliteLogStore.create('run.sqlite', { seed: 7 });
 * store.appendAll(model.log);
 * store.close();
 * const log = SqliteLogStore.open('run.sqlite').readLog(); // hashLog(log) === model.hash()
 */
export class SqliteLogStore {
  /** The final path of the store. */
  readonly file: string;
  /** The header stored in `meta`. */
  readonly header: LogHeader;
  readonly #db: Database.Database;
  readonly #writing: boolean;
  readonly #batchSize: number;
  readonly #order = new EntryOrder();
  readonly #hasher = new LogHasher(undefined, { retainLines: false });
  readonly #pending: Row[] = [];
  readonly #insert: ((rows: readonly Row[]) => void) | undefined;
  #open = true;

  private constructor(file: string, db: Database.Database, header: LogHeader, writing: boolean, batchSize: number) {
    this.file = file;
    this.#db = db;
    this.header = header;
    this.#writing = writing;
    this.#batchSize = batchSize;
    if (writing) {
      const insert = db.prepare<[number, number, string, string | null]>('INSERT INTO events (seq, time, type, data) VALUES (?, ?, ?, ?)');
      this.#insert = db.transaction((rows: readonly Row[]) => {
        for (const row of rows) insert.run(row.seq, row.time, row.type, row.data);
      });
    }
  }

  /** Starts a new store at `file` (written as `<file>.partial` until closed). */
  static create(file: string, options: SqliteWriteOptions): SqliteLogStore {
    const batchSize = options.batchSize ?? 10_000;
    if (!(Number.isInteger(batchSize) && batchSize > 0)) {
      throw new StibiumError('INVALID_ARGUMENT', `batchSize must be a positive integer, got ${batchSize}`);
    }
    const partial = `${file}.partial`;
    rmSync(partial, { force: true });
    const db = new Database(partial);
    db.pragma('journal_mode = MEMORY');
    db.pragma('synchronous = OFF');
    db.exec(SCHEMA);
    const header = makeHeader(options);
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('header', canonicalJson(header));
    return new SqliteLogStore(file, db, header, true, batchSize);
  }

  /** Opens a complete store for reading; throws LOG_CORRUPT if it is not one. */
  static open(file: string): SqliteLogStore {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const meta = readMeta(db);
      const header = parseMeta(file, meta.get('header'), 'header');
      const problem = headerProblem(header);
      if (problem !== undefined) throw new StibiumError('LOG_CORRUPT', `${file}: ${problem}`, { file });
      if (!meta.has('end')) {
        throw new StibiumError('LOG_CORRUPT', `${file}: the log is incomplete (no end record; was the write interrupted?)`, { file });
      }
      return new SqliteLogStore(file, db, header as LogHeader, false, 1);
    } catch (error) {
      db.close();
      if (error instanceof StibiumError) throw error;
      throw new StibiumError('LOG_CORRUPT', `${file}: not a Stibium SQLite log (${(error as Error).message})`, { file });
    }
  }

  /** Entries stored (including those still waiting in the current batch). */
  get length(): number {
    return this.#writing ? this.#order.count : (this.#db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  }

  /** The count and hash recorded when the store was closed (undefined while writing). */
  get end(): { readonly count: number; readonly hash: string } | undefined {
    const text = readMeta(this.#db).get('end');
    return text === undefined ? undefined : (parseMeta(this.file, text, 'end') as { count: number; hash: string });
  }

  /** Appends the next entry; seq must continue from 0 and time must not decrease. */
  append(entry: RecordedEvent): void {
    this.#checkWritable();
    const problem = this.#order.accept(entry);
    if (problem !== undefined) throw new StibiumError('INVALID_ARGUMENT', `cannot append to ${this.file}: ${problem}`, { seq: entry.seq });
    const data = entry.data === undefined ? undefined : canonicalJson(entry.data);
    this.#hasher.addParts(entry.seq, entry.time, entry.type, entry.data);
    this.#pending.push({ seq: entry.seq, time: entry.time, type: entry.type, data: data ?? null });
    if (this.#pending.length >= this.#batchSize) this.flush();
  }

  /** Appends every entry of `entries` (an {@link EventLog}, an array, a generator). */
  appendAll(entries: Iterable<RecordedEvent>): void {
    for (const entry of entries) this.append(entry);
  }

  /** Writes the current batch in one transaction. */
  flush(): void {
    if (this.#pending.length === 0 || this.#insert === undefined) return;
    this.#insert(this.#pending);
    this.#pending.length = 0;
  }

  /**
   * The stored entries in seq order, up to time `until` (inclusive) when given. Reading
   * checks contiguity and throws LOG_CORRUPT naming the file and seq on bad rows. Do not
   * append while iterating.
   */
  *entries(options: ReadLogOptions = {}): IterableIterator<RecordedEvent> {
    this.#checkOpen();
    this.flush();
    const until = options.until ?? Infinity;
    const order = new EntryOrder();
    // Times never decrease, so reading in seq order and stopping after `until` reads a prefix.
    for (const row of this.#db.prepare<[], Row>('SELECT seq, time, type, data FROM events ORDER BY seq').iterate()) {
      if (row.time > until) return;
      let data: unknown;
      try {
        data = row.data === null ? undefined : JSON.parse(row.data);
      } catch (error) {
        throw new StibiumError('LOG_CORRUPT', `${this.file}: events row seq ${row.seq}: data is not JSON (${(error as Error).message})`, { file: this.file, seq: row.seq });
      }
      const entry: RecordedEvent = { seq: row.seq, time: row.time, type: row.type, data };
      const problem = order.accept(entry);
      if (problem !== undefined) throw new StibiumError('LOG_CORRUPT', `${this.file}: events row seq ${row.seq}: ${problem}`, { file: this.file, seq: row.seq });
      yield entry;
    }
  }

  /** The stored entries (up to `until`) as an {@link EventLog}, ready for `replay` and `project`. */
  readLog(options: ReadLogOptions = {}): EventLog {
    return EventLog.from(this.entries(options));
  }

  /**
   * The hash of the stored entries: equals `log.digest()` of the run that wrote them. A
   * writer keeps it up to date as it appends; a reader hashes the stored entries.
   */
  hash(): string {
    this.#checkOpen();
    if (this.#writing) return this.#hasher.digest();
    const hasher = new LogHasher(undefined, { retainLines: false });
    const order = new EntryOrder();
    for (const row of this.#db.prepare<[], Row>('SELECT seq, time, type, data FROM events ORDER BY seq').iterate()) {
      const problem = order.accept({ seq: row.seq, time: row.time, type: row.type, data: undefined });
      if (problem !== undefined) throw new StibiumError('LOG_CORRUPT', `${this.file}: events row seq ${row.seq}: ${problem}`, { file: this.file, seq: row.seq });
      let data: unknown;
      try {
        data = row.data === null ? undefined : JSON.parse(row.data);
      } catch (error) {
        throw new StibiumError('LOG_CORRUPT', `${this.file}: events row seq ${row.seq}: data is not JSON (${(error as Error).message})`, { file: this.file, seq: row.seq });
      }
      hasher.addParts(row.seq, row.time, row.type, data);
    }
    return hasher.digest();
  }

  /**
   * Checks a closed store against its end record (count and hash); returns the hash or
   * throws LOG_CORRUPT when rows were changed, added or removed after it was written.
   */
  verify(): string {
    const end = this.end;
    if (end === undefined) throw new StibiumError('LOG_CORRUPT', `${this.file}: the log is incomplete (no end record)`, { file: this.file });
    const hash = this.hash();
    if (hash !== end.hash || this.length !== end.count) {
      throw new StibiumError('LOG_CORRUPT', `${this.file}: the stored ${this.length} entries hash to ${hash}, not the recorded ${end.count} entries with hash ${end.hash}`, { file: this.file });
    }
    return hash;
  }

  /**
   * Finishes: a writer flushes, records the count and hash, syncs and renames
   * `<file>.partial` to `<file>` and returns the hash; a reader just closes.
   */
  close(): string | undefined {
    if (!this.#open) return undefined;
    let hash: string | undefined;
    if (this.#writing) {
      this.flush();
      hash = this.#hasher.digest();
      this.#db.pragma('synchronous = FULL');
      this.#db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('end', canonicalJson({ count: this.#order.count, hash }));
    }
    this.#db.close();
    this.#open = false;
    if (this.#writing) renameSync(`${this.file}.partial`, this.file);
    return hash;
  }

  /** Gives up writing: closes and deletes the partial file. */
  abort(): void {
    if (!this.#open) return;
    this.#db.close();
    this.#open = false;
    if (this.#writing) rmSync(`${this.file}.partial`, { force: true });
  }

  #checkOpen(): void {
    if (!this.#open) throw new StibiumError('INVALID_ARGUMENT', `the SQLite log ${this.file} is closed`);
  }

  #checkWritable(): void {
    this.#checkOpen();
    if (!this.#writing) throw new StibiumError('INVALID_ARGUMENT', `the SQLite log ${this.file} was opened for reading`);
  }
}

function readMeta(db: Database.Database): Map<string, string> {
  const rows = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM meta').all();
  return new Map(rows.map((r) => [r.key, r.value]));
}

function parseMeta(file: string, text: string | undefined, key: string): unknown {
  if (text === undefined) throw new StibiumError('LOG_CORRUPT', `${file}: no "${key}" in the meta table; is this a Stibium SQLite log?`, { file });
  try {
    return JSON.parse(text);
  } catch {
    throw new StibiumError('LOG_CORRUPT', `${file}: the meta "${key}" is not JSON`, { file });
  }
}

/** Writes `entries` to a new SQLite store at `file` in one go; returns the log hash. */
export function writeSqliteLog(file: string, entries: Iterable<RecordedEvent>, options: SqliteWriteOptions): string {
  const store = SqliteLogStore.create(file, options);
  try {
    store.appendAll(entries);
  } catch (error) {
    store.abort();
    throw error;
  }
  return store.close() as string;
}
