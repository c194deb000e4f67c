import { type Data, Field, Float64, Int32, RecordBatch, RecordBatchFileWriter, Schema, Utf8, makeData, Struct } from 'apache-arrow';
import { AtomicFile, type FileDigest } from './atomic.ts';
import type { Layout, Utf8Column } from './layout.ts';
import type { PackedOutput } from './packed.ts';

/** Rows per Arrow record batch: batches cut at fixed row counts, so any split of the work gives the same file. */
export const ARROW_BATCH_ROWS = 65_536;

/** The schema of `runs.arrow` (same columns as `runs.csv`; value is null where non-finite). */
export const RUNS_SCHEMA = new Schema([
  new Field('scenario', new Utf8(), false),
  new Field('run', new Int32(), false),
  new Field('seed', new Utf8(), false),
  new Field('outcome', new Utf8(), false),
  new Field('period', new Utf8(), false),
  new Field('value', new Float64(), true),
]);

// The stock writer queues bytes for an async reader; this one writes each piece straight
// to the file, so memory stays at one batch whatever the table's size.
class FileSinkWriter extends RecordBatchFileWriter {
  readonly #out: AtomicFile;

  constructor(out: AtomicFile) {
    super();
    this.#out = out;
  }

  protected override _write(chunk: ArrayBufferView | ArrayBufferLike | string | Iterable<number> | null | undefined): this {
    if (!this._started || chunk === null || chunk === undefined) return this;
    const bytes =
      typeof chunk === 'string'
        ? Buffer.from(chunk, 'utf8')
        : ArrayBuffer.isView(chunk)
          ? new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)
          : chunk instanceof ArrayBuffer || chunk instanceof SharedArrayBuffer
            ? new Uint8Array(chunk)
            : Uint8Array.from(chunk);
    if (bytes.byteLength > 0) {
      this.#out.write(bytes);
      this._position += bytes.byteLength;
    }
    return this;
  }
}

// Rows [from, to) of one output, waiting in the current batch.
interface Segment {
  readonly output: PackedOutput;
  readonly layout: Layout;
  readonly from: number;
  readonly to: number;
}

/**
 * Streams the long per-run table to an Arrow IPC file (Feather v2), readable with
 * `pyarrow.feather.read_table`, `pandas.read_feather` and R's `arrow::read_feather`.
 * Outputs are kept by reference until their batch fills; the batch's columns are then
 * copied from the outputs' values and their layouts' string columns into buffers reused
 * from batch to batch (a batch is written out before the next one fills).
 */
export class ArrowRunsWriter {
  readonly #out: AtomicFile;
  readonly #writer: FileSinkWriter;
  #segments: Segment[] = [];
  #rows = 0;
  readonly #runs = new Int32Array(ARROW_BATCH_ROWS);
  readonly #values = new Float64Array(ARROW_BATCH_ROWS);
  readonly #valid = new Uint8Array(ARROW_BATCH_ROWS / 8);
  readonly #strings = [new Utf8Builder(), new Utf8Builder(), new Utf8Builder(), new Utf8Builder()] as const;

  constructor(file: string) {
    this.#out = new AtomicFile(file);
    this.#writer = new FileSinkWriter(this.#out);
    this.#writer.reset(undefined, RUNS_SCHEMA);
  }

