import { csvField } from './csv.ts';

/**
 * The periods of one outcome in a run output, in code-point order: the unit everything
 * row-shaped is cached by (CSV fragments, Arrow strings, summary cells, comparison pairs).
 * A model's outputs differ from run to run only in a few outcomes (a trade flow that
 * appears in some runs), so a run's blocks are nearly all known already. Its `key` is the
 * JSON of `[outcome, [period, ...]]`.
 */
export class Block {
  readonly key: string;
  readonly outcome: string;
  readonly periods: readonly string[];
  #csv: Utf8Column | undefined;
  #outcomeUtf8: Utf8Column | undefined;
  #periodUtf8: Utf8Column | undefined;

  constructor(key: string) {
    this.key = key;
    const [outcome, periods] = JSON.parse(key) as [string, string[]];
    this.outcome = outcome;
    this.periods = periods;
  }

  /** `outcome,period,` of each row as `runs.csv` writes them, UTF-8. */
  csvMiddles(): Utf8Column {
    if (this.#csv === undefined) {
      const outcome = `${csvField(this.outcome)},`;
      this.#csv = utf8Column(this.periods.map((period) => `${outcome}${csvField(period)},`));
    }
    return this.#csv;
  }

  /** The outcome of each row, as UTF-8 bytes and offsets. */
  outcomeUtf8(): Utf8Column {
    this.#outcomeUtf8 ??= utf8Column(this.periods.map(() => this.outcome));
    return this.#outcomeUtf8;
  }

  /** The periods, as UTF-8 bytes and offsets. */
  periodUtf8(): Utf8Column {
    this.#periodUtf8 ??= utf8Column(this.periods);
    return this.#periodUtf8;
  }
}

/**
 * The row order of a run output: its blocks (outcomes in code-point order, periods in
 * code-point order within each: the order of `rowsOf`). Its `key`, what a packed output
 * carries, is the blocks' keys joined by newlines (JSON text never holds a raw newline);
 * outcomes without periods are left out.
 */
export class Layout {
  readonly key: string;
  readonly blocks: readonly Block[];
  /** Row index of each block's first row; the last entry is the number of rows. */
  readonly starts: Int32Array;
  #outcomeUtf8: Utf8Column | undefined;
  #periodUtf8: Utf8Column | undefined;
  #byOutcome: Map<string, number> | undefined;

  constructor(key: string) {
    this.key = key;
    this.blocks = key === '' ? [] : key.split('\n').map(blockOf);
    this.starts = new Int32Array(this.blocks.length + 1);
    this.blocks.forEach((b, i) => (this.starts[i + 1] = (this.starts[i] as number) + b.periods.length));
  }

  /** Number of rows. */
  get rows(): number {
    return this.starts[this.blocks.length] as number;
  }

  /** Index of the block of `outcome`, or -1 when the layout has none. */
  blockIndex(outcome: string): number {
    this.#byOutcome ??= new Map(this.blocks.map((b, i) => [b.outcome, i]));
    return this.#byOutcome.get(outcome) ?? -1;
  }

  /** The outcome column as UTF-8 bytes and row offsets (for Arrow). */
  outcomeUtf8(): Utf8Column {
    this.#outcomeUtf8 ??= joinColumns(this.blocks.map((b) => b.outcomeUtf8()));
    return this.#outcomeUtf8;
  }

  /** The period column as UTF-8 bytes and row offsets (for Arrow). */
  periodUtf8(): Utf8Column {
    this.#periodUtf8 ??= joinColumns(this.blocks.map((b) => b.periodUtf8()));
    return this.#periodUtf8;
  }
}

/** The layout key of blocks given as [outcome, periods] (periods non-empty, both sorted). */
export function layoutKey(blocks: readonly (readonly [string, readonly string[]])[]): string {
  return blocks.map((b) => JSON.stringify(b)).join('\n');
}

/** Strings laid end to end: row i is `bytes[offsets[i], offsets[i + 1])`. */
export interface Utf8Column {
  readonly bytes: Uint8Array;
  readonly offsets: Int32Array;
}

function utf8Column(strings: readonly string[]): Utf8Column {
  return joinColumns(strings.map((s) => ({ bytes: Buffer.from(s, 'utf8'), offsets: null })));
}

function joinColumns(parts: readonly { bytes: Uint8Array; offsets: Int32Array | null }[]): Utf8Column {
  let rows = 0;
  let total = 0;
  for (const p of parts) {
    rows += p.offsets === null ? 1 : p.offsets.length - 1;
    total += p.bytes.length;
  }
  const offsets = new Int32Array(rows + 1);
  const bytes = new Uint8Array(total);
  let row = 0;
  let at = 0;
  for (const p of parts) {
    bytes.set(p.bytes, at);
    if (p.offsets === null) offsets[++row] = at + p.bytes.length;
    else for (let i = 1; i < p.offsets.length; i++) offsets[++row] = at + (p.offsets[i] as number);
    at += p.bytes.length;
  }
  return { bytes, offsets };
}

/**
 * A map that forgets everything once it holds `limit` entries: caches keyed by layouts and
 * blocks stay bounded even when outputs change shape every run.
 */
export class BoundedCache<K, V> {
  readonly #map = new Map<K, V>();
  readonly #limit: number;

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** The cached value of `key`, made by `make` on a miss. */
  get(key: K, make: () => V): V {
    let value = this.#map.get(key);
    if (value === undefined) {
      if (this.#map.size >= this.#limit) this.#map.clear();
      value = make();
      this.#map.set(key, value);
    }
    return value;
  }
}

/** How many blocks a per-block cache keeps (a model has a few hundred). */
export const BLOCK_CACHE = 1 << 14;
const blocks = new BoundedCache<string, Block>(BLOCK_CACHE);
const layouts = new BoundedCache<string, Layout>(64);

/** The block of `key`, parsed once per thread. */
function blockOf(key: string): Block {
  return blocks.get(key, () => new Block(key));
}

/** The layout of `key`, parsed once per thread (and cheaply: its blocks are mostly known). */
export function layoutOf(key: string): Layout {
  return layouts.get(key, () => new Layout(key));
}
