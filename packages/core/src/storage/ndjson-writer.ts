import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { StibiumError } from '../errors.ts';
import { canonicalJson } from '../sourcing/canonical.ts';
import type { RecordedEvent } from '../sourcing/event.ts';
import { LogHasher, canonicalEntry } from '../sourcing/hash.ts';
import { EntryOrder, makeHeader, type LogHeader, type LogWriteOptions } from './format.ts';

// Lines are gathered into one string and written in ~1 MiB pieces: one syscall per many
// entries, and memory stays bounded however long the log is.
const FLUSH_CHARS = 1 << 20;

/**
 * Writes a log as NDJSON: a header line, one canonical JSON line per entry (the same text
 * the log hash is computed over), and an end line with the entry count and hash. It writes
 * to `<file>.partial` and renames on {@link NdjsonLogWriter.close}, so an interrupted write
 * never leaves a file that looks complete. Writes are synchronous, so it can follow a
 * running simulation from a `recorded$` subscriber.
 *
 * @example
 * const writer = NdjsonLogWriter.create('run.ndjson', { seed: 7 });
 * writer.appendAll(model.log);
 * const hash = writer.close(); // === model.log.digest()
 */
export class NdjsonLogWriter {
  /** The final path (written on close). */
  readonly file: string;
  /** The header written as the first line. */
  readonly header: LogHeader;
  readonly #partial: string;
  readonly #order = new EntryOrder();
  readonly #hasher = new LogHasher(undefined, { retainLines: false });
  #fd: number | undefined;
  #buffer = '';

  private constructor(file: string, header: LogHeader) {
    this.file = file;
    this.header = header;
    this.#partial = `${file}.partial`;
    this.#fd = openSync(this.#partial, 'w');
    this.#buffer = `${canonicalJson(header)}\n`;
  }

  /** Starts a new log at `file` (through `<file>.partial`). */
  static create(file: string, options: LogWriteOptions): NdjsonLogWriter {
    return new NdjsonLogWriter(file, makeHeader(options));
  }

  /** Entries written so far. */
  get count(): number {
    return this.#order.count;
  }

  /** Appends the next entry; entries must come in seq order from 0 with non-decreasing times. */
  append(entry: RecordedEvent): void {
    if (this.#fd === undefined) throw new StibiumError('INVALID_ARGUMENT', `the NDJSON log ${this.file} is already closed`);
    const problem = this.#order.accept(entry);
    if (problem !== undefined) throw new StibiumError('INVALID_ARGUMENT', `cannot append to ${this.file}: ${problem}`, { seq: entry.seq });
    const line = canonicalEntry(entry);
    this.#hasher.addParts(entry.seq, entry.time, entry.type, entry.data);
    this.#buffer += `${line}\n`;
    if (this.#buffer.length >= FLUSH_CHARS) this.#flush();
  }

  /** Appends every entry of `entries` (an {@link EventLog}, an array, a generator). */
  appendAll(entries: Iterable<RecordedEvent>): void {
    for (const entry of entries) this.append(entry);
  }

  /** The hash of the entries written so far (equals `log.digest()` of the same entries). */
  hash(): string {
    return this.#hasher.digest();
  }

  /**
   * Writes the end line, syncs to disk and renames `<file>.partial` to `<file>`. Returns
   * the log hash.
   */
  close(): string {
    const fd = this.#fd;
    if (fd === undefined) throw new StibiumError('INVALID_ARGUMENT', `the NDJSON log ${this.file} is already closed`);
    const hash = this.#hasher.digest();
    this.#buffer += `${canonicalJson({ end: true, count: this.#order.count, hash })}\n`;
    this.#flush();
    fsyncSync(fd);
    closeSync(fd);
    this.#fd = undefined;
    renameSync(this.#partial, this.file);
    return hash;
  }

  /** Gives up: closes and deletes the partial file (the final path is left untouched). */
  abort(): void {
    if (this.#fd === undefined) return;
    closeSync(this.#fd);
    this.#fd = undefined;
    this.#buffer = '';
    rmSync(this.#partial, { force: true });
  }

  #flush(): void {
    if (this.#buffer.length === 0 || this.#fd === undefined) return;
    const bytes = Buffer.from(this.#buffer, 'utf8');
    this.#buffer = '';
    // writeSync may write fewer bytes than asked; loop until the piece is out.
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(this.#fd, bytes, offset);
  }
}

/** Writes `entries` to `file` as an NDJSON log in one go; returns the log hash. */
export function writeNdjsonLog(file: string, entries: Iterable<RecordedEvent>, options: LogWriteOptions): string {
  const writer = NdjsonLogWriter.create(file, options);
  try {
    writer.appendAll(entries);
  } catch (error) {
    writer.abort();
    throw error;
  }
  return writer.close();
}
