import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { writeReport } from '@stibium/report';
import { PARTIAL_SUFFIX, ResultsFolder, parseRunRange, runExperiment, safeSegment, type ExperimentPlan, type ExperimentResult } from '@stibium/scenario';
import { StibiumError } from '@stibium/core';
import { usage } from '../errors.ts';
import { catalogOf, loadCliModel } from '../model.ts';
import { createProgress } from '../progress.ts';
import { parseLeverOptions } from '../levers.ts';
import { comparisonTable, hiddenCount, outcomeFilter, summaryTable } from '../table.ts';
import { buildCases, type CaseRequest } from './cases.ts';

/** Options of `stibium run` and `stibium compare` as commander parses them. */
export interface ExperimentOptions {
  readonly runs?: string;
  readonly seed?: string;
  readonly workers?: string;
  readonly out?: string;
  readonly variant?: string;
  readonly allVariants?: boolean;
  /** `--lever name=value`, repeatable. */
  readonly lever?: readonly string[];
  readonly allLevers?: boolean;
  readonly baseline?: string;
  readonly json?: boolean;
  readonly keepLogs?: boolean;
  readonly runRange?: string;
  readonly resume?: string;
  readonly report?: boolean;
  readonly force?: boolean;
  readonly show?: string;
}

/** What `--resume` needs to rebuild the same plan, stored in the partial folder. */
interface StoredRequest extends CaseRequest {
  readonly cwd: string;
  readonly runs: number;
  readonly seed: string;
  readonly range: { from: number; to: number };
  readonly keepLogs: boolean;
}

function positiveInt(text: string, what: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) throw usage(`${what} expects a whole number >= 1, got "${text}"`);
  return Number(text);
}

function defaultOut(ids: readonly string[]): string {
  const name = ids.length === 1 ? (ids[0] as string) : `${ids[0] as string}+${ids.length - 1}`;
  return join('results', safeSegment(name).slice(0, 80));
}

/**
 * `stibium run` / `stibium compare`: loads the scenarios, runs the experiment with a
 * progress bar, prints the summary (and comparison) table, or JSON with `--json`.
 * Ctrl-C stops cleanly and says how to resume.
 */
export async function experimentCommand(files: readonly string[], opts: ExperimentOptions, baselineFile: string | null): Promise<number> {
  let request: StoredRequest;
  let out: string;
  if (opts.resume !== undefined) {
    if (files.length > 0) throw usage('--resume continues an unfinished run with its own scenarios; give no scenario files with it');
    if (opts.lever !== undefined || opts.allLevers === true) throw usage('--resume continues an unfinished run with its own levers; give no --lever or --all-levers with it');
    const record = ResultsFolder.readRecord(opts.resume);
    request = record.record.request as StoredRequest;
    out = record.out;
    // Scenario paths were recorded as typed, relative to where the run started.
    process.chdir(request.cwd);
  } else {
    if (files.length === 0) throw usage('give at least one scenario file, e.g. `stibium run scenarios/baseline.yaml`');
    const levers = parseLeverOptions(opts.lever);
    request = { cwd: process.cwd(), files, baselineFile, baselineId: opts.baseline ?? null, variant: opts.variant ?? null, allVariants: opts.allVariants ?? false, levers, allLevers: opts.allLevers ?? false, runs: 0, seed: '', range: { from: 0, to: 0 }, keepLogs: opts.keepLogs ?? false };
    out = '';
  }
  const workers = opts.workers === undefined ? defaultWorkers() : positiveInt(opts.workers, '--workers');
  if (opts.runs !== undefined) positiveInt(opts.runs, '--runs');
  const { url, model } = await loadCliModel();
  const { cases, baseline } = buildCases(request, catalogOf(model));
  if (opts.resume === undefined) {
    const first = cases[0] as (typeof cases)[number];
    const runs = opts.runs === undefined ? first.scenario.runs : positiveInt(opts.runs, '--runs');
    const seed = opts.seed ?? String(first.scenario.seed);
    const range = opts.runRange === undefined ? { from: 0, to: runs } : parseRunRange(opts.runRange, runs);
    request = { ...request, runs, seed, range };
    out = opts.out ?? defaultOut(cases.map((c) => c.id));
  }
  const plan: ExperimentPlan = { cases, baseline, runs: request.runs, range: request.range, seed: request.seed, keepLogs: request.keepLogs };
  const json = opts.json ?? false;
  const progress = createProgress(cases.length === 1 ? (cases[0] as (typeof cases)[number]).id : `${cases.length} scenarios`, json && !process.stderr.isTTY);
  const controller = new AbortController();
  const onSigint = (): void => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('\nstopping (Ctrl-C again to quit at once)...\n');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  let result: ExperimentResult;
  try {
    result = await runExperiment(plan, {
      out,
      workers,
      modelModule: url,
      resume: opts.resume !== undefined,
      replace: opts.force ?? false,
      request,
      signal: controller.signal,
      onProgress: (done, total) => progress.update(done, total),
    });
  } catch (error) {
    progress.stop();
    if (error instanceof StibiumError && error.code === 'INTERRUPTED') {
      const partial = String(error.detail?.['partial'] ?? `${out}${PARTIAL_SUFFIX}`);
      process.stderr.write(`Interrupted after ${String(error.detail?.['done'])} of ${String(error.detail?.['total'])} runs.\nPartial results are in ${partial}\nResume with: stibium run --resume ${partial}\n`);
      return 130;
    }
    throw error;
  } finally {
    process.off('SIGINT', onSigint);
  }
  progress.stop();
  const reportFile = opts.report === false ? null : await writeReportIfAvailable(result.out);
  if (json) {
    process.stdout.write(`${JSON.stringify({ out: result.out, seed: plan.seed, runs: plan.runs, runRange: plan.range, scenarios: cases.map((c) => c.id), baseline, executed: result.executed, resumed: result.resumed, missingValues: result.missingValues, report: reportFile, summary: result.summary, comparison: result.comparison })}\n`);
    return 0;
  }
  // Headline outcomes first; when none of them is in the results (another model), show all.
  let show = outcomeFilter(opts.show);
  if (opts.show === undefined && hiddenCount(result.summary, show) === hiddenCount(result.summary, () => false)) show = () => true;
  process.stdout.write(`${summaryTable(result.summary, show)}\n`);
  if (result.comparison !== null) process.stdout.write(`\n${comparisonTable(result.comparison, show)}\n`);
  const hidden = hiddenCount(result.summary, show);
  if (hidden > 0) process.stdout.write(`\n(${hidden} more outcomes in summary.json and runs.csv; show them with --show '*' or e.g. --show 'world.*')\n`);
  if (result.missingValues > 0) process.stderr.write(`warning: ${result.missingValues} outcome values were not finite numbers; they are empty in runs.csv and left out of the statistics\n`);
  process.stdout.write(`\nResults: ${result.out} (manifest.json, summary.json, runs.csv, runs.arrow${result.comparison ? ', comparison.json/.csv' : ''}${reportFile ? ', report.html' : ''})\n`);
  return 0;
}

function defaultWorkers(): number {
  // One thread per core, at most 8: past that the single writer thread is the bottleneck.
  return Math.max(1, Math.min(8, availableParallelism()));
}

// The results are complete and safe before the report is drawn; a report failure is only a warning.
async function writeReportIfAvailable(out: string): Promise<string | null> {
  try {
    return await writeReport(out);
  } catch (error) {
    process.stderr.write(`warning: report.html was not written (${error instanceof Error ? error.message : String(error)}); the results are complete. Try \`stibium report ${out}\` later.\n`);
    return null;
  }
}
