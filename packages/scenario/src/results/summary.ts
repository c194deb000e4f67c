import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import type { RunRow } from './rows.ts';
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

interface Cell {
  readonly scenario: string;
  readonly outcome: string;
  readonly period: string;
  /** Values of the current block. */
  block: number[];
  /** [file offset, count] of each flushed segment, in run order. */
  readonly segments: number[];
  n: number;
}

/**
 * Accumulates per-run rows (in run order) into the statistics of `summary.json`. The order
 * matters: floating-point sums depend on it, which is why the runner feeds rows in run order.
 * Values are spilled to `scratchFile` every 256 runs, so memory does not grow with runs.
 */
export class SummaryAccumulator {
  readonly #cells = new Map<string, Cell>();
  readonly #scratch: string;
  #fd: number | undefined;
  #offset = 0;
  #runs = 0;

  constructor(scratchFile: string) {
    this.#scratch = scratchFile;
  }

  /** Adds one row; rows whose value is null (non-finite) are left out of the statistics. */
  add(row: RunRow): void {
    const key = `${row.scenario}\u0000${row.outcome}\u0000${row.period}`;
    let cell = this.#cells.get(key);
    if (cell === undefined) {
      cell = { scenario: row.scenario, outcome: row.outcome, period: row.period, block: [], segments: [], n: 0 };
      this.#cells.set(key, cell);
    }
    if (row.value !== null) cell.block.push(row.value);
  }

  /** Marks the end of one run index's rows (blocks are cut between runs). */
  endRun(): void {
    if (++this.#runs % BLOCK_RUNS === 0) this.#flush();
  }

  /** The statistics of everything added; removes the scratch file. */
  result(): Summary {
    this.#flush();
    const out: Summary = {};
    try {
      for (const cell of this.#cells.values()) {
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

  #flush(): void {
    this.#fd ??= openSync(this.#scratch, 'w+');
    for (const cell of this.#cells.values()) {
      if (cell.block.length === 0) continue;
      const bytes = new Uint8Array(Float64Array.from(cell.block).buffer);
      for (let written = 0; written < bytes.length; ) written += writeSync(this.#fd, bytes, written, bytes.length - written, this.#offset + written);
      cell.segments.push(this.#offset, cell.block.length);
      cell.n += cell.block.length;
      this.#offset += bytes.length;
      cell.block = [];
    }
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
