import { type Data, Field, Float64, Int32, RecordBatch, RecordBatchFileWriter, Schema, Utf8, makeData, Struct } from 'apache-arrow';
import { AtomicFile, type FileDigest } from './atomic.ts';
import type { RunRow } from './rows.ts';

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

/**
 * Streams the long per-run table to an Arrow IPC file (Feather v2), readable with
 * `pyarrow.feather.read_table`, `pandas.read_feather` and R's `arrow::read_feather`.
 */
export class ArrowRunsWriter {
  readonly #out: AtomicFile;
  readonly #writer: FileSinkWriter;
  #scenario: string[] = [];
  #run: number[] = [];
  #seed: string[] = [];
  #outcome: string[] = [];
  #period: string[] = [];
  #value: (number | null)[] = [];

  constructor(file: string) {
    this.#out = new AtomicFile(file);
    this.#writer = new FileSinkWriter(this.#out);
    this.#writer.reset(undefined, RUNS_SCHEMA);
  }

  /** Adds one row (written when a batch fills). */
  add(row: RunRow): void {
    this.#scenario.push(row.scenario);
    this.#run.push(row.run);
    this.#seed.push(row.seed);
    this.#outcome.push(row.outcome);
    this.#period.push(row.period);
    this.#value.push(row.value);
    if (this.#run.length === ARROW_BATCH_ROWS) this.#flush();
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
    const n = this.#run.length;
    if (n === 0) return;
    const values = new Float64Array(n);
    const valid = new Uint8Array(Math.ceil(n / 8));
    let nulls = 0;
    for (let i = 0; i < n; i++) {
      const v = this.#value[i];
      if (v === null || v === undefined) nulls++;
      else {
        values[i] = v;
        valid[i >> 3] = (valid[i >> 3] as number) | (1 << (i & 7));
      }
    }
    const children: Data[] = [
      utf8Data(this.#scenario),
      makeData({ type: new Int32(), length: n, data: Int32Array.from(this.#run) }),
      utf8Data(this.#seed),
      utf8Data(this.#outcome),
      utf8Data(this.#period),
      makeData({ type: new Float64(), length: n, nullCount: nulls, data: values, ...(nulls > 0 ? { nullBitmap: valid } : {}) }),
    ];
    const data = makeData({ type: new Struct(RUNS_SCHEMA.fields), length: n, nullCount: 0, children });
    this.#writer.write(new RecordBatch(RUNS_SCHEMA, data));
    this.#scenario = [];
    this.#run = [];
    this.#seed = [];
    this.#outcome = [];
    this.#period = [];
    this.#value = [];
  }
}

// Builds a Utf8 column directly (offsets + bytes) into one buffer: apache-arrow's generic
// builder needs hundreds of MB of scratch memory for a 65,536-row string column, and
// encoding string by string allocates once per row.
function utf8Data(strings: readonly string[]): Data<Utf8> {
  const offsets = new Int32Array(strings.length + 1);
  let total = 0;
  let previous: string | undefined;
  let previousBytes = 0;
  for (let i = 0; i < strings.length; i++) {
    const text = strings[i] as string;
    // Columns repeat values row after row (scenario, seed, outcome): measure each run once.
    if (text !== previous) {
      previous = text;
      previousBytes = Buffer.byteLength(text, 'utf8');
    }
    total += previousBytes;
    offsets[i + 1] = total;
  }
  const bytes = Buffer.allocUnsafe(total);
  for (let i = 0; i < strings.length; i++) bytes.write(strings[i] as string, offsets[i] as number, 'utf8');
  return makeData({ type: new Utf8(), length: strings.length, valueOffsets: offsets, data: new Uint8Array(bytes.buffer, bytes.byteOffset, total) });
}
