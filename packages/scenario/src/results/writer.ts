import { join } from 'node:path';
import { ArrowRunsWriter } from './arrow.ts';
import { AtomicFile, writeFileAtomic, type FileDigest } from './atomic.ts';
import { ComparisonAccumulator, comparisonCsv, type Comparison } from './comparison.ts';
import { RUNS_CSV_HEADER, csvField } from './csv.ts';
import { layoutOf } from './layout.ts';
import type { Manifest, ManifestHeader, ManifestRun } from './manifest.ts';
import { groupCsv, type PackedGroup } from './packed.ts';
import { stableJson } from './stable-json.ts';
import { SummaryAccumulator, type Summary } from './summary.ts';

/** File names inside a results folder. */
export const RESULT_FILES = {
  manifest: 'manifest.json',
  summary: 'summary.json',
  runsCsv: 'runs.csv',
  runsArrow: 'runs.arrow',
  comparisonJson: 'comparison.json',
  comparisonCsv: 'comparison.csv',
  logs: 'logs',
} as const;

/** What {@link ResultsWriter.finish} produced. */
export interface FinishedResults {
  readonly manifest: Manifest;
  readonly summary: Summary;
  readonly comparison: Comparison | null;
  /** Values that were not finite numbers (left out of the statistics). */
  readonly missingValues: number;
}

/**
 * Turns run groups (packed, see {@link PackedGroup}), fed in run order, into the files of
 * a results folder: `runs.csv` and `runs.arrow` are streamed as groups arrive;
 * `summary.json`, `comparison.*` and `manifest.json` are written at the end. Every file is written atomically. The same
 * groups in the same order always give the same bytes, however they were computed.
 */
export class ResultsWriter {
  readonly #dir: string;
  readonly #header: ManifestHeader;
  readonly #csv: AtomicFile;
  readonly #arrow: ArrowRunsWriter;
  readonly #summary: SummaryAccumulator;
  readonly #comparison: ComparisonAccumulator | null;
  readonly #runs: ManifestRun[] = [];
  #next: number;
  #missing = 0;

  constructor(dir: string, header: ManifestHeader) {
    this.#dir = dir;
    this.#header = header;
    this.#next = header.experiment.runRange.from;
    const baseline = header.experiment.baseline;
    this.#comparison = baseline === null ? null : new ComparisonAccumulator(baseline);
    this.#summary = new SummaryAccumulator(join(dir, `summary-values.tmp-${process.pid}`));
    this.#csv = new AtomicFile(join(dir, RESULT_FILES.runsCsv));
    this.#csv.write(`${RUNS_CSV_HEADER}\n`);
    this.#arrow = new ArrowRunsWriter(join(dir, RESULT_FILES.runsArrow));
  }

  /** Run index the next group must have. */
  get next(): number {
    return this.#next;
  }

  /**
   * Adds the outputs of the next run index. The group's `csv` bytes, when given, must be
   * {@link groupCsv} of it (a worker renders them so this thread does not have to).
   */
  add(group: PackedGroup): void {
    if (group.run !== this.#next) throw new Error(`results writer expected run ${this.#next}, got ${group.run}`);
    this.#next++;
    const logHashes: Record<string, string> = {};
    for (const output of group.outputs) {
      logHashes[output.scenario] = output.logHash;
      const layout = layoutOf(output.layout);
      const values = output.values;
      if (values.length !== layout.rows) throw new Error(`${output.scenario} run ${output.run}: ${values.length} values for ${layout.rows} rows`);
      for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i] as number)) this.#missing++;
      this.#arrow.addOutput(output, layout);
      this.#summary.addOutput(output.scenario, layout, values);
    }
    this.#csv.write(group.csv ?? groupCsv(group));
    this.#summary.endRun();
    this.#comparison?.add(group);
    this.#runs.push({ run: group.run, seed: group.seed, logHashes });
  }

  /** Writes the remaining files and commits all of them. */
  finish(): FinishedResults {
    const to = this.#header.experiment.runRange.to;
    if (this.#next !== to) throw new Error(`results writer finished at run ${this.#next}, expected ${to}`);
    const files: Record<string, FileDigest> = {};
    this.#csv.commit();
    files[RESULT_FILES.runsCsv] = { bytes: this.#csv.bytes, sha256: this.#csv.sha256 };
    files[RESULT_FILES.runsArrow] = this.#arrow.commit();
    const summary = this.#summary.result();
    files[RESULT_FILES.summary] = writeFileAtomic(join(this.#dir, RESULT_FILES.summary), stableJson(summary));
    const comparison = this.#comparison?.result() ?? null;
    if (comparison !== null) {
      files[RESULT_FILES.comparisonJson] = writeFileAtomic(join(this.#dir, RESULT_FILES.comparisonJson), stableJson(comparison));
      files[RESULT_FILES.comparisonCsv] = writeFileAtomic(join(this.#dir, RESULT_FILES.comparisonCsv), comparisonCsv(comparison, csvField));
    }
    const manifest: Manifest = { ...this.#header, runs: this.#runs, files };
    writeFileAtomic(join(this.#dir, RESULT_FILES.manifest), stableJson(manifest));
    return { manifest, summary, comparison, missingValues: this.#missing };
  }

  /** Deletes the temporary files. */
  abort(): void {
    this.#summary.close();
    this.#csv.abort();
    this.#arrow.abort();
  }
}