  /** Adds the rows of one output (written as batches fill; a batch may end inside an output). */
  addOutput(output: PackedOutput, layout: Layout): void {
    for (let from = 0; from < layout.rows; ) {
      const to = Math.min(layout.rows, from + ARROW_BATCH_ROWS - this.#rows);
      this.#segments.push({ output, layout, from, to });
      this.#rows += to - from;
      from = to;
      if (this.#rows === ARROW_BATCH_ROWS) this.#flush();
    }
  }

  /** Writes the last batch and the footer, then renames the file into place. */
  commit(): FileDigest {
    this.#flush();
    this.#writer.finish();
    this.#out.commit();
    return { bytes: this.#out.bytes, sha256: this.#out.sha256 };
  }

  /** Deletes the temporary file. */
  abort(): void {
    this.#out.abort();
  }

  #flush(): void {
    const n = this.#rows;
    if (n === 0) return;
    const runs = this.#runs;
    const values = this.#values;
    const valid = this.#valid;
    const [scenarios, seeds, outcomes, periods] = this.#strings;
    valid.fill(0, 0, Math.ceil(n / 8));
    for (const b of this.#strings) b.reset();
    let nulls = 0;
    let at = 0;
    for (const s of this.#segments) {
      runs.fill(s.output.run, at, at + s.to - s.from);
      scenarios.repeat(s.output.scenario, s.to - s.from);
      seeds.repeat(s.output.seed, s.to - s.from);
      outcomes.rows(s.layout.outcomeUtf8(), s.from, s.to);
      periods.rows(s.layout.periodUtf8(), s.from, s.to);
      const source = s.output.values;
      for (let i = s.from; i < s.to; i++, at++) {
        const v = source[i] as number;
        if (!Number.isFinite(v)) {
          nulls++;
          values[at] = 0;
        } else {
          // -0 is stored as 0, as `rowsOf` gives it.
          values[at] = v + 0;
          valid[at >> 3] = (valid[at >> 3] as number) | (1 << (at & 7));
        }
      }
    }
    // Exact-length views: the file holds each buffer as long as its column, not as reserved.
    const children: Data[] = [
      scenarios.data(),
      makeData({ type: new Int32(), length: n, data: runs.subarray(0, n) }),
      seeds.data(),
      outcomes.data(),
      periods.data(),
      makeData({ type: new Float64(), length: n, nullCount: nulls, data: values.subarray(0, n), ...(nulls > 0 ? { nullBitmap: valid.subarray(0, Math.ceil(n / 8)) } : {}) }),
    ];
    const data = makeData({ type: new Struct(RUNS_SCHEMA.fields), length: n, nullCount: 0, children });
    this.#writer.write(new RecordBatch(RUNS_SCHEMA, data));
    this.#segments = [];
    this.#rows = 0;
  }
}

// A Utf8 column built straight into offsets + bytes, reused from batch to batch
// (apache-arrow's generic builder needs hundreds of MB of scratch memory for a
// 65,536-row string column).
class Utf8Builder {
  readonly #offsets = new Int32Array(ARROW_BATCH_ROWS + 1);
  #bytes = new Uint8Array(1 << 16);
  #rows = 0;
  #at = 0;

  reset(): void {
    this.#rows = 0;
    this.#at = 0;
  }

  /** Appends `text` `count` times. */
  repeat(text: string, count: number): void {
    const bytes = Buffer.from(text, 'utf8');
    const size = bytes.length * count;
    this.#reserve(size);
    const at = this.#at;
    for (let i = 1; i <= count; i++) this.#offsets[++this.#rows] = at + i * bytes.length;
    if (size === 0) return;
    // Fill by doubling: one small copy, then ever larger copies of what is there.
    this.#bytes.set(bytes, at);
    for (let filled = bytes.length; filled < size; ) {
      const chunk = Math.min(filled, size - filled);
      this.#bytes.copyWithin(at + filled, at, at + chunk);
      filled += chunk;
    }
    this.#at += size;
  }

  /** Appends rows [from, to) of a column. */
  rows(column: Utf8Column, from: number, to: number): void {
    const start = column.offsets[from] as number;
    const end = column.offsets[to] as number;
    this.#reserve(end - start);
    this.#bytes.set(column.bytes.subarray(start, end), this.#at);
    const shift = this.#at - start;
    for (let i = from + 1; i <= to; i++) this.#offsets[++this.#rows] = (column.offsets[i] as number) + shift;
    this.#at += end - start;
  }

  /** The column so far (views of the builder's buffers: write it out before the next reset). */
  data(): Data<Utf8> {
    return makeData({ type: new Utf8(), length: this.#rows, valueOffsets: this.#offsets.subarray(0, this.#rows + 1), data: this.#bytes.subarray(0, this.#at) });
  }

  #reserve(size: number): void {
    if (this.#at + size <= this.#bytes.length) return;
    let capacity = this.#bytes.length;
    while (capacity < this.#at + size) capacity *= 2;
    const grown = new Uint8Array(capacity);
    grown.set(this.#bytes.subarray(0, this.#at));
    this.#bytes = grown;
  }
}
