import { join } from 'node:path';
import { StibiumError } from '@stibium/core';
import { writeFileAtomic } from '../results/atomic.ts';
import { stableJson } from '../results/stable-json.ts';
import { loadModel } from './execute.ts';
import { ResultsFolder, JOURNAL_FILE } from '../results/folder.ts';
import { manifestHeader } from '../results/manifest.ts';
import { engineProvenance } from '../results/provenance.ts';
import { ResultsWriter, RESULT_FILES, type FinishedResults } from '../results/writer.ts';
import { RunJournal } from './journal.ts';
import { checkPlan, normalizePlan, planFingerprint } from './plan.ts';
import { createExecutor, type Executor } from './pool.ts';
import type { PackedGroup } from '../results/packed.ts';
import type { ExperimentPlan } from './types.ts';

/** The antimony model; tests and benchmarks pass their own module. */
export const DEFAULT_MODEL_MODULE = new URL('../model/run-once.ts', import.meta.url).href;

/** Options of {@link runExperiment} that do not change results. */
export interface RunExperimentOptions {
  /** Final results folder (written as `<out>.partial` until complete). */
  readonly out: string;
  /** Worker threads; 0 runs in this thread (default 0). The count never changes results. */
  readonly workers?: number;
  /** URL of the model module (default {@link DEFAULT_MODEL_MODULE}). */
  readonly modelModule?: string;
  /** Continue the unfinished run in `<out>.partial`. */
  readonly resume?: boolean;
  /** Replace an existing `<out>` (and discard an unfinished `<out>.partial`). */
  readonly replace?: boolean;
  /** Stored in `experiment.json` so a resume can rebuild the plan. */
  readonly request?: unknown;
  /** Called after each completed run index with (done, total) of this slice. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Aborting stops the run; completed runs stay journaled for `--resume`. */
  readonly signal?: AbortSignal;
}

/** What a finished experiment reports. */
export interface ExperimentResult extends FinishedResults {
  readonly out: string;
  /** Run indices computed by this call. */
  readonly executed: number;
  /** Run indices taken from the journal of an interrupted run. */
  readonly resumed: number;
}

/**
 * Runs an experiment: every case for every run index in `plan.range`, run seeds from the
 * experiment seed and run index only (common random numbers), on `workers` threads.
 * Results come back in any order and are put back in run order by a bounded reorder
 * buffer before they are journaled and written, so the output bytes do not depend on the
 * worker count. Throws INTERRUPTED (with `detail.partial`) when aborted.
 */
export async function runExperiment(given: ExperimentPlan, options: RunExperimentOptions): Promise<ExperimentResult> {
  checkPlan(given);
  const plan = normalizePlan(given);
  const engine = engineProvenance();
  const fingerprint = planFingerprint(plan, engine);
  const folder = options.resume ? ResultsFolder.resume(options.out, fingerprint) : ResultsFolder.create(options.out, { fingerprint, request: options.request ?? null }, options.replace ?? false);
  const writer = new ResultsWriter(folder.partial, manifestHeader(plan, engine));
  let journal: RunJournal | undefined;
  let done: number;
  const total = plan.range.to - plan.range.from;
  let executor: Executor | undefined;
  try {
    ({ journal, done } = RunJournal.open(folder.file(JOURNAL_FILE), plan.range.from, plan.cases.map((c) => c.id), (group) => writer.add(group)));
    options.onProgress?.(done, total);
    if (writer.next < plan.range.to) {
      const workers = Math.max(0, Math.floor(options.workers ?? 0));
      executor = createExecutor(
        { cases: plan.cases, seed: plan.seed, runs: plan.runs, logsDir: plan.keepLogs ? folder.file(RESULT_FILES.logs) : null, modelModule: options.modelModule ?? DEFAULT_MODEL_MODULE },
        workers,
      );
      const open = journal;
      await runOrdered(executor, writer.next, plan.range.to, workers, options.signal, (group) => {
        open.append(group);
        writer.add(group);
        options.onProgress?.(group.run + 1 - plan.range.from, total);
      });
    }
    journal.close();
    const finished = writer.finish();
    await writeModelMetadata(folder.partial, options.modelModule ?? DEFAULT_MODEL_MODULE);
    folder.finalize();
    return { ...finished, out: folder.out, executed: total - done, resumed: done };
  } catch (error) {
    journal?.close();
    writer.abort();
    if (error instanceof StibiumError && error.code === 'INTERRUPTED') {
      throw new StibiumError('INTERRUPTED', `interrupted after ${writer.next - plan.range.from} of ${total} runs`, { partial: folder.partial, done: writer.next - plan.range.from, total });
    }
    throw error;
  } finally {
    await executor?.close();
  }
}

/**
 * Writes what the model says about its outcomes and data (outcomes.json, assumptions.json)
 * beside the numbers, when the model module offers `resultsMetadata()`; the report reads
 * them for units, definitions and sources.
 */
async function writeModelMetadata(dir: string, modelModule: string): Promise<void> {
  const model = (await loadModel(modelModule)) as Partial<{ resultsMetadata(): { outcomes: unknown; assumptions: unknown } }>;
  if (typeof model.resultsMetadata !== 'function') return;
  const metadata = model.resultsMetadata();
  writeFileAtomic(join(dir, 'outcomes.json'), stableJson(metadata.outcomes));
  writeFileAtomic(join(dir, 'assumptions.json'), stableJson(metadata.assumptions));
}

// Tasks of a few run indices each: small enough to balance the threads, large enough that
// the message cost per task stays small next to the runs.
function chunkSize(count: number, workers: number): number {
  if (workers <= 1) return Math.max(1, Math.min(4, Math.floor(count / 16)));
  return Math.max(1, Math.min(16, Math.floor(count / (workers * 8))));
}

/**
 * Dispatches [from, to) in tasks, keeps at most `4 * workers` tasks between dispatch and
 * emission (the reorder buffer's bound), and calls `emit` for each group in run order.
 */
function runOrdered(executor: Executor, from: number, to: number, workers: number, signal: AbortSignal | undefined, emit: (group: PackedGroup) => void): Promise<void> {
  const chunk = chunkSize(to - from, workers);
  const maxOutstanding = Math.max(2, workers * 4);
  const ready = new Map<number, PackedGroup[]>();
  let nextDispatch = from;
  let nextEmit = from;
  let outstanding = 0;
  let settled = false;
  return new Promise<void>((resolve, reject) => {
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      reject(error);
    };
    const onAbort = (): void => fail(new StibiumError('INTERRUPTED', 'interrupted'));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const drain = (): void => {
      for (let groups = ready.get(nextEmit); groups !== undefined && !settled; groups = ready.get(nextEmit)) {
        ready.delete(nextEmit);
        outstanding--;
        try {
          for (const group of groups) emit(group);
        } catch (error) {
          return fail(error);
        }
        nextEmit += groups.length;
      }
    };
    const pump = (): void => {
      while (!settled && outstanding < maxOutstanding && nextDispatch < to) {
        const start = nextDispatch;
        const end = Math.min(to, start + chunk);
        nextDispatch = end;
        outstanding++;
        executor.run(start, end).then((groups) => {
          if (settled) return;
          ready.set(start, groups);
          drain();
          if (nextEmit >= to) {
            settled = true;
            signal?.removeEventListener('abort', onAbort);
            resolve();
          } else pump();
        }, fail);
      }
    };
    pump();
  });
}
