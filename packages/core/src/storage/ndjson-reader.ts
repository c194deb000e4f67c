import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { StibiumError } from '../errors.ts';
import type { RecordedEvent } from '../sourcing/event.ts';
import { LogHasher } from '../sourcing/hash.ts';
import { EventLog } from '../sourcing/log.ts';
import { EntryOrder, headerProblem, type LogHeader, type ReadLogOptions } from './format.ts';

/** A stored log read back whole: header, entries as an {@link EventLog}, and its verified hash. */
export interface LoadedLog {
  readonly header: LogHeader;
  readonly log: EventLog;
  /** The hash of the entries read (checked against the file's end line when read to the end). */
  readonly hash: string;
}

function corrupt(file: string, line: number, problem: string): StibiumError {
  return new StibiumError('LOG_CORRUPT', `${file}:${line}: ${problem}`, { file, line });
}

function parseLine(file: string, lineNo: number, text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw corrupt(file, lineNo, `not valid JSON (${(error as Error).message})`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw corrupt(file, lineNo, 'a log line must be a JSON object');
  return value as Record<string, unknown>;
}

/**
 * Streams an NDJSON log written by {@link NdjsonLogWriter}, line by line with readline, so
 * logs larger than memory can be replayed. Checks the header, seq contiguity and time
 * order, and at the end the entry count and hash; any problem throws LOG_CORRUPT naming the
 * file and line. `onHeader` receives the header before the first entry.
 */
export async function* readNdjsonLog(
  file: string,
  options: ReadLogOptions & { readonly onHeader?: (header: LogHeader) => void; readonly onEnd?: (hash: string) => void } = {},
): AsyncGenerator<RecordedEvent, void, undefined> {
  const until = options.until ?? Infinity;
  const input = createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  const order = new EntryOrder();
  const hasher = new LogHasher(undefined, { retainLines: false });
  let lineNo = 0;
  let ended = false;
  try {
    for await (const text of lines) {
      lineNo++;
      if (ended) {
        if (text.trim() === '') continue;
        throw corrupt(file, lineNo, 'content after the end line');
      }
      const value = parseLine(file, lineNo, text);
      if (lineNo === 1) {
        const problem = headerProblem(value);
        if (problem !== undefined) throw corrupt(file, lineNo, `${problem}; is this a Stibium NDJSON log?`);
        options.onHeader?.(value as unknown as LogHeader);
        continue;
      }
      if (value.end === true) {
        if (value.count !== order.count) throw corrupt(file, lineNo, `the end line counts ${String(value.count)} entries but the file holds ${order.count}`);
        const hash = hasher.digest();
        if (value.hash !== hash) throw corrupt(file, lineNo, `the entries hash to ${hash}, not the recorded ${String(value.hash)}`);
        options.onEnd?.(hash);
        ended = true;
        continue;
      }
      const entry: RecordedEvent = { seq: value.seq as number, time: value.time as number, type: value.type as string, data: value.data };
      const problem = order.accept(entry);
      if (problem !== undefined) throw corrupt(file, lineNo, problem);
      if (entry.time > until) return;
      // The hash covers the entries' values: an edited value shows up as a hash mismatch
      // at the end line.
      hasher.addParts(entry.seq, entry.time, entry.type, entry.data);
      yield entry;
    }
  } finally {
    lines.close();
    input.destroy();
  }
  if (lineNo === 0) throw corrupt(file, 1, 'the file is empty; expected a header line');
  if (!ended) throw corrupt(file, lineNo + 1, 'the log is truncated: no end line (was the write interrupted?)');
}

/** The header of an NDJSON log (reads only the first line). */
export async function readNdjsonHeader(file: string): Promise<LogHeader> {
  let header: LogHeader | undefined;
  const entries = readNdjsonLog(file, { onHeader: (h) => (header = h) });
  // The header arrives before the first entry; stop there.
  await entries.next().catch((error: unknown) => {
    if (header === undefined) throw error;
  });
  await entries.return();
  if (header === undefined) throw corrupt(file, 1, 'no header line');
  return header;
}

/** Reads an NDJSON log into memory as an {@link EventLog}, ready for `replay` and `project`. */
export async function loadNdjsonLog(file: string, options: ReadLogOptions = {}): Promise<LoadedLog> {
  let header: LogHeader | undefined;
  let verified: string | undefined;
  const entries: RecordedEvent[] = [];
  const reader = readNdjsonLog(file, { ...options, onHeader: (h) => (header = h), onEnd: (h) => (verified = h) });
  for await (const entry of reader) entries.push(entry);
  const log = EventLog.from(entries);
  return { header: header as LogHeader, log, hash: verified ?? log.digest() };
}
