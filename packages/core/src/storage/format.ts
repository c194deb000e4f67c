import type { RecordedEvent } from '../sourcing/event.ts';

/** Name written into every stored log, so a reader can tell a Stibium log from other files. */
export const LOG_FORMAT = 'stibium-log';

/** Version of the stored log layout (NDJSON lines and SQLite tables) and of its hash; bumped on change (2: the hash covers the canonical binary form; 3: objects by shape index, short strings and small numbers shorter). */
export const LOG_FORMAT_VERSION = 3;

/** What a stored log says about itself: format, version, the run seed and free metadata. */
export interface LogHeader {
  readonly format: typeof LOG_FORMAT;
  readonly version: number;
  readonly seed: string;
  /** JSON-safe metadata of the run (scenario name, engine version, parameters...). */
  readonly meta: Readonly<Record<string, unknown>>;
}

/** Options shared by the log writers. */
export interface LogWriteOptions {
  /** The run seed, kept in the header so a log says where it came from. */
  readonly seed: string | number;
  /** JSON-safe metadata stored with the log. */
  readonly meta?: Readonly<Record<string, unknown>>;
}

/** Options of the log readers. */
export interface ReadLogOptions {
  /** Read only entries with time <= `until` (an NDJSON reader then skips the end-line check). */
  readonly until?: number;
}

/** Builds the header a writer stores. */
export function makeHeader(options: LogWriteOptions): LogHeader {
  return { format: LOG_FORMAT, version: LOG_FORMAT_VERSION, seed: String(options.seed), meta: options.meta ?? {} };
}

/** Why `value` is not a header this version can read, or undefined when it is one. */
export function headerProblem(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'the header is not a JSON object';
  const h = value as Partial<LogHeader>;
  if (h.format !== LOG_FORMAT) return `the header's format is ${JSON.stringify(h.format)}, expected "${LOG_FORMAT}"`;
  if (h.version !== LOG_FORMAT_VERSION) return `log format version ${String(h.version)} is not supported (this engine reads ${LOG_FORMAT_VERSION})`;
  if (typeof h.seed !== 'string') return 'the header has no string "seed"';
  if (h.meta === null || typeof h.meta !== 'object' || Array.isArray(h.meta)) return 'the header has no "meta" object';
  return undefined;
}

/**
 * Checks that entries come as a log must hold them: seq 0, 1, 2... and finite, non-decreasing
 * times. Writers use it to refuse bad input, readers to detect corrupt files.
 */
export class EntryOrder {
  #next = 0;
  #lastTime = -Infinity;

  /** Entries accepted so far (also the seq the next entry must carry). */
  get count(): number {
    return this.#next;
  }

  /** Why `entry` cannot come next, or undefined when it can (it is then accepted). */
  accept(entry: RecordedEvent): string | undefined {
    if (entry.seq !== this.#next) return `expected seq ${this.#next}, got ${String(entry.seq)} (a log is contiguous from 0)`;
    if (typeof entry.time !== 'number' || !Number.isFinite(entry.time)) return `entry ${entry.seq} has a non-finite time ${String(entry.time)}`;
    if (entry.time < this.#lastTime) return `entry ${entry.seq} goes back in time (${entry.time} < ${this.#lastTime})`;
    if (typeof entry.type !== 'string' || entry.type.length === 0) return `entry ${entry.seq} has no event type`;
    this.#next++;
    this.#lastTime = entry.time;
    return undefined;
  }
}
