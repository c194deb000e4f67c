import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { BLOCK_CACHE, BoundedCache, type Block, type Layout } from './layout.ts';
import { mean, quantileSorted, sampleSd } from './stats.ts';

/** Statistics of one outcome in one period across runs. */
export interface PeriodSummary {
  readonly mean: number;
  /** Sample standard deviation; null with fewer than two runs. */
  readonly sd: number | null;
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
  /** Runs with a finite value. */
  readonly n: number;
}

/** `summary.json`: scenario -> outcome id -> period -> statistics. */
export type Summary = Record<string, Record<string, Record<string, PeriodSummary>>>;

// Values go to a scratch file in blocks of runs, one contiguous segment per cell and block,
// so memory stays at one block however many runs there are; at the end each cell's
// segments are read back in run order. Exact quantiles need every value, and the same
// values in the same order give the same bytes whether or not they went through the file.
const BLOCK_RUNS = 256;
// Cells per chunk of the current block's matrix.
const CHUNK = 256;

interface Cell {
  readonly scenario: string;
  readonly outcome: string;
  readonly period: string;
  /** [file offset, count] of each flushed segment, in run order. */
  readonly segments: number[];
  n: number;
}

/**
 * Accumulates per-run outputs (in run order) into the statistics of `summary.json`. The
 * order matters: floating-point sums depend on it, which is why the runner feeds outputs in
 * run order. Values are spilled to `scratchFile` every 256 runs, so memory does not grow
 * with runs. The current block is a matrix with one row per run and one column per cell
 * (in chunks of 256 cells), so a run's values are written side by side; a cell a run does
 * not have stays NaN, and non-finite values are left out when the block is spilled.
 */
export class SummaryAccumulator {
  readonly #cells: Cell[] = [];
  readonly #cellIndex = new Map<string, number>();
  // Per scenario and block: the cell of each row.
  readonly #rowCells = new BoundedCache<string, BoundedCache<Block, Int32Array>>(BLOCK_CACHE);
  readonly #scratch: string;
  #fd: number | undefined;
  #offset = 0;
  // Cell c's value of run r of the block is chunks[c >> 8][r * 256 + (c & 255)]: chunks of
  // 256 cells are added as cells appear, so nothing is ever copied to grow.
  readonly #chunks: Float64Array[] = [];
  #row = 0;
  // The spilled block, reused.
  #spill = new Float64Array(0);
  readonly #inRun = new Set<string>();

  constructor(scratchFile: string) {
    this.#scratch = scratchFile;
  }

  /**
   * Adds the values of one output, value `i` being `layout`'s row `i`; non-finite values
   * are left out of the statistics. A run has at most one output per scenario.
   */
  addOutput(scenario: string, layout: Layout, values: Float64Array): void {
    if (this.#inRun.has(scenario)) throw new Error(`summary: a second output of ${scenario} in one run`);
    this.#inRun.add(scenario);
    const byBlock = this.#rowCells.get(scenario, () => new BoundedCache(BLOCK_CACHE));
    const chunks = this.#chunks;
    const row = this.#row * CHUNK;
    for (const [k, block] of layout.blocks.entries()) {
      const cells = byBlock.get(block, () => this.#cellsOf(scenario, block));
      const start = layout.starts[k] as number;
      for (let j = 0; j < cells.length; j++) {
        const c = cells[j] as number;
        (chunks[c >> 8] as Float64Array)[row + (c & 255)] = values[start + j] as number;
      }
    }
  }

  // Cells are created in row order when a block is first seen, as row-by-row adding would.
  #cellsOf(scenario: string, block: Block): Int32Array {
    const index = new Int32Array(block.periods.length);
    for (const [j, period] of block.periods.entries()) {
      const key = `${scenario}\u0000${block.outcome}\u0000${period}`;
      let at = this.#cellIndex.get(key);
      if (at === undefined) {
        at = this.#cells.length;
        this.#cells.push({ scenario, outcome: block.outcome, period, segments: [], n: 0 });
        this.#cellIndex.set(key, at);
      }
      index[j] = at;
    }
    while (this.#chunks.length * CHUNK < this.#cells.length) this.#chunks.push(new Float64Array(BLOCK_RUNS * CHUNK).fill(NaN));
    return index;
  }

  /** Marks the end of one run index's outputs (blocks are cut between runs). */
  endRun(): void {
    this.#inRun.clear();
    if (++this.#row === BLOCK_RUNS) this.#flush();
  }

  /** The statistics of everything added; removes the scratch file. */
  result(): Summary {
    if (this.#inRun.size > 0) this.endRun();
    this.#flush();
    const out: Summary = {};
    try {
      for (const cell of this.#cells) {
        const values = new Float64Array(cell.n);
        let at = 0;
        for (let i = 0; i < cell.segments.length; i += 2) {
          const count = cell.segments[i + 1] as number;
          readSync(this.#fd as number, values, at * 8, count * 8, cell.segments[i] as number);
          at += count;
        }
        ((out[cell.scenario] ??= {})[cell.outcome] ??= {})[cell.period] = summarise(values);
      }
    } finally {
      this.close();
    }
    return out;
  }

  /** Closes and deletes the scratch file. */
  close(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
    rmSync(this.#scratch, { force: true });
  }

  // Spills the block: each cell's finite values of the block's runs, in run order, as one
  // segment; all segments go out in one write.
  #flush(): void {
    this.#fd ??= openSync(this.#scratch, 'w+');
    const rows = this.#row;
    if (this.#spill.length < rows * this.#cells.length) this.#spill = new Float64Array(BLOCK_RUNS * this.#chunks.length * CHUNK);
    const out = this.#spill;
    let at = 0;
    for (const [c, cell] of this.#cells.entries()) {
      const chunk = this.#chunks[c >> 8] as Float64Array;
      const start = at;
      for (let r = 0, i = c & 255; r < rows; r++, i += CHUNK) {
        const v = chunk[i] as number;
        // -0 is stored as 0, as `rowsOf` gives it.
        if (Number.isFinite(v)) out[at++] = v + 0;
      }
      if (at === start) continue;
      cell.segments.push(this.#offset + start * 8, at - start);
      cell.n += at - start;
    }
    const bytes = new Uint8Array(out.buffer, 0, at * 8);
    for (let written = 0; written < bytes.length; ) written += writeSync(this.#fd, bytes, written, bytes.length - written, this.#offset + written);
    this.#offset += bytes.length;
    for (const chunk of this.#chunks) chunk.fill(NaN, 0, rows * CHUNK);
    this.#row = 0;
  }
}

/** The statistics of a list of values (in the order given, which fixes the sum's rounding). */
export function summarise(values: Float64Array): PeriodSummary {
  const n = values.length;
  if (n === 0) return { mean: NaN, sd: null, p5: NaN, p50: NaN, p95: NaN, n: 0 };
  const m = mean(values);
  const sorted = Float64Array.from(values).sort();
  return { mean: m, sd: sampleSd(values, m), p5: quantileSorted(sorted, 0.05), p50: quantileSorted(sorted, 0.5), p95: quantileSorted(sorted, 0.95), n };
}
