import { closeSync, existsSync, fsyncSync, openSync, readSync, truncateSync, writeSync } from 'node:fs';
import { endianness } from 'node:os';
import { BoundedCache, layoutOf, type Layout } from '../results/layout.ts';
import type { PackedGroup, PackedOutput } from '../results/packed.ts';

// Groups are synced to disk in batches: each fsync costs a disk round trip, and a crash
// loses at most one batch of runs, which a resume recomputes.
const SYNC_EVERY = 16;
// The journal is read back in pieces of this size, so its length does not matter.
const READ_CHUNK = 1 << 22;
const BIG_ENDIAN = endianness() === 'BE';

/**
 * The append-only journal of completed runs (`runs.ndjson` in the partial results folder),
 * one JSON line per record, in run order, written as the ordered results come out:
 * `{"block":i,"key":"..."}` the first time an outcome's block of periods (see `Block`)
 * appears, then
 * `{"run":r,"seed":"...","outputs":[{"scenario":"...","logHash":"...","blocks":[i,...],"values":"<base64>"}]}`
 * per run index, values as little-endian float64 (NaN and -0 survive, unlike JSON numbers).
 * `--resume` reads its complete lines back, drops a torn last line, and continues.
 */
export class RunJournal {
  readonly file: string;
  #fd: number | undefined;
  #chunks: Buffer[] = [];
  #buffered = 0;
  readonly #blocks: Map<string, number>;
  readonly #layouts = new BoundedCache<Layout, string>(64);

  private constructor(file: string, blocks: Map<string, number>) {
    this.file = file;
    this.#blocks = blocks;
    this.#fd = openSync(file, 'a');
  }

  /**
   * Opens the journal for appending. Hands the groups already in it to `each`, in run
   * order (complete lines only, which must run from `from` without gaps; nothing is held
   * in memory), cuts off a torn or unreadable tail, and returns how many groups it had.
   */
  static open(file: string, from: number, caseIds: readonly string[], each: (group: PackedGroup) => void = () => {}): { journal: RunJournal; done: number } {
    const blocks = new Map<string, number>();
    let done = 0;
    if (existsSync(file)) {
      const keys: string[] = [];
      let good = 0;
      for (const { line, end } of lines(file)) {
        const record = parseRecord(line, from + done, caseIds, keys);
        if (record === undefined) break;
        if (typeof record === 'string') keys.push(record);
        else {
          each(record);
          done++;
        }
        good = end;
      }
      truncateSync(file, good);
      keys.forEach((key, i) => blocks.set(key, i));
    }
    return { journal: new RunJournal(file, blocks), done };
  }

  /** Appends one group (synced in batches; see {@link RunJournal.sync}). */
  append(group: PackedGroup): void {
    const outputs = group.outputs.map((o) => `{"scenario":${JSON.stringify(o.scenario)},"logHash":${JSON.stringify(o.logHash)},"blocks":[${this.#blockIndices(o.layout)}],"values":"${base64(o.values)}"}`);
    this.#chunks.push(Buffer.from(`{"run":${group.run},"seed":${JSON.stringify(group.seed)},"outputs":[${outputs.join(',')}]}\n`, 'utf8'));
    if (++this.#buffered >= SYNC_EVERY) this.sync();
  }

  /** Writes buffered lines and fsyncs. */
  sync(): void {
    if (this.#fd === undefined) return;
    if (this.#chunks.length > 0) {
      const bytes = Buffer.concat(this.#chunks);
      for (let offset = 0; offset < bytes.length; ) offset += writeSync(this.#fd, bytes, offset);
      this.#chunks = [];
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

  #blockIndices(key: string): string {
    return this.#layouts.get(layoutOf(key), () =>
      layoutOf(key)
        .blocks.map((block) => {
          let index = this.#blocks.get(block.key);
          if (index === undefined) {
            index = this.#blocks.size;
            this.#blocks.set(block.key, index);
            this.#chunks.push(Buffer.from(`{"block":${index},"key":${JSON.stringify(block.key)}}\n`, 'utf8'));
          }
          return index;
        })
        .join(','),
    );
  }
}

function base64(values: Float64Array): string {
  const bytes = Buffer.from(values.buffer, values.byteOffset, values.byteLength);
  return (BIG_ENDIAN ? Buffer.from(bytes).swap64() : bytes).toString('base64');
}

function fromBase64(text: string): Float64Array | undefined {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % 8 !== 0) return undefined;
  const values = new Float64Array(bytes.length / 8);
  const view = Buffer.from(values.buffer);
  bytes.copy(view);
  if (BIG_ENDIAN) view.swap64();
  return values;
}

// The complete lines of a file (without their newline) and the offset after each.
function* lines(file: string): Generator<{ line: string; end: number }> {
  const fd = openSync(file, 'r');
  try {
    let carry = Buffer.alloc(0);
    let offset = 0;
    const chunk = Buffer.allocUnsafe(READ_CHUNK);
    for (;;) {
      const read = readSync(fd, chunk, 0, READ_CHUNK, null);
      if (read === 0) return;
      const bytes = carry.length === 0 ? chunk.subarray(0, read) : Buffer.concat([carry, chunk.subarray(0, read)]);
      let start = 0;
      for (let nl = bytes.indexOf(10, start); nl >= 0; nl = bytes.indexOf(10, start)) {
        offset += nl + 1 - start;
        yield { line: bytes.toString('utf8', start, nl), end: offset };
        start = nl + 1;
      }
      carry = Buffer.from(bytes.subarray(start));
    }
  } finally {
    closeSync(fd);
  }
}

interface JournalOutput {
  scenario?: unknown;
  logHash?: unknown;
  blocks?: unknown;
  values?: unknown;
}

// A block record gives its key; a group is trusted only if it is exactly the next run,
// with every case present, known blocks and the right number of values.
function parseRecord(line: string, expectedRun: number, caseIds: readonly string[], keys: readonly string[]): PackedGroup | string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  const r = value as { block?: unknown; key?: unknown; run?: unknown; seed?: unknown; outputs?: unknown };
  if (r.block === keys.length && typeof r.key === 'string') return r.key;
  if (r.run !== expectedRun || typeof r.seed !== 'string' || !Array.isArray(r.outputs) || r.outputs.length !== caseIds.length) return undefined;
  const seed = r.seed;
  const outputs: PackedOutput[] = [];
  for (const [i, o] of (r.outputs as (JournalOutput | null)[]).entries()) {
    if (o === null || o.scenario !== caseIds[i] || typeof o.logHash !== 'string' || !Array.isArray(o.blocks) || typeof o.values !== 'string') return undefined;
    const blocks = (o.blocks as unknown[]).map((b) => (typeof b === 'number' ? keys[b] : undefined));
    if (blocks.some((b) => b === undefined)) return undefined;
    const layout = blocks.join('\n');
    const values = fromBase64(o.values);
    if (values === undefined || values.length !== layoutOf(layout).rows) return undefined;
    outputs.push({ scenario: caseIds[i] as string, run: expectedRun, seed, logHash: o.logHash, layout, values });
  }
  return { run: expectedRun, seed, outputs };
}
