import { closeSync, existsSync, fsyncSync, openSync, readFileSync, truncateSync, writeSync } from 'node:fs';
import type { RunGroup } from './types.ts';

// Groups are synced to disk in batches: each fsync costs a disk round trip, and a crash
// loses at most one batch of runs, which a resume recomputes.
const SYNC_EVERY = 16;

/**
 * The append-only journal of completed runs (`runs.ndjson` in the partial results folder):
 * one JSON line per run index, in run order, written as the ordered results come out.
 * `--resume` reads its complete lines back, drops a torn last line, and continues.
 */
export class RunJournal {
  readonly file: string;
  #fd: number | undefined;
  #buffer = '';
  #buffered = 0;

  private constructor(file: string) {
    this.file = file;
    this.#fd = openSync(file, 'a');
  }

  /**
   * Opens the journal for appending. Returns the groups already in it (complete lines
   * only, which must run from `from` without gaps); a torn last line is cut off.
   */
  static open(file: string, from: number, caseIds: readonly string[]): { journal: RunJournal; done: RunGroup[] } {
    const done: RunGroup[] = [];
    if (existsSync(file)) {
      const text = readFileSync(file, 'utf8');
      let offset = 0;
      while (offset < text.length) {
        const nl = text.indexOf('\n', offset);
        if (nl < 0) break;
        const group = parseGroup(text.slice(offset, nl), from + done.length, caseIds);
        if (group === undefined) break;
        done.push(group);
        offset = nl + 1;
      }
      truncateSync(file, Buffer.byteLength(text.slice(0, offset), 'utf8'));
    }
    return { journal: new RunJournal(file), done };
  }

  /** Appends one group (synced in batches; see {@link RunJournal.sync}). */
  append(group: RunGroup): void {
    this.#buffer += `${JSON.stringify(group)}\n`;
    if (++this.#buffered >= SYNC_EVERY) this.sync();
  }

  /** Writes buffered lines and fsyncs. */
  sync(): void {
    if (this.#fd === undefined) return;
    if (this.#buffer !== '') {
      const bytes = Buffer.from(this.#buffer, 'utf8');
      for (let offset = 0; offset < bytes.length; ) offset += writeSync(this.#fd, bytes, offset);
      this.#buffer = '';
      this.#buffered = 0;
    }
    fsyncSync(this.#fd);
  }

  /** Syncs and closes. */
  close(): void {
    if (this.#fd === undefined) return;
    this.sync();
    closeSync(this.#fd);
    this.#fd = undefined;
  }
}

// A journal line is trusted only if it is exactly the next run with every case present.
function parseGroup(line: string, expectedRun: number, caseIds: readonly string[]): RunGroup | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  const g = value as Partial<RunGroup> | null;
  if (g === null || typeof g !== 'object' || g.run !== expectedRun || typeof g.seed !== 'string' || !Array.isArray(g.outputs)) return undefined;
  if (g.outputs.length !== caseIds.length || g.outputs.some((o, i) => o?.scenario !== caseIds[i] || typeof o.logHash !== 'string')) return undefined;
  // JSON has no NaN: a non-finite value was journaled as null and stays missing.
  for (const o of g.outputs as { outcomes: Record<string, Record<string, number | null>> }[]) {
    for (const periods of Object.values(o.outcomes)) {
      for (const [period, v] of Object.entries(periods)) if (v === null) periods[period] = NaN;
    }
  }
  return g as RunGroup;
}
