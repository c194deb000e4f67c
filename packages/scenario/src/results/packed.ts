import type { OutcomeValues, RunGroup, RunOutput } from '../experiment/types.ts';
import { csvField } from './csv.ts';
import { layoutKey, layoutOf, type Layout } from './layout.ts';
import { byCodePoint, type RunRow } from './rows.ts';

/**
 * One run output as a layout (see {@link Layout}) and its values in row order: what a
 * worker sends back instead of nested records, cheap to clone and to consume row by row.
 * Values are the model's numbers as given (NaN, infinities and -0 included).
 */
export interface PackedOutput {
  readonly scenario: string;
  readonly run: number;
  readonly seed: string;
  readonly logHash: string;
  /** The {@link Layout} key. */
  readonly layout: string;
  readonly values: Float64Array;
}

/**
 * The packed outputs of every case for one run index, and optionally the bytes the main
 * thread would otherwise render: the group's `runs.csv` lines, UTF-8 ({@link groupCsv}).
 */
export interface PackedGroup {
  readonly run: number;
  readonly seed: string;
  readonly outputs: readonly PackedOutput[];
  readonly csv?: Uint8Array;
}

/** Packs one output: rows in `rowsOf` order, outcomes without periods left out. */
export function packOutput(output: RunOutput): PackedOutput {
  const blocks: [string, string[]][] = [];
  const values: number[] = [];
  for (const outcome of Object.keys(output.outcomes).sort(byCodePoint)) {
    const periods = output.outcomes[outcome] as Record<string, number>;
    const keys = Object.keys(periods).sort(byCodePoint);
    if (keys.length === 0) continue;
    blocks.push([outcome, keys]);
    for (const period of keys) values.push(periods[period] as number);
  }
  return { scenario: output.scenario, run: output.run, seed: output.seed, logHash: output.logHash, layout: layoutKey(blocks), values: Float64Array.from(values) };
}

/**
 * Packs a group; with `csv`, also renders its `runs.csv` lines (a worker does, so the main
 * thread only copies bytes out).
 */
export function packGroup(group: RunGroup, csv = false): PackedGroup {
  const packed = { run: group.run, seed: group.seed, outputs: group.outputs.map(packOutput) };
  return csv ? { ...packed, csv: groupCsv(packed) } : packed;
}

/** The `runs.csv` lines of a group, UTF-8: the bytes `csvLine` gives for each row of `rowsOf`. */
export function groupCsv(group: PackedGroup): Uint8Array {
  const parts = group.outputs.map((output) => csvRows(output, layoutOf(output.layout)));
  if (parts.length === 1) return parts[0] as Uint8Array;
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

/** The rows of a packed output (as `rowsOf` gives them for the unpacked one). */
export function* packedRows(output: PackedOutput): Generator<RunRow> {
  const layout = layoutOf(output.layout);
  for (const [k, block] of layout.blocks.entries()) {
    const start = layout.starts[k] as number;
    for (const [j, period] of block.periods.entries()) {
      const value = output.values[start + j] as number;
      yield { scenario: output.scenario, run: output.run, seed: output.seed, outcome: block.outcome, period, value: Number.isFinite(value) ? value + 0 : null };
    }
  }
}

/** The nested outcome records of a packed output. */
export function unpackOutcomes(output: PackedOutput): OutcomeValues {
  const layout = layoutOf(output.layout);
  const outcomes: OutcomeValues = {};
  for (const [k, block] of layout.blocks.entries()) {
    const periods: Record<string, number> = (outcomes[block.outcome] = {});
    const start = layout.starts[k] as number;
    for (const [j, period] of block.periods.entries()) periods[period] = output.values[start + j] as number;
  }
  return outcomes;
}

// The lines of one output, written byte by byte into one buffer (no string per line):
// scenario, run and seed, then each row's cached `outcome,period,`, then the value in its
// shortest round-trip form (ASCII), -0 as 0, left empty when not finite.
function csvRows(output: PackedOutput, layout: Layout): Uint8Array {
  const head = Buffer.from(`${csvField(output.scenario)},${output.run},${csvField(output.seed)},`, 'utf8');
  const values = output.values;
  let bytes = new Uint8Array(layout.rows * (head.length + 48) + 64);
  let at = 0;
  let i = 0;
  for (const block of layout.blocks) {
    const middles = block.csvMiddles();
    for (let j = 0; j < block.periods.length; j++, i++) {
      const from = middles.offsets[j] as number;
      const to = middles.offsets[j + 1] as number;
      const v = values[i] as number;
      const text = Number.isFinite(v) ? String(v + 0) : '';
      const need = at + head.length + (to - from) + text.length + 1;
      if (need > bytes.length) {
        const grown = new Uint8Array(need * 2);
        grown.set(bytes.subarray(0, at));
        bytes = grown;
      }
      for (let k = 0; k < head.length; k++) bytes[at++] = head[k] as number;
      for (let k = from; k < to; k++) bytes[at++] = middles.bytes[k] as number;
      for (let k = 0; k < text.length; k++) bytes[at++] = text.charCodeAt(k);
      bytes[at++] = 10;
    }
  }
  // An exact copy: it owns its buffer, so a worker can move it to the main thread.
  return bytes.slice(0, at);
}
